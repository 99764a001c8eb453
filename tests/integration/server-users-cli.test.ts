// `reestr server users add|list|disable` on a real PostgreSQL through the built command: the password
// read from standard input, Russian refusals, and the accounts it makes able to sign in.
import { describe, expect, it } from 'vitest';
import { signIn } from '../../electron/server/accounts/accounts';
import { usePostgres } from '../support/postgres';
import { reestr as run } from '../support/server-cli';

const pg = usePostgres();
const reestr = (args: string[], input = '', env: Record<string, string> = {}) => run(args, { input, env });

describe('reestr server users', () => {
  it('adds accounts with the password from standard input, lists them, disables one', async () => {
    expect(reestr(['server', 'users', 'add', 'ivanova', '--role', 'clerk', '--pg', pg.url], 'пароль Ивановой\n')).toMatchObject({
      status: 0,
      stdout: 'Учётная запись «ivanova» добавлена: роль «Сотрудник».',
    });
    // The connection string from the environment, a piped password without a line end.
    expect(reestr(['server', 'users', 'add', 'kozlov', '--role', 'coordinator'], 'kozlov-password', { REESTR_PG: pg.url }).status).toBe(0);
    expect(await signIn(pg.pool, 'ivanova', 'пароль Ивановой')).toMatchObject({ user: 'ivanova', role: 'clerk' });
    expect(await signIn(pg.pool, 'kozlov', 'kozlov-password')).toMatchObject({ role: 'coordinator' });

    const listed = reestr(['server', 'users', 'list', '--pg', pg.url]);
    expect(listed.status).toBe(0);
    expect(listed.stdout.split('\n').map((l) => l.split(/\s{2,}/).slice(0, 3))).toEqual([
      ['Логин', 'Роль', 'Состояние'],
      ['ivanova', 'Сотрудник', 'действует'],
      ['kozlov', 'Координатор', 'действует'],
    ]);

    expect(reestr(['server', 'users', 'disable', 'kozlov', '--pg', pg.url])).toMatchObject({ status: 0, stdout: 'Учётная запись «kozlov» отключена; её открытые сеансы завершены.' });
    const json = JSON.parse(reestr(['server', 'users', 'list', '--json', '--pg', pg.url]).stdout) as { login: string; disabledAt: string | null }[];
    expect(json.map((a) => [a.login, a.disabledAt !== null])).toEqual([['ivanova', false], ['kozlov', true]]);
  });

  it('refuses in Russian: no database named, an unknown role, a short password, a login taken, a login unknown', () => {
    expect(reestr(['server', 'users', 'list'])).toMatchObject({ status: 2, stderr: expect.stringContaining('Укажите базу данных сервера: --pg') });
    expect(reestr(['server', 'users', 'add', 'petrov', '--role', 'boss', '--pg', pg.url], 'long-enough-password')).toMatchObject({
      status: 2,
      stderr: expect.stringContaining('Параметр «--role»: укажите reader («Читатель»)'),
    });
    expect(reestr(['server', 'users', 'add', 'petrov', '--role', 'reader', '--pg', pg.url], 'short\n')).toMatchObject({ status: 1, stderr: 'Ошибка: Пароль: не короче 8 знаков.' });
    expect(reestr(['server', 'users', 'add', 'IVANOVA', '--role', 'reader', '--pg', pg.url], 'another-password\n')).toMatchObject({ status: 1, stderr: 'Ошибка: Учётная запись «IVANOVA» уже есть.' });
    expect(reestr(['server', 'users', 'disable', 'nobody', '--pg', pg.url])).toMatchObject({ status: 1, stderr: 'Ошибка: Учётной записи «nobody» нет.' });
    expect(reestr(['server', 'users', 'list', '--pg', 'mysql://somewhere/db']).stderr).toContain('строка подключения не читается');
  });

  it('names an unreachable server in Russian', () => {
    const refused = reestr(['server', 'users', 'list', '--pg', 'postgres://reestr@127.0.0.1:1/reestr']);
    expect(refused).toMatchObject({ status: 1, stderr: 'Ошибка: Не удалось подключиться к PostgreSQL (127.0.0.1:1): сервер не принимает подключения (не запущен или слушает другой адрес).' });
  });
});
