// The calendar's addresses, steps and headings, and how its views group events by the precision of their dates.
import { describe, expect, it } from 'vitest';
import { parsePlace, placeItem, placeOf, placePeriodCode, placeTitle, stepPlace, visibleRange } from '../../renderer/features/calendar/place';
import { agendaGroups, bandsOf, deadlineLabel, yearLayout } from '../../renderer/features/calendar/groups';
import { weekStart, weekdayIndex } from '../../shared/dates';
import type { CalendarEvent, Deadline } from '../../shared/schema/calendar';

const place = (item: string) => {
  const p = parsePlace(item);
  if (!p) throw new Error(`no place in ${item}`);
  return p;
};

function event(id: number, startDate: string, endDate: string, datePrecision: CalendarEvent['datePrecision'] = 'day'): CalendarEvent {
  return { id, title: `№ ${id}`, kind: null, startDate, endDate, datePrecision, format: null, status: 'held', city: null, sphere: null };
}

describe('calendar addresses', () => {
  it('reads and writes each view, and refuses what is not one', () => {
    for (const item of ['month/2021-09', 'week/2021-09-06', 'year/2021', 'list/2021-H2', 'list/2021-Q3', 'list/2021-07-01..2021-09-30']) {
      expect(placeItem(place(item))).toBe(item);
    }
    // A week is told by its Monday, whatever day the address gives.
    expect(placeItem(place('week/2021-09-09'))).toBe('week/2021-09-06');
    for (const bad of [undefined, '', 'month', 'month/2021-13', 'month/2021', 'week/2021-02-30', 'year/21', 'list/вчера', 'day/2021-09-01']) {
      expect(parsePlace(bad)).toBeNull();
    }
  });

  it('knows Mondays: weeks start on Monday across months and years', () => {
    expect(weekdayIndex('2021-09-06')).toBe(0);
    expect(weekdayIndex('2021-09-12')).toBe(6);
    expect(weekStart('2022-01-01')).toBe('2021-12-27');
    expect(weekStart('1969-12-31')).toBe('1969-12-29');
  });

  it('shows six whole weeks for a month, from the Monday on or before the first', () => {
    expect(visibleRange(place('month/2021-09'))).toEqual({ start: '2021-08-30', end: '2021-10-10' });
    expect(visibleRange(place('month/2021-11'))).toEqual({ start: '2021-11-01', end: '2021-12-12' });
    expect(visibleRange(place('week/2021-09-06'))).toEqual({ start: '2021-09-06', end: '2021-09-12' });
    expect(visibleRange(place('list/2021-H2'))).toEqual({ start: '2021-07-01', end: '2021-12-31' });
  });

  it('steps by the view’s own unit, the agenda by its kind of period', () => {
    const step = (item: string, by: -1 | 1) => placeItem(stepPlace(place(item), by));
    expect(step('month/2021-12', 1)).toBe('month/2022-01');
    expect(step('month/2021-01', -1)).toBe('month/2020-12');
    expect(step('week/2021-12-27', 1)).toBe('week/2022-01-03');
    expect(step('year/2021', -1)).toBe('year/2020');
    expect(step('list/2021-H2', 1)).toBe('list/2022-H1');
    expect(step('list/2021-Q1', -1)).toBe('list/2020-Q4');
    expect(step('list/2021-09', 1)).toBe('list/2021-10');
    expect(step('list/2021-09-01..2021-09-10', 1)).toBe('list/2021-09-11..2021-09-20');
  });

  it('switches views around the day in focus, and names what it shows in Russian', () => {
    expect(placeItem(placeOf('week', '2021-09-01'))).toBe('week/2021-08-30');
    const quarter = place('list/2021-Q1');
    expect(placeItem(placeOf('list', '2021-09-15', quarter.view === 'list' ? quarter.period : undefined))).toBe('list/2021-Q3');
    expect(placeItem(placeOf('list', '2021-09-15'))).toBe('list/2021-09');
    expect(placeTitle(place('month/2021-09'))).toBe('Сентябрь 2021');
    expect(placeTitle(place('week/2021-09-06'))).toBe('6–12 сентября 2021');
    expect(placeTitle(place('week/2021-08-30'))).toBe('30 августа – 5 сентября 2021');
    expect(placeTitle(place('week/2021-12-27'))).toBe('27 декабря 2021 – 2 января 2022');
    expect(placeTitle(place('year/2021'))).toBe('2021 год');
    expect(placeTitle(place('list/2021-H2'))).toBe('II полугодие 2021 года');
    expect(['month/2021-09', 'year/2021', 'week/2021-09-06', 'list/2021-Q3'].map((i) => placePeriodCode(place(i)))).toEqual(['2021-09', '2021', '2021-09-06..2021-09-12', '2021-Q3']);
  });
});

describe('events by the precision of their dates', () => {
  const events = [
    event(1, '2021-09-07', '2021-09-08'),
    event(2, '2021-09-01', '2021-10-31', 'month'),
    event(3, '2021-07-01', '2021-09-30', 'quarter'),
    event(4, '2021-01-01', '2021-12-31', 'year'),
    event(5, '2021-06-27', '2021-07-01'),
    event(6, '2021-11-01', '2021-11-30', 'month'),
  ];

  it('puts imprecise events in bands of a month or week grid, never on a day', () => {
    const bands = bandsOf(events, { start: '2021-09-01', end: '2021-09-30' });
    expect(bands.map((b) => [b.precision, b.events.map((e) => e.id)])).toEqual([['month', [2]], ['quarter', [3]], ['year', [4]]]);
    expect(bandsOf([events[0] as CalendarEvent], { start: '2021-09-01', end: '2021-09-30' })).toEqual([]);
  });

  it('lays a year out: days for exact dates, months, quarters and the year for the rest', () => {
    const layout = yearLayout(2021, events, [{ agreementId: 1, title: 'Договор', number: null, validUntil: '2021-12-31', date: '2021-12-31', kind: 'ends', years: null, status: 'active', autoProlongation: false }]);
    expect([...layout.byDay.keys()]).toEqual(['2021-09-07', '2021-09-08', '2021-06-27', '2021-06-28', '2021-06-29', '2021-06-30', '2021-07-01']);
    expect([...layout.byMonth.entries()].map(([m, list]) => [m, list.map((e) => e.id)])).toEqual([[9, [2]], [10, [2]], [11, [6]]]);
    expect([...layout.byQuarter.keys()]).toEqual([3]);
    expect(layout.wholeYear.map((e) => e.id)).toEqual([4]);
    expect(layout.deadlinesByDay.get('2021-12-31')).toHaveLength(1);
    // An event running into the next year counts only its days in this one.
    expect([...yearLayout(2022, [event(7, '2021-12-30', '2022-01-02')], []).byDay.keys()]).toEqual(['2022-01-01', '2022-01-02']);
  });

  it('lists the agenda under days, and imprecise events under their month, quarter or year before its days', () => {
    const deadline: Deadline = { agreementId: 1, title: 'Договор', number: '7', validUntil: '2021-12-31', date: '2021-10-02', kind: 'warning', years: null, status: 'active', autoProlongation: false };
    const groups = agendaGroups('2021-07-01', events, [deadline]);
    expect(groups.map((g) => [g.title, g.note, g.events.map((e) => e.id), g.deadlines.length])).toEqual([
      ['2021 год', 'в течение года', [4], 0],
      ['III квартал 2021', 'в течение квартала', [3], 0],
      // Begun before the agenda's first day: listed under that day.
      ['1 июля 2021, четверг', null, [5], 0],
      ['Сентябрь 2021', 'в течение месяца', [2], 0],
      ['7 сентября 2021, вторник', null, [1], 0],
      ['2 октября 2021, суббота', null, [], 1],
      ['Ноябрь 2021', 'в течение месяца', [6], 0],
    ]);
    expect(deadlineLabel(deadline)).toBe('Через 90 дней истекает: № 7 Договор');
    // The end of the term, by the agreement's state on the day the calendar is looked at.
    const ends: Deadline = { ...deadline, number: null, kind: 'ends', date: '2021-12-31' };
    expect(deadlineLabel(ends, '2021-12-01')).toBe('Истекает срок: Договор');
    expect(deadlineLabel(ends, '2022-01-01')).toBe('Срок истёк: Договор');
    expect(deadlineLabel({ ...ends, autoProlongation: true }, '2022-01-01')).toBe('Окончание срока (продлевается автоматически): Договор');
    expect(deadlineLabel({ ...ends, status: 'terminated' }, '2021-12-01')).toBe('Окончание срока (расторгнуто): Договор');
    expect(deadlineLabel({ ...deadline, kind: 'anniversary', years: 5 })).toBe('5 лет со дня подписания: № 7 Договор');
    expect(deadlineLabel({ ...deadline, kind: 'anniversary', years: 20, validUntil: null })).toBe('20 лет со дня подписания: № 7 Договор');
  });
});
