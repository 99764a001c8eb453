// The calendar in Chromium on the demo data: September 2021 as a clerk sees it, the other views,
// an agreement's deadline, and an event dragged to another day and the drag undone.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Worksheet } from 'exceljs';
import ExcelJS from '../../electron/core/excel';
import { loadDemo } from '../../electron/core/services/demo';
import { appInBrowser, ARTIFACTS, problemsOf } from './browser';

const session = appInBrowser(loadDemo, '/calendar/month/2021-09');

const SEMINAR = 'Шестьдесят пятое заседание постоянно действующего семинара';
const MEETING = 'Встреча депутатов Парламентского Собрания';
const FORUM = 'Международный форум «Социальная защита';
const TREATMENT = 'Санаторно-курортное лечение ветеранов';

describe('the calendar', () => {
  it('shows September 2021: a two-day seminar across its days, single days, the month band', async () => {
    const { page } = session;
    await expect.poll(() => page.getByRole('heading', { name: 'Сентябрь 2021' }).isVisible()).toBe(true);
    const cell = (day: string) => page.locator(`[data-date="${day}"]`).first();
    // The seminar of 7–8 September: one bar from the 7th that is as wide as two days.
    const seminar = page.locator('[data-date="2021-09-07"] .reestr-event', { hasText: SEMINAR });
    await expect.poll(() => seminar.isVisible()).toBe(true);
    const [bar, seventh, eighth] = await Promise.all([seminar.boundingBox(), cell('2021-09-07').boundingBox(), cell('2021-09-08').boundingBox()]);
    expect(bar && seventh && eighth).toBeTruthy();
    if (!bar || !seventh || !eighth) return;
    expect(bar.x).toBeGreaterThanOrEqual(seventh.x - 2);
    expect(bar.x).toBeLessThan(seventh.x + seventh.width / 2);
    expect(bar.x + bar.width).toBeGreaterThan(eighth.x + eighth.width / 2);
    expect(bar.x + bar.width).toBeLessThanOrEqual(eighth.x + eighth.width + 2);
    // The meeting on the 8th and the forum on the 20th, each inside its day.
    for (const [title, day] of [[MEETING, '2021-09-08'], [FORUM, '2021-09-20']] as const) {
      const [box, dayBox] = await Promise.all([page.locator('.reestr-event', { hasText: title }).first().boundingBox(), cell(day).boundingBox()]);
      expect(box && dayBox && box.x >= dayBox.x - 2 && box.x + box.width <= dayBox.x + dayBox.width + 2).toBe(true);
    }
    // The September–October programme: in the band «В течение месяца», not on 1 September.
    const band = page.getByTestId('band-month');
    await expect.poll(() => band.textContent()).toContain(TREATMENT);
    expect(await band.textContent()).toContain('В течение месяца');
    expect(await band.textContent()).toContain('сентябрь–октябрь 2021');
    expect(await page.locator('.reestr-event', { hasText: TREATMENT }).count()).toBe(0);
    // The agreement ending 31 December is watched from 2 October, 90 days before: a flag on the grid.
    await expect.poll(() => cell('2021-10-02').locator('.reestr-deadline-warning').count()).toBe(1);
    await page.screenshot({ path: join(ARTIFACTS, 'calendar-month.png') });
    expect(problemsOf(page)).toEqual([]);
  }, 60_000);

  it('opens an event card with its key fields, and the whole record on «Открыть»', async () => {
    const { page } = session;
    await page.locator('.reestr-event', { hasText: FORUM }).first().click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.textContent()).toContain('20.09.2021');
    expect(await dialog.textContent()).toContain('форум');
    await dialog.getByRole('button', { name: 'Открыть' }).click();
    await expect.poll(() => dialog.textContent()).toContain('Участники');
    expect(await dialog.textContent()).toContain('Витебский областной исполнительный комитет');
    expect(await dialog.getByRole('button', { name: 'Редактировать' }).isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
  }, 60_000);

  it('shows the agreement’s end date as a marker in December', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Следующий месяц' }).click();
    // The arrow keys step as the buttons do.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.url()).toMatch(/#\/calendar\/month\/2021-12$/);
    const end = page.locator('[data-date="2021-12-31"] .reestr-deadline-ends');
    await expect.poll(() => end.textContent()).toContain('Срок истёк: Договор о сотрудничестве');
    await page.goBack();
    await page.goBack();
    await page.goBack();
    await expect.poll(() => page.getByRole('heading', { name: 'Сентябрь 2021' }).isVisible()).toBe(true);
  }, 60_000);

  it('moves an exact event by dragging it to another day, and undo puts it back', async () => {
    const { page, app } = session;
    const forum = page.locator('.reestr-event', { hasText: FORUM }).first();
    const target = page.locator('[data-date="2021-09-22"]').first();
    const [from, to] = await Promise.all([forum.boundingBox(), target.boundingBox()]);
    if (!from || !to) throw new Error('the forum or the 22nd is not on screen');
    await page.mouse.move(from.x + 10, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + 40, from.y + from.height / 2, { steps: 5 });
    await page.mouse.move(to.x + 10, to.y + to.height / 2, { steps: 10 });
    await page.mouse.up();
    const dialog = page.getByRole('dialog', { name: 'Изменить сроки?' });
    await expect.poll(() => dialog.textContent()).toContain('22.09.2021');
    await dialog.getByRole('button', { name: 'Сохранить новые сроки' }).click();
    const id = (title: string) => app.core.db.prepare('SELECT start_date, end_date FROM events WHERE title LIKE ?').get(`${title}%`);
    await expect.poll(() => id(FORUM)).toEqual({ start_date: '2021-09-22', end_date: '2021-09-22' });
    await page.getByRole('button', { name: 'Отменить' }).click();
    await expect.poll(() => id(FORUM)).toEqual({ start_date: '2021-09-20', end_date: '2021-09-20' });
    await expect.poll(async () => {
      const [box, day] = await Promise.all([page.locator('.reestr-event', { hasText: FORUM }).first().boundingBox(), page.locator('[data-date="2021-09-20"]').first().boundingBox()]);
      return Boolean(box && day && box.x >= day.x - 2 && box.x < day.x + day.width);
    }).toBe(true);
    expect(problemsOf(page)).toEqual([]);
  }, 60_000);

  it('marks what the search finds, filters like the events table, and remembers the filters', async () => {
    const { page } = session;
    await page.getByLabel('Найти в календаре').fill('социальная защита');
    await expect.poll(() => page.getByText('Найдено: 1 мероприятие').isVisible()).toBe(true);
    await expect.poll(() => page.locator('.reestr-event.reestr-match', { hasText: FORUM }).count()).toBe(1);
    expect(await page.locator('.reestr-event.reestr-dimmed').count()).toBe(3);
    await page.getByRole('button', { name: 'Очистить поиск' }).click();
    await expect.poll(() => page.locator('.reestr-dimmed').count()).toBe(0);

    await page.getByRole('button', { name: 'Фильтры' }).click();
    const spheres = page.getByLabel('Сфера', { exact: true }).first();
    await spheres.click();
    await page.getByRole('option', { name: 'социальная сфера' }).click();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.reestr-event').count()).toBe(1);
    // Another session: the register remembers the filter and the view.
    await page.reload();
    await expect.poll(() => page.getByRole('heading', { name: 'Сентябрь 2021' }).isVisible()).toBe(true);
    await expect.poll(() => page.locator('.reestr-event').count()).toBe(1);
    expect(await page.getByTestId('band-month').textContent()).toContain(TREATMENT);
    await spheres.click();
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.reestr-event').count()).toBe(4);
    expect(problemsOf(page)).toEqual([]);
  }, 60_000);

  it('starts a new event on the days selected', async () => {
    const { page } = session;
    const [from, to] = await Promise.all([page.locator('[data-date="2021-09-14"]').first().boundingBox(), page.locator('[data-date="2021-09-16"]').first().boundingBox()]);
    if (!from || !to) throw new Error('the 14th or the 16th is not on screen');
    await page.mouse.move(from.x + 20, from.y + 60);
    await page.mouse.down();
    await page.mouse.move(to.x + 20, to.y + 60, { steps: 10 });
    await page.mouse.up();
    const dialog = page.getByRole('dialog', { name: 'Новое мероприятие' });
    await expect.poll(() => dialog.textContent()).toContain('14–16.09.2021');
    await dialog.getByRole('button', { name: 'Создать' }).click();
    await expect.poll(() => page.url()).toMatch(/#\/events\/new$/);
    await expect.poll(() => page.getByLabel('Дата начала').inputValue()).toBe('14.09.2021');
    expect(await page.getByLabel('Дата окончания').inputValue()).toBe('16.09.2021');
    // Back to the calendar from the new card, unsaved: the card asks first.
    page.once('dialog', (question) => void question.accept());
    await page.goBack();
    await expect.poll(() => page.getByRole('heading', { name: 'Сентябрь 2021' }).isVisible()).toBe(true);
  }, 60_000);

  it('prints the month on one A4 landscape page', async () => {
    const { page } = session;
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ preferCSSPageSize: true });
    await page.screenshot({ path: join(ARTIFACTS, 'calendar-month-print.png') });
    await page.emulateMedia({ media: 'screen' });
    writeFileSync(join(ARTIFACTS, 'calendar-month.pdf'), pdf);
    const info = execFileSync('pdfinfo', [join(ARTIFACTS, 'calendar-month.pdf')], { encoding: 'utf8' });
    expect(info).toMatch(/Pages:\s+1\n/);
    // A4 landscape: 297 × 210 mm.
    expect(info).toMatch(/Page size:\s+841\.92 x 594\.96 pts \(A4\)/);
  }, 60_000);

  it('shows the week, the year and the agenda at their addresses', async () => {
    const { page } = session;
    await page.getByText('Неделя', { exact: true }).click();
    await expect.poll(() => page.url()).toMatch(/#\/calendar\/week\/2021-08-30$/);
    await page.goBack();
    // A day's number in the month opens its week.
    await page.locator('[data-date="2021-09-08"]').getByText('8', { exact: true }).click();
    await expect.poll(() => page.url()).toMatch(/#\/calendar\/week\/2021-09-06$/);
    await expect.poll(() => page.getByRole('heading', { name: '6–12 сентября 2021' }).isVisible()).toBe(true);
    await expect.poll(() => page.locator('.reestr-event', { hasText: SEMINAR }).count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(ARTIFACTS, 'calendar-week.png') });

    await page.getByText('Год', { exact: true }).click();
    await expect.poll(() => page.url()).toMatch(/#\/calendar\/year\/2021$/);
    await expect.poll(() => page.locator('[data-day="2021-09-08"] .reestr-year-dots i').count()).toBe(2);
    expect(await page.locator('[data-month="9"] .reestr-year-month-band').textContent()).toContain(TREATMENT);
    expect(await page.locator('[data-month="10"] .reestr-year-month-band').textContent()).toContain(TREATMENT);
    expect(await page.locator('[data-day="2021-09-01"] .reestr-year-dots').count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'calendar-year.png'), fullPage: true });

    await page.goto(page.url().replace(/year\/.*$/, 'list/2021-H2'));
    await expect.poll(() => page.getByRole('heading', { name: 'II полугодие 2021 года' }).isVisible()).toBe(true);
    const headings = await page.locator('.reestr-agenda-heading').allTextContents();
    // The programme under its month, before the month's days; the seminar under the day it starts.
    const september = headings.findIndex((h) => h.startsWith('Сентябрь 2021'));
    expect(september).toBeGreaterThan(-1);
    expect(headings[september]).toContain('в течение месяца');
    expect(headings[september + 1]).toBe('7 сентября 2021, вторник');
    await page.screenshot({ path: join(ARTIFACTS, 'calendar-agenda.png'), fullPage: true });

    // The agenda's period to Excel, through the export's own workbook.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Экспорт в Excel' }).click()]);
    expect(download.suggestedFilename()).toBe('Мероприятия_2021_II_полугодие.xlsx');
    const file = join(ARTIFACTS, `calendar-${download.suggestedFilename()}`);
    await download.saveAs(file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.getWorksheet('Мероприятия') as Worksheet;
    const titles = (sheet.getRows(4, sheet.rowCount - 3) ?? []).filter((r) => typeof r.getCell(1).value === 'number').map((r) => String(r.getCell(3).value));
    expect(titles).toHaveLength(9);
    expect(titles.some((t) => t.startsWith(TREATMENT))).toBe(true);
    expect(problemsOf(page)).toEqual([]);
  }, 60_000);
});
