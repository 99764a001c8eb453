// Backups as a clerk needs them: made and checked, rotated, restored; a damaged register refused
// untouched, then restored from a backup with the damaged file kept aside.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, readdirSync, writeFileSync, writeSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startHost } from '../../electron/core/host';
import { dailyBackup, listBackups, rotate } from '../../electron/core/services/backups';
import { loadDemo } from '../../electron/core/services/demo';
import { tempDir } from '../helpers';

const BIN = join(import.meta.dirname, '../../bin/reestr.js');
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function cli(db: string) {
  return (...args: string[]) => spawnSync(process.execPath, [BIN, '--db', db, ...args], { encoding: 'utf8' });
}

describe('backups', () => {
  it('are made and checked, listed, and restored with a snapshot of what they replace', () => {
    const dir = tempDir();
    const run = cli(join(dir, 'reestr.sqlite'));
    run('demo');
    const made = run('backup');
    expect(made.stdout).toMatch(/Резервная копия записана и проверена: «.*backups[/\\]reestr-\d{4}-\d{2}-\d{2}_\d{6}-manual\.sqlite»/);
    const file = /«(.*)»/.exec(made.stdout)?.[1] as string;
    expect(run('check').stdout).toBe('Проверка целостности: ошибок нет.\n');

    for (const id of ['1', '2', '3']) expect(run('events', 'delete', id).status).toBe(0);
    expect(JSON.parse(run('events', 'list', '--json').stdout).total).toBe(6);
    const restored = run('restore', file);
    expect(restored.stdout).toMatch(/^Восстановлено из .*: 9 мероприятий, 1 соглашение\.\nПрежнее состояние сохранено в «.*-restore\.sqlite»/);
    expect(JSON.parse(run('events', 'list', '--json').stdout).total).toBe(9);
    expect(run('events', 'list', '--query', 'форум', '--json').stdout).toMatch(/"total": 3/); // the search index rebuilt too
    const list = run('backups', 'list');
    expect(list.stdout).toMatch(/перед восстановлением/);
    expect(list.stdout).toMatch(/вручную/);
    expect(run('restore', join(dir, 'нет такого.sqlite')).stderr).toMatch(/не является резервной копией/);
  });

  it('are taken before an import', () => {
    const dir = tempDir();
    const run = cli(join(dir, 'reestr.sqlite'));
    writeFileSync(join(dir, 'a.csv'), 'Мероприятие;Сроки\nФорум;12.05.2024\n');
    expect(run('import', join(dir, 'a.csv')).status).toBe(0);
    expect(listBackups(join(dir, 'backups')).map((b) => b.reason)).toEqual(['import']);
    expect(readdirSync(join(dir, 'backups'))).toEqual([basename(listBackups(join(dir, 'backups'))[0]?.file ?? '')]); // one file, nothing beside it
  });

  it('keep 7 daily, 4 weekly and 12 monthly snapshots, and the last 10 before imports', () => {
    const folder = join(tempDir(), 'backups');
    mkdirSync(folder);
    const day = (n: number) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
    for (let n = 0; n < 400; n++) writeFileSync(join(folder, `reestr-${day(n)}_090000-daily.sqlite`), '');
    for (let n = 0; n < 15; n++) writeFileSync(join(folder, `reestr-${day(n)}_120000-import.sqlite`), '');
    writeFileSync(join(folder, 'reestr-2025-01-01_080000-manual.sqlite'), '');
    rotate(folder);
    const kept = listBackups(folder);
    const daily = kept.filter((b) => b.reason === 'daily').map((b) => b.at.slice(0, 10));
    expect(daily.slice(0, 7)).toEqual([399, 398, 397, 396, 395, 394, 393].map(day));
    expect(daily.length).toBeGreaterThanOrEqual(7 + 2 + 10); // the weeks and months beyond the last 7 days
    expect(daily.length).toBeLessThanOrEqual(7 + 4 + 12);
    // Weeks from Monday: the Sundays of the two weeks before the last seven days (25 and 18 January
    // 2026), then the last day of each month back to March 2025.
    expect(daily.slice(7, 9)).toEqual([day(389), day(382)]);
    expect(daily.slice(9)).toEqual([364, 333, 303, 272, 242, 211, 180, 150, 119, 89].map(day));
    expect(kept.filter((b) => b.reason === 'import')).toHaveLength(10);
    expect(kept.filter((b) => b.reason === 'manual')).toHaveLength(1);
    expect(readdirSync(folder).length).toBe(kept.length);
  });

  it('bring back a register damaged by hand, which is refused untouched until then', () => {
    const dir = tempDir();
    const db = join(dir, 'reestr.sqlite');
    const run = cli(db);
    run('demo');
    const backup = join(dir, 'копия.sqlite');
    expect(run('backup', '--out', backup).status).toBe(0);

    // Damage: garbage over pages in the middle of the file.
    const fd = openSync(db, 'r+');
    writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, 4096 * 3);
    closeSync(fd);
    const damaged = sha(db);
    const refused = run('events', 'list');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^Ошибка: (База данных «.*» повреждена|Файл «.*» не является базой данных Реестра или повреждён)/);
    expect(sha(db)).toBe(damaged);

    const restored = run('restore', backup);
    expect(restored.stdout).toMatch(/База данных не открывалась: она сохранена как «.*\.damaged-\d{4}-\d{2}-\d{2}_\d{6}», на её место восстановлена копия/);
    expect(JSON.parse(run('events', 'list', '--json').stdout).total).toBe(9);
    const aside = readdirSync(dir).find((f) => f.includes('.damaged-') && !f.endsWith('-wal') && !f.endsWith('-shm'));
    expect(aside && sha(join(dir, aside))).toBe(damaged);
  });

  it('cut short by the program stopping say so, not «check the disk space», and leave no partial copy', async () => {
    const dir = tempDir();
    const host = startHost(join(dir, 'reestr.sqlite'));
    await host.ready;
    const core = host.core();
    if (!core) throw new Error('the register did not open');
    await loadDemo(core);
    // As `reestr serve` stopping on Ctrl+C while the day's backup runs: the connection closes under it.
    const backup = dailyBackup(core);
    host.close();
    const failure = await backup.then(() => null, (e: unknown) => e as Error);
    expect(failure?.message).toBe('Резервная копия не записана: программа завершала работу и закрыла базу данных, не дождавшись конца копирования. Незаконченная копия удалена; копия будет сделана при следующем запуске.');
    expect(failure?.message).not.toMatch(/место/);
    expect(readdirSync(join(dir, 'backups'))).toEqual([]);
  });
});
