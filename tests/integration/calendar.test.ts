// The calendar's data on a real register: one range with the table's filters, deadlines, search
// marks, remembered settings, and moving an event by its dates.
import { describe, expect, it } from 'vitest';
import { calendarData, calendarPrefs, moveEvent, saveCalendarPrefs } from '../../electron/core/services/calendar';
import { createAgreement } from '../../electron/core/services/agreements';
import { getEvent } from '../../electron/core/services/events';
import { loadDemo } from '../../electron/core/services/demo';
import { createDispatch, createHandlers } from '../../electron/core/backend';
import { AgreementInputSchema } from '../../shared/schema/agreement';
import { CalendarPrefsSchema, CalendarQuerySchema } from '../../shared/schema/calendar';
import { tempCore } from '../helpers';

const query = (raw: object) => CalendarQuerySchema.parse(raw);
const titleOf = (core: ReturnType<typeof tempCore>, prefix: string) =>
  core.db.prepare('SELECT id FROM events WHERE title LIKE ?').pluck().get(`${prefix}%`) as number;

describe('the calendar data', () => {
  it('gives the events overlapping the days on screen, each with its first sphere', () => {
    const core = tempCore();
    loadDemo(core);
    // The grid of September 2021: 30 August to 10 October.
    const data = calendarData(core, query({ start: '2021-08-30', end: '2021-10-10' }));
    expect(data.events.map((e) => [e.startDate, e.endDate, e.datePrecision, e.sphere])).toEqual([
      ['2021-08-30', '2021-08-31', 'day', 'промышленность и торговля'],
      ['2021-09-01', '2021-10-31', 'month', 'социальная сфера'],
      ['2021-09-07', '2021-09-08', 'day', 'молодежная политика'],
      ['2021-09-08', '2021-09-08', 'day', 'приграничное сотрудничество'],
      ['2021-09-20', '2021-09-20', 'day', 'социальная сфера'],
    ]);
    expect(data.matches).toBeNull();
  });

  it('applies the events table’s filters, and marks what the search finds without hiding the rest', () => {
    const core = tempCore();
    loadDemo(core);
    const range = { start: '2021-07-01', end: '2021-12-31' };
    const titles = (raw: object) => calendarData(core, query({ ...range, ...raw })).events.map((e) => e.kind);
    expect(titles({ filters: { kinds: ['форум'] } })).toEqual(['форум', 'форум']);
    expect(titles({ filters: { spheres: ['культура'] } })).toEqual(['служебная командировка']);
    expect(titles({ filters: { formats: ['remote'] } })).toEqual(['форум']);
    const marked = calendarData(core, query({ ...range, highlight: 'автопробег' }));
    expect(marked.events).toHaveLength(9);
    expect(marked.matches).toEqual([titleOf(core, 'Международный белорусско-российский патриотический автопробег')]);
  });

  it('marks the day an agreement ends, and 90 days before for a term that does not prolong itself', () => {
    const core = tempCore();
    loadDemo(core); // the demo's contract runs to 31 December 2021
    createAgreement(core, AgreementInputSchema.parse({ title: 'Соглашение, продлеваемое само', parties: ['Витебская область'], validUntil: '2021-12-20', autoProlongation: true }));
    createAgreement(core, AgreementInputSchema.parse({ title: 'Проект соглашения', parties: ['Витебская область'], validUntil: '2021-12-10', status: 'draft' }));
    const marks = (start: string, end: string) => calendarData(core, query({ start, end })).deadlines.map((d) => [d.date, d.kind, d.title.slice(0, 20)]);
    // No warning 90 days before the self-prolonging one (21 September) nor the draft.
    expect(marks('2021-09-01', '2021-09-30')).toEqual([]);
    expect(marks('2021-10-01', '2021-10-31')).toEqual([['2021-10-02', 'warning', 'Договор о сотрудниче']]);
    expect(marks('2021-12-01', '2021-12-31')).toEqual([['2021-12-20', 'ends', 'Соглашение, продлева'], ['2021-12-31', 'ends', 'Договор о сотрудниче']]);
    expect(marks('2022-01-01', '2022-03-31')).toEqual([]);
  });

  it('marks every fifth anniversary of signing while the agreement is in force', () => {
    const core = tempCore();
    const sign = (title: string, signedOn: string, more: object = {}) =>
      createAgreement(core, AgreementInputSchema.parse({ title, parties: ['Витебская область'], signedOn, status: 'active', ...more }));
    sign('Соглашение о сотрудничестве', '2011-03-15');
    sign('Соглашение високосного дня', '2016-02-29', { validUntil: '2030-12-31' });
    sign('Соглашение истекшее', '2015-06-01', { validUntil: '2019-12-31' });
    sign('Соглашение продлеваемое', '2015-06-02', { validUntil: '2019-12-31', autoProlongation: true });
    sign('Проект соглашения', '2016-04-01', { status: 'draft' });
    const marks = (start: string, end: string) =>
      calendarData(core, query({ start, end })).deadlines.map((d) => [d.date, d.kind, d.years, d.title]);
    expect(marks('2021-01-01', '2021-12-31')).toEqual([
      ['2021-02-28', 'anniversary', 5, 'Соглашение високосного дня'],
      ['2021-03-15', 'anniversary', 10, 'Соглашение о сотрудничестве'],
    ]);
    // Ten years on, the expired one is no longer marked, the self-prolonging one is.
    expect(marks('2025-06-01', '2025-06-30')).toEqual([['2025-06-02', 'anniversary', 10, 'Соглашение продлеваемое']]);
    expect(marks('2024-02-01', '2024-02-29')).toEqual([]);
    expect(marks('2026-03-01', '2026-03-31')).toEqual([['2026-03-15', 'anniversary', 15, 'Соглашение о сотрудничестве']]);
  });

  it('refuses a range backwards or longer than ten years, in Russian', async () => {
    const dispatch = createDispatch(createHandlers(tempCore()));
    const backwards = await dispatch('calendar.data', { start: '2021-09-30', end: '2021-09-01' });
    expect(backwards).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(JSON.stringify(backwards)).toContain('конец диапазона раньше его начала');
    expect(JSON.stringify(await dispatch('calendar.data', { start: '2000-01-01', end: '2021-01-01' }))).toContain('не больше десяти лет');
  });

  it('remembers its settings in the register, and reads an older shape as the defaults', () => {
    const core = tempCore();
    expect(calendarPrefs(core)).toEqual(CalendarPrefsSchema.parse({}));
    const prefs = CalendarPrefsSchema.parse({ place: 'year/2021', colorBy: 'status', filters: { spheres: ['культура'] } });
    saveCalendarPrefs(core, prefs);
    expect(calendarPrefs(core)).toEqual(prefs);
    core.settings.set('calendar', { colorBy: 'rainbow' });
    expect(calendarPrefs(core).colorBy).toBe('sphere');
  });

  it('moves an exact event to new dates with a change-log row, and refuses to drag an imprecise one', () => {
    const core = tempCore();
    loadDemo(core);
    const forum = titleOf(core, 'Международный форум «Социальная защита');
    expect(moveEvent(core, forum, '2021-09-22', '2021-09-23')).toMatchObject({ startDate: '2021-09-22', endDate: '2021-09-23', datePrecision: 'day' });
    expect(getEvent(core, forum).participants).toContain('Заместитель Губернатора');
    const logged = core.db.prepare(`SELECT count(*) FROM change_log WHERE entity = 'event' AND entity_id = ? AND action = 'update'`).pluck().get(forum);
    expect(logged).toBe(1);
    const programme = titleOf(core, 'Санаторно-курортное лечение');
    expect(() => moveEvent(core, programme, '2021-10-01', '2021-10-01')).toThrow(/нет точных дат: его сроки меняются в карточке/);
    expect(getEvent(core, programme)).toMatchObject({ startDate: '2021-09-01', endDate: '2021-10-31' });
  });
});
