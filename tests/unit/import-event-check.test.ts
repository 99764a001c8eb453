import { describe, expect, it } from 'vitest';
import { agreesWithSchema, checkedEvent } from '../../electron/core/import/event-check';
import { EventInputSchema } from '../../shared/schema/event';

const base = { title: 'Международный форум «Молодёжь»', startDate: '2024-03-01', endDate: '2024-03-02', datePrecision: 'day', spheres: ['культура'], partners: ['Витебская область'] };
const long = (n: number) => 'а'.repeat(n);

/** Every variant the importer's rows may give, and some it never does. */
const variants: Record<string, unknown>[] = [
  base,
  { title: '  Форум  ', startDate: '2024-03-01' },
  { ...base, endDate: null }, { ...base, endDate: undefined }, { ...base, endDate: '2024-02-01' }, { ...base, endDate: '2024-13-01' },
  { ...base, kind: 'форум', city: 'Витебск', region: 'Витебская область', country: 'Республика Беларусь', venue: 'Летний амфитеатр', format: 'in_person' },
  { ...base, participants: 'Представители\r\nорганизаций', organizer: '  Комитет ', outcomes: '', description: '   ', status: 'planned', agreementId: 7 },
  { ...base, kind: '«»' }, { ...base, city: '' }, { ...base, venue: long(2001) }, { ...base, title: long(2001) }, { ...base, title: ' ' },
  { ...base, spheres: ['культура', ' культура ', 'спорт'] }, { ...base, spheres: [''] }, { ...base, spheres: undefined }, { ...base, partners: null },
  { ...base, format: 'online' }, { ...base, status: null }, { ...base, agreementId: 0 }, { ...base, agreementId: 2.5 }, { ...base, unknown: true },
  { title: 'Форум', startDate: '2024-03-01', datePrecision: 'month' }, { title: 'Форум', startDate: '2024-03-02', endDate: '2024-03-31', datePrecision: 'month' },
  { title: 'Форум', startDate: '2024-04-01', endDate: '2024-09-30', datePrecision: 'quarter' }, { title: 'Форум', startDate: '2024-01-01', endDate: '2024-12-30', datePrecision: 'year' },
  { title: 'Форум', startDate: '2024-02-29' }, { title: 'Форум', startDate: '2023-02-29' }, { title: 'Форум', startDate: '24-01-01' }, { title: 'Форум', startDate: 20240101 },
];

describe('the import’s check of an event against EventInputSchema', () => {
  it('agrees with the schema on its own probes (a changed schema turns the check off until it is brought in line)', () => {
    expect(agreesWithSchema()).toBe(true);
  });

  it.each(variants.map((v, i) => [i, v]))('variant %i: accepts only what zod accepts, with zod’s very output (key order too)', (_, input) => {
    const own = checkedEvent(input);
    const parsed = EventInputSchema.safeParse(input);
    if (own !== null) {
      expect(parsed.success).toBe(true);
      expect(JSON.stringify(own)).toBe(JSON.stringify(parsed.data));
    }
  });

  it('takes the ordinary rows itself', () => {
    expect(checkedEvent(base)).not.toBeNull();
    expect(checkedEvent({ title: 'Форум', startDate: '2024-03-01', datePrecision: 'month' })).toMatchObject({ endDate: '2024-03-31' });
  });
});
