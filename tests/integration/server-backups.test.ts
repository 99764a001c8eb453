// The department server's own backups: the daily time as a pure function; the timer's work run directly
// with a clock the test sets (no waiting): a copy lands in the folder, the rotation keeps N, a failure is
// logged and told, never thrown; server.backups and server.backupNow for administrators only; and a copy
// restored into an empty database by `reestr server import-sqlite` holds what the server held.
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migratePg } from '../../electron/core/store/pg/migrate';
import { openPool } from '../../electron/core/store/pg/pool';
import { pgCounts } from '../../electron/core/transfer/rows';
import { addAccount } from '../../electron/server/accounts/accounts';
import {
  backupName,
  createServerBackups,
  hasBackupOfDay,
  nextRunAt,
  parseKeep,
  parseTimeOfDay,
  type ServerBackups,
} from '../../electron/server/department/backups';
import type { ServerBackup, ServerBackupList } from '../../shared/schema/server-backup';
import { AppError } from '../../shared/errors';
import { tempDir } from '../helpers';
import { startDepartment, type DepartmentUnderTest } from '../support/department';
import { usePostgres } from '../support/postgres';
import { reestr } from '../support/server-cli';

const local = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0) => new Date(y, mo - 1, d, h, mi, s);

describe('the daily time of the copy', () => {
  it('is later today when the time is still ahead, else tomorrow', () => {
    const at = { hour: 2, minute: 0 };
    expect(nextRunAt(local(2026, 12, 5, 1, 59, 59), at)).toEqual(local(2026, 12, 5, 2, 0));
    expect(nextRunAt(local(2026, 12, 5, 2, 0), at)).toEqual(local(2026, 12, 6, 2, 0));
    expect(nextRunAt(local(2026, 12, 5, 14, 30), at)).toEqual(local(2026, 12, 6, 2, 0));
    expect(nextRunAt(local(2026, 12, 31, 23, 0), at)).toEqual(local(2027, 1, 1, 2, 0));
    expect(nextRunAt(local(2028, 2, 28, 23, 45), { hour: 23, minute: 30 })).toEqual(local(2028, 2, 29, 23, 30));
  });

  it('for any moment and time of day: after the moment, within a day (and a clock change), on the minute asked', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        (now, hour, minute) => {
          const next = nextRunAt(now, { hour, minute });
          expect(next.getTime()).toBeGreaterThan(now.getTime());
          expect(next.getTime() - now.getTime()).toBeLessThanOrEqual(25 * 3600_000);
          expect([next.getMinutes(), next.getSeconds(), next.getMilliseconds()]).toEqual([minute, 0, 0]);
          // Nothing between: the moment before it answers it too.
          expect(nextRunAt(new Date(next.getTime() - 1), { hour, minute })).toEqual(next);
        },
      ),
    );
  });

  it('reads the options, refusing in Russian what is not a time or a count', () => {
    expect(parseTimeOfDay('02:00', '--backup-at')).toEqual({ hour: 2, minute: 0 });
    expect(parseTimeOfDay('23:59', '--backup-at')).toEqual({ hour: 23, minute: 59 });
    for (const bad of ['24:00', '2', '02:60', 'полночь', '']) {
      expect(() => parseTimeOfDay(bad, '--backup-at')).toThrow(`Параметр «--backup-at»: укажите время в виде ЧЧ:ММ, например 02:00 (сейчас «${bad}»).`);
    }
    expect(parseKeep('14', '--backup-keep')).toBe(14);
    for (const bad of ['0', '-1', 'два', '1.5']) expect(() => parseKeep(bad, '--backup-keep')).toThrow('Параметр «--backup-keep»: укажите, сколько последних копий хранить');
  });

  it("knows a day's copy by its name", () => {
    const day = local(2026, 12, 5, 9, 0);
    expect(hasBackupOfDay([backupName(local(2026, 12, 5, 0, 0, 1))], day)).toBe(true);
    expect(hasBackupOfDay([backupName(local(2026, 12, 4, 23, 59, 59)), 'reestr-server-2026-12-05.sqlite.part'], day)).toBe(false);
    expect(hasBackupOfDay([], day)).toBe(false);
  });
});

const pg = usePostgres();
let dept: DepartmentUnderTest;
let admin: string;
let clerk: string;

/** A clock the test moves. */
function clock(start: Date) {
  let at = start;
  return { now: () => at, set: (d: Date) => (at = d) };
}

const logged: { error: unknown; context: string }[] = [];
const logError = (error: unknown, context: string) => void logged.push({ error, context });

beforeAll(async () => {
  await migratePg(pg.pool);
  await addAccount(pg.pool, 'admin', 'admin', 'пароль-администратора');
  await addAccount(pg.pool, 'ivanova', 'clerk', 'пароль-Ивановой');
}, 240_000);

describe('backups on the server', () => {
  // Its own folder for the whole describe: the helpers' temporary folders go after each test.
  const folder = join(mkdtempSync(join(tmpdir(), 'reestr-backups-')), 'копии сервера');
  const time = clock(local(2026, 12, 5, 14, 0));
  let backups: ServerBackups;

  beforeAll(async () => {
    backups = createServerBackups({ pool: pg.pool, folder, keep: 2, dailyAt: { hour: 2, minute: 0 }, logError, now: time.now });
    dept = await startDepartment(pg, { backups });
    admin = await dept.login('admin', 'пароль-администратора');
    clerk = await dept.login('ivanova', 'пароль-Ивановой');
    for (const title of ['Форум городов', 'Визит делегации', 'Ярмарка']) {
      const reply = await dept.call('events.create', { title, startDate: '2026-10-01' }, clerk);
      expect(reply.json?.ok, reply.body).toBe(true);
    }
  }, 120_000);

  afterAll(async () => {
    await backups?.stop();
    await dept?.close();
    rmSync(join(folder, '..'), { recursive: true, force: true });
  });

  it('makes a copy at start when the folder has none from today, and none when it has', async () => {
    expect(existsSync(folder)).toBe(false);
    backups.start();
    await backups.stop(); // waits for the copy in progress
    expect(readdirSync(folder)).toEqual([backupName(time.now())]);
    time.set(local(2026, 12, 5, 20, 0));
    backups.start();
    await backups.stop();
    expect(readdirSync(folder)).toEqual([backupName(local(2026, 12, 5, 14, 0))]);
  }, 60_000);

  it("runs the timer's work a day after another, keeping the newest two", async () => {
    for (const day of [6, 7, 8]) {
      time.set(local(2026, 12, day, 2, 0));
      await backups.scheduled();
    }
    expect(readdirSync(folder).sort()).toEqual([backupName(local(2026, 12, 7, 2, 0)), backupName(local(2026, 12, 8, 2, 0))]);
    expect(logged).toEqual([]);
  }, 60_000);

  it('lists the copies for an administrator, newest first, with their events', async () => {
    const reply = await dept.call('server.backups', {}, admin);
    expect(reply.status, reply.body).toBe(200);
    const list = reply.json?.value as ServerBackupList;
    expect(list).toMatchObject({ folder, keep: 2, dailyAt: '02:00', next: local(2026, 12, 9, 2, 0).toISOString(), folderProblem: null, lastFailure: null });
    expect(list.backups.map((b) => [b.name, b.at, b.events])).toEqual([
      [backupName(local(2026, 12, 8, 2, 0)), local(2026, 12, 8, 2, 0).toISOString(), 3],
      [backupName(local(2026, 12, 7, 2, 0)), local(2026, 12, 7, 2, 0).toISOString(), 3],
    ]);
    expect(list.backups.every((b) => b.bytes > 0)).toBe(true);
  });

  it('makes a copy now for an administrator; two asked at once are one copy', async () => {
    await dept.call('events.create', { title: 'Круглый стол', startDate: '2026-11-02' }, clerk);
    time.set(local(2026, 12, 8, 10, 15, 30));
    const reply = await dept.call('server.backupNow', {}, admin);
    expect(reply.json, reply.body).toMatchObject({ ok: true, value: { name: backupName(time.now()), events: 4 } });
    time.set(local(2026, 12, 8, 11, 0));
    const [a, b] = await Promise.all([backups.backupNow(), backups.backupNow()]);
    expect(a).toEqual(b);
    expect(readdirSync(folder).sort()).toEqual([backupName(local(2026, 12, 8, 10, 15, 30)), backupName(local(2026, 12, 8, 11, 0))]);
  }, 60_000);

  it('refuses both to a clerk with 403, in Russian', async () => {
    for (const method of ['server.backups', 'server.backupNow']) {
      const reply = await dept.call(method, {}, clerk);
      expect(reply.status, method).toBe(403);
      expect(reply.json?.error?.message).toBe('Недостаточно прав: роль «Сотрудник» этого не позволяет, нужна роль «Администратор» или выше. Обратитесь к администратору.');
    }
    expect(readdirSync(folder)).toHaveLength(2);
  });

  it('logs a failed scheduled copy and tells it on the list, without throwing; the next success clears it', async () => {
    const blocked = join(tempDir(), 'не-папка');
    writeFileSync(blocked, 'файл на месте папки');
    const broken = createServerBackups({ pool: pg.pool, folder: join(blocked, 'копии'), keep: 2, dailyAt: { hour: 2, minute: 0 }, logError, now: time.now });
    await broken.scheduled();
    expect(logged).toHaveLength(1);
    expect(logged[0]?.context).toBe('Сервер отдела: резервная копия');
    expect(logged[0]?.error).toBeInstanceOf(AppError);
    expect(broken.list()).toMatchObject({
      backups: [],
      folderProblem: `Не удалось прочитать папку копий «${join(blocked, 'копии')}» (ENOTDIR): проверьте, что это папка и что у сервера есть к ней доступ.`,
      lastFailure: { at: time.now().toISOString(), message: `Не удалось создать папку «${join(blocked, 'копии')}» для резервной копии: проверьте путь и права доступа.` },
    });
    await expect(broken.backupNow()).rejects.toThrow('Не удалось создать папку');
    logged.length = 0;
    time.set(local(2026, 12, 9, 2, 0));
    await backups.scheduled();
    expect(backups.list().lastFailure).toBeNull();
  }, 60_000);

  it('restores into an empty database with reestr server import-sqlite, holding what the server held', async () => {
    const [newest] = backups.list().backups as [ServerBackup];
    await pg.pool.query('CREATE DATABASE restored');
    const url = pg.url.replace('/reestr?', '/restored?');
    const moved = reestr(['server', 'import-sqlite', join(folder, newest.name), '--pg', url]);
    expect(moved.status, moved.stderr).toBe(0);
    expect(moved.stdout).toContain('перенесён на сервер: 4 мероприятия');
    const restored = openPool(url, 2);
    try {
      expect(await pgCounts(restored)).toEqual(await pgCounts(pg.pool));
      const titles = await restored.query<{ title: string }>('SELECT title FROM events ORDER BY id');
      expect(titles.rows.map((r) => r.title)).toEqual(['Форум городов', 'Визит делегации', 'Ярмарка', 'Круглый стол']);
    } finally {
      await restored.end();
    }
  }, 180_000);
});

describe('a server without backups set up', () => {
  it('says so to an administrator', async () => {
    const bare = await startDepartment(pg);
    try {
      const token = await bare.login('admin', 'пароль-администратора');
      const reply = await bare.call('server.backups', {}, token);
      expect(reply.status).toBe(404);
      expect(reply.json?.error?.message).toBe('Резервные копии на этом сервере отдела не настроены: их делает сервер, запущенный командой reestr server.');
    } finally {
      await bare.close();
    }
  });
});
