// Routes live in the address (#/events/42), so the back button works and a view can be bookmarked.
import { useSyncExternalStore } from 'react';

export type Section = 'overview' | 'events' | 'agreements' | 'calendar' | 'import' | 'export' | 'reports' | 'references' | 'settings';

export interface Route {
  section: Section;
  /** `new`, a record's id, or a sub-view such as a reference list's kind. */
  item?: string;
}

const SECTIONS: readonly Section[] = ['overview', 'events', 'agreements', 'calendar', 'import', 'export', 'reports', 'references', 'settings'];

export function parseRoute(hash: string): Route {
  const [section, item] = hash.replace(/^#\/?/, '').split('/');
  // The overview is the first screen.
  const known = SECTIONS.find((s) => s === section) ?? 'overview';
  return item && known === section ? { section: known, item: decodeURIComponent(item) } : { section: known };
}

export function routeHash(route: Route): string {
  return `#/${route.section}${route.item ? `/${encodeURIComponent(route.item)}` : ''}`;
}

/** Asked before the address changes (sidebar, back button, a link); false keeps the page. */
let leaveGuard: (() => boolean) | null = null;
let shown = window.location.hash;
let bypass = false;

export function setLeaveGuard(guard: () => boolean): () => void {
  leaveGuard = guard;
  return () => {
    if (leaveGuard === guard) leaveGuard = null;
  };
}

/** `force`: the page itself decided to leave (after saving, or after asking). */
export function navigate(route: Route, { force = false } = {}): void {
  bypass = force;
  window.location.hash = routeHash(route);
}

function subscribe(onChange: () => void): () => void {
  const listener = () => {
    const allowed = bypass || !leaveGuard || window.location.hash === shown || leaveGuard();
    bypass = false;
    if (!allowed) {
      history.replaceState(null, '', shown);
      return;
    }
    shown = window.location.hash;
    onChange();
  };
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
