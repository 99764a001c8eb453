// The colour of an event by sphere, kind or status, and the legend that says which colour is what.
import { EVENT_STATUS_LABELS } from '../../../shared/ru/labels';
import type { CalendarEvent, ColorBy } from '../../../shared/schema/calendar';
import type { EventStatus } from '../../../shared/schema/event';

/** Dark enough for white text, far enough apart to tell on a printed page. */
const PALETTE = [
  '#1971c2', '#2f9e44', '#e8590c', '#9c36b5', '#0c8599', '#d6336c',
  '#66a80f', '#8b5a2b', '#4c6ef5', '#343a40',
] as const;

const STATUS_COLORS: Record<EventStatus, string> = {
  planned: '#1971c2',
  held: '#2f9e44',
  cancelled: '#495057',
  postponed: '#f08c00',
};

/** Events with no sphere or kind given. */
const NONE_COLOR = '#868e96';
export const NONE_LABEL = 'Не указано';

export const COLOR_BY_LABELS: Record<ColorBy, string> = { sphere: 'по сфере', kind: 'по виду', status: 'по статусу' };

export interface LegendItem {
  label: string;
  color: string;
}

/**
 * Colours for one way of colouring: a name keeps its colour while the reference list stays the same
 * (its place in the list picks it), so the legend of one month matches the next.
 */
export function colorScheme(by: ColorBy, names: readonly string[]) {
  const index = new Map(names.map((name, i) => [name, i]));
  const colorOfName = (name: string | null) =>
    name === null ? NONE_COLOR : (PALETTE[(index.get(name) ?? hash(name)) % PALETTE.length] ?? NONE_COLOR);
  const keyOf = (e: CalendarEvent): string | null => (by === 'status' ? e.status : by === 'sphere' ? e.sphere : e.kind);
  const labelOf = (key: string | null) => (key === null ? NONE_LABEL : by === 'status' ? EVENT_STATUS_LABELS[key as EventStatus] : key);
  const colorOfKey = (key: string | null) => (by === 'status' ? STATUS_COLORS[key as EventStatus] : colorOfName(key));
  return {
    color: (e: CalendarEvent) => colorOfKey(keyOf(e)),
    /** What the shown events' colours mean, in the list's order. */
    legend(events: readonly CalendarEvent[]): LegendItem[] {
      const keys = [...new Set(events.map(keyOf))];
      const order = (key: string | null) => (key === null ? Number.MAX_SAFE_INTEGER : by === 'status' ? Object.keys(STATUS_COLORS).indexOf(key) : (index.get(key) ?? names.length));
      return keys.sort((a, b) => order(a) - order(b)).map((key) => ({ label: labelOf(key), color: colorOfKey(key) }));
    },
  };
}

export type ColorScheme = ReturnType<typeof colorScheme>;

function hash(text: string): number {
  let h = 0;
  for (const ch of text) h = (h * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  return h;
}
