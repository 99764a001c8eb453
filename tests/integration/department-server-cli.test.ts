// `reestr server` as a process through the built command: the address on its first line, a sign-in and
// a call over it, Ctrl+C's signal ending it; Russian refusals of plain HTTP off loopback and of a
// missing database.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { migratePg } from '../../electron/core/store/pg/migrate';
import { addAccount } from '../../electron/server/accounts/accounts';
import { tempDir } from '../helpers';
import { usePostgres } from '../support/postgres';
import { send } from '../support/department';
import { BIN, reestr } from '../support/server-cli';

const pg = usePostgres();

describe('reestr server', () => {
  it('prints its address first, serves signed-in calls there, and stops on SIGTERM', async () => {
    await migratePg(pg.pool);
    await addAccount(pg.pool, 'ivanova', 'clerk', 'пароль-Ивановой');
    const backups = join(tempDir(), 'копии');
    const child = spawn(process.execPath, [BIN, 'server', '--pg', pg.url, '--port', '0', '--backup-folder', backups, '--backup-keep', '3'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
      const first = await lines.next();
      expect(first.value, stderr).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const address = String(first.value);
      const login = await send(`${address}api/auth.login`, { body: JSON.stringify({ login: 'ivanova', password: 'пароль-Ивановой' }) });
      const token = (login.json?.value as { token: string }).token;
      const created = await send(`${address}api/events.create`, { headers: { Authorization: `Bearer ${token}` }, body: JSON.stringify({ title: 'Форум', startDate: '2021-09-08' }) });
      expect(created.json).toMatchObject({ ok: true, value: { title: 'Форум' } });
      const history = await send(`${address}api/history.list`, { headers: { Authorization: `Bearer ${token}` }, body: JSON.stringify({ entity: 'event', id: (created.json?.value as { id: number }).id }) });
      expect(history.json).toMatchObject({ ok: true, value: [{ action: 'create', user: 'ivanova' }] });
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    // The copy at start: today's was missing; stopping waited for it.
    expect(readdirSync(backups)).toEqual([expect.stringMatching(/^reestr-server-\d{4}-\d{2}-\d{2}_\d{6}\.sqlite$/)]);
  }, 180_000);

  it('refuses plain HTTP off loopback, and a missing database, in Russian', () => {
    const open = reestr(['server', '--pg', pg.url, '--host', '0.0.0.0']);
    expect(open.status).toBe(2);
    expect(open.stderr).toContain('Ошибка: Сервер отдела на адресе «0.0.0.0» работает только по HTTPS');
    expect(reestr(['server', '--port', '0'])).toMatchObject({ status: 2, stderr: expect.stringContaining('Укажите базу данных сервера: --pg') });
    expect(reestr(['server', '--pg', 'postgres://reestr@127.0.0.1:1/reestr']).stderr).toBe(
      'Ошибка: Не удалось подключиться к PostgreSQL (127.0.0.1:1): сервер не принимает подключения (не запущен или слушает другой адрес).',
    );
    expect(reestr(['server', '--pg', pg.url, '--tls-cert', '/nonexistent/cert.pem', '--tls-key', '/nonexistent/key.pem', '--host', '0.0.0.0']).stderr).toContain(
      'Не удалось прочитать сертификат «/nonexistent/cert.pem»',
    );
  }, 180_000);
});
