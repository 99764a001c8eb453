// An event as a coloured chip in the bands, the year and the agenda: its title, and its dates when asked.
import { UnstyledButton } from '@mantine/core';
import { formatDateRange } from '../../../shared/ru/dates';
import type { CalendarEvent } from '../../../shared/schema/calendar';
import type { ViewProps } from './view-props';

interface Props extends Pick<ViewProps, 'colors' | 'matches' | 'onOpen'> {
  event: CalendarEvent;
  withDates?: boolean;
}

export function EventChip({ event, colors, matches, withDates = false, onOpen }: Props) {
  const classes = ['reestr-chip', event.status === 'cancelled' && 'reestr-cancelled', matches && (matches.has(event.id) ? 'reestr-match' : 'reestr-dimmed')];
  return (
    <UnstyledButton
      className={classes.filter(Boolean).join(' ')}
      style={{ backgroundColor: colors.color(event) }}
      title={event.title}
      data-event-id={event.id}
      onClick={() => onOpen(event)}
    >
      {withDates && <span className="reestr-chip-dates">{formatDateRange(event.startDate, event.endDate, event.datePrecision)}</span>}
      <span className="reestr-chip-title">{event.title}</span>
    </UnstyledButton>
  );
}
