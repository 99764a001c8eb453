// The contract's backup, data-folder and recovery methods over an open register (Настройки).
import { basename, join } from 'node:path';
import type { Handlers } from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import type { BackupInfoDto, BackupPreview, BackupSource, DataPaths } from '../../../shared/schema/backup';
import type { LocalCore } from '../core';
import { logFolder } from '../paths';
import { backupFolder, defaultBackupFolder, inspectBackup, listBackups, makeBackup, restoreBackup, type BackupInfo } from './backups';
import { checkBackupFolder, createUploads, nameInfo } from './backup-files';

/** The calls a register in a file answers of its own: its status, data folder, backups and recovery. */
export const BACKUP_METHODS = [
  'app.status',
  'settings.paths',
  'settings.setBackupFolder',
  'backups.list',
  'backups.create',
  'backups.inspect',
  'backups.upload',
  'backups.restore',
  'recovery.backups',
  'recovery.restore',
  'recovery.retry',
] as const;
export type BackupMethod = (typeof BACKUP_METHODS)[number];

export function backupDto(info: BackupInfo): BackupInfoDto {
  return { name: basename(info.file), file: info.file, at: info.at, reason: info.reason, bytes: info.bytes };
}

export async function dataPaths(core: LocalCore): Promise<DataPaths> {
  return { databaseFile: core.file, backupFolder: backupFolder(core), defaultBackupFolder: defaultBackupFolder(core.file), logFolder: logFolder(core.file) };
}

const NOT_IN_RECOVERY = () => {
  throw new AppError('bad_request', 'База данных открыта и исправна: восстановить её из копии можно в разделе «Настройки».');
};

/** A backup of the list, by its name in the backup folder. */
async function listed(core: LocalCore, name: string): Promise<BackupInfo> {
  const file = join(backupFolder(core), name);
  const found = listBackups(backupFolder(core)).find((b) => b.file === file);
  if (!found) throw new AppError('not_found', `Резервной копии «${name}» нет в папке «${backupFolder(core)}»: обновите список.`);
  return found;
}

export type Uploads = ReturnType<typeof createUploads>;

/** The file a restore reads: a backup of the list, or the copy the user picked (then let go once restored). */
export async function restoreSource(core: LocalCore, uploads: Uploads, source: BackupSource): Promise<{ file: string; restored: () => void }> {
  if ('name' in source) return { file: (await listed(core, source.name)).file, restored: () => {} };
  return { file: uploads.fileOf(source.uploadId), restored: () => uploads.discard() };
}

export function createBackupHandlers(core: LocalCore, uploads: Uploads = createUploads(core.file)): Pick<Handlers, BackupMethod> {
  return {
    'app.status': () => ({ mode: 'normal' as const }),
    'settings.paths': () => dataPaths(core),
    'settings.setBackupFolder': async ({ folder }) => {
      if (folder === null) await core.settings.delete('backupFolder');
      else await core.settings.set('backupFolder', checkBackupFolder(folder));
      return dataPaths(core);
    },
    'backups.list': async () => ({ folder: backupFolder(core), backups: listBackups(backupFolder(core)).map(backupDto) }),
    'backups.create': async () => backupDto(await makeBackup(core, 'manual')),
    'backups.inspect': async ({ name }): Promise<BackupPreview> => {
      const info = await listed(core, name);
      return { source: { name }, fileName: name, ...nameInfo(name), bytes: info.bytes, contents: inspectBackup(info.file) };
    },
    'backups.upload': (input) => uploads.upload(input),
    'backups.restore': async (source) => {
      const { file, restored } = await restoreSource(core, uploads, source);
      const { safety, contents } = await restoreBackup(core, file);
      restored();
      return { contents, safety: backupDto(safety), keptAs: null };
    },
    'recovery.backups': NOT_IN_RECOVERY,
    'recovery.restore': NOT_IN_RECOVERY,
    'recovery.retry': () => ({ mode: 'normal' as const }),
  };
}
