// Routes live in the address (#/events/42), so the back button works and a view can be bookmarked.
import { useSyncExternalStore } from 'react';

export type Section = 'events' | 'agreements' | 'calendar' | 'import' | 'export' | 'reports' | 'references' | 'settings';

export interface Route {
  section: Section;
  /** `new`, a record's id, or a sub-view such as a reference list's kind. */
  item?: string;
}

const SECTIONS: readonly Section[] = ['events', 'agreements', 'calendar', 'import', 'export', 'reports', 'references', 'settings'];

export function parseRoute(hash: string): Route {
  const [section, item] = hash.replace(/^#\/?/, '').split('/');
  const known = SECTIONS.find((s) => s === section) ?? 'events';
  return item && known === section ? { section: known, item: decodeURIComponent(item) } : { section: known };
}

export function routeHash(route: Route): string {
  return `#/${route.section}${route.item ? `/${encodeURIComponent(route.item)}` : ''}`;
}

export function navigate(route: Route): void {
  window.location.hash = routeHash(route);
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
