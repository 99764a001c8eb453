import { describe, expect, it } from 'vitest';
import { listSql, overlapParams, overlapSql } from '../../electron/core/db/event-filter';
import {
  createEvent,
  createEvents,
  deleteEvent,
  getEvent,
  listEvents,
  restoreEvent,
  updateEvent,
} from '../../electron/core/services/events';
import { listRefs } from '../../electron/core/services/references';
import { createAgreement, deleteAgreement } from '../../electron/core/services/agreements';
import { AgreementInputSchema } from '../../shared/schema/agreement';
import { AppError } from '../../shared/errors';
import { addDays } from '../../shared/dates';
import { EventFilterSchema, EventInputSchema, type EventFilter } from '../../shared/schema/event';
import { eventInput, tempCore } from '../helpers';
import type { Core, LocalCore } from '../../electron/core/core';
import { describeBackends } from '../support/backends';

const filter = (raw: Record<string, unknown> = {}): EventFilter => EventFilterSchema.parse({ limit: 1000, ...raw });
const titles = async (core: Core, raw: Record<string, unknown>) => (await listEvents(core, filter(raw))).items.map((e) => e.title);

describeBackends('events', (backend) => {
  it('stores every field and gives it back, reference names matched case- and ё-insensitively', async () => {
    const core = await backend.core();
    const event = await createEvent(core, eventInput({
      title: 'Российско-Белорусский молодёжный форум',
      kind: 'ФОРУМ',
      startDate: '2021-08-27',
      endDate: '2021-08-28',
      city: 'Смоленск',
      venue: 'Смоленский государственный университет',
      format: 'in_person',
      spheres: ['Молодежная политика', 'культура'],
      partners: ['витебская область', 'Витебский областной исполнительный комитет'],
      participants: 'Молодёжные организации',
      organizer: 'департамент смоленской области по культуре',
      outcomes: 'Подписан план',
      description: 'Описание',
      status: 'held',
    }));
    expect(event).toMatchObject({
      kind: 'форум',
      city: 'Смоленск',
      region: 'Смоленская область',
      country: 'Российская Федерация',
      spheres: ['молодежная политика', 'культура'],
      partners: ['Витебская область', 'Витебский областной исполнительный комитет'],
      organizer: 'Департамент Смоленской области по культуре',
      datePrecision: 'day',
      endDate: '2021-08-28',
      deletedAt: null,
    });
    expect(await getEvent(core, event.id)).toEqual(event);
  });

  it('adds an unknown reference name to its list instead of rejecting it', async () => {
    const core = await backend.core();
    await createEvent(core, eventInput({ kind: 'Квиз', city: 'Новогрудок', region: 'Гродненская область', spheres: ['Археология'], partners: ['Новогрудский райисполком', 'Хабаровский край'] }));
    expect((await listRefs(core, 'kind')).map((r) => r.name)).toContain('Квиз');
    expect((await listRefs(core, 'sphere')).map((r) => r.name)).toContain('Археология');
    const city = (await listRefs(core, 'city')).find((r) => r.name === 'Новогрудок');
    expect(city).toMatchObject({ parentName: 'Гродненская область', usage: 1 });
    expect((await listRefs(core, 'organisation')).map((r) => r.name)).toContain('Новогрудский райисполком');
    expect((await listRefs(core, 'region')).map((r) => r.name)).toContain('Хабаровский край');
  });

  it('takes the country from the region given, not from a city listed under another region', async () => {
    const core = await backend.core();
    expect(await createEvent(core, eventInput({ city: 'Орша', region: 'Смоленская область' }))).toMatchObject({
      city: 'Орша', region: 'Смоленская область', country: 'Российская Федерация',
    });
  });

  it('refuses a link to an agreement in the trash, and names made of quotes only', async () => {
    const core = await backend.core();
    const { id } = await createAgreement(core, AgreementInputSchema.parse({ title: 'Соглашение' }));
    await deleteAgreement(core, id);
    await expect(createEvent(core, eventInput({ agreementId: id }))).rejects.toThrow(`Поле «Соглашение»: соглашение № ${id} находится в корзине.`);
    expect(EventInputSchema.safeParse({ title: 'X', startDate: '2021-01-01', kind: '«»' }).success).toBe(false);
  });

  it('selects every event that overlaps a period', async () => {
    const core = await backend.core();
    await createEvents(core, [
      eventInput({ title: 'Июнь–июль', startDate: '2021-06-27', endDate: '2021-07-01' }),
      eventInput({ title: 'Июнь', startDate: '2021-06-10' }),
      eventInput({ title: 'Сентябрь–октябрь', startDate: '2021-09-01', endDate: '2021-10-31', datePrecision: 'month' }),
      eventInput({ title: 'Весь 2021 год', startDate: '2021-01-01', datePrecision: 'year' }),
      eventInput({ title: 'Декабрь–январь', startDate: '2021-12-28', endDate: '2022-01-10' }),
      eventInput({ title: 'II квартал 2022', startDate: '2022-04-01', datePrecision: 'quarter' }),
    ]);
    expect(await titles(core, { period: '2021-H2' })).toEqual(['Весь 2021 год', 'Июнь–июль', 'Сентябрь–октябрь', 'Декабрь–январь']);
    expect(await titles(core, { period: '2021-Q3' })).toEqual(['Весь 2021 год', 'Июнь–июль', 'Сентябрь–октябрь']);
    expect(await titles(core, { period: '2021-10' })).toEqual(['Весь 2021 год', 'Сентябрь–октябрь']);
    expect(await titles(core, { period: '2022' })).toEqual(['Декабрь–январь', 'II квартал 2022']);
    expect(await titles(core, { period: '2021-06-28..2021-06-30' })).toEqual(['Весь 2021 год', 'Июнь–июль']);
    expect((await core.events.range('2022-01-01', '2022-01-31')).map((e) => e.title)).toEqual(['Декабрь–январь']);
  });

  it('finds by full text: any case, ё as е, word prefixes, every word required', async () => {
    const core = await backend.core();
    await createEvents(core, [
      eventInput({ title: 'Российско-Белорусский молодёжный патриотический форум' }),
      eventInput({ title: 'Выставка', participants: 'Молодежные организации Витебской области' }),
      eventInput({ title: 'Семинар', outcomes: 'Достигнуты договорённости о сотрудничестве' }),
      eventInput({ title: 'Встреча', description: 'Обсуждение поставок продовольствия' }),
    ]);
    expect(await titles(core, { query: 'молод' })).toEqual(['Российско-Белорусский молодёжный патриотический форум', 'Выставка']);
    expect(await titles(core, { query: 'МОЛОДЁЖНЫЙ' })).toEqual(['Российско-Белорусский молодёжный патриотический форум']);
    expect(await titles(core, { query: 'договоренности' })).toEqual(['Семинар']);
    expect(await titles(core, { query: 'продовольств' })).toEqual(['Встреча']);
    expect(await titles(core, { query: 'молод витебск' })).toEqual(['Выставка']);
    expect(await titles(core, { query: '"; DROP TABLE events; --' })).toEqual([]);
    // Pasted from a spreadsheet: control characters part words as the index does, soft hyphens vanish.
    expect(await titles(core, { query: 'выставка\u0001молод' })).toEqual(['Выставка']);
    expect(await titles(core, { query: 'дого\u00adворенности' })).toEqual(['Семинар']);
    expect(await titles(core, { query: '   ' })).toHaveLength(4);
  });

  it('finds a prefix of few words and a prefix of very many alike', async () => {
    const core = await backend.core();
    const codes = Array.from({ length: 40 }, (_, i) => `шифр${String(i).padStart(2, '0')}`);
    await createEvents(core, codes.map((code) => eventInput({ title: `Заседание ${code}` })));
    expect(await titles(core, { query: 'шифр' })).toHaveLength(40);
    expect(await titles(core, { query: 'шифр1' })).toHaveLength(10);
    expect(await titles(core, { query: 'шифр1 засед' })).toHaveLength(10);
    expect(await titles(core, { query: 'шифр07' })).toEqual(['Заседание шифр07']);
    expect(await titles(core, { query: 'шифр7' })).toEqual([]);
  });

  it('filters by kind, sphere, partner tree, format, status and agreement', async () => {
    const core = await backend.core();
    await createEvents(core, [
      eventInput({ title: 'A', kind: 'форум', spheres: ['культура'], partners: ['Витебский областной исполнительный комитет'], format: 'remote' }),
      eventInput({ title: 'B', kind: 'встреча', spheres: ['спорт'], city: 'Гомель', status: 'planned' }),
      eventInput({ title: 'C', kind: 'форум', spheres: ['спорт', 'культура'], partners: ['Брянская область'], format: 'in_person' }),
    ]);
    expect(await titles(core, { kinds: ['Форум'] })).toEqual(['A', 'C']);
    expect(await titles(core, { spheres: ['культура'] })).toEqual(['A', 'C']);
    expect(await titles(core, { partners: ['Республика Беларусь'] })).toEqual(['A', 'B']);
    expect(await titles(core, { partners: ['Витебская область'] })).toEqual(['A']);
    expect(await titles(core, { partners: ['Российская Федерация'] })).toEqual(['C']);
    expect(await titles(core, { formats: ['remote', 'in_person'] })).toEqual(['A', 'C']);
    expect(await titles(core, { statuses: ['planned'] })).toEqual(['B']);
    expect(await titles(core, { kinds: ['форум'], spheres: ['спорт'] })).toEqual(['C']);
  });

  it('finds events of every span length on the first and last day they cover', async () => {
    const core = await backend.core();
    const spans = [0, 29, 30, 31, 90, 91, 92, 364, 365, 366, 800];
    await createEvents(core, spans.map((days) => eventInput({ title: `${days}`, startDate: '2021-03-10', endDate: addDays('2021-03-10', days) })));
    for (const days of spans) {
      const last = addDays('2021-03-10', days);
      expect(await titles(core, { period: `${last}..${last}` })).toContain(`${days}`);
      expect(await titles(core, { period: `${addDays(last, 1)}..${addDays(last, 1)}` })).not.toContain(`${days}`);
      expect((await core.events.range(last, addDays(last, 3))).map((e) => e.title)).toContain(`${days}`);
    }
    expect(await titles(core, { period: '2021-03-09..2021-03-09' })).toEqual([]);
  });

  it('counts matches of sets without the trash, whatever the path', async () => {
    const core = await backend.core();
    const ids = await createEvents(core, [
      eventInput({ title: 'Форум один', spheres: ['культура', 'спорт'] }),
      eventInput({ title: 'Форум два', spheres: ['культура'] }),
      eventInput({ title: 'Форум три', spheres: ['спорт'] }),
      eventInput({ title: 'Выставка', spheres: ['культура'] }),
    ]);
    await deleteEvent(core, ids[1] as number);
    const total = async (raw: Record<string, unknown>) => (await listEvents(core, filter(raw))).total;
    expect(await total({ query: 'форум' })).toBe(2);
    expect(await total({ spheres: ['культура', 'спорт'] })).toBe(3);
    expect(await total({ query: 'форум', spheres: ['культура'] })).toBe(1);
    expect(await total({ query: 'форум', statuses: ['held'] })).toBe(2);
    expect(await total({ query: 'форум', period: '2021' })).toBe(2);
    expect(await total({ query: 'форум', deleted: true })).toBe(1);
  });

  it('pages and sorts, counting the whole selection', async () => {
    const core = await backend.core();
    await createEvents(core, ['2021-03-01', '2021-01-01', '2021-02-01'].map((d, i) => eventInput({ title: `Событие ${i}`, startDate: d })));
    const page = await listEvents(core, EventFilterSchema.parse({ limit: 2, order: 'desc' }));
    expect(page.total).toBe(3);
    expect(page.items.map((e) => e.startDate)).toEqual(['2021-03-01', '2021-02-01']);
    expect((await listEvents(core, EventFilterSchema.parse({ limit: 2, offset: 2, order: 'desc' }))).items.map((e) => e.startDate)).toEqual(['2021-01-01']);
  });

  it('edits an event and logs the fields before and after', async () => {
    const core = await backend.core();
    const { id } = await createEvent(core, eventInput({ title: 'Черновик', spheres: ['культура'] }));
    const updated = await updateEvent(core, id, eventInput({ title: 'Итоговое название', spheres: ['спорт'], startDate: '2021-09-01', datePrecision: 'month' }));
    expect(updated).toMatchObject({ title: 'Итоговое название', spheres: ['спорт'], endDate: '2021-09-30', datePrecision: 'month' });
    expect(await titles(core, { query: 'черновик' })).toEqual([]);
    expect(await titles(core, { query: 'итогов' })).toEqual(['Итоговое название']);
    expect(await titles(core, { period: '2021-09-30..2021-09-30' })).toEqual(['Итоговое название']);
    const log = await backend.all<{ action: string; user_name: string; before: string | null; after: string }>(core, `SELECT action, user_name, before, after FROM change_log WHERE entity = 'event' AND entity_id = ? ORDER BY id`, [id]);
    expect(log.map((l) => l.action)).toEqual(['create', 'update']);
    expect(log[1]?.user_name).toBe(core.user);
    expect(JSON.parse(log[1]?.before ?? '{}')).toMatchObject({ title: 'Черновик', spheres: ['культура'] });
    expect(JSON.parse(log[1]?.after ?? '{}')).toMatchObject({ title: 'Итоговое название', spheres: ['спорт'] });
  });

  it('moves an event to the trash and back', async () => {
    const core = await backend.core();
    const { id } = await createEvent(core, eventInput({ title: 'Удаляемое' }));
    await deleteEvent(core, id);
    expect(await titles(core, {})).toEqual([]);
    expect(await titles(core, { deleted: true })).toEqual(['Удаляемое']);
    await expect(deleteEvent(core, id)).rejects.toThrow(/уже в корзине/);
    await expect(updateEvent(core, id, eventInput())).rejects.toThrow(/в корзине/);
    expect((await restoreEvent(core, id)).deletedAt).toBeNull();
    expect(await titles(core, { period: '2021' })).toEqual(['Удаляемое']);
    await expect(restoreEvent(core, id)).rejects.toThrow(/не в корзине/);
    const actions = await backend.pluck(core, `SELECT action FROM change_log WHERE entity_id = ? ORDER BY id`, [id]);
    expect(actions).toEqual(['create', 'delete', 'restore']);
  });

  it('writes a batch all or nothing', async () => {
    const core = await backend.core();
    const count = async () => (await backend.pluck(core, 'SELECT (SELECT count(*) FROM events) + (SELECT count(*) FROM refs WHERE name = ?)', ['Новая сфера']))[0];
    const before = await count();
    await expect(createEvents(core, [eventInput({ spheres: ['Новая сфера'] }), eventInput({ agreementId: 999 })])).rejects.toThrow(/соглашение № 999 не найдено/);
    expect(await count()).toBe(before);
  });

  it('says in Russian that an event does not exist', async () => {
    const core = await backend.core();
    try {
      await getEvent(core, 42);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe('not_found');
      expect((e as AppError).message).toBe('Мероприятие № 42 не найдено.');
    }
  });
});

describe('events in a SQLite file', () => {
  it('refuses, in the database itself, a span class that disagrees with the dates', async () => {
    const core = tempCore();
    const { id } = await createEvent(core, eventInput({ startDate: '2021-01-01', endDate: '2021-02-01' }));
    expect(core.db.prepare('SELECT span_class FROM events WHERE id = ?').pluck().get(id)).toBe(1);
    expect(() => core.db.prepare('UPDATE events SET span_class = 0 WHERE id = ?').run(id)).toThrow(/CHECK constraint failed/);
  });

});

describe('query plans', () => {
  const plan = (core: LocalCore, sql: string, params: Record<string, unknown>) =>
    (core.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((r) => r.detail).join('\n');

  it('answers a period with one covering range scan per span class, reading no rows', () => {
    const core = tempCore();
    const { count, params } = listSql(filter({ period: '2021-Q3', kinds: ['форум'], statuses: ['held'] }), () => null);
    const detail = plan(core, count, params);
    expect(detail.match(/SEARCH events USING COVERING INDEX events_span \(span_class=\? AND start_date>\? AND start_date<\?\)/g)).toHaveLength(3);
    expect(detail).toMatch(/SEARCH events USING COVERING INDEX events_span \(span_class=\? AND start_date<\?\)/);
    expect(detail).not.toMatch(/SCAN events\b/);
  });

  it('probes sphere and search sets from the index inside a period', () => {
    const core = tempCore();
    const { count, params } = listSql(filter({ period: '2021', spheres: ['культура'], query: 'форум' }), () => null);
    const detail = plan(core, count, params);
    expect(detail).toMatch(/COVERING INDEX events_span/);
    expect(detail).toMatch(/events_fts VIRTUAL TABLE INDEX 0:M/);
    expect(detail.match(/LIST SUBQUERY/g)?.length).toBeGreaterThanOrEqual(2);
    expect(detail).toMatch(/MATERIALIZE live/);
    expect(detail).not.toMatch(/SEARCH events USING INTEGER PRIMARY KEY/);
  });

  it('reads a calendar range from the span index alone, merging the classes without a sort', () => {
    const core = tempCore();
    const sql = `SELECT * FROM (${overlapSql([], 'id, title, kind_id, start_date, end_date, date_precision, format, status, city_id')}) ORDER BY start_date, end_date, id`;
    const detail = plan(core, sql, overlapParams('2021-09-01', '2021-09-30'));
    expect(detail.match(/SEARCH events USING COVERING INDEX events_span/g)).toHaveLength(4);
    expect(detail).toMatch(/MERGE \(UNION ALL\)/);
    expect(detail).not.toMatch(/TEMP B-TREE/);
  });

  it('pages the register in date order from the covering date index, without sorting', () => {
    const core = tempCore();
    const list = listSql(filter({ query: 'форум' }), () => null);
    const detail = plan(core, `${list.with}SELECT id FROM (${list.candidates}) ORDER BY start_date, end_date, id LIMIT 50`, list.params);
    expect(detail).toMatch(/SCAN events USING COVERING INDEX events_start/);
    expect(detail).not.toMatch(/TEMP B-TREE/);
  });
});
