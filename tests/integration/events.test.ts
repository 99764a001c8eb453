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
import type { Core } from '../../electron/core/core';

const filter = (raw: Record<string, unknown> = {}): EventFilter => EventFilterSchema.parse({ limit: 1000, ...raw });
const titles = (core: Core, raw: Record<string, unknown>) => listEvents(core, filter(raw)).items.map((e) => e.title);

describe('events', () => {
  it('stores every field and gives it back, reference names matched case- and ё-insensitively', () => {
    const core = tempCore();
    const event = createEvent(core, eventInput({
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
    expect(getEvent(core, event.id)).toEqual(event);
  });

  it('adds an unknown reference name to its list instead of rejecting it', () => {
    const core = tempCore();
    createEvent(core, eventInput({ kind: 'Квиз', city: 'Новогрудок', region: 'Гродненская область', spheres: ['Археология'], partners: ['Новогрудский райисполком', 'Хабаровский край'] }));
    expect(listRefs(core, 'kind').map((r) => r.name)).toContain('Квиз');
    expect(listRefs(core, 'sphere').map((r) => r.name)).toContain('Археология');
    const city = listRefs(core, 'city').find((r) => r.name === 'Новогрудок');
    expect(city).toMatchObject({ parentName: 'Гродненская область', usage: 1 });
    expect(listRefs(core, 'organisation').map((r) => r.name)).toContain('Новогрудский райисполком');
    expect(listRefs(core, 'region').map((r) => r.name)).toContain('Хабаровский край');
  });

  it('takes the country from the region given, not from a city listed under another region', () => {
    const core = tempCore();
    expect(createEvent(core, eventInput({ city: 'Орша', region: 'Смоленская область' }))).toMatchObject({
      city: 'Орша', region: 'Смоленская область', country: 'Российская Федерация',
    });
  });

  it('refuses a link to an agreement in the trash, and names made of quotes only', () => {
    const core = tempCore();
    const { id } = createAgreement(core, AgreementInputSchema.parse({ title: 'Соглашение' }));
    deleteAgreement(core, id);
    expect(() => createEvent(core, eventInput({ agreementId: id }))).toThrow(`Поле «Соглашение»: соглашение № ${id} находится в корзине.`);
    expect(EventInputSchema.safeParse({ title: 'X', startDate: '2021-01-01', kind: '«»' }).success).toBe(false);
  });

  it('selects every event that overlaps a period', () => {
    const core = tempCore();
    createEvents(core, [
      eventInput({ title: 'Июнь–июль', startDate: '2021-06-27', endDate: '2021-07-01' }),
      eventInput({ title: 'Июнь', startDate: '2021-06-10' }),
      eventInput({ title: 'Сентябрь–октябрь', startDate: '2021-09-01', endDate: '2021-10-31', datePrecision: 'month' }),
      eventInput({ title: 'Весь 2021 год', startDate: '2021-01-01', datePrecision: 'year' }),
      eventInput({ title: 'Декабрь–январь', startDate: '2021-12-28', endDate: '2022-01-10' }),
      eventInput({ title: 'II квартал 2022', startDate: '2022-04-01', datePrecision: 'quarter' }),
    ]);
    expect(titles(core, { period: '2021-H2' })).toEqual(['Весь 2021 год', 'Июнь–июль', 'Сентябрь–октябрь', 'Декабрь–январь']);
    expect(titles(core, { period: '2021-Q3' })).toEqual(['Весь 2021 год', 'Июнь–июль', 'Сентябрь–октябрь']);
    expect(titles(core, { period: '2021-10' })).toEqual(['Весь 2021 год', 'Сентябрь–октябрь']);
    expect(titles(core, { period: '2022' })).toEqual(['Декабрь–январь', 'II квартал 2022']);
    expect(titles(core, { period: '2021-06-28..2021-06-30' })).toEqual(['Весь 2021 год', 'Июнь–июль']);
    expect(core.events.range('2022-01-01', '2022-01-31').map((e) => e.title)).toEqual(['Декабрь–январь']);
  });

  it('finds by full text: any case, ё as е, word prefixes, every word required', () => {
    const core = tempCore();
    createEvents(core, [
      eventInput({ title: 'Российско-Белорусский молодёжный патриотический форум' }),
      eventInput({ title: 'Выставка', participants: 'Молодежные организации Витебской области' }),
      eventInput({ title: 'Семинар', outcomes: 'Достигнуты договорённости о сотрудничестве' }),
      eventInput({ title: 'Встреча', description: 'Обсуждение поставок продовольствия' }),
    ]);
    expect(titles(core, { query: 'молод' })).toEqual(['Российско-Белорусский молодёжный патриотический форум', 'Выставка']);
    expect(titles(core, { query: 'МОЛОДЁЖНЫЙ' })).toEqual(['Российско-Белорусский молодёжный патриотический форум']);
    expect(titles(core, { query: 'договоренности' })).toEqual(['Семинар']);
    expect(titles(core, { query: 'продовольств' })).toEqual(['Встреча']);
    expect(titles(core, { query: 'молод витебск' })).toEqual(['Выставка']);
    expect(titles(core, { query: '"; DROP TABLE events; --' })).toEqual([]);
    // Pasted from a spreadsheet: control characters part words as the index does, soft hyphens vanish.
    expect(titles(core, { query: 'выставка\u0001молод' })).toEqual(['Выставка']);
    expect(titles(core, { query: 'дого\u00adворенности' })).toEqual(['Семинар']);
    expect(titles(core, { query: '   ' })).toHaveLength(4);
  });

  it('finds a prefix of few words and a prefix of very many alike', () => {
    const core = tempCore();
    const codes = Array.from({ length: 40 }, (_, i) => `шифр${String(i).padStart(2, '0')}`);
    createEvents(core, codes.map((code) => eventInput({ title: `Заседание ${code}` })));
    expect(titles(core, { query: 'шифр' })).toHaveLength(40);
    expect(titles(core, { query: 'шифр1' })).toHaveLength(10);
    expect(titles(core, { query: 'шифр1 засед' })).toHaveLength(10);
    expect(titles(core, { query: 'шифр07' })).toEqual(['Заседание шифр07']);
    expect(titles(core, { query: 'шифр7' })).toEqual([]);
  });

  it('filters by kind, sphere, partner tree, format, status and agreement', () => {
    const core = tempCore();
    createEvents(core, [
      eventInput({ title: 'A', kind: 'форум', spheres: ['культура'], partners: ['Витебский областной исполнительный комитет'], format: 'remote' }),
      eventInput({ title: 'B', kind: 'встреча', spheres: ['спорт'], city: 'Гомель', status: 'planned' }),
      eventInput({ title: 'C', kind: 'форум', spheres: ['спорт', 'культура'], partners: ['Брянская область'], format: 'in_person' }),
    ]);
    expect(titles(core, { kinds: ['Форум'] })).toEqual(['A', 'C']);
    expect(titles(core, { spheres: ['культура'] })).toEqual(['A', 'C']);
    expect(titles(core, { partners: ['Республика Беларусь'] })).toEqual(['A', 'B']);
    expect(titles(core, { partners: ['Витебская область'] })).toEqual(['A']);
    expect(titles(core, { partners: ['Российская Федерация'] })).toEqual(['C']);
    expect(titles(core, { formats: ['remote', 'in_person'] })).toEqual(['A', 'C']);
    expect(titles(core, { statuses: ['planned'] })).toEqual(['B']);
    expect(titles(core, { kinds: ['форум'], spheres: ['спорт'] })).toEqual(['C']);
  });

  it('finds events of every span length on the first and last day they cover', () => {
    const core = tempCore();
    const spans = [0, 29, 30, 31, 90, 91, 92, 364, 365, 366, 800];
    createEvents(core, spans.map((days) => eventInput({ title: `${days}`, startDate: '2021-03-10', endDate: addDays('2021-03-10', days) })));
    for (const days of spans) {
      const last = addDays('2021-03-10', days);
      expect(titles(core, { period: `${last}..${last}` })).toContain(`${days}`);
      expect(titles(core, { period: `${addDays(last, 1)}..${addDays(last, 1)}` })).not.toContain(`${days}`);
      expect(core.events.range(last, addDays(last, 3)).map((e) => e.title)).toContain(`${days}`);
    }
    expect(titles(core, { period: '2021-03-09..2021-03-09' })).toEqual([]);
  });

  it('refuses, in the database itself, a span class that disagrees with the dates', () => {
    const core = tempCore();
    const { id } = createEvent(core, eventInput({ startDate: '2021-01-01', endDate: '2021-02-01' }));
    expect(core.db.prepare('SELECT span_class FROM events WHERE id = ?').pluck().get(id)).toBe(1);
    expect(() => core.db.prepare('UPDATE events SET span_class = 0 WHERE id = ?').run(id)).toThrow(/CHECK constraint failed/);
  });

  it('counts matches of sets without the trash, whatever the path', () => {
    const core = tempCore();
    const ids = createEvents(core, [
      eventInput({ title: 'Форум один', spheres: ['культура', 'спорт'] }),
      eventInput({ title: 'Форум два', spheres: ['культура'] }),
      eventInput({ title: 'Форум три', spheres: ['спорт'] }),
      eventInput({ title: 'Выставка', spheres: ['культура'] }),
    ]);
    deleteEvent(core, ids[1] as number);
    const total = (raw: Record<string, unknown>) => listEvents(core, filter(raw)).total;
    expect(total({ query: 'форум' })).toBe(2);
    expect(total({ spheres: ['культура', 'спорт'] })).toBe(3);
    expect(total({ query: 'форум', spheres: ['культура'] })).toBe(1);
    expect(total({ query: 'форум', statuses: ['held'] })).toBe(2);
    expect(total({ query: 'форум', period: '2021' })).toBe(2);
    expect(total({ query: 'форум', deleted: true })).toBe(1);
  });

  it('pages and sorts, counting the whole selection', () => {
    const core = tempCore();
    createEvents(core, ['2021-03-01', '2021-01-01', '2021-02-01'].map((d, i) => eventInput({ title: `Событие ${i}`, startDate: d })));
    const page = listEvents(core, EventFilterSchema.parse({ limit: 2, order: 'desc' }));
    expect(page.total).toBe(3);
    expect(page.items.map((e) => e.startDate)).toEqual(['2021-03-01', '2021-02-01']);
    expect(listEvents(core, EventFilterSchema.parse({ limit: 2, offset: 2, order: 'desc' })).items.map((e) => e.startDate)).toEqual(['2021-01-01']);
  });

  it('edits an event and logs the fields before and after', () => {
    const core = tempCore();
    const { id } = createEvent(core, eventInput({ title: 'Черновик', spheres: ['культура'] }));
    const updated = updateEvent(core, id, eventInput({ title: 'Итоговое название', spheres: ['спорт'], startDate: '2021-09-01', datePrecision: 'month' }));
    expect(updated).toMatchObject({ title: 'Итоговое название', spheres: ['спорт'], endDate: '2021-09-30', datePrecision: 'month' });
    expect(titles(core, { query: 'черновик' })).toEqual([]);
    expect(titles(core, { query: 'итогов' })).toEqual(['Итоговое название']);
    expect(titles(core, { period: '2021-09-30..2021-09-30' })).toEqual(['Итоговое название']);
    const log = core.db.prepare(`SELECT action, user_name, before, after FROM change_log WHERE entity = 'event' AND entity_id = ? ORDER BY id`).all(id) as { action: string; user_name: string; before: string | null; after: string }[];
    expect(log.map((l) => l.action)).toEqual(['create', 'update']);
    expect(log[1]?.user_name).toBe(core.user);
    expect(JSON.parse(log[1]?.before ?? '{}')).toMatchObject({ title: 'Черновик', spheres: ['культура'] });
    expect(JSON.parse(log[1]?.after ?? '{}')).toMatchObject({ title: 'Итоговое название', spheres: ['спорт'] });
  });

  it('moves an event to the trash and back', () => {
    const core = tempCore();
    const { id } = createEvent(core, eventInput({ title: 'Удаляемое' }));
    deleteEvent(core, id);
    expect(titles(core, {})).toEqual([]);
    expect(titles(core, { deleted: true })).toEqual(['Удаляемое']);
    expect(() => deleteEvent(core, id)).toThrow(/уже в корзине/);
    expect(() => updateEvent(core, id, eventInput())).toThrow(/в корзине/);
    expect(restoreEvent(core, id).deletedAt).toBeNull();
    expect(titles(core, { period: '2021' })).toEqual(['Удаляемое']);
    expect(() => restoreEvent(core, id)).toThrow(/не в корзине/);
    const actions = core.db.prepare(`SELECT action FROM change_log WHERE entity_id = ? ORDER BY id`).pluck().all(id);
    expect(actions).toEqual(['create', 'delete', 'restore']);
  });

  it('writes a batch all or nothing', () => {
    const core = tempCore();
    const count = () => core.db.prepare('SELECT (SELECT count(*) FROM events) + (SELECT count(*) FROM refs WHERE name = ?)').pluck().get('Новая сфера');
    const before = count();
    expect(() =>
      createEvents(core, [eventInput({ spheres: ['Новая сфера'] }), eventInput({ agreementId: 999 })]),
    ).toThrow(/соглашение № 999 не найдено/);
    expect(count()).toBe(before);
  });

  it('says in Russian that an event does not exist', () => {
    const core = tempCore();
    try {
      getEvent(core, 42);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe('not_found');
      expect((e as AppError).message).toBe('Мероприятие № 42 не найдено.');
    }
  });
});

describe('query plans', () => {
  const plan = (core: Core, sql: string, params: Record<string, unknown>) =>
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
