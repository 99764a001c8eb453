// The inputs of the register's three measured queries (a page with filters, a word search, a month),
// drawn from one seeded stream: the SQLite rows, PostgreSQL's and the server's ask the same things.
import { monthRange } from '../shared/dates';
import { random, WORDS } from './generate';

export function queryInputs(seed: number) {
  const rnd = random(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(rnd() * items.length)] as T;
  const periods = ['2019', '2020-H1', '2021-H2', '2022-Q3', '2023-05', '2024', '2025-Q1', '2018-H2'];
  return {
    page: () => ({
      period: pick(periods),
      kinds: rnd() < 0.5 ? [pick(['форум', 'семинар', 'встреча', 'выставка'])] : undefined,
      spheres: rnd() < 0.5 ? [pick(['культура', 'спорт', 'экономика'])] : undefined,
      order: rnd() < 0.5 ? ('asc' as const) : ('desc' as const),
      limit: 50,
    }),
    search: () => {
      const word = pick(WORDS);
      return { query: word.slice(0, Math.max(4, word.length - 3)), limit: 50 };
    },
    range: () => monthRange(2015 + Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 12)),
  };
}
