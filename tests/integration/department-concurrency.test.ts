// Twenty clerks on one department server for a minute, over loopback HTTP: reading, creating, editing
// what they read (with the version they saw), the trash, changes of many events and imports, all at
// once. Afterwards: no call answered anything but ok, a conflict or a validation refusal; no update
// was lost; every change is in the change log once, under its clerk's login; versions count the log.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { migratePg } from '../../electron/core/store/pg/migrate';
import { addAccount } from '../../electron/server/accounts/accounts';
import { eventInputOf, type Event, type EventPage } from '../../shared/schema/event';
import type { ImportPreview, ImportResult } from '../../shared/schema/import';
import type { BulkResult } from '../../shared/schema/event';
import { random } from '../../bench/generate';
import { usePostgres } from '../support/postgres';
import { startDepartment, type DepartmentUnderTest, type Reply } from '../support/department';

const pg = usePostgres();
const PASSWORD = 'пароль-отдела-1';
const CLERKS = 20;
/** Each clerk works until this much wall time has passed (checked each iteration), or ITERATIONS at most. */
const DURATION_MS = 60_000;
const ITERATIONS = 100_000;
/** Events every clerk edits: shared, so edits collide. */
const HOT = 30;
const RETRIES = 5;
const logins = Array.from({ length: CLERKS }, (_, i) => `clerk-${String(i + 1).padStart(2, '0')}`);

let dept: DepartmentUnderTest;
const tokens = new Map<string, string>();

/** What one clerk was told succeeded: the ledger the change log is checked against. */
type Done =
  /** An imported event's creation is its batch's «import» row, not a row of its own. */
  | { action: 'create'; login: string; id: number; title: string; batchId?: number }
  | { action: 'update'; login: string; id: number; version: number; title: string }
  | { action: 'restore'; login: string; id: number; version: number }
  | { action: 'delete'; login: string; id: number };
const done: Done[] = [];
const bulks: { login: string; ids: number[]; result: BulkResult }[] = [];
const imports: { login: string; result: ImportResult }[] = [];
/** Every answer that was not ok. */
const refusals: { login: string; method: string; status: number; code: string; message: string }[] = [];
/** Every event id someone created: the pool the clerks pick from. */
const known: number[] = [];

beforeAll(async () => {
  await migratePg(pg.pool);
  for (const [i, login] of logins.entries()) await addAccount(pg.pool, login, i % 4 === 0 ? 'coordinator' : 'clerk', PASSWORD);
  dept = await startDepartment(pg);
  for (const login of logins) tokens.set(login, await dept.login(login, PASSWORD));
}, 240_000);

afterAll(() => dept?.close());

const VERSION_CONFLICT = /^Запись изменил\(а\) (\S+) \d+ /;
const TRASH_CONFLICT = /находится в корзине|уже в корзине|не в корзине/;

/** One clerk's session: calls that keep the refusals, and the answer's value when ok. */
function clerk(login: string) {
  const token = tokens.get(login)!;
  return async <T>(method: string, input: unknown): Promise<{ ok: true; value: T } | { ok: false; code: string; message: string }> => {
    const reply: Reply = await dept.call(method, input, token);
    if (reply.json?.ok) return { ok: true, value: reply.json.value as T };
    const code = reply.json?.error?.code ?? `HTTP ${reply.status}`;
    const message = reply.json?.error?.message ?? reply.body.slice(0, 300);
    refusals.push({ login, method, status: reply.status, code, message });
    return { ok: false, code, message };
  };
}

/** A conflict is either a version another clerk moved on, naming that clerk, or the trash. */
const unexplained: { login: string; message: string }[] = [];
function checkConflict(login: string, message: string): void {
  const named = VERSION_CONFLICT.exec(message)?.[1];
  if (named !== undefined ? named === login || !logins.includes(named) : !TRASH_CONFLICT.test(message)) unexplained.push({ login, message });
}

const day = (rnd: () => number) => `2021-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;

/** A small semicolon CSV as a clerk's spreadsheet gives it, rows titled uniquely by the clerk and round. */
function importFile(login: string, n: number, rnd: () => number): string {
  const rows = Array.from({ length: 3 }, (_, r) => {
    const [, m, d] = day(rnd).split('-');
    return `Импорт ${login} № ${n}.${r + 1};${d}.${m}.2021;г. Лепель;очно;Культура`;
  });
  return Buffer.from(['Наименование мероприятия;Сроки;Место проведения;Формат;Сфера сотрудничества', ...rows].join('\r\n')).toString('base64');
}

async function work(login: string, seed: number, deadline: number): Promise<void> {
  const call = clerk(login);
  const rnd = random(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(rnd() * items.length)] as T;
  const target = () => (rnd() < 0.7 ? pick(known.slice(0, HOT)) : pick(known));
  for (let n = 0; n < ITERATIONS && Date.now() < deadline; n++) {
    const roll = rnd();
    if (roll < 0.3) {
      // Reading: a filtered page, a word, a card, a month of the calendar, a card's history.
      await call<EventPage>('events.list', { period: pick(['2021', '2021-H2', '2021-Q1']), statuses: rnd() < 0.5 ? ['held', 'planned'] : undefined, limit: 20 });
      await call<EventPage>('events.list', { query: pick(['правка', 'событие', 'Импорт', 'Лепель']), limit: 20 });
      await call<Event>('events.get', { id: target() });
      await call('calendar.data', { start: '2021-08-30', end: '2021-10-10' });
      await call('history.list', { entity: 'event', id: target() });
    } else if (roll < 0.4) {
      const title = `${login} событие ${n}`;
      const made = await call<Event>('events.create', { title, startDate: day(rnd) });
      if (made.ok) {
        done.push({ action: 'create', login, id: made.value.id, title });
        known.push(made.value.id);
      }
    } else if (roll < 0.75) {
      // The card: opened, edited, saved with the version seen; a conflict is read again and retried.
      const id = target();
      for (let attempt = 0; attempt < RETRIES; attempt++) {
        const read = await call<Event>('events.get', { id });
        if (!read.ok || read.value.deletedAt) break;
        const title = `${login} правка ${n}.${attempt}`;
        const saved = await call<Event>('events.update', { id, version: read.value.version, input: { ...eventInputOf(read.value), title } });
        if (saved.ok) {
          done.push({ action: 'update', login, id, version: saved.value.version, title });
          break;
        }
        if (saved.code !== 'conflict') break;
        checkConflict(login, saved.message);
      }
    } else if (roll < 0.87) {
      const id = target();
      const read = await call<Event>('events.get', { id });
      if (!read.ok) continue;
      if (read.value.deletedAt) {
        const restored = await call<Event>('events.restore', { id });
        if (restored.ok) done.push({ action: 'restore', login, id, version: restored.value.version });
        else if (restored.code === 'conflict') checkConflict(login, restored.message);
      } else {
        const deleted = await call('events.delete', { id });
        if (deleted.ok) done.push({ action: 'delete', login, id });
        else if (deleted.code === 'conflict') checkConflict(login, deleted.message);
      }
    } else if (roll < 0.95) {
      // The grid: a page of events selected, one status set on all.
      const page = await call<EventPage>('events.list', { period: '2021', sort: 'updatedAt', order: 'desc', limit: 5 });
      if (!page.ok || page.value.items.length === 0) continue;
      const ids = page.value.items.map((e) => e.id);
      const changed = await call<BulkResult>('events.bulkUpdate', { ids, patch: { status: pick(['held', 'planned', 'postponed']) } });
      if (changed.ok) bulks.push({ login, ids, result: changed.value });
      else if (changed.code === 'conflict') checkConflict(login, changed.message);
    } else {
      const preview = await call<ImportPreview>('import.analyze', { fileName: `${login}-${n}.csv`, data: importFile(login, n, rnd) });
      if (!preview.ok) continue;
      const committed = await call<ImportResult>('import.commit', { fileId: preview.value.fileId });
      if (committed.ok) imports.push({ login, result: committed.value });
    }
  }
}

interface LogRow {
  id: number;
  user_name: string;
  action: string;
  entity_id: number;
  before: string | null;
  after: string | null;
}

const parse = (text: string | null) => (text === null ? {} : (JSON.parse(text) as Record<string, unknown>));

it('twenty clerks for a minute: only ok, conflicts and refusals; no lost update; every change logged once under its login', async () => {
  // The shared events, made by the first clerk.
  const first = clerk(logins[0]!);
  for (let i = 0; i < HOT; i++) {
    const title = `${logins[0]} событие общее ${i}`;
    const made = await first<Event>('events.create', { title, startDate: `2021-09-${String(1 + i).padStart(2, '0')}`, status: 'planned' });
    if (!made.ok) throw new Error(`seed event refused: ${made.message}`);
    done.push({ action: 'create', login: logins[0]!, id: made.value.id, title });
    known.push(made.value.id);
  }

  const deadline = Date.now() + DURATION_MS;
  await Promise.all(logins.map((login, i) => work(login, 1000 + i, deadline)));

  // Nothing but conflicts and refusals of bad input reached a clerk; every conflict explained itself.
  // (Soft: the checks of the log below are told too when these fail.)
  expect.soft(refusals.filter((r) => r.code !== 'conflict' && r.code !== 'validation')).toEqual([]);
  expect.soft(unexplained).toEqual([]);
  // The minute was a contest: edits collided, and each kind of change succeeded.
  expect(refusals.some((r) => r.method === 'events.update' && r.code === 'conflict')).toBe(true);
  for (const action of ['create', 'update', 'delete', 'restore'] as const) expect(done.some((d) => d.action === action), action).toBe(true);
  expect(bulks.length).toBeGreaterThan(0);
  expect(imports.length).toBeGreaterThan(0);

  // Each import is one «import» row of the log under its clerk's login; its events join the ledger
  // as creations by that clerk (the titles its file gave them).
  for (const { login, result } of imports) {
    const batchId = result.batchId!;
    const batchRows = (await pg.pool.query<LogRow>("SELECT id::int, user_name, action, entity_id::int, before, after FROM change_log WHERE entity = 'batch' AND entity_id = $1", [batchId])).rows;
    expect(batchRows.map((r) => [r.user_name, r.action, parse(r.after).events]), `batch ${batchId}`).toEqual([[login, 'import', result.created]]);
    const { rows } = await pg.pool.query<{ id: number; title: string }>('SELECT id::int, title FROM events WHERE batch_id = $1 ORDER BY id', [batchId]);
    expect(rows).toHaveLength(result.created);
    for (const row of rows) done.push({ action: 'create', login, id: row.id, title: `Импорт ${login} №`, batchId });
  }

  const whole = (await pg.pool.query<LogRow & { entity: string; at: string }>('SELECT id::int, at, user_name, action, entity, entity_id::int, before, after FROM change_log ORDER BY id')).rows;
  const byId = new Map(whole.map((row) => [row.id, row]));
  const log = whole.filter((row) => row.entity === 'event');
  const ofEvent = new Map<number, LogRow[]>();
  for (const row of log) ofEvent.set(row.entity_id, [...(ofEvent.get(row.entity_id) ?? []), row]);

  // Every change a clerk was told of is in the log once, under the clerk's login: as many rows per
  // login and action as the ledger holds, and each answered version is the row of that change.
  const tally = (entries: Iterable<[string, string]>) => {
    const counts: Record<string, number> = {};
    for (const [login, action] of entries) counts[`${login} ${action}`] = (counts[`${login} ${action}`] ?? 0) + 1;
    return counts;
  };
  const ledger = [...done.filter((d) => !(d.action === 'create' && d.batchId)).map((d): [string, string] => [d.login, d.action]), ...bulks.flatMap((b) => Array.from({ length: b.result.count }, (): [string, string] => [b.login, 'update']))];
  expect(tally(log.map((row) => [row.user_name, row.action]))).toEqual(tally(ledger));
  for (const d of done) {
    const rows = ofEvent.get(d.id) ?? [];
    const row = d.action === 'create' ? rows[0] : d.action === 'delete' ? undefined : rows[d.version - 1];
    if (d.action === 'delete' || (d.action === 'create' && d.batchId)) continue;
    expect(row, `${d.action} of event ${d.id} by ${d.login}`).toMatchObject({ action: d.action, user_name: d.login });
    if (d.action === 'update') expect(parse(row!.after).title).toBe(d.title);
  }
  // A change of many events is one action, undone whole: the log rows it names begin and end with
  // its own, and its rows among them (its clerk's, at its one time; other clerks' fall between on a
  // server) are one update per event it changed (soft, as above).
  const foreign: string[] = [];
  for (const { login, ids, result } of bulks) {
    if (!result.action) {
      expect(result.count).toBe(0);
      continue;
    }
    const { first: from, last: to } = result.action;
    const head = byId.get(from);
    const tail = byId.get(to);
    if (!head || !tail || head.user_name !== login || tail.user_name !== login || tail.at !== head.at) {
      foreign.push(`${login}: rows ${from}..${to} do not begin and end with its own`);
      continue;
    }
    const own = whole.filter((row) => row.id >= from && row.id <= to && row.user_name === login && row.at === head.at);
    if (own.length !== result.count) foreign.push(`${login}: ${own.length} rows in ${from}..${to} for ${result.count} events`);
    for (const row of own) {
      if (row.entity !== 'event' || row.action !== 'update' || !ids.includes(row.entity_id)) foreign.push(`${login}: row ${row.id} is its ${row.action} of ${row.entity} ${row.entity_id}`);
    }
  }
  expect.soft(foreign).toEqual([]);

  // No lost update: each change started from the state the one before it left, the event is what
  // the last one wrote, its title the last saved title, and its version counts its logged changes.
  const touched = [...new Set(done.map((d) => d.id))];
  const events = (await pg.pool.query<{ id: number; title: string; status: string; deleted_at: string | null; version: number }>(
    'SELECT id::int, title, status, deleted_at, version::int FROM events WHERE id = ANY($1)', [touched],
  )).rows;
  expect(events).toHaveLength(touched.length);
  for (const event of events) {
    const rows = ofEvent.get(event.id) ?? [];
    const created = done.find((d): d is Extract<Done, { action: 'create' }> => d.action === 'create' && d.id === event.id)!;
    if (!created.batchId) expect(rows[0]?.action, `event ${event.id}`).toBe('create');
    expect(event.version, `event ${event.id}`).toBe(1 + rows.filter((r) => r.action !== 'create').length);
    const state: Record<string, unknown> = {};
    for (const row of rows) {
      const before = parse(row.before);
      const said = `event ${event.id}, change ${row.id} (${row.user_name}'s ${row.action}, after ${rows.filter((r) => r.id < row.id).map((r) => `${r.id} ${r.user_name}'s ${r.action}`).join(', ')})`;
      // Not the time: a change of many events rewrites (and so re-times) those it leaves as they were, unlogged.
      for (const key of Object.keys(before)) if (key in state && key !== 'updatedAt') expect(before[key], `${said}: ${key}`).toEqual(state[key]);
      Object.assign(state, parse(row.after));
    }
    if ('title' in state) expect(event.title).toBe(state.title);
    if ('status' in state) expect(event.status).toBe(state.status);
    if ('deletedAt' in state) expect(event.deleted_at).toBe(state.deletedAt);
    const updates = done.filter((d): d is Extract<Done, { action: 'update' }> => d.action === 'update' && d.id === event.id);
    const last = updates.reduce<(typeof updates)[number] | undefined>((a, b) => (a && a.version > b.version ? a : b), undefined);
    if (last) expect(event.title, `event ${event.id}`).toBe(last.title);
    else if (created.batchId) expect(event.title.startsWith(created.title), `event ${event.id}: ${event.title}`).toBe(true);
    else expect(event.title, `event ${event.id}`).toBe(created.title);
  }
}, 240_000);
