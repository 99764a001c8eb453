// What every calendar view is given: the view's events and deadlines, their colours, the search's finds.
import type { CalendarEvent, Deadline } from '../../../shared/schema/calendar';
import type { ColorScheme } from './colors';

export interface ViewProps {
  events: readonly CalendarEvent[];
  deadlines: readonly Deadline[];
  colors: ColorScheme;
  /** Ids the search found; null when nothing is searched. */
  matches: ReadonlySet<number> | null;
  onOpen: (event: CalendarEvent) => void;
}
