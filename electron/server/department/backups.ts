// The department server's backups: one copy a day at a set local time (and one at start when the folder
// has none from today), the newest N kept; listed and made at once for administrators (server.backups,
// server.backupNow). A copy reads one REPEATABLE READ snapshot over one pooled connection, so calls go
// on while it runs. A scheduled copy that fails is logged and told on the list; it never ends the process.
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Pool } from 'pg';
import { copyPgToSqlite } from '../../core/transfer/to-sqlite';
import { AppError, isAppError } from '../../../shared/errors';
import type { ServerBackup, ServerBackupList } from '../../../shared/schema/server-backup';

const two = (n: number) => String(n).padStart(2, '0');
const localDay = (at: Date) => `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())}`;

/** A copy's name: the local time it was started, sortable («reestr-server-2026-12-05_061502.sqlite»). */
export function backupName(at: Date): string {
  return `reestr-server-${localDay(at)}_${two(at.getHours())}${two(at.getMinutes())}${two(at.getSeconds())}.sqlite`;
}

export const SERVER_BACKUP_NAME = /^reestr-server-(\d{4})-(\d{2})-(\d{2})_(\d{2})(\d{2})(\d{2})\.sqlite$/;

/** The server's copies in `folder`, newest first; none when the folder does not exist yet. */
export function backupNames(folder: string): string[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  return names.filter((name) => SERVER_BACKUP_NAME.test(name)).sort().reverse();
}

/** Removes the server's copies in `folder` beyond the newest `keep` (only files named as backupName names them); answers them, oldest first. */
export function rotateBackups(folder: string, keep: number): string[] {
  const old = backupNames(folder).slice(keep);
  for (const name of old) rmSync(join(folder, name), { force: true });
  return old.reverse();
}

/** How many copies to keep, as `option` gives it, or a Russian refusal naming the option. */
export function parseKeep(text: string, option: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > 10_000) {
    throw new AppError('bad_request', `Параметр «${option}»: укажите, сколько последних копий хранить (целое число от 1).`);
  }
  return Number(text);
}

export interface TimeOfDay {
  hour: number;
  minute: number;
}

export const timeText = (t: TimeOfDay) => `${two(t.hour)}:${two(t.minute)}`;

/** «ЧЧ:ММ» as the option gives it, or a Russian refusal naming the option. */
export function parseTimeOfDay(text: string, option: string): TimeOfDay {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  const hour = Number(m?.[1]);
  const minute = Number(m?.[2]);
  if (!m || hour > 23 || minute > 59) throw new AppError('bad_request', `Параметр «${option}»: укажите время в виде ЧЧ:ММ, например 02:00 (сейчас «${text}»).`);
  return { hour, minute };
}

/** The first moment after `now` at `at`, local time (a day without that time, at a clock change, gives the nearest after it). */
export function nextRunAt(now: Date, at: TimeOfDay): Date {
  const next = new Date(now);
  next.setHours(at.hour, at.minute, 0, 0);
  if (next.getTime() <= now.getTime()) {
    next.setDate(next.getDate() + 1);
    next.setHours(at.hour, at.minute, 0, 0);
  }
  return next;
}

/** Whether `names` hold a copy started on the local day of `now`. */
export function hasBackupOfDay(names: readonly string[], now: Date): boolean {
  const prefix = `reestr-server-${localDay(now)}_`;
  return names.some((name) => name.startsWith(prefix));
}

/** When a copy named by backupName was started. */
function startedAt(name: string): Date {
  const [, y, mo, d, h, mi, s] = (SERVER_BACKUP_NAME.exec(name) ?? []).map(Number);
  return new Date(y ?? 0, (mo ?? 1) - 1, d, h, mi, s);
}

/** Events in a copy, read from the file; null when it cannot be read. */
function eventsIn(file: string): number | null {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return db.prepare('SELECT count(*) FROM events').pluck().get() as number;
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

export interface ServerBackupsOptions {
  /** The server's pool: a copy holds one of its connections while it runs. */
  pool: Pool;
  folder: string;
  keep: number;
  dailyAt: TimeOfDay;
  logError: (error: unknown, context: string) => void;
  /** The clock (tests give their own). */
  now?: () => Date;
}

export interface ServerBackups {
  readonly folder: string;
  list(): ServerBackupList;
  /** One copy now (a copy in progress is answered instead of a second), then the rotation; a failure is thrown. */
  backupNow(): Promise<ServerBackup>;
  /** The timer's work: a copy and the rotation; a failure is logged and kept for the list, never thrown. */
  scheduled(): Promise<void>;
  /** Starts the daily timer, and a copy at once when the folder has none from today. */
  start(): void;
  /** Stops the timer and waits for a copy in progress. */
  stop(): Promise<void>;
}

const LOG_CONTEXT = 'Сервер отдела: резервная копия';

export function createServerBackups(options: ServerBackupsOptions): ServerBackups {
  const { pool, folder, keep, dailyAt, logError } = options;
  const now = options.now ?? (() => new Date());
  // A copy never changes once named: its event count is read once.
  const events = new Map<string, number | null>();
  let running: Promise<ServerBackup> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let lastFailure: ServerBackupList['lastFailure'] = null;

  const info = (name: string): ServerBackup => {
    const file = join(folder, name);
    if (!events.has(name)) events.set(name, eventsIn(file));
    return { name, at: startedAt(name).toISOString(), bytes: statSync(file).size, events: events.get(name) ?? null };
  };

  const backupNow = (): Promise<ServerBackup> => {
    running ??= (async () => {
      try {
        const name = backupName(now());
        // Asked again within the second it was made: that copy is as fresh as a new one.
        if (existsSync(join(folder, name))) return info(name);
        const { counts } = await copyPgToSqlite(pool, join(folder, name));
        events.set(name, counts.events ?? null);
        for (const old of rotateBackups(folder, keep)) events.delete(old);
        lastFailure = null;
        return info(name);
      } finally {
        running = undefined;
      }
    })();
    return running;
  };

  const scheduled = async () => {
    try {
      await backupNow();
    } catch (e) {
      logError(e, LOG_CONTEXT);
      const message = isAppError(e) ? e.message : 'внутренняя ошибка программы; подробности в журнале ошибок сервера.';
      lastFailure = { at: now().toISOString(), message };
    }
  };

  const arm = () => {
    if (stopped) return;
    const delay = Math.max(0, nextRunAt(now(), dailyAt).getTime() - now().getTime());
    timer = setTimeout(() => void scheduled().finally(arm), delay);
    // The timer alone keeps no process alive: the server's socket does.
    timer.unref();
  };

  return {
    folder,
    list() {
      let names: string[] = [];
      let folderProblem: string | null = null;
      try {
        names = backupNames(folder);
      } catch (e) {
        folderProblem = `Не удалось прочитать папку копий «${folder}» (${(e as NodeJS.ErrnoException).code ?? 'ошибка'}): проверьте, что это папка и что у сервера есть к ней доступ.`;
      }
      const backups = names.flatMap((name) => {
        try {
          return [info(name)];
        } catch {
          return []; // removed between the listing and its stat
        }
      });
      return { folder, keep, dailyAt: timeText(dailyAt), next: nextRunAt(now(), dailyAt).toISOString(), backups, folderProblem, lastFailure };
    },
    backupNow,
    scheduled,
    start() {
      stopped = false;
      let due = true;
      try {
        due = !hasBackupOfDay(backupNames(folder), now());
      } catch (e) {
        logError(e, LOG_CONTEXT);
      }
      if (due) void scheduled();
      arm();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running?.catch(() => undefined);
    },
  };
}
