// Live refresh: one poll of the register's change counter for the whole window, while any view shows
// data and the window is visible; the views re-read what they show when the counter moves.
import { useEffect, useRef } from 'react';
import { useChanges } from '../stores/changes';
import { ApiError, call, currentSession, onSessionChange } from './client';

/** How often the counter is asked: others' changes show within a few seconds. */
export const POLL_MS = 3000;
/** Never sooner after the previous ask, whatever wakes the poll (the window shown again, say). */
const MIN_GAP_MS = 2000;

let watchers = 0;
let timer: ReturnType<typeof setTimeout> | undefined;
let asking = false;
let lastAsked = 0;
/** The server refused the session: no polling until a sign-in. */
let signedOut = false;

const visible = () => document.visibilityState !== 'hidden';

function schedule(delay = POLL_MS): void {
  if (timer !== undefined || asking || watchers === 0 || signedOut || !visible()) return;
  timer = setTimeout(() => void ask(), Math.max(delay, MIN_GAP_MS - (Date.now() - lastAsked)));
}

async function ask(): Promise<void> {
  timer = undefined;
  if (watchers === 0 || signedOut || !visible()) return;
  asking = true;
  lastAsked = Date.now();
  try {
    const { id } = await call('changes.latest', {});
    useChanges.getState().seen(id);
  } catch (e) {
    // The login screen shows (client.ts); other failures (no connection for a moment) are asked again.
    if (e instanceof ApiError && e.info.code === 'unauthorized') signedOut = true;
  } finally {
    asking = false;
  }
  schedule();
}

function wake(): void {
  if (!visible()) {
    clearTimeout(timer);
    timer = undefined;
    return;
  }
  schedule(0);
}

let listening = false;
function listen(): void {
  if (listening) return;
  listening = true;
  document.addEventListener('visibilitychange', wake);
  onSessionChange(() => {
    if (currentSession().kind === 'login') return;
    signedOut = false;
    schedule(0);
  });
}

/** Keeps the poll running while the calling component is mounted; returns the counter's generation. */
export function useLiveGeneration(): number {
  useEffect(() => {
    listen();
    watchers++;
    schedule(0);
    return () => {
      watchers--;
      if (watchers > 0) return;
      clearTimeout(timer);
      timer = undefined;
    };
  }, []);
  return useChanges((s) => s.generation);
}

/** Calls `refetch` each time the register changed since the component mounted (not on mount itself). */
export function useLiveReload(refetch: () => void): void {
  const generation = useLiveGeneration();
  const handled = useRef(generation);
  const latest = useRef(refetch);
  useEffect(() => {
    latest.current = refetch;
  });
  useEffect(() => {
    if (generation === handled.current) return;
    handled.current = generation;
    latest.current();
  }, [generation]);
}
