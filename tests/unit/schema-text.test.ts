// Every input schema of the contract over arbitrary strings: parsing fails only as a ZodError, and no accepted text keeps a control character.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { api, type MethodName } from '../../shared/api';

/** Control characters no accepted text may hold: Unicode Cc but tab, line feed and carriage return. */
const CONTROL = /[^\P{Cc}\t\n\r]/u;

/** Strings heavy in controls, mixed with the Cyrillic, quotes and spaces the schemas trim and check. */
const text = fc.array(
  fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 8 }),
    fc.integer({ min: 0, max: 0x9f }).map((c) => String.fromCharCode(c)),
    fc.constantFrom('\u0000', ' ', '«', '»', '"', 'Минск', 'форум', '2021-H2', '2024-03-01', '\r\n', '\t'),
  ),
  { maxLength: 10 },
).map((parts) => parts.join(''));

/** A valid input of each method with text in it; the property swaps any of its strings for arbitrary ones. */
const BASES: Partial<Record<MethodName, unknown>> = {
  'events.create': {
    title: 'Форум', kind: 'форум', startDate: '2024-03-01', endDate: '2024-03-02', city: 'Витебск', region: 'Витебская область', country: 'Республика Беларусь',
    venue: 'Зал', spheres: ['культура', 'спорт'], partners: ['Витебская область'], participants: 'Делегация', organizer: 'Комитет', outcomes: 'Итоги', description: 'Описание',
  },
  'events.update': { id: 1, version: 1, input: { title: 'Форум', startDate: '2024-03-01', kind: 'форум', description: 'Описание' } },
  'events.list': { period: '2021-H2', query: 'форум', kinds: ['форум'], spheres: ['культура'], partners: ['Минск'] },
  'agreements.create': { title: 'Соглашение', number: '12', parties: ['Витебская область'], department: 'Отдел', notes: 'Примечание', spheres: ['культура'] },
  'agreements.update': { id: 1, version: 1, input: { title: 'Соглашение', number: '12', notes: 'Примечание' } },
  'agreements.list': { query: 'соглашение' },
  'refs.create': { kind: 'city', name: 'Орша' },
  'refs.update': { id: 1, name: 'Орша', genitive: 'Орши', instrumental: 'Оршей', locative: 'Орше' },
  'calendar.data': { start: '2024-03-01', end: '2024-03-31', highlight: 'форум', filters: { kinds: ['форум'], partners: ['Минск'] } },
  'calendar.savePrefs': { place: 'month/2024-03', filters: { kinds: ['форум'], spheres: ['культура'], partners: ['Минск'] } },
  'report.save': { period: '2021-H2', partner: 'Минск', report: { title: 'Отчёт', paragraphs: [{ eventId: null, text: 'Абзац' }, { eventId: 1, text: 'Второй' }] } },
  'report.export': { period: '2021-H2', format: 'docx', report: { title: 'Отчёт', paragraphs: [{ eventId: null, text: 'Абзац' }] } },
  'export.csv': { period: '2021', query: 'форум', partners: ['Минск'], spheres: ['культура'], kinds: ['форум'] },
  'settings.setBackupFolder': { folder: '/home/user/копии' },
  'settings.setDepartment': { homeRegion: 'Смоленская область', homeCountry: 'Российская Федерация', departmentName: 'Департамент', responsibleName: 'Иванова И. И.', responsiblePhone: '+7 (4812) 29-10-00' },
  'backups.upload': { fileName: 'копия.sqlite', data: 'AAAA' },
};

/** The base with any of its strings replaced by an arbitrary text (keys kept, so the object stays strict-valid). */
function around(value: unknown): fc.Arbitrary<unknown> {
  if (typeof value === 'string') return fc.oneof(fc.constant(value), text);
  if (Array.isArray(value)) return fc.tuple(...value.map(around));
  if (value !== null && typeof value === 'object') {
    return fc.record(Object.fromEntries(Object.entries(value).map(([k, v]) => [k, around(v)])));
  }
  return fc.constant(value);
}

/** Every string in a parsed value, with its path; `data` is a file's bytes in base64, decoded, never kept as text. */
function strings(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => (k === 'data' ? [] : strings(v, `${path}.${k}`)));
  }
  return [];
}

function parses(schema: z.ZodType, input: unknown): unknown {
  try {
    return schema.parse(input);
  } catch (e) {
    expect(e).toBeInstanceOf(z.ZodError);
    return undefined;
  }
}

// import.analyze and import.commit take the file's name, sheet and cell edits as given: their schema (import.ts) is
// outside these text rules; cells reach the register only through the event schema, which drops controls.
const TEXT_RULED = (Object.keys(BASES) as MethodName[]);

describe('input schemas over arbitrary strings', () => {
  it.each(TEXT_RULED)('%s: fails only with a ZodError, and what it accepts holds no control character', (method) => {
    const schema = api[method].input as z.ZodType;
    let accepted = 0;
    fc.assert(
      fc.property(around(BASES[method]), (input) => {
        const parsed = parses(schema, input);
        if (parsed === undefined) return;
        accepted++;
        for (const [path, value] of strings(parsed)) expect(value, `${method}${path}`).not.toMatch(CONTROL);
      }),
      { numRuns: 150 },
    );
    expect(accepted).toBeGreaterThan(0);
  });

  it('every method refuses anything at all only with a ZodError', () => {
    const methods = Object.keys(api) as MethodName[];
    fc.assert(
      fc.property(fc.constantFrom(...methods), fc.anything({ withNullPrototype: true, withObjectString: true }), (method, input) => {
        parses(api[method].input as z.ZodType, input);
      }),
      { numRuns: 1500 },
    );
  });

  it('strips or refuses NUL in every text field of the bases', () => {
    // Dates and codes (a reference kind, a file format) are not texts: a NUL there is refused as any wrong value.
    const isCode = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) || value === 'city' || value === 'docx';
    const withNul = (value: unknown): unknown =>
      typeof value === 'string' ? (isCode(value) ? value : `\u0000${value.slice(0, 2)}\u0000${value.slice(2)}\u0000`)
        : Array.isArray(value) ? value.map(withNul)
          : value !== null && typeof value === 'object' ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withNul(v)]))
            : value;
    const refused: string[] = [];
    for (const method of TEXT_RULED) {
      const result = (api[method].input as z.ZodType).safeParse(withNul(BASES[method]));
      if (result.success) expect(strings(result.data).filter(([, v]) => v.includes('\u0000')), method).toEqual([]);
      else refused.push(method);
    }
    // A path is refused rather than changed; every other text is kept without its NULs.
    expect(refused).toEqual(['settings.setBackupFolder']);
  });
});
