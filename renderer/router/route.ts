// Routes live in the address (#/events/42), so the back button works and a view can be bookmarked.
import { useSyncExternalStore } from 'react';
import { FIRST_SECTION, SECTIONS, type Section } from './sections';

export type { Section };

export interface Route {
  section: Section;
  /** `new`, a record's id, or a sub-view: a reference list's kind, a calendar's `month/2021-09`. */
  item?: string;
}

export function parseRoute(hash: string): Route {
  const [section, ...rest] = hash.replace(/^#\/?/, '').split('/');
  const known = SECTIONS.find((s) => s.id === section)?.id ?? FIRST_SECTION;
  const item = rest.filter(Boolean).map(decodeSegment).join('/');
  return item && known === section ? { section: known, item } : { section: known };
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // a hand-typed «%» is text, not a broken page
  }
}

export function routeHash(route: Route): string {
  return `#/${route.section}${route.item ? `/${route.item.split('/').map(encodeURIComponent).join('/')}` : ''}`;
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

/**
 * `force`: the page itself decided to leave (after saving, or after asking); `replace`: the address
 * is corrected, not a step the back button should return to.
 */
export function navigate(route: Route, { force = false, replace = false } = {}): void {
  bypass = force;
  if (replace) window.location.replace(routeHash(route));
  else window.location.hash = routeHash(route);
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
