// The cards' rules in Chromium on the demo data: a name not in its reference list is asked about (a
// kind with its gender), an agreement whose term ended reads «срок истёк», the calendar's period field
// and today's mark in the calendar.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDemo } from '../../electron/core/services/demo';
import { listEvents } from '../../electron/core/services/events';
import { todayIso } from '../../shared/dates';
import { EventFilterSchema } from '../../shared/schema/event';
import { appInBrowser, ARTIFACTS, openPage, problemsOf } from './browser';

const session = appInBrowser(loadDemo, '/events/new');

const TITLE = 'Исторический квест «Тропами партизан» для школьников Смоленской и Витебской областей';
const saved = async () => (await listEvents(session.app.core, EventFilterSchema.parse({ query: 'Тропами партизан', limit: 5 }))).items;

describe('the cards’ rules in the browser', () => {
  it('asks before adding a new kind, with its gender; «Отмена» saves nothing, the answer saves both at once', async () => {
    const { page, app } = session;
    await page.getByLabel('Название').fill(TITLE);
    await page.getByRole('combobox', { name: 'Вид' }).fill('квест');
    await page.getByRole('combobox', { name: 'Город' }).fill('Смоленск');
    await page.getByRole('button', { name: 'Сохранить' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByText('Добавить «квест» в справочник видов?').isVisible()).toBe(true);
    // Смоленск is in its list: only the kind is asked about.
    expect(await dialog.textContent()).not.toContain('Смоленск');
    await page.screenshot({ path: join(ARTIFACTS, 'card-new-kind.png') });

    await dialog.getByRole('button', { name: 'Отмена' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    expect(page.url()).toMatch(/#\/events\/new$/);
    expect(await saved()).toEqual([]);
    expect(await app.core.refs.byKey('kind', 'квест')).toBeUndefined();

    await page.getByRole('button', { name: 'Сохранить' }).click();
    await dialog.getByRole('radio', { name: /^женский/ }).check();
    await dialog.getByRole('radio', { name: /^мужской/ }).check();
    await dialog.getByRole('button', { name: 'Добавить и сохранить' }).click();
    await expect.poll(() => page.url()).toMatch(/#\/events$/);
    expect((await saved()).map((e) => [e.kind, e.city])).toEqual([['квест', 'Смоленск']]);
    // The gender the report declines the kind by («прошёл квест»).
    expect((await app.core.refs.byKey('kind', 'квест'))?.gender).toBe('m');
    expect(problemsOf(page)).toEqual([]);
  }, 60_000);

  it('does not ask about a known name typed in other letters («ФОРУМ», «ё» for «е»)', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Новое мероприятие' }).click();
    await page.getByLabel('Название').fill('Форум молодёжи приграничья');
    await page.getByRole('combobox', { name: 'Вид' }).fill('ФОРУМ');
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await expect.poll(() => page.url()).toMatch(/#\/events$/);
    expect((await listEvents(session.app.core, EventFilterSchema.parse({ query: 'Форум молодёжи приграничья', limit: 5 }))).items.map((e) => e.kind)).toEqual(['форум']);
  }, 60_000);

  it('reads the demo agreement, ended 31.12.2021, as «срок истёк» in the register and in its card', async () => {
    const { page } = session;
    await page.getByRole('link', { name: 'Соглашения' }).click();
    const row = page.locator('tr[data-state]', { hasText: 'Договор о сотрудничестве между Постоянным Комитетом' });
    await expect.poll(() => row.getAttribute('data-state')).toBe('expired');
    expect(await row.textContent()).toContain('срок истёк');
    expect(await row.textContent()).not.toContain('действует');
    await page.screenshot({ path: join(ARTIFACTS, 'agreements-expired.png') });
    await row.click();
    const status = page.getByRole('textbox', { name: 'Статус' }).or(page.getByRole('combobox', { name: 'Статус' }));
    await expect.poll(() => status.inputValue()).toBe('срок истёк');
    expect(await page.getByText(/срок действия окончился 31.12.2021/).isVisible()).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'agreement-expired-card.png') });
    await page.getByRole('button', { name: 'Закрыть' }).click();
    await expect.poll(() => page.url()).toMatch(/#\/agreements$/);
    expect(problemsOf(page)).toEqual([]);
  }, 60_000);

  it('asks about a new party of an agreement, and saves it with the agreement', async () => {
    const { page, app } = session;
    await page.getByRole('button', { name: 'Новое соглашение' }).click();
    await page.getByLabel('Название').fill('Соглашение о сотрудничестве с Могилёвским облисполкомом');
    const parties = page.getByRole('combobox', { name: 'Стороны' });
    await parties.fill('Могилевский облисполком');
    await parties.press('Enter');
    await page.getByRole('button', { name: 'Сохранить' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByText('Добавить «Могилевский облисполком» в справочник партнёров?').isVisible()).toBe(true);
    expect(await dialog.getByRole('radio').count()).toBe(0);
    await dialog.getByRole('button', { name: 'Добавить и сохранить' }).click();
    await expect.poll(() => page.url()).toMatch(/#\/agreements$/);
    expect((await app.core.refs.partnerByKey('могилевский облисполком'))?.name).toBe('Могилевский облисполком');
    expect(problemsOf(page)).toEqual([]);
  }, 60_000);

  it('shows the agenda of a half-year typed into the calendar’s period field', async () => {
    const { page } = session;
    await page.getByRole('link', { name: 'Календарь' }).click();
    const field = page.getByRole('combobox', { name: 'Период' });
    // The calendar's code loads on first visit: on a busy machine that can take a while.
    await expect.poll(() => field.isVisible(), { timeout: 20_000 }).toBe(true);
    await field.click();
    await field.fill('II полугодие 2021');
    await field.press('Enter');
    await expect.poll(() => page.url()).toMatch(/#\/calendar\/list\/2021-H2$/);
    await expect.poll(() => page.getByRole('heading', { name: 'II полугодие 2021' }).isVisible()).toBe(true);
    await expect.poll(() => field.inputValue()).toBe('II полугодие 2021 года');
    // July's seminar and December's end of the agreement, both in the half-year.
    const agenda = page.locator('.reestr-calendar-body');
    await expect.poll(() => agenda.textContent()).toContain('Срок истёк: Договор о сотрудничестве');
    expect(await agenda.textContent()).toContain('Шестьдесят пятое заседание');
    await page.screenshot({ path: join(ARTIFACTS, 'calendar-agenda-half-year.png') });
    // At 1280×720 the period field stays on the toolbar, whole.
    await page.setViewportSize({ width: 1280, height: 720 });
    const box = await field.boundingBox();
    expect(box && box.x + box.width <= 1280).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'calendar-agenda-half-year-1280.png') });
    await page.setViewportSize({ width: 1440, height: 900 });
    expect(problemsOf(page)).toEqual([]);
  }, 60_000);

  it('marks today with a blue ring, unlike the grey of a weekend', async () => {
    const page = await openPage(session.app.browser, session.app.server.url, `/calendar/month/${todayIso().slice(0, 7)}`);
    const today = page.locator(`[data-date="${todayIso()}"].reestr-today`).first();
    await expect.poll(() => today.count()).toBe(1);
    const weekend = page.locator('.reestr-weekend:not(.reestr-today)').first();
    const [todayStyle, weekendStyle] = await Promise.all([today, weekend].map((cell) => cell.evaluate((el) => {
      const style = getComputedStyle(el);
      return { background: style.backgroundColor, ring: style.boxShadow };
    })));
    expect(todayStyle?.ring).toContain('rgb(34, 139, 230)');
    expect(weekendStyle?.ring).not.toContain('rgb(34, 139, 230)');
    expect(todayStyle?.background).not.toBe(weekendStyle?.background);
    // The date itself in bold blue.
    expect(await today.locator('[role="link"]').first().evaluate((el) => getComputedStyle(el).fontWeight)).toBe('700');
    await page.screenshot({ path: join(ARTIFACTS, 'calendar-today.png') });
    expect(problemsOf(page)).toEqual([]);
    await page.close();
  }, 60_000);
});
