// The colour of an event by sphere, kind or status, and the legend that says which colour is what.
import { EVENT_STATUS_LABELS } from '../../../shared/ru/labels';
import type { CalendarEvent, ColorBy } from '../../../shared/schema/calendar';
import type { EventStatus } from '../../../shared/schema/event';

/** Dark enough for white text, far enough apart to tell on screen and on paper. */
const PALETTE = [
  '#1971c2', '#2f9e44', '#e8590c', '#9c36b5', '#0c8599', '#d6336c', '#66a80f', '#8b5a2b',
  '#364fc7', '#343a40', '#e67700', '#5c677d', '#5f3dc4', '#1098ad', '#9c6500',
] as const;

const STATUS_COLORS: Record<EventStatus, string> = {
  planned: '#1971c2',
  held: '#2f9e44',
  cancelled: '#495057',
  postponed: '#e67700',
};

/** Events with no sphere or kind given. */
const NONE_COLOR = '#adb5bd';
const NONE_LABEL = 'Не указано';

export const COLOR_BY_LABELS: Record<ColorBy, string> = { sphere: 'по сфере', kind: 'по виду', status: 'по статусу' };

export interface LegendItem {
  label: string;
  color: string;
}

const keyOf = (by: ColorBy, e: CalendarEvent): string | null => (by === 'status' ? e.status : by === 'sphere' ? e.sphere : e.kind);

/**
 * Colours for the events on screen. A list that fits the palette (the spheres) keeps one colour per
 * name in every view; a longer one (the kinds) colours the names on screen, in the list's order, so
 * no two of them share a colour. `names`: the reference list, in its order.
 */
export function colorScheme(by: ColorBy, names: readonly string[], events: readonly CalendarEvent[]) {
  const shown = new Set(events.map((e) => keyOf(by, e)));
  const ranked = names.length <= PALETTE.length ? names : names.filter((name) => shown.has(name));
  const rank = new Map(ranked.map((name, i) => [name, i]));
  const colorOfKey = (key: string | null): string => {
    if (by === 'status') return STATUS_COLORS[key as EventStatus];
    const i = key === null ? undefined : rank.get(key);
    return i === undefined ? NONE_COLOR : (PALETTE[i % PALETTE.length] ?? NONE_COLOR);
  };
  const order = (key: string | null) =>
    key === null ? Number.MAX_SAFE_INTEGER : by === 'status' ? Object.keys(STATUS_COLORS).indexOf(key) : (rank.get(key) ?? names.length);
  const labelOf = (key: string | null) => (key === null ? NONE_LABEL : by === 'status' ? EVENT_STATUS_LABELS[key as EventStatus] : key);
  return {
    color: (e: CalendarEvent) => colorOfKey(keyOf(by, e)),
    /** What the shown events' colours mean, in the list's order. */
    legend: (): LegendItem[] => [...shown].sort((a, b) => order(a) - order(b)).map((key) => ({ label: labelOf(key), color: colorOfKey(key) })),
  };
}

export type ColorScheme = ReturnType<typeof colorScheme>;
