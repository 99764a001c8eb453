// «Перенести реестр на сервер» and the server's backups: a clerk's register filled through the services
// moves into an empty PostgreSQL register and reads there exactly as it read from its file (ids too),
// then the server's register written back as a new file reads the same again; refusals change nothing.
import { reestr as run } from '../support/server-cli';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { closeCore, openCore, type Core, type LocalCore } from '../../electron/core/core';
import { openPgCore, type PgCore } from '../../electron/core/store/pg/core';
import { openPool } from '../../electron/core/store/pg/pool';
import { migratePg } from '../../electron/core/store/pg/migrate';
import { copySqliteToPg } from '../../electron/core/transfer/to-pg';
import { pgCounts } from '../../electron/core/transfer/rows';
import { copyPgToSqlite } from '../../electron/core/transfer/to-sqlite';
import type { TransferProgress } from '../../electron/core/transfer/tables';
import { sqliteChecksums } from '../../electron/core/transfer/rows';
import { analyze } from '../../electron/core/import/analyze';
import { createAgreement, deleteAgreement, listAgreements, getAgreement, updateAgreement } from '../../electron/core/services/agreements';
import { loadDemo } from '../../electron/core/services/demo';
import { setDepartmentSettings } from '../../electron/core/services/department';
import { createEvent, createEvents, deleteEvent, getEvent, listEvents, updateEvent } from '../../electron/core/services/events';
import { generateEvents } from '../../bench/generate';
import { recordHistory } from '../../electron/core/services/history';
import { commitPreview, listBatches, readImportSource, undoBatch } from '../../electron/core/services/imports';
import { listRefs, mergeRefs, updateRef } from '../../electron/core/services/references';
import { buildReport, exportReport, reportDraft, saveReport } from '../../electron/core/services/reports';
import { AppError } from '../../shared/errors';
import { AgreementFilterSchema, AgreementInputSchema } from '../../shared/schema/agreement';
import { EventFilterSchema } from '../../shared/schema/event';
import { RefKindSchema } from '../../shared/schema/reference';
import { ReportInputSchema } from '../../shared/schema/report';
import { CalendarQuerySchema } from '../../shared/schema/calendar';
import { calendarData } from '../../electron/core/services/calendar';
import { SCHEMA_VERSION } from '../../electron/core/db/migrate';
import { eventInput, registerOfVersion1, tempDir } from '../helpers';
import { usePostgres } from '../support/postgres';

const postgres = usePostgres();

const opened: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (opened.length) await opened.pop()?.();
});

let databases = 0;

/** A new, empty PostgreSQL database of this cluster, and a pool over it. */
async function newDatabase(): Promise<{ url: string; pool: ReturnType<typeof openPool> }> {
  const name = `transfer_${++databases}`;
  await postgres.pool.query(`CREATE DATABASE ${name}`);
  const url = postgres.url.replace('/reestr?', `/${name}?`);
  const pool = openPool(url, 3);
  opened.push(() => pool.end());
  return { url, pool };
}

function sqliteCore(file: string): LocalCore {
  const core = openCore(file);
  opened.push(() => closeCore(core));
  return core;
}

function pgCore(url: string): PgCore {
  const core = openPgCore(url, { user: 'проверка' });
  opened.push(() => core.close());
  return core;
}

async function refusal(run: () => Promise<unknown>): Promise<AppError> {
  try {
    await run();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('not refused');
}

const agreementInput = (title: string, parties: string[]) => AgreementInputSchema.parse({ title, parties, signedOn: '2021-02-08', validUntil: '2026-02-08', autoProlongation: true });

/** A register as a clerk leaves it: the demo, own events and agreements, edits, trash, an import and its undo, renamed and merged references, a saved draft, settings. */
async function fillRegister(core: Core): Promise<void> {
  await loadDemo(core);
  const agreement = await createAgreement(core, agreementInput('Соглашение с Могилёвской областью', ['Могилевская область', 'Беларусь']));
  await updateAgreement(core, agreement.id, AgreementInputSchema.parse({ ...agreementInput('Соглашение с Могилёвской областью (изменённое)', ['Могилевская область']), notes: 'продлено' }));
  const trashed = await createAgreement(core, agreementInput('Меморандум в корзине', ['Казахстан']));
  await deleteAgreement(core, trashed.id);
  const event = await createEvent(core, eventInput({
    title: 'Ёлочный фестиваль «Зимние узоры»', kind: 'фестиваль', city: 'Смоленск', spheres: ['культура', 'туризм'], partners: ['Витебская область'],
    description: 'Мастер-классы, ярмарка; e-mail: info@example.ru', participants: 'Делегация Витебска', outcomes: 'Подписан план',
    agreementId: agreement.id, startDate: '2021-12-20', endDate: '2022-01-10',
  }));
  await updateEvent(core, event.id, eventInput({
    title: 'Ёлочный фестиваль «Зимние узоры» — 2021', kind: 'фестиваль', city: 'Смоленск', spheres: ['туризм'], partners: ['Витебская область', 'Беларусь'],
    description: 'Мастер-классы, ярмарка; e-mail: info@example.ru', startDate: '2021-12-20', endDate: '2022-01-10',
  }));
  const gone = await createEvent(core, eventInput({ title: 'Отменённая встреча', startDate: '2021-10-01' }));
  await deleteEvent(core, gone.id);
  const csv = 'Название;Дата;Город\nСеминар экспортёров;2021-11-15;Смоленск\nКруглый стол;2021-11-16;Рославль\n';
  const source = await readImportSource('партнёры.csv', Buffer.from(csv, 'utf8'));
  await commitPreview(core, await analyze(core, source, {}), {}, source);
  const undone = await commitPreview(core, await analyze(core, await readImportSource('ещё.csv', Buffer.from('Название;Дата\nОтменённый импорт;2021-12-01\n', 'utf8')), {}), {});
  await undoBatch(core, undone.batchId!);
  const spheres = await listRefs(core, 'sphere');
  const [survivor, victim] = spheres;
  await updateRef(core, { id: survivor!.id, name: `${survivor!.name} и искусство` });
  await mergeRefs(core, survivor!.id, victim!.id);
  const input = ReportInputSchema.parse({ period: '2021-H2' });
  const draft = await reportDraft(core, { ...input, fresh: true });
  await saveReport(core, { ...input, report: draft.report });
  await setDepartmentSettings(core, { homeRegion: 'Смоленская область', departmentName: 'Департамент внешних связей', responsibleName: 'Иванова И. И.', responsiblePhone: '+7 4812 00-00-00' });
}

const eventFilters: Parameters<typeof EventFilterSchema.parse>[0][] = [
  { limit: 100_000 },
  { limit: 7, offset: 5, sort: 'title', order: 'desc' },
  { period: '2021-H2', limit: 100_000 },
  { query: 'елочн узор', limit: 100 },
  { query: 'info@example', limit: 100 },
  { deleted: true, limit: 100 },
  { spheres: ['туризм'], limit: 100 },
  { partners: ['Беларусь'], limit: 100 },
  { sort: 'kind', limit: 100 },
];

/** What the clerk sees of a register: lists, cards with ids and versions, references with usage, histories, batches, the calendar, the report. */
async function view(core: Core) {
  const events = [];
  for (const filter of eventFilters) events.push(await listEvents(core, EventFilterSchema.parse(filter)));
  const all = events[0]!.items;
  const cards = [];
  for (const e of all) cards.push(await getEvent(core, e.id));
  const agreements = await listAgreements(core, AgreementFilterSchema.parse({ limit: 1000 }));
  const trash = await listAgreements(core, AgreementFilterSchema.parse({ limit: 1000, deleted: true }));
  const agreementCards = [];
  for (const a of [...agreements.items, ...trash.items]) agreementCards.push(await getAgreement(core, a.id));
  const refs = [];
  for (const kind of RefKindSchema.options) refs.push(await listRefs(core, kind, true, true));
  const histories = [];
  for (const e of all.slice(-5)) histories.push(await recordHistory(core, 'event', e.id));
  for (const a of agreements.items) histories.push(await recordHistory(core, 'agreement', a.id));
  const report = await buildReport(core, ReportInputSchema.parse({ period: '2021-H2' }));
  const draft = await reportDraft(core, { ...ReportInputSchema.parse({ period: '2021-H2' }), fresh: false });
  // Every event with its first sphere, which the server keeps beside the event.
  const calendar = await calendarData(core, CalendarQuerySchema.parse({ start: '2016-01-01', end: '2025-12-31' }));
  return { events, cards, agreements, trash, agreementCards, refs, histories, batches: await listBatches(core), calendar, report, draft };
}

/** The clerk's register, filled, closed: a file as the CLI is given it. */
async function filledFile(): Promise<{ file: string; expected: Awaited<ReturnType<typeof view>> }> {
  const file = join(tempDir(), 'реестр.sqlite');
  const core = openCore(file);
  try {
    await fillRegister(core);
    return { file, expected: await view(core) };
  } finally {
    closeCore(core);
  }
}

describe('copySqliteToPg and copyPgToSqlite', () => {
  it('moves a register to the server, reads the same there, and comes back as a file that reads the same', async () => {
    const { file, expected } = await filledFile();
    // What is compared holds something: every list and search of the view finds events.
    expect(expected.events.map((page) => page.items.length).every((n) => n > 0)).toBe(true);
    expect(expected.events[3]!.items.map((e) => e.title)).toEqual(['Ёлочный фестиваль «Зимние узоры» — 2021']);
    expect(expected.trash.total).toBe(1);
    expect(expected.batches.length).toBeGreaterThanOrEqual(3);
    expect(expected.histories.every((h) => h.length > 0)).toBe(true);
    expect(expected.draft.savedAt).not.toBeNull();
    const before = readFileSync(file);
    const { url, pool } = await newDatabase();
    const progress: TransferProgress[] = [];
    const result = await copySqliteToPg(file, pool, { onProgress: (p) => progress.push(p) });

    expect(readFileSync(file).equals(before)).toBe(true); // the clerk's file only read
    expect(result.counts.events).toBe(expected.events[0]!.total + expected.events[5]!.total);
    expect(result.counts.change_log).toBeGreaterThan(0);
    expect(await pgCounts(pool)).toEqual(result.counts);
    const original = new Database(file, { readonly: true });
    try {
      expect(result.checksums).toEqual(sqliteChecksums(original));
    } finally {
      original.close();
    }
    const total = Object.values(result.counts).reduce((a, b) => a + b, 0);
    expect(progress.at(-1)).toMatchObject({ copied: total, total });
    expect(progress.map((p) => p.copied)).toEqual([...progress.map((p) => p.copied)].sort((a, b) => a - b));

    const server = pgCore(url);
    expect(await view(server)).toEqual(expected);

    // New records on the server take ids past the copied ones, and are logged after them.
    const added = await createEvent(server, eventInput({ title: 'Первое мероприятие на сервере', startDate: '2022-03-01' }));
    expect(added.id).toBeGreaterThan(Math.max(...expected.cards.map((c) => c.id), ...expected.events[5]!.items.map((e) => e.id)));
    const agreement = await createAgreement(server, agreementInput('Соглашение сервера', ['Беларусь']));
    expect(agreement.id).toBeGreaterThan(Math.max(...expected.agreementCards.map((a) => a.id)));
    const history = await recordHistory(server, 'event', added.id);
    expect(history.map((h) => h.action)).toEqual(['create']);
    const withAdded = await view(server);

    // The server's backup: a new register file, private, which the desktop app opens as its own.
    const backup = join(tempDir(), 'копии', 'reestr-server.sqlite');
    const backupResult = await copyPgToSqlite(pool, backup);
    expect(backupResult.counts).toEqual(await pgCounts(pool));
    if (process.platform !== 'win32') expect(statSync(backup).mode & 0o777).toBe(0o600);
    const restored = sqliteCore(backup);
    expect(restored.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(sqliteChecksums(restored.db)).toEqual(backupResult.checksums);
    expect(backupResult.checksums.events).not.toBe(result.checksums.events);
    expect(backupResult.checksums.refs).toBe(result.checksums.refs);
    expect(await view(restored)).toEqual(withAdded);
    // Its search index and interval buckets work as the app's own: a new event is found beside the copied ones.
    await createEvent(restored, eventInput({ title: 'Фестиваль после восстановления', startDate: '2021-12-25' }));
    const found = await listEvents(restored, EventFilterSchema.parse({ query: 'фестивал', period: '2021-12' }));
    expect(found.items.map((e) => e.title).sort()).toEqual(['Ёлочный фестиваль «Зимние узоры» — 2021', 'Фестиваль после восстановления']);
  });

  it('brings an older register up to date in a copy and moves it, leaving the file as it was', async () => {
    const file = registerOfVersion1();
    const before = readFileSync(file);
    const { url, pool } = await newDatabase();
    const result = await copySqliteToPg(file, pool);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(result.counts.events).toBe(1);
    const server = pgCore(url);
    const page = await listEvents(server, EventFilterSchema.parse({ query: 'форум' }));
    expect(page.items.map((e) => [e.id, e.title])).toEqual([[1, 'Форум 2019']]);
  });

  it('writes all of the register or nothing: a transfer stopped half-way leaves the server as it was', async () => {
    const { file } = await filledFile();
    const { pool } = await newDatabase();
    await migratePg(pool);
    const seeded = await pgCounts(pool);
    const seededRefs = await pool.query('SELECT id, name FROM refs ORDER BY id');
    const stop = new Error('остановлено');
    let seen = 0;
    await expect(copySqliteToPg(file, pool, { onProgress: (p) => {
      seen = p.copied;
      if (p.table === 'мероприятия') throw stop;
    } })).rejects.toBe(stop);
    expect(seen).toBeGreaterThan(0);
    expect(await pgCounts(pool)).toEqual(seeded);
    expect((await pool.query('SELECT id, name FROM refs ORDER BY id')).rows).toEqual(seededRefs.rows);
    // And the same server takes the register whole afterwards.
    expect((await copySqliteToPg(file, pool)).counts.events).toBeGreaterThan(0);
  });

  it('refuses a file whose records link to what is not there, before writing anything', async () => {
    const { file } = await filledFile();
    const broken = new Database(file);
    broken.pragma('foreign_keys = OFF');
    broken.prepare('INSERT INTO event_partners (event_id, partner_id, position) VALUES (1, 999999, 9)').run();
    broken.close();
    const { pool } = await newDatabase();
    await migratePg(pool);
    const seeded = await pgCounts(pool);
    const error = await refusal(() => copySqliteToPg(file, pool));
    expect(error.message).toBe(`В файле реестра «${file}» нарушены связи между записями (партнёры мероприятий: 1): такой реестр не переносится. Восстановите его из резервной копии (reestr backups list, затем reestr restore ФАЙЛ) и повторите перенос.`);
    expect(await pgCounts(pool)).toEqual(seeded);
  });

  it('refuses a server register in use, naming what it holds, and changes nothing in it', async () => {
    const { file } = await filledFile();
    const { url, pool } = await newDatabase();
    await migratePg(pool);
    const server = pgCore(url);
    await createEvent(server, eventInput({ title: 'Уже на сервере' }));
    const counts = await pgCounts(pool);
    const error = await refusal(() => copySqliteToPg(file, pool));
    expect(error.message).toMatch(/^База данных сервера уже содержит реестр \(мероприятия — 1, записи журнала изменений — 1\)/);
    expect(await pgCounts(pool)).toEqual(counts);

    // A second transfer into a register the first one filled is refused the same way.
    const empty = await newDatabase();
    await copySqliteToPg(file, empty.pool);
    const filled = await pgCounts(empty.pool);
    expect((await refusal(() => copySqliteToPg(file, empty.pool))).message).toMatch(/уже содержит реестр \(мероприятия — \d+, соглашения — \d+, пакеты импорта — \d+/);
    expect(await pgCounts(empty.pool)).toEqual(filled);
  });

  it('refuses files that are not a register, damaged, newer or missing, in Russian, writing nothing to the server', async () => {
    const { pool } = await newDatabase();
    await migratePg(pool);
    const seeded = await pgCounts(pool);
    const folder = tempDir();

    const text = join(folder, 'notes.sqlite');
    writeFileSync(text, 'это не база данных');
    expect((await refusal(() => copySqliteToPg(text, pool))).message).toBe(`Файл «${text}» не является базой данных Реестра или повреждён.`);

    const foreign = join(folder, 'foreign.sqlite');
    const other = new Database(foreign);
    other.exec('CREATE TABLE t (x)');
    other.close();
    expect((await refusal(() => copySqliteToPg(foreign, pool))).message).toMatch(/^Файл «.*foreign\.sqlite» — база данных другой программы, а не Реестра/);

    const newer = join(folder, 'newer.sqlite');
    const future = new Database(newer);
    future.exec('CREATE TABLE t (x)');
    future.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    future.close();
    const newerError = await refusal(() => copySqliteToPg(newer, pool));
    expect(newerError.code).toBe('db_newer');
    expect(newerError.message).toMatch(/более новой версией/);

    const { file } = await filledFile();
    const damaged = join(folder, 'damaged.sqlite');
    copyFileSync(file, damaged);
    // One byte of a key in a leaf of an index: integrity_check finds it (the quick check would not).
    const probe = new Database(damaged);
    const leaf = probe.prepare("SELECT pageno FROM dbstat WHERE name = 'events_span' AND pagetype = 'leaf' ORDER BY pageno").pluck().get() as number;
    const pageSize = probe.pragma('page_size', { simple: true }) as number;
    probe.close();
    const bytes = readFileSync(damaged);
    bytes[leaf * pageSize - 20] = (bytes[leaf * pageSize - 20] ?? 0) ^ 0x55;
    writeFileSync(damaged, bytes);
    const check = new Database(damaged, { readonly: true });
    expect(check.pragma('integrity_check', { simple: true })).not.toBe('ok');
    check.close();
    const damage = await refusal(() => copySqliteToPg(damaged, pool));
    expect(damage.message).toMatch(/^База данных «.*damaged\.sqlite» повреждена/);
    expect(damage.message).toContain(`«${damaged}»`);
    expect(damage.message).not.toContain('reestr-transfer-');

    const missing = join(folder, 'нет.sqlite');
    expect((await refusal(() => copySqliteToPg(missing, pool))).message).toBe(`Файл реестра «${missing}» не найден.`);
    expect(existsSync(missing)).toBe(false);

    expect(await pgCounts(pool)).toEqual(seeded);
  });

  it('refuses to write a backup over an existing file, or from a database with no register or a newer one', async () => {
    const { pool } = await newDatabase();
    const target = join(tempDir(), 'копия.sqlite');
    expect((await refusal(() => copyPgToSqlite(pool, target))).message).toMatch(/^В базе данных сервера нет реестра/);
    expect(existsSync(target)).toBe(false);
    await migratePg(pool);
    writeFileSync(target, 'прежний файл');
    expect((await refusal(() => copyPgToSqlite(pool, target))).message).toBe(`Файл «${target}» уже существует: резервная копия сервера записывается только в новый файл.`);
    expect(readFileSync(target, 'utf8')).toBe('прежний файл');

    // A folder that cannot be made (a file stands in its place) is named.
    const blocked = join(target, 'копия.sqlite');
    expect((await refusal(() => copyPgToSqlite(pool, blocked))).message).toBe(`Не удалось создать папку «${target}» для резервной копии: проверьте путь и права доступа.`);

    // A server database of a newer version is neither backed up nor filled by this one.
    await pool.query('UPDATE reestr_schema SET version = 99');
    const other = join(tempDir(), 'другая.sqlite');
    const newer = await refusal(() => copyPgToSqlite(pool, other));
    expect(newer.code).toBe('db_newer');
    expect(newer.message).toMatch(/^База данных сервера создана более новой версией программы \(версия схемы 99/);
    expect(existsSync(other)).toBe(false);
    const { file } = await filledFile();
    const seeded = await pgCounts(pool);
    expect((await refusal(() => copySqliteToPg(file, pool))).code).toBe('db_newer');
    expect(await pgCounts(pool)).toEqual(seeded);
  });
});

const reestr = (args: string[], cwd: string, env: Record<string, string> = {}) => run(args, { cwd, env });

describe('reestr server import-sqlite and reestr server backup', () => {
  it('moves a register to the server, refuses to do it twice, and writes the server\'s backups, keeping the newest', async () => {
    const { file, expected } = await filledFile();
    const { url, pool } = await newDatabase();
    const here = tempDir();
    const counts = (() => {
      const db = new Database(file, { readonly: true });
      try {
        const n = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
        return { events: n('events'), agreements: n('agreements'), refs: n('refs'), changes: n('change_log'), batches: n('import_batches') };
      } finally {
        db.close();
      }
    })();
    const moved = reestr(['server', 'import-sqlite', file, '--pg', url], here);
    expect(moved.stderr).toBe('');
    expect(moved.status).toBe(0);
    expect(moved.stdout.split('\n').slice(1)).toEqual([
      'Проверено: число строк и контрольная сумма каждой таблицы на сервере совпадают с файлом.',
      'Файл реестра не изменён. Сотрудники отдела работают теперь с сервером: reestr server --pg …',
    ]);
    expect(moved.stdout.split('\n')[0]).toMatch(
      new RegExp(`^Реестр «${file}» перенесён на сервер: ${counts.events} мероприяти[ейя]?, ${counts.agreements} соглашени[йея], ${counts.refs} запис[иейь]+ справочников, ${counts.changes} запис[иейь]+ журнала изменений, ${counts.batches} пакет(а|ов)? импорта\\.$`),
    );
    expect(await view(pgCore(url))).toEqual(expected);

    const again = reestr(['server', 'import-sqlite', file, '--pg', url], here);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/^Ошибка: База данных сервера уже содержит реестр \(мероприятия — \d+, соглашения — \d+/);
    expect(await pgCounts(pool)).toMatchObject({ events: counts.events, change_log: counts.changes });

    // A backup by default in the current folder, named by the time it was made.
    const backup = reestr(['server', 'backup', '--pg', url], here);
    expect(backup.stderr).toBe('');
    expect(backup.status).toBe(0);
    const made = readdirSync(here).filter((name) => name.endsWith('.sqlite'));
    expect(made).toHaveLength(1);
    expect(made[0]).toMatch(/^reestr-server-\d{4}-\d{2}-\d{2}_\d{6}\.sqlite$/);
    expect(backup.stdout.split('\n')).toEqual([
      `Резервная копия сервера записана и проверена: «${join(here, made[0]!)}».`,
      expect.stringMatching(new RegExp(`^В ней: ${counts.events} мероприяти[ейя]?, .* Файл открывается в программе как обычный реестр\\.$`)),
      'Проверено: число строк и контрольная сумма каждой таблицы в файле совпадают с сервером; целостность файла в порядке.',
    ]);
    expect(await view(sqliteCore(join(here, made[0]!)))).toEqual(expected);

    // A folder of backups: the newest kept, older backups of the server removed, nothing else touched.
    const folder = join(here, 'копии');
    mkdirSync(folder);
    for (const day of ['01', '02', '03']) writeFileSync(join(folder, `reestr-server-2020-01-${day}_120000.sqlite`), 'старая копия');
    writeFileSync(join(folder, 'reestr.sqlite'), 'реестр сотрудника');
    const rotated = reestr(['server', 'backup', '--pg', url, '--folder', folder, '--keep', '2'], here);
    expect(rotated.stderr).toBe('');
    expect(rotated.stdout).toMatch(/\nУдалены старые копии \(хранятся последние 2\): «reestr-server-2020-01-01_120000\.sqlite», «reestr-server-2020-01-02_120000\.sqlite»\.$/);
    const left = readdirSync(folder).sort();
    expect(left).toHaveLength(3);
    expect(left).toContain('reestr.sqlite');
    expect(left).toContain('reestr-server-2020-01-03_120000.sqlite');

    // An explicit file that exists is refused, and so are --out with --folder.
    const taken = join(here, 'занято.sqlite');
    writeFileSync(taken, 'прежний файл');
    expect(reestr(['server', 'backup', '--pg', url, '--out', taken], here)).toMatchObject({
      status: 1, stderr: `Ошибка: Файл «${taken}» уже существует: резервная копия сервера записывается только в новый файл.`,
    });
    expect(reestr(['server', 'backup', '--pg', url, '--out', taken, '--keep', '3'], here).status).toBe(2);
    expect(reestr(['server', 'backup', '--pg', url, '--folder', folder, '--keep', '0'], here).stderr).toMatch(/^Ошибка: Параметр «--keep»/);
  }, 300_000);

  it('says in Russian what is missing or unreachable', () => {
    const here = tempDir();
    expect(reestr(['server', 'backup'], here, { REESTR_PG: '' })).toMatchObject({
      status: 2, stderr: expect.stringMatching(/^Ошибка: Укажите базу данных сервера: --pg/),
    });
    const unreachable = reestr(['server', 'import-sqlite', join(here, 'нет.sqlite'), '--pg', `postgres://reestr@/reestr?host=${encodeURIComponent(join(here, 'нет-сокета'))}`], here);
    expect(unreachable.status).toBe(1);
    expect(unreachable.stderr).toBe(`Ошибка: Файл реестра «${join(here, 'нет.sqlite')}» не найден.`);
    const noServer = reestr(['server', 'backup', '--pg', `postgres://reestr@/reestr?host=${encodeURIComponent(join(here, 'нет-сокета'))}`], here);
    expect(noServer.status).toBe(1);
    expect(noServer.stderr).toMatch(/^Ошибка: Не удалось подключиться к PostgreSQL/);
    expect(readdirSync(here)).toEqual([]);
  }, 120_000);
});

describe('a round trip of any register', () => {
  // Texts with what folding and word splitting meet: «ё», capitals, Latin look-alikes, punctuation, e-mail, soft hyphens.
  const piece = fc.constantFrom('Ёлка', 'ёж', 'ФОРУМ', 'форум', 'Cмоленск', 'e-mail', 'a.b@c.ru', 'фор\u00adум', '№5', '—', '«кавычки»', 'x', '2021', 'Минск-Москва', '  ');
  const text = fc.array(piece, { minLength: 1, maxLength: 6 }).map((words) => words.join(' '));
  const record = fc.record({
    title: text.filter((t) => t.trim().length > 0),
    description: fc.option(text, { nil: undefined }),
    participants: fc.option(text, { nil: undefined }),
    day: fc.integer({ min: 0, max: 700 }),
    length: fc.integer({ min: 0, max: 400 }),
    city: fc.option(fc.constantFrom('Смоленск', 'Вязьма', 'Новый город'), { nil: undefined }),
    spheres: fc.uniqueArray(fc.constantFrom('культура', 'туризм', 'спорт', 'наука'), { maxLength: 3 }),
    trashed: fc.boolean(),
  });
  const iso = (day: number) => new Date(Date.UTC(2021, 0, 1 + day)).toISOString().slice(0, 10);

  it('copies to the server and back with every table the same, and finds the same events by any word', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(record, { minLength: 1, maxLength: 12 }), piece, async (records, word) => {
        const file = join(tempDir(), 'реестр.sqlite');
        const core = openCore(file);
        try {
          for (const r of records) {
            const event = await createEvent(core, eventInput({
              title: r.title, description: r.description, participants: r.participants, city: r.city, spheres: r.spheres,
              startDate: iso(r.day), endDate: iso(r.day + r.length),
            }));
            if (r.trashed) await deleteEvent(core, event.id);
          }
          const search = async (c: Core) => (await listEvents(c, EventFilterSchema.parse({ query: word.trim() || 'x', limit: 1000 }))).items.map((e) => [String(e.id), e.title]);
          const expected = await search(core);
          const { url, pool } = await newDatabase();
          const moved = await copySqliteToPg(file, pool);
          expect(await search(pgCore(url))).toEqual(expected);
          const back = await copyPgToSqlite(pool, join(tempDir(), 'копия.sqlite'));
          expect(back.checksums).toEqual(moved.checksums);
          expect(back.counts).toEqual(moved.counts);
        } finally {
          closeCore(core);
          while (opened.length) await opened.pop()?.();
        }
      }),
      { numRuns: 15 },
    );
  }, 300_000);
});

describe('a register of the demo and 10,000 events', () => {
  it('moves to the server with the same counts and checksums, and its report for 2021-H2 reads word for word the same there and from the backup', async () => {
    const file = join(tempDir(), 'реестр.sqlite');
    const input = ReportInputSchema.parse({ period: '2021-H2' });
    const reportText = async (core: Core) => (await exportReport(core, await buildReport(core, input), input.period, 'txt')).data;
    const local = openCore(file);
    let text: string;
    let events: number;
    try {
      await loadDemo(local);
      await createEvents(local, generateEvents(10_000, 7, 2020, 2022));
      text = await reportText(local);
      events = (await listEvents(local, EventFilterSchema.parse({ limit: 1 }))).total;
    } finally {
      closeCore(local);
    }
    expect(events).toBe(10_009);
    expect(text.length).toBeGreaterThan(1000);
    const { url, pool } = await newDatabase();
    const moved = await copySqliteToPg(file, pool);
    expect(moved.counts.events).toBe(events);
    expect(await reportText(pgCore(url))).toBe(text);
    const backup = join(tempDir(), 'копия.sqlite');
    const back = await copyPgToSqlite(pool, backup);
    expect(back.checksums).toEqual(moved.checksums);
    expect(await reportText(sqliteCore(backup))).toBe(text);
  }, 300_000);
});
