// Rows of the events list, fetched a page at a time as the table scrolls to them.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { MethodInput } from '../../../shared/api';
import type { EventRow } from '../../../shared/schema/event';
import { call } from '../../api/client';

const PAGE = 100;

type ListInput = MethodInput<'events.rows'>;

/** `version`: raise it to fetch the same filter anew (after the register changed under it). */
export function useEventRows(filter: Omit<ListInput, 'limit' | 'offset'>, version = 0) {
  const key = JSON.stringify(filter);
  const stateKey = `${version}:${key}`;
  const [state, setState] = useState<{ key: string; total: number | null; pages: Map<number, EventRow[]>; error: string | null }>({
    key: stateKey, total: null, pages: new Map(), error: null,
  });
  const requested = useRef(new Set<number>());

  const load = useCallback((page: number) => {
    if (requested.current.has(page)) return;
    requested.current.add(page);
    call('events.rows', { ...(JSON.parse(key) as ListInput), limit: PAGE, offset: page * PAGE }).then(
      (result) => setState((s) => (s.key === stateKey ? { ...s, total: result.total, pages: new Map(s.pages).set(page, result.items) } : s)),
      (e: Error) => setState((s) => (s.key === stateKey ? { ...s, error: e.message } : s)),
    );
  }, [key, stateKey]);

  useEffect(() => {
    requested.current = new Set();
    setState({ key: stateKey, total: null, pages: new Map(), error: null });
    load(0);
  }, [stateKey, load]);

  const ensure = useCallback((first: number, last: number) => {
    for (let page = Math.floor(first / PAGE); page <= Math.floor(last / PAGE); page++) load(page);
  }, [load]);

  /** Fetches the loaded pages again after an edit, showing the old rows until the new ones come: the scroll stays. */
  const pagesRef = useRef(state.pages);
  pagesRef.current = state.pages;
  const reload = useCallback(() => {
    for (const page of pagesRef.current.keys()) {
      call('events.rows', { ...(JSON.parse(key) as ListInput), limit: PAGE, offset: page * PAGE }).then(
        (result) => setState((s) => (s.key === stateKey ? { ...s, total: result.total, pages: new Map(s.pages).set(page, result.items) } : s)),
        (e: Error) => setState((s) => (s.key === stateKey ? { ...s, error: e.message } : s)),
      );
    }
  }, [key, stateKey]);

  const rowAt = (index: number): EventRow | undefined => state.pages.get(Math.floor(index / PAGE))?.[index % PAGE];
  /** The rows loaded so far, with their indexes: what Ctrl+A and a Shift-click range can take. */
  const loaded = (): { index: number; row: EventRow }[] =>
    [...state.pages.entries()].flatMap(([page, rows]) => rows.map((row, i) => ({ index: page * PAGE + i, row })));
  return { total: state.key === stateKey ? state.total : null, error: state.error, rowAt, ensure, reload, loaded };
}
