// The whole year: twelve months in four rows, one per quarter. A day shows how busy it is and the
// colours of its events; month, quarter and year events sit in bands of their own month, quarter, year.
import { Button, Group, Text, UnstyledButton } from '@mantine/core';
import { useMemo } from 'react';
import { addDays, monthRange, todayIso, weekStart } from '../../../shared/dates';
import { romanNumeral } from '../../../shared/ru/dates';
import { monthTitle } from '../../../shared/ru/periods';
import { countOf, EVENT_FORMS } from '../../../shared/ru/plural';
import type { CalendarEvent } from '../../../shared/schema/calendar';
import type { ViewProps } from './view-props';
import { EventChip } from './EventChip';
import { BAND_TITLES, deadlineLabel, yearLayout } from './groups';

const WEEKDAY_SHORT = ['Пн', 'Вт', 'Ср', 'Чт', 'Пт', 'Сб', 'Вс'];
/** Chips a month or quarter band shows before «+N ещё». */
const SHOWN = 3;
const DOTS = 4;

interface Props extends ViewProps {
  year: number;
  /** A day clicked: its week. */
  onDay: (day: string) => void;
  /** A month's title or «+N ещё» clicked: that month. */
  onMonth: (month: number) => void;
  /** A quarter's or the year's «+N ещё»: the agenda of that span. */
  onAgenda: (code: string) => void;
}

function busyLevel(count: number): number {
  return count === 0 ? 0 : count === 1 ? 1 : count <= 3 ? 2 : count <= 9 ? 3 : 4;
}

export function YearView({ year, events, deadlines, colors, matches, onOpen, onDay, onMonth, onAgenda }: Props) {
  const layout = useMemo(() => yearLayout(year, events, deadlines), [year, events, deadlines]);
  const today = todayIso();

  const chips = (list: readonly CalendarEvent[], more: () => void) => (
    <>
      {list.slice(0, SHOWN).map((e) => <EventChip key={e.id} event={e} colors={colors} matches={matches} withDates onOpen={onOpen} />)}
      {list.length > SHOWN && <Button size="compact-xs" variant="subtle" onClick={more}>+{list.length - SHOWN} ещё</Button>}
    </>
  );

  const month = (m: number) => {
    const { start, end } = monthRange(year, m);
    const first = weekStart(start);
    const days = Array.from({ length: 42 }, (_, i) => addDays(first, i)).filter((d, i) => i < 35 || d <= end || weekStart(d) <= end);
    const monthEvents = layout.byMonth.get(m) ?? [];
    return (
      <div key={m} className="reestr-year-month" data-month={m}>
        <UnstyledButton className="reestr-year-month-title" onClick={() => onMonth(m)}>{monthTitle(year, m)}</UnstyledButton>
        {monthEvents.length > 0 && (
          <div className="reestr-year-month-band" title={BAND_TITLES.month}>{chips(monthEvents, () => onMonth(m))}</div>
        )}
        <div className="reestr-year-grid">
          {WEEKDAY_SHORT.map((d, i) => <div key={d} className={`reestr-year-weekday${i >= 5 ? ' reestr-weekend' : ''}`}>{d}</div>)}
          {days.map((day, i) => {
            const inMonth = day >= start && day <= end;
            if (!inMonth) return <div key={day} className="reestr-year-day reestr-year-day-out" />;
            const list = layout.byDay.get(day) ?? [];
            const marks = layout.deadlinesByDay.get(day) ?? [];
            const found = matches ? list.filter((e) => matches.has(e.id)).length : 0;
            const hint = [list.length ? countOf(list.length, EVENT_FORMS) : '', ...marks.map((d) => deadlineLabel(d)), ...list.slice(0, 5).map((e) => `• ${e.title}`)]
              .filter(Boolean)
              .join('\n');
            const classes = [
              'reestr-year-day',
              `reestr-busy-${busyLevel(list.length)}`,
              i % 7 >= 5 && 'reestr-weekend',
              day === today && 'reestr-today',
              found > 0 && 'reestr-match',
              marks.some((d) => d.kind === 'ends') && 'reestr-year-ends',
              marks.some((d) => d.kind === 'warning') && 'reestr-year-warning',
              marks.some((d) => d.kind === 'anniversary') && 'reestr-year-anniversary',
            ];
            return (
              <UnstyledButton key={day} className={classes.filter(Boolean).join(' ')} title={hint || undefined} onClick={() => onDay(day)} data-day={day}>
                <span>{Number(day.slice(8))}</span>
                {list.length > 0 && (
                  <span className="reestr-year-dots">
                    {list.slice(0, DOTS).map((e) => <i key={e.id} style={{ backgroundColor: colors.color(e) }} />)}
                  </span>
                )}
              </UnstyledButton>
            );
          })}
        </div>
      </div>
    );
  };

  return (
    <div className="reestr-year">
      {layout.wholeYear.length > 0 && (
        <Group gap={6} className="reestr-band" data-testid="band-year">
          <Text size="sm" fw={600} w={150}>{BAND_TITLES.year}</Text>
          {chips(layout.wholeYear, () => onAgenda(String(year)))}
        </Group>
      )}
      {[1, 2, 3, 4].map((q) => {
        const quarterEvents = layout.byQuarter.get(q) ?? [];
        return (
          <section key={q} className="reestr-year-quarter" aria-label={`${romanNumeral(q)} квартал`}>
            {quarterEvents.length > 0 && (
              <Group gap={6} className="reestr-band" data-testid={`band-quarter-${q}`}>
                <Text size="sm" fw={600} w={150}>{romanNumeral(q)} квартал: {BAND_TITLES.quarter.toLowerCase()}</Text>
                {chips(quarterEvents, () => onAgenda(`${year}-Q${q}`))}
              </Group>
            )}
            <div className="reestr-year-row">{[1, 2, 3].map((i) => month((q - 1) * 3 + i))}</div>
          </section>
        );
      })}
    </div>
  );
}
