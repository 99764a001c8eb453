// Настройки over the contract: the data folders, the backup folder the user chooses, the backups list,
// a backup made now, and a restore from the list or from a file picked on the disk.
import { chmodSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatch, createHandlers } from '../../electron/core/backend';
import { closeCore, openCore, type LocalCore } from '../../electron/core/core';
import { loadDemo } from '../../electron/core/services/demo';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api';
import type { ErrorInfo } from '../../shared/errors';
import { registerOfVersion1, tempDir } from '../helpers';

function contract(core: LocalCore) {
  const dispatch = createDispatch(createHandlers(core), (e) => {
    throw e;
  });
  return {
    async call<K extends MethodName>(method: K, input: MethodInput<K>): Promise<MethodOutput<K>> {
      const result = await dispatch(method, input);
      if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
      return result.value as MethodOutput<K>;
    },
    async fail<K extends MethodName>(method: K, input: unknown): Promise<ErrorInfo> {
      const result = await dispatch(method, input);
      if (result.ok) throw new Error(`${method} succeeded`);
      return result.error;
    },
  };
}

function register(): { core: LocalCore; dir: string } {
  const dir = tempDir();
  const core = openCore(join(dir, 'reestr.sqlite'));
  return { core, dir };
}

const events = (core: LocalCore) => core.db.prepare('SELECT count(*) FROM events WHERE deleted_at IS NULL').pluck().get();

describe('Настройки: data folders and backups over the contract', () => {
  it('tells where the data lives, and takes a backup folder only where it can write', async () => {
    const { core, dir } = register();
    const api = contract(core);
    try {
      expect(await api.call('settings.paths', {})).toEqual({
        databaseFile: join(dir, 'reestr.sqlite'),
        backupFolder: join(dir, 'backups'),
        defaultBackupFolder: join(dir, 'backups'),
        logFolder: join(dir, 'logs'),
      });
      const stick = join(dir, 'флешка', 'Копии Реестра');
      expect((await api.call('settings.setBackupFolder', { folder: stick })).backupFolder).toBe(stick);
      expect(statSync(stick).isDirectory()).toBe(true); // created
      expect(readdirSync(stick)).toEqual([]); // the write test leaves nothing behind
      const made = await api.call('backups.create', {});
      expect(made).toMatchObject({ reason: 'manual', name: expect.stringMatching(/^reestr-.*-manual\.sqlite$/) });
      expect(made.file.startsWith(stick)).toBe(true);

      expect(await api.fail('settings.setBackupFolder', { folder: 'Копии' })).toMatchObject({ code: 'validation', message: expect.stringMatching(/^Укажите полный путь к папке/) });
      writeFileSync(join(dir, 'файл'), 'x');
      expect((await api.fail('settings.setBackupFolder', { folder: join(dir, 'файл') })).message).toMatch(/«.*файл» — это файл, а не папка|не удалось открыть или создать/);
      expect((await api.fail('settings.setBackupFolder', { folder: join(dir, 'файл', 'внутри') })).message).toMatch(/^Папку «.*внутри» не удалось открыть или создать \(часть пути — файл, а не папка\)/);
      expect(await api.fail('settings.setBackupFolder', { folder: '   ' })).toMatchObject({ code: 'validation' });
      expect((await api.call('settings.paths', {})).backupFolder).toBe(stick); // refusals changed nothing

      expect((await api.call('settings.setBackupFolder', { folder: null })).backupFolder).toBe(join(dir, 'backups'));
    } finally {
      closeCore(core);
    }
  });

  it('lists backups, shows what one holds, and restores it after a snapshot of the present state', async () => {
    const { core } = register();
    const api = contract(core);
    try {
      await loadDemo(core);
      const made = await api.call('backups.create', {});
      core.db.prepare('UPDATE events SET deleted_at = ? WHERE id <= 4').run(new Date().toISOString());
      expect(events(core)).toBe(5);

      const list = await api.call('backups.list', {});
      expect(list.backups.map((b) => b.name)).toEqual([made.name]);
      const preview = await api.call('backups.inspect', { name: made.name });
      expect(preview).toMatchObject({ source: { name: made.name }, reason: 'manual', at: made.at, contents: { events: 9, agreements: 1 } });
      expect(preview.contents.lastChange).toMatch(/^\d{4}-\d{2}-\d{2}T/);

      const restored = await api.call('backups.restore', { name: made.name });
      expect(restored).toMatchObject({ contents: { events: 9 }, safety: { reason: 'restore' }, keptAs: null });
      expect(events(core)).toBe(9);
      // The snapshot taken first holds the state the restore replaced.
      const safety = (await api.call('backups.list', {})).backups.find((b) => b.reason === 'restore');
      expect((await api.call('backups.inspect', { name: safety?.name ?? '' })).contents.events).toBe(5);

      expect(await api.fail('backups.inspect', { name: '../reestr.sqlite' })).toMatchObject({ code: 'validation' });
      expect(await api.fail('backups.inspect', { name: 'reestr-2020-01-01_000000-manual.sqlite' })).toMatchObject({ code: 'not_found' });
      expect(await api.fail('recovery.restore', { name: made.name })).toMatchObject({ code: 'bad_request' });
      expect(await api.call('app.status', {})).toEqual({ mode: 'normal' });
    } finally {
      closeCore(core);
    }
  });

  it('restores from a file picked on the disk, sent as bytes, and refuses what is not a backup', async () => {
    const other = register();
    await loadDemo(other.core);
    const copy = join(other.dir, 'с другого компьютера.sqlite');
    await other.core.db.backup(copy); // a copy still in WAL mode, as a live file copied by hand would be
    closeCore(other.core);

    const { core, dir } = register();
    const api = contract(core);
    try {
      const preview = await api.call('backups.upload', { fileName: 'C:\\Users\\clerk\\с другого компьютера.sqlite', data: readFileSync(copy).toString('base64') });
      expect(preview).toMatchObject({ fileName: 'с другого компьютера.sqlite', at: null, reason: null, contents: { events: 9, agreements: 1 } });
      expect(events(core)).toBe(0); // looking changes nothing
      const restored = await api.call('backups.restore', preview.source);
      expect(restored.contents.events).toBe(9);
      expect(events(core)).toBe(9);
      expect(readdirSync(dir).filter((f) => f.startsWith('uploaded'))).toEqual([]); // the upload is gone
      expect(await api.fail('backups.restore', preview.source)).toMatchObject({ code: 'not_found' });

      const junk = await api.fail('backups.upload', { fileName: 'письмо.docx', data: Buffer.from('PK\u0003\u0004 не база').toString('base64') });
      expect(junk).toEqual({ code: 'validation', message: 'Файл «письмо.docx» не является резервной копией Реестра или повреждён.' });
      expect(events(core)).toBe(9);
    } finally {
      closeCore(core);
    }
  });

  it('restores a backup made by an earlier version, brought up to the present schema first', async () => {
    const { core, dir } = register();
    const api = contract(core);
    try {
      // An old register (schema 1) with one event, as a backup of an earlier version would be.
      const file = registerOfVersion1();
      const preview = await api.call('backups.upload', { fileName: 'v1.sqlite', data: readFileSync(file).toString('base64') });
      expect(preview.contents).toMatchObject({ events: 1, schemaVersion: 1 });
      await api.call('backups.restore', preview.source);
      expect(core.db.prepare('SELECT title FROM events').pluck().all()).toEqual(['Форум 2019']);
      expect(readdirSync(dir).filter((f) => f.startsWith('restore-upgrade'))).toEqual([]);
    } finally {
      closeCore(core);
    }
  });

  it('gives backups and the data folder to the user alone (Linux)', async () => {
    const home = tempDir();
    const folder = join(home, 'Reestr');
    mkdirSync(folder, { mode: 0o755 });
    chmodSync(folder, 0o755);
    const core = openCore(join(folder, 'reestr.sqlite'));
    try {
      const made = await contract(core).call('backups.create', {});
      const mode = (path: string) => statSync(path).mode & 0o777;
      expect(mode(folder)).toBe(0o700);
      expect(mode(join(folder, 'reestr.sqlite'))).toBe(0o600);
      expect(mode(join(folder, 'reestr.sqlite-wal'))).toBe(0o600);
      expect(mode(join(folder, 'backups'))).toBe(0o700);
      expect(mode(made.file)).toBe(0o600);
    } finally {
      closeCore(core);
    }
  });
});
