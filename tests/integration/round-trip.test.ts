// The full export read back by the import: into an empty register it gives the same events and
// agreements; into the same register every row is a duplicate and nothing is written.
import { inOrder } from '../../electron/core/in-order';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LocalCore } from '../../electron/core/core';
import { analyze } from '../../electron/core/import/analyze';
import { exportAllFile } from '../../electron/core/services/exports';
import { commitPreview, readImportSource } from '../../electron/core/services/imports';
import { createEvents, listEvents } from '../../electron/core/services/events';
import { createAgreement, listAgreements } from '../../electron/core/services/agreements';
import { loadDemo } from '../../electron/core/services/demo';
import { generateEvents } from '../../bench/generate';
import { AgreementFilterSchema, AgreementInputSchema } from '../../shared/schema/agreement';
import { EventFilterSchema, EventInputSchema, type Event } from '../../shared/schema/event';
import { tempCore, tempDir } from '../helpers';

async function events(core: LocalCore) {
  const byKey = (e: Event) => `${e.startDate}|${e.endDate}|${e.title}`;
  return (await listEvents(core, EventFilterSchema.parse({ limit: 100_000 }))).items
    .map(({ id: _id, batchId: _b, createdAt: _c, updatedAt: _u, agreementId: _a, ...rest }) => rest)
    .sort((a, b) => (byKey(a as Event) < byKey(b as Event) ? -1 : 1));
}

async function agreements(core: LocalCore) {
  return (await listAgreements(core, AgreementFilterSchema.parse({ limit: 1000 }))).items
    .map(({ id: _id, createdAt: _c, updatedAt: _u, ...rest }) => rest)
    .sort((a, b) => a.title.localeCompare(b.title));
}

async function roundTrip(source: LocalCore) {
  const file = join(tempDir(), 'Реестр.xlsx');
  await exportAllFile(source, file);
  const read = async () => readImportSource('Реестр.xlsx', readFileSync(file));

  const target = tempCore();
  const imported = await read();
  const preview = await analyze(target, imported, {});
  expect(preview.fullExport).toBe(true);
  expect(preview.summary.error).toBe(0);
  const result = await commitPreview(target, preview, {}, imported);
  expect(await events(target)).toEqual(await events(source));
  expect(await agreements(target)).toEqual(await agreements(source));

  const again = await read();
  const same = await analyze(source, again, {});
  expect(same.summary).toMatchObject({ new: 0, error: 0, duplicate: (await events(source)).length });
  const before = { events: await events(source), agreements: await agreements(source) };
  expect(await commitPreview(source, same, {}, again)).toMatchObject({ batchId: null, created: 0, agreements: 0 });
  expect({ events: await events(source), agreements: await agreements(source) }).toEqual(before);
  return result;
}

describe('export → import', () => {
  it('carries the demo register over whole, agreement links included', async () => {
    const core = tempCore();
    await loadDemo(core);
    const result = await roundTrip(core);
    expect(result).toMatchObject({ created: 9, agreements: 1 });
  });

  it('carries 1,000 events with every field, «ё», quotes, line breaks and formula-like text over unchanged', async () => {
    const core = tempCore();
    const deals = await inOrder(['Соглашение о сотрудничестве «Витебск — Смоленск»', 'Договор о поставках ёлочных игрушек', '=Меморандум'].entries(), ([i, title]) =>
      createAgreement(core, AgreementInputSchema.parse({
        kind: ['agreement', 'contract', 'memorandum'][i], number: `${i + 1}-С`, title, parties: ['Витебская область', 'Смоленская область'],
        signedOn: '2019-03-1' + i, validUntil: i === 2 ? null : '2030-12-31', autoProlongation: i === 1, spheres: ['культура', 'туризм'],
        department: 'Департамент Смоленской области по культуре', notes: `Строка 1\nСтрока 2 «кавычки» "и такие"`,
      })));
    const odd = ['=СУММ(A1)', '+7 (4812) 20-20-20', '-минус', '@упоминание'];
    const inputs = generateEvents(1000, 11).map((e, i) => EventInputSchema.parse({
      ...e,
      title: i % 50 === 0 ? `${odd[(i / 50) % 4]} ёлка «${i}» "${i}"` : `${e.title} — встреча молодёжи «Ёлка»`,
      venue: `Дом культуры «Ёлочка», зал ${i % 7}`,
      region: e.city ? null : 'Витебская область',
      participants: `${e.participants}\nвторая строка; с «кавычками»`,
      organizer: 'Департамент Смоленской области по культуре',
      outcomes: i % 4 === 0 ? `${odd[i % 4]} итоги\r\nс переносом` : `Итоги ${i}`,
      description: `${e.description}\n\n${odd[(i + 1) % 4]}`,
      status: (['held', 'planned', 'cancelled', 'postponed'] as const)[i % 4],
      agreementId: i % 10 === 0 ? (deals[i % 3]?.id ?? null) : null,
    }));
    await createEvents(core, inputs);
    const result = await roundTrip(core);
    expect(result).toMatchObject({ created: 1000, agreements: 3 });
  }, 120_000);
});
