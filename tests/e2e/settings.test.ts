// Настройки in Chromium: the department card, where the data lives, the backups list, a restore from it; and a register
// damaged by hand, started with `reestr serve`, brought back from its backup on the recovery page.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, copyFileSync, mkdtempSync, openSync, readdirSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeCore, openCore } from '../../electron/core/core';
import { loadDemo } from '../../electron/core/services/demo';
import { makeBackup } from '../../electron/core/services/backups';
import { departmentSettings } from '../../electron/core/services/department';
import { appInBrowser, ARTIFACTS, launch, openPage, problemsOf } from './browser';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'reestr.js');

describe('Настройки', () => {
  const session = appInBrowser((core) => void loadDemo(core), '/settings');
  const live = () => session.app.core.db.prepare('SELECT count(*) FROM events WHERE deleted_at IS NULL').pluck().get();

  it('shows where the data lives, refuses a folder it cannot use, makes a backup and restores it', async () => {
    const { page, app } = session;
    const places = page.getByTestId('data-places');
    await expect.poll(() => places.textContent()).toContain(app.core.file);
    expect(await places.textContent()).toContain('Журнал ошибок');

    const folder = page.getByRole('textbox', { name: 'Папка резервных копий' });
    await folder.fill('Копии');
    await page.getByRole('button', { name: 'Сохранить папку' }).click();
    await expect.poll(() => page.getByText(/^Укажите полный путь к папке/).isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Создать резервную копию сейчас' }).click();
    const rows = page.getByTestId('backups').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    await expect.poll(() => page.getByText(/^Копия от .* записана и проверена/).count()).toBe(1);
    expect(await rows.first().textContent()).toMatch(/\d{1,2} [а-я]+ \d{4} г\., \d{2}:\d{2}вручную\d+ КБ/);
    await page.screenshot({ path: join(ARTIFACTS, 'settings.png'), fullPage: true });

    // Four events go; the copy still has them.
    app.core.db.prepare('UPDATE events SET deleted_at = ? WHERE id <= 4').run(new Date().toISOString());
    expect(live()).toBe(5);
    await rows.first().getByRole('button', { name: 'Восстановить…' }).click();
    const dialog = page.getByTestId('restore-dialog');
    await expect.poll(() => dialog.textContent()).toContain('9 мероприятий и 1 соглашение');
    expect(await dialog.textContent()).toContain('текущее состояние реестра будет сохранено в новой резервной копии');
    await page.waitForTimeout(400); // the dialog's opening transition, for the screenshot
    await page.screenshot({ path: join(ARTIFACTS, 'settings-restore.png') });
    await dialog.getByRole('button', { name: 'Восстановить' }).click();

    // The page reloads, says what was done, and lists the copy of the state before the restore.
    await expect.poll(() => page.getByText(/^Реестр восстановлен из копии от \d{1,2} [а-я]+ \d{4} г\., \d{2}:\d{2}: 9 мероприятий и 1 соглашение/).isVisible(), { timeout: 60_000 }).toBe(true);
    expect(live()).toBe(9);
    await expect.poll(() => page.getByTestId('backups').textContent()).toContain('перед восстановлением');
    await page.screenshot({ path: join(ARTIFACTS, 'settings-restored.png'), fullPage: true });
    expect(problemsOf(page)).toEqual([]);
  });

  it('shows what a copy picked on the disk holds before restoring it', async () => {
    const { page, app } = session;
    const folder = join(app.core.file, '..', 'backups');
    const manual = readdirSync(folder).find((f) => f.endsWith('-manual.sqlite')) ?? '';
    const picked = join(mkdtempSync(join(tmpdir(), 'reestr-e2e-pick-')), 'копия с флешки.sqlite');
    copyFileSync(join(folder, manual), picked);
    await page.locator('input[type="file"]').setInputFiles(picked);
    const dialog = page.getByTestId('restore-dialog');
    await expect.poll(() => dialog.textContent()).toContain('копия с флешки.sqlite');
    expect(await dialog.textContent()).toContain('9 мероприятий и 1 соглашение');
    await dialog.getByRole('button', { name: 'Отмена' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    expect(problemsOf(page)).toEqual([]);
  });
});

describe('Настройки: Департамент', () => {
  const session = appInBrowser(undefined, '/settings');

  it('refuses a phone that is not one, saves the department name and keeps it after a reload, adds a new home region', async () => {
    const { page, app } = session;
    const card = page.getByTestId('department-settings');
    const name = card.getByRole('textbox', { name: 'Наименование департамента' });
    await expect.poll(() => card.getByLabel('Домашний регион').inputValue()).toBe('Смоленская область');
    await name.fill('Департамент Смоленской области по внешним связям');
    await card.getByRole('textbox', { name: 'Телефон ответственного' }).fill('секретарю');
    await card.getByRole('button', { name: 'Сохранить настройки департамента' }).click();
    await expect.poll(() => card.getByText(/^Поле «Телефон»: укажите номер цифрами/).isVisible()).toBe(true);
    expect((await departmentSettings(app.core)).departmentName).toBeNull();

    await card.getByRole('textbox', { name: 'Телефон ответственного' }).fill('+7 (4812) 29-10-00');
    await card.getByRole('button', { name: 'Сохранить настройки департамента' }).click();
    await expect.poll(() => page.getByText('Настройки департамента сохранены.').isVisible()).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'settings-department.png'), fullPage: true });

    await page.reload();
    await expect.poll(() => page.getByTestId('department-settings').getByRole('textbox', { name: 'Наименование департамента' }).inputValue())
      .toBe('Департамент Смоленской области по внешним связям');
    expect(await page.getByRole('textbox', { name: 'Телефон ответственного' }).inputValue()).toBe('+7 (4812) 29-10-00');
    expect(await departmentSettings(app.core)).toMatchObject({ departmentName: 'Департамент Смоленской области по внешним связям', responsiblePhone: '+7 (4812) 29-10-00' });

    // A region not in the lists is added to them, and the card says the report cannot decline it yet.
    const card2 = page.getByTestId('department-settings');
    expect(await card2.getByTestId('home-genitive-missing').count()).toBe(0);
    await card2.getByLabel('Домашний регион').fill('Новгородская область');
    await page.keyboard.press('Escape');
    await card2.getByRole('button', { name: 'Сохранить настройки департамента' }).click();
    await expect.poll(() => card2.getByTestId('home-genitive-missing').textContent()).toContain('У региона «Новгородская область» в справочнике регионов не указан родительный падеж');
    expect(await departmentSettings(app.core)).toMatchObject({ homeRegion: 'Новгородская область', homeCountry: 'Российская Федерация' });
    expect(problemsOf(page)).toEqual([]);
  });
});

describe('a register damaged by hand', () => {
  let server: ChildProcess | undefined;
  afterAll(() => void server?.kill('SIGTERM'));

  it('starts in the recovery mode, offers the backup, restores it, and the data is back', async () => {
    // A register with the sample data and a backup of it, closed.
    const dir = mkdtempSync(join(tmpdir(), 'reestr-e2e-damaged-'));
    const file = join(dir, 'reestr.sqlite');
    const core = openCore(file);
    await loadDemo(core);
    await makeBackup(core, 'daily');
    closeCore(core);
    // Damage by hand: garbage over pages in the middle of the file.
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, 4096 * 3);
    closeSync(fd);

    // Started as a clerk starts it.
    server = spawn(process.execPath, [BIN, '--db', file, 'serve', '--no-open', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await expect.poll(() => /http:\/\/127\.0\.0\.1:\d+\/#token=\S+/.exec(output)?.[0], { timeout: 30_000 }).toBeTruthy();
    const url = /http:\/\/127\.0\.0\.1:\d+\/#token=\S+/.exec(output)?.[0] ?? '';
    // The warning follows the address once the start-up check (in a worker thread) has found the damage.
    await expect.poll(() => output, { timeout: 30_000 }).toMatch(/Внимание: База данных .* повреждена/);

    const browser = await launch();
    try {
      const page = await openPage(browser, url);
      await expect.poll(() => page.getByTestId('recovery-problem').textContent()).toMatch(/^База данных повреждена.*Программа ничего в него не записывает/);
      const rows = page.getByTestId('recovery-backups').locator('tbody tr');
      await expect.poll(() => rows.count()).toBe(1);
      expect(await rows.first().textContent()).toMatch(/ежедневная9 мероприятий и 1 соглашение/);
      await page.screenshot({ path: join(ARTIFACTS, 'recovery.png'), fullPage: true });

      await rows.first().getByRole('button', { name: 'Восстановить…' }).click();
      const dialog = page.getByTestId('restore-dialog');
      await expect.poll(() => dialog.textContent()).toContain('Повреждённый файл базы данных не удаляется');
      await page.waitForTimeout(400); // the dialog's opening transition, for the screenshot
      await page.screenshot({ path: join(ARTIFACTS, 'recovery-confirm.png') });
      await dialog.getByRole('button', { name: 'Восстановить' }).click();

      // The app opens as usual, with the register's events.
      await expect.poll(() => page.getByText(/Повреждённый файл сохранён как «.*reestr\.sqlite\.damaged-/).isVisible(), { timeout: 60_000 }).toBe(true);
      await page.evaluate(() => (window.location.hash = '#/events'));
      await expect.poll(() => page.locator('[role="row"][data-loaded="true"]').count(), { timeout: 60_000 }).toBe(9);
      await page.screenshot({ path: join(ARTIFACTS, 'recovery-done.png') });
      expect(readdirSync(dir).some((f) => /^reestr\.sqlite\.damaged-\d{4}-\d{2}-\d{2}_\d{6}$/.test(f))).toBe(true);
      expect(problemsOf(page)).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 90_000);
});
