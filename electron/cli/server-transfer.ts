// `reestr server import-sqlite FILE --pg URL` («Перенести реестр на сервер») and `reestr server backup
// --pg URL [--out FILE | --folder DIR [--keep N]]`: a clerk's register moved into the server's empty
// database, and the server's register written as a new register file the desktop app opens.
import { join, resolve } from 'node:path';
import { openPool } from '../core/store/pg/pool';
import { copySqliteToPg } from '../core/transfer/to-pg';
import { copyPgToSqlite } from '../core/transfer/to-sqlite';
import type { TableCounts, TransferProgress } from '../core/transfer/tables';
import { AppError } from '../../shared/errors';
import { AGREEMENT_FORMS, countOf, ENTRY_FORMS, EVENT_FORMS, type PluralForms } from '../../shared/ru/plural';
import type { ParsedArgs } from './args';
import { connectionProblem, pgUrl } from './server-users';
import { backupName, parseKeep, rotateBackups } from '../server/department/backups';

export interface TransferIo {
  out: (text: string) => void;
  /** A progress line that the next one replaces (a terminal); absent when nobody watches. */
  progress?: (text: string) => void;
}

const BATCH_FORMS: PluralForms = ['пакет импорта', 'пакета импорта', 'пакетов импорта'];

/** What a transfer copied, as the clerk counts it. */
export function countsText(counts: TableCounts): string {
  const n = (table: string) => counts[table] ?? 0;
  return [
    countOf(n('events'), EVENT_FORMS),
    countOf(n('agreements'), AGREEMENT_FORMS),
    `${countOf(n('refs'), ENTRY_FORMS)} справочников`,
    `${countOf(n('change_log'), ENTRY_FORMS)} журнала изменений`,
    countOf(n('import_batches'), BATCH_FORMS),
  ].join(', ');
}

/** Progress on the terminal's error stream, each line over the last; none when it is not a terminal. */
export function terminalProgress(): ((text: string) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  return (text) => void process.stderr.write(`\r${text}\x1b[K`);
}

/** Prints whole percents only: a line per percent at most. */
function progressPrinter(io: TransferIo, verb: string): ((p: TransferProgress) => void) | undefined {
  const print = io.progress;
  if (!print) return undefined;
  let shown = -1;
  return (p) => {
    const percent = p.total ? Math.floor((p.copied / p.total) * 100) : 100;
    if (percent === shown) return;
    shown = percent;
    print(`${verb}: ${percent}% (${p.copied.toLocaleString('ru-RU')} из ${p.total.toLocaleString('ru-RU')} строк, ${p.table})`);
  };
}

function keepArg(text: string | undefined): number | undefined {
  return text === undefined ? undefined : parseKeep(text, '--keep');
}

/** Runs `work` with a pool over `url`; PostgreSQL's refusals to connect said in Russian. */
async function withPool<T>(url: string, work: (pool: ReturnType<typeof openPool>) => Promise<T>, done?: () => void): Promise<T> {
  const pool = openPool(url, 3);
  // A connection the server drops while idle is an event on the pool: unheard, it would end the process.
  pool.on('error', () => undefined);
  try {
    return await work(pool);
  } catch (e) {
    throw connectionProblem(e, url) ?? e;
  } finally {
    done?.();
    await pool.end();
  }
}

export async function serverTransfer(p: ParsedArgs, env: NodeJS.ProcessEnv, io: TransferIo, now: Date = new Date()): Promise<void> {
  const value = (name: string) => p.values[name]?.at(-1);
  const url = pgUrl(value('pg'), env);
  if (p.command === 'server import-sqlite') {
    const file = p.args[0];
    if (!file) throw new AppError('bad_request', 'Укажите файл реестра: reestr server import-sqlite ФАЙЛ --pg URL.');
    const { counts } = await withPool(url, (pool) => copySqliteToPg(resolve(file), pool, { onProgress: progressPrinter(io, 'Перенос') }), () => io.progress?.(''));
    io.out(`Реестр «${file}» перенесён на сервер: ${countsText(counts)}.`);
    io.out('Проверено: число строк и контрольная сумма каждой таблицы на сервере совпадают с файлом.');
    io.out('Файл реестра не изменён. Сотрудники отдела работают теперь с сервером: reestr server --pg …');
    return;
  }
  // server backup
  const out = value('out');
  const folderValue = value('folder');
  const keep = keepArg(value('keep'));
  if (out !== undefined && (folderValue !== undefined || keep !== undefined)) {
    throw new AppError('bad_request', 'Укажите либо файл копии (--out ФАЙЛ), либо папку копий (--folder ПАПКА, с --keep N — сколько последних хранить).');
  }
  const folder = resolve(folderValue ?? '.');
  const target = out !== undefined ? resolve(out) : join(folder, backupName(now));
  const { counts } = await withPool(url, (pool) => copyPgToSqlite(pool, target, { onProgress: progressPrinter(io, 'Резервная копия') }), () => io.progress?.(''));
  io.out(`Резервная копия сервера записана и проверена: «${target}».`);
  io.out(`В ней: ${countsText(counts)}. Файл открывается в программе как обычный реестр.`);
  io.out('Проверено: число строк и контрольная сумма каждой таблицы в файле совпадают с сервером; целостность файла в порядке.');
  if (keep !== undefined) {
    const removed = rotateBackups(folder, keep);
    if (removed.length) io.out(`Удалены старые копии (хранятся последние ${keep}): ${removed.map((name) => `«${name}»`).join(', ')}.`);
  }
}
