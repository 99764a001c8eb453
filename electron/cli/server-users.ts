// `reestr server users add|list|disable`: the department server's accounts, kept in its PostgreSQL
// database (migrated first). The password comes from standard input: typed unseen at a terminal,
// or piped by a script.
import type { Pool } from 'pg';
import { migratePg } from '../core/store/pg/migrate';
import { openPool } from '../core/store/pg/pool';
import { addAccount, disableAccount, listAccounts } from '../server/accounts/accounts';
import { AppError } from '../../shared/errors';
import { RoleSchema, ROLE_LABELS, type Account } from '../../shared/schema/account';

export interface UsersIo {
  out: (text: string) => void;
  /** Reads the password: the first line of piped input, or typed unseen at a terminal after `prompt`. */
  password: (prompt: string) => Promise<string>;
}

/** The connection string: `--pg`, else REESTR_PG; a Russian refusal without either. */
export function pgUrl(value: string | undefined, env: NodeJS.ProcessEnv): string {
  const url = value ?? env.REESTR_PG;
  if (!url) throw new AppError('bad_request', 'Укажите базу данных сервера: --pg postgres://пользователь@адрес/база (или переменную REESTR_PG).');
  return url;
}

/** What PostgreSQL's refusals mean to the person at the terminal. */
export function connectionProblem(e: unknown, url: string): AppError | null {
  const code = (e as { code?: unknown } | null)?.code;
  if (!/^postgres(?:ql)?:\/\//.test(url)) {
    return new AppError('bad_request', 'Параметр «--pg»: строка подключения не читается; пример: postgres://reestr@localhost/reestr.');
  }
  const socket = /[?&]host=([^&]+)/.exec(url)?.[1];
  const where = /@([^/?]+)/.exec(url)?.[1] ?? (socket ? decodeURIComponent(socket) : 'локальный сокет');
  const reason: Record<string, string> = {
    ECONNREFUSED: 'сервер не принимает подключения (не запущен или слушает другой адрес)',
    ENOTFOUND: 'адрес не найден',
    ENOENT: 'сокет не найден (сервер не запущен?)',
    ETIMEDOUT: 'сервер не ответил вовремя',
    '28P01': 'неверный пароль',
    '28000': 'подключение для этого пользователя не разрешено (pg_hba.conf)',
    '3D000': 'такой базы данных нет',
  };
  const text = typeof code === 'string' ? reason[code] : undefined;
  return text ? new AppError('db_unavailable', `Не удалось подключиться к PostgreSQL (${where}): ${text}.`, e) : null;
}

function accountsTable(accounts: Account[]): string {
  if (!accounts.length) return 'Учётных записей нет. Добавьте первую: reestr server users add ЛОГИН --role admin --pg …';
  const day = (iso: string | null) => (iso ? new Date(iso).toLocaleString('ru-RU', { dateStyle: 'short', timeStyle: 'short' }) : '—');
  const rows = accounts.map((a) => [a.login, ROLE_LABELS[a.role], a.disabledAt ? `отключена ${day(a.disabledAt)}` : 'действует', day(a.lastLoginAt)]);
  const header = ['Логин', 'Роль', 'Состояние', 'Последний вход'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

export async function serverUsers(
  command: 'add' | 'list' | 'disable',
  options: { login?: string; role?: string; pg: string; json: boolean },
  io: UsersIo,
): Promise<void> {
  let pool: Pool | undefined;
  try {
    pool = openPool(options.pg, 2);
    await migratePg(pool);
    if (command === 'list') {
      const accounts = await listAccounts(pool);
      io.out(options.json ? JSON.stringify(accounts, null, 2) : accountsTable(accounts));
      return;
    }
    const login = options.login ?? '';
    if (command === 'disable') {
      await disableAccount(pool, login);
      io.out(`Учётная запись «${login}» отключена; её открытые сеансы завершены.`);
      return;
    }
    const role = RoleSchema.safeParse(options.role);
    if (!role.success) {
      throw new AppError('bad_request', `Параметр «--role»: укажите ${RoleSchema.options.map((r) => `${r} («${ROLE_LABELS[r]}»)`).join(', ')}.`);
    }
    const password = await io.password(`Пароль для «${login}»: `);
    const account = await addAccount(pool, login, role.data, password);
    io.out(options.json ? JSON.stringify(account, null, 2) : `Учётная запись «${account.login}» добавлена: роль «${ROLE_LABELS[account.role]}».`);
  } catch (e) {
    throw connectionProblem(e, options.pg) ?? e;
  } finally {
    await pool?.end();
  }
}

/** The password from standard input: the first line when piped; typed unseen when it is a terminal. */
export function readPassword(prompt: string, stdin: NodeJS.ReadStream = process.stdin, stderr: NodeJS.WriteStream = process.stderr): Promise<string> {
  return new Promise((resolve, reject) => {
    let typed = '';
    const done = (error?: AppError) => {
      stdin.removeAllListeners('data').removeAllListeners('end');
      if (stdin.isTTY) stdin.setRawMode(false);
      stdin.pause();
      if (error) reject(error);
      else resolve(typed);
    };
    if (stdin.isTTY) {
      stderr.write(prompt);
      stdin.setRawMode(true);
    }
    stdin.setEncoding('utf8');
    stdin.on('data', (chunk: string) => {
      for (const char of chunk) {
        if (char === '\u0003') return done(new AppError('bad_request', 'Ввод пароля прерван.'));
        if (char === '\r' || char === '\n') {
          if (stdin.isTTY) stderr.write('\n');
          return done();
        }
        if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
        else typed += char;
      }
    });
    stdin.on('end', () => done());
    stdin.resume();
  });
}
