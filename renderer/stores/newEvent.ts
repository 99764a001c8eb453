// Days chosen in another section (the calendar's selection) for the next new event's card: the
// calendar hands them here, the events card takes them once.
import { navigate } from '../router/route';

export interface NewEventDays {
  startDate: string;
  endDate: string;
}

let handed: NewEventDays | null = null;

/** Opens a new event's card with these dates. */
export function openNewEventOn(startDate: string, endDate: string): void {
  handed = { startDate, endDate };
  navigate({ section: 'events', item: 'new' });
}

/** The days handed for the card being opened, once; null when none were. */
export function takeNewEventDays(): NewEventDays | null {
  const days = handed;
  handed = null;
  return days;
}
