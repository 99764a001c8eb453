// Where an event was, as one line of a table: city, region, country.
import type { Event } from '../schema/event';

export function placeLine(e: Pick<Event, 'city' | 'region' | 'country'>): string {
  return [e.city, e.region, e.country].filter(Boolean).join(', ');
}
