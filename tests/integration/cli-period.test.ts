// `--period` of the CLI as a clerk writes it: the same Russian texts the register's period field reads.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../electron/cli/main';
import type { EventPage } from '../../shared/schema/event';
import { tempDir } from '../helpers';

async function reestr(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe('reestr --period in words', () => {
  it('lists, reports and exports a period typed in Russian as its code does', { timeout: 120_000 }, async () => {
    const db = join(tempDir(), 'r.sqlite');
    expect((await reestr(['demo', '--db', db])).code).toBe(0);
    const total = async (period: string) => {
      const run = await reestr(['events', 'list', '--db', db, '--json', '--period', period]);
      expect(run.err).toBe('');
      return (JSON.parse(run.out) as EventPage).total;
    };
    expect(await total('II полугодие 2021')).toBe(9);
    expect(await total('2021')).toBe(9);
    expect(await total('3 кв 2021')).toBe(await total('2021-Q3'));
    expect(await total('сентябрь 2021')).toBe(await total('2021-09'));
    expect(await total('01.07.2021–15.09.2021')).toBe(await total('2021-07-01..2021-09-15'));

    const report = await reestr(['report', '--db', db, '--period', 'II полугодие 2021']);
    expect(report.code).toBe(0);
    expect(report.out).toMatch(/^Во II полугодии 2021 года/m);
    const out = join(tempDir(), 'q.xlsx');
    expect((await reestr(['export', '--db', db, '--period', 'III квартал 2021 года', '--out', out])).code).toBe(0);

    const wrong = await reestr(['events', 'list', '--db', db, '--period', 'по мере необходимости']);
    expect(wrong.code).not.toBe(0);
    expect(wrong.err).toMatch(/период «по мере необходимости»/);
  });
});
