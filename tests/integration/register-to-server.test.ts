// «Перенести реестр на сервер» from the app: a clerk's own register (the demo, an import, edits with their
// history) sent by the local host's register.sendToServer to a real department server (PostgreSQL, TLS),
// checked there and here by rows and a checksum per table; the refusals (a clerk's account, bad files,
// a server already in use, the wrong side) change nothing, and the server goes on answering.
import fc from 'fast-check';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type Host } from '../../electron/core/host';
import { loadDemo } from '../../electron/core/services/demo';
import { createEvent, updateEvent } from '../../electron/core/services/events';
import { analyze } from '../../electron/core/import/analyze';
import { commitPreview, readImportSource } from '../../electron/core/services/imports';
import { migratePg } from '../../electron/core/store/pg/migrate';
import { pgRegisterContents } from '../../electron/core/transfer/pg-register';
import { pgChecksums, sqliteChecksums } from '../../electron/core/transfer/rows';
import { TABLES } from '../../electron/core/transfer/tables';
import { pgCounts } from '../../electron/core/transfer/rows';
import { HEADER_BYTES, registerUploadProblem } from '../../electron/core/transfer/upload-check';
import { SCHEMA_VERSION } from '../../electron/core/db/migrate';
import { addAccount } from '../../electron/server/accounts/accounts';
import { createServerClient } from '../../electron/server/department/client';
import { startDepartmentServer } from '../../electron/server/department/department-server';
import { answerRegisterSending } from '../../electron/server/department/send-register';
import { createDesktopDispatch, serverLinkFile, writeServerLink } from '../../electron/main/server-mode';
import { createDispatch, createServerHandlers, type Dispatch } from '../../electron/core/backend';
import type { Result } from '../../shared/errors';
import { RegisterSentSchema } from '../../shared/schema/register-transfer';
import { eventInput } from '../helpers';
import { selfSignedCert, startDepartment, type DepartmentUnderTest } from '../support/department';
import { usePostgres } from '../support/postgres';

const pg = usePostgres();
const tls = selfSignedCert();
const PASSWORD = 'пароль-администратора-1';

let dept: DepartmentUnderTest;
let dir: string;
let host: Host;
let send: Dispatch;

const uploads = () => readdirSync(tmpdir()).filter((name) => name.startsWith('reestr-upload-') || name.startsWith('reestr-send-'));

beforeAll(async () => {
  await migratePg(pg.pool);
  await addAccount(pg.pool, 'admin', 'admin', PASSWORD);
  await addAccount(pg.pool, 'ivanova', 'clerk', PASSWORD);
  dept = await startDepartment(pg, { tls });
  dir = mkdtempSync(join(tmpdir(), 'reestr-h1-'));
  host = startHost(join(dir, 'reestr.sqlite'));
  await host.ready;
  const core = host.core()!;
  // A register as a clerk leaves it: the demo, her own event edited (history), an import.
  await loadDemo(core);
  const own = await createEvent(core, eventInput({ title: 'Визит делегации Витебска', city: 'Смоленск', startDate: '2022-04-12' }));
  await updateEvent(core, own.id, eventInput({ title: 'Визит делегации Витебска (перенесён)', city: 'Смоленск', startDate: '2022-04-19' }));
  const source = await readImportSource('партнёры.csv', Buffer.from('Название;Дата;Город\nСеминар экспортёров;2022-05-15;Смоленск\n', 'utf8'));
  await commitPreview(core, await analyze(core, source, {}), {}, source);
  send = answerRegisterSending(host, host.dispatch);
}, 240_000);

afterAll(async () => {
  host?.close();
  await dept?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const input = (login = 'admin', password = PASSWORD) => ({ serverUrl: dept.server.url, caFile: tls.certFile, login, password });
const errorOf = (result: Result<unknown>) => (result.ok ? null : result.error);

/** A file's bytes sent as server.receiveRegister's body by the client the app uses, as `login`. */
async function sendBytes(bytes: Buffer, login = 'admin') {
  const file = join(dir, 'sent.bin');
  writeFileSync(file, bytes);
  const client = createServerClient({ serverUrl: dept.server.url, caFile: tls.certFile });
  const token = await dept.login(login, PASSWORD);
  try {
    return await client.post('server.receiveRegister', { file }, token);
  } finally {
    await client.post('auth.logout', { json: {} }, token);
  }
}

/** The server's register is still as a new one is: nothing of a refused transfer stayed. */
async function expectServerEmpty() {
  expect(await pgRegisterContents(pg.pool)).toEqual([]);
  expect(uploads()).toEqual([]);
}

/** A copy of the local register, its bytes (one self-contained file). */
function registerBytes(): Buffer {
  const copy = join(dir, 'copy.sqlite');
  rmSync(copy, { force: true });
  host.core()!.db.prepare('VACUUM INTO ?').run(copy);
  return readFileSync(copy);
}

describe('register.sendToServer refusals, the server still empty', () => {
  it('a clerk\'s account is refused here, before the register travels, and by the server itself with 403', async () => {
    const here = errorOf(await send('register.sendToServer', input('ivanova')));
    expect(here?.code).toBe('forbidden');
    expect(here?.message).toContain('перенести реестр может только «Администратор»');
    const there = await sendBytes(registerBytes(), 'ivanova');
    expect(errorOf(there)).toEqual({ code: 'forbidden', message: expect.stringContaining('нужна роль «Администратор»') as string });
    await expectServerEmpty();
  });

  it('a wrong password, an address that is not https, an empty field: refused in Russian, naming what is wrong', async () => {
    expect(errorOf(await send('register.sendToServer', input('admin', 'не тот пароль')))).toEqual({ code: 'unauthorized', message: 'Неверный логин или пароль.' });
    expect(errorOf(await send('register.sendToServer', { ...input(), serverUrl: dept.server.url.replace('https:', 'http:') }))?.message).toBe(
      'Поле «Адрес сервера отдела»: укажите адрес сервера отдела вида https://сервер:порт/.',
    );
    expect(errorOf(await send('register.sendToServer', { ...input(), login: ' ' }))?.message).toBe('Поле «Логин администратора»: не заполнено.');
    expect(errorOf(await send('register.sendToServer', { ...input(), caFile: undefined }))?.message).toContain('не подтвердил, что это он');
    await expectServerEmpty();
  });

  it('garbage, another program\'s SQLite file, a newer register, a damaged one: each refused clearly with 400', async () => {
    const cases: [Buffer, string][] = [
      [Buffer.from('это не реестр, а просто текст '.repeat(100), 'utf8'), 'не база данных SQLite'],
      [Buffer.alloc(0), 'пуст'],
    ];
    const foreign = join(dir, 'foreign.sqlite');
    const other = new Database(foreign);
    other.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES (\'заметка\')');
    other.close();
    cases.push([readFileSync(foreign), 'не реестр программы «Реестр»']);
    // Its header claims a register, its tables are another program's.
    const claimed = join(dir, 'claimed.sqlite');
    const liar = new Database(claimed);
    liar.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)');
    liar.pragma(`user_version = ${SCHEMA_VERSION}`);
    liar.close();
    const renamed = join(dir, 'renamed.sqlite');
    rmSync(renamed, { force: true });
    host.core()!.db.prepare('VACUUM INTO ?').run(renamed);
    const altered = new Database(renamed);
    altered.exec('ALTER TABLE agreements RENAME COLUMN notes TO remarks');
    altered.close();
    cases.push([readFileSync(renamed), 'в нём нет таблиц или их столбцов (соглашения)']);
    cases.push([readFileSync(claimed), 'Файл «присланный реестр» не является реестром программы «Реестр» или повреждён: в нём нет таблиц или их столбцов (настройки, пакеты импорта']);
    const newer = registerBytes();
    newer.writeUInt32BE(SCHEMA_VERSION + 1, 60);
    cases.push([newer, 'более новой версией программы']);
    // Pages past the first overwritten: the header reads as a register's, the tables do not.
    const damaged = registerBytes();
    damaged.fill(0xa5, 4096 * 2, damaged.length - 4096);
    cases.push([damaged, 'присланный реестр']);
    for (const [bytes, words] of cases) {
      const result = await sendBytes(bytes);
      expect(errorOf(result)?.code, words).toBe('bad_request');
      expect(errorOf(result)?.message).toContain(words);
    }
    await expectServerEmpty();
  });

  it('for any bytes, a register\'s header before them or not: a Russian 400, nothing kept, the server answering', async () => {
    const sqliteHead = (version: number) => {
      const head = Buffer.alloc(HEADER_BYTES);
      head.write('SQLite format 3\0', 0, 'latin1');
      head.writeUInt16BE(4096, 16);
      head.writeUInt32BE(version, 60);
      return head;
    };
    await fc.assert(
      fc.asyncProperty(fc.option(fc.integer({ min: 0, max: SCHEMA_VERSION + 2 })), fc.uint8Array({ maxLength: 20_000 }), async (version, rest) => {
        const bytes = version === null ? Buffer.from(rest) : Buffer.concat([sqliteHead(version), Buffer.from(rest)]);
        const error = errorOf(await sendBytes(bytes));
        expect(error?.code).toBe('bad_request');
        expect(error?.message).toMatch(/[а-яё]/i);
        expect(error?.message).not.toContain(tmpdir());
      }),
      { numRuns: 25 },
    );
    await expectServerEmpty();
  });

  it('refuses a register past the server\'s limit before reading it, and outlives a sender that stops mid-way', async () => {
    const small = await startDepartmentServer({
      dispatch: createDispatch(createServerHandlers(dept.core, () => {}), () => {}),
      pool: pg.pool,
      host: '127.0.0.1',
      port: 0,
      tls,
      maxRegister: 1024 ** 2,
    });
    try {
      const file = join(dir, 'big.bin');
      writeFileSync(file, Buffer.concat([registerBytes(), Buffer.alloc(2 * 1024 ** 2)]));
      const client = createServerClient({ serverUrl: small.url, caFile: tls.certFile });
      const token = await dept.login('admin', PASSWORD);
      expect(errorOf(await client.post('server.receiveRegister', { file }, token))).toEqual({
        code: 'bad_request',
        message: 'Присланный реестр больше 1 МБ: такой сервер отдела не принимает. Перенос не выполнен.',
      });

      // Half a register, then the connection cut: the server drops the file and goes on answering.
      const partial = httpsRequest(`${dept.server.url}api/server.receiveRegister`, {
        method: 'POST',
        ca: tls.cert,
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/octet-stream', 'Content-Length': String(4 * 1024 ** 2) },
      });
      partial.on('error', () => {});
      partial.write(registerBytes());
      await expect.poll(() => uploads().length).toBe(1);
      partial.destroy();
      await expect.poll(() => uploads()).toEqual([]);
      expect((await dept.call('auth.me', {}, token)).json).toMatchObject({ ok: true, value: { login: 'admin' } });
    } finally {
      await small.close();
    }
    await expectServerEmpty();
  });

  it('is not the department server\'s to answer, nor the desktop\'s while it works with the server', async () => {
    const token = await dept.login('admin', PASSWORD);
    const reply = await dept.call('register.sendToServer', input(), token);
    expect(reply.json?.error?.message).toBe('Неизвестная операция «register.sendToServer».');
    const linkFile = serverLinkFile(dir);
    writeServerLink(linkFile, { serverUrl: dept.server.url, caFile: tls.certFile });
    try {
      const desktop = createDesktopDispatch({ local: host.dispatch, file: linkFile, host });
      expect(errorOf(await desktop.dispatch('register.sendToServer', input()))?.message).toContain('Программа сейчас работает с сервером отдела');
    } finally {
      writeServerLink(linkFile, null);
    }
    await expectServerEmpty();
  });
});

describe('register.sendToServer into the empty server', () => {
  it('moves every table: rows and checksums on the server equal the local register\'s, which stays as it was', async () => {
    const db = host.core()!.db;
    const localSums = sqliteChecksums(db);
    const localCounts = Object.fromEntries(TABLES.map((t) => [t.name, db.prepare(`SELECT count(*) FROM ${t.name}`).pluck().get() as number]));
    expect(localCounts.events).toBeGreaterThan(10);
    expect(localCounts.change_log).toBeGreaterThan(0);
    expect(localCounts.import_batches).toBeGreaterThanOrEqual(2);

    // Through the desktop's dispatch in its local mode, as the window calls it.
    const desktop = createDesktopDispatch({ local: host.dispatch, file: serverLinkFile(dir), host });
    const result = await desktop.dispatch('register.sendToServer', input());
    expect(result.ok, JSON.stringify(result)).toBe(true);
    const sent = RegisterSentSchema.parse(result.ok ? result.value : null);
    expect(sent).toMatchObject({ serverUrl: dept.server.url, checksumsMatch: true, differing: [] });
    expect(Object.fromEntries(sent.tables.map((t) => [t.name, t.rows]))).toEqual(localCounts);
    expect(sent.tables.find((t) => t.name === 'events')?.label).toBe('мероприятия');

    // Read again on the server, independently of what it answered.
    expect(await pgCounts(pg.pool)).toEqual(localCounts);
    const client = await pg.pool.connect();
    try {
      await client.query('BEGIN');
      expect(await pgChecksums(client)).toEqual(localSums);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    expect(sqliteChecksums(db)).toEqual(localSums);
    expect(uploads()).toEqual([]);
    expect(existsSync(join(dir, 'reestr.sqlite'))).toBe(true);

    // The running server serves the register it received (a clerk reads the moved event).
    const token = await dept.login('ivanova', PASSWORD);
    const found = await dept.call('events.list', { query: 'Витебска перенесён' }, token);
    expect(found.json?.value).toMatchObject({ total: 1, items: [{ title: 'Визит делегации Витебска (перенесён)' }] });
  });

  it('a second transfer is refused: the server\'s register is no longer empty, and stays as it is', async () => {
    const before = await pgCounts(pg.pool);
    const error = errorOf(await send('register.sendToServer', input()));
    expect(error?.code).toBe('conflict');
    expect(error?.message).toContain('База данных сервера уже содержит реестр (мероприятия — ');
    expect(await pgCounts(pg.pool)).toEqual(before);
    expect(uploads()).toEqual([]);
  });
});

describe('registerUploadProblem', () => {
  const header = (version: number, rest: Uint8Array) => {
    const head = Buffer.alloc(HEADER_BYTES);
    head.write('SQLite format 3\0', 0, 'latin1');
    head.writeUInt32BE(version, 60);
    Buffer.from(rest).copy(head, 16, 0, 44);
    return head;
  };

  it('answers any bytes without throwing, and passes exactly a register\'s header of a version this program reads', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.nat({ max: 1e9 }), (bytes, size) => {
        const head = Buffer.from(bytes);
        const problem = registerUploadProblem(head, size);
        const looksLikeRegister = size > 0 && head.length >= HEADER_BYTES && head.subarray(0, 16).toString('latin1') === 'SQLite format 3\0';
        const version = looksLikeRegister ? head.readUInt32BE(60) : -1;
        expect(problem === null).toBe(looksLikeRegister && version >= 1 && version <= SCHEMA_VERSION);
      }),
    );
  });

  it('tells an empty file, a foreign database and a newer register apart, whatever else the header holds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.uint8Array({ minLength: 44, maxLength: 44 }), (version, rest) => {
        const problem = registerUploadProblem(header(version, rest), HEADER_BYTES);
        if (version === 0) expect(problem).toContain('не реестр программы «Реестр»');
        else if (version > SCHEMA_VERSION) expect(problem).toContain(`версия данных ${version}`);
        else expect(problem).toBeNull();
        expect(registerUploadProblem(header(version, rest), 0)).toContain('пуст');
      }),
    );
  });
});
