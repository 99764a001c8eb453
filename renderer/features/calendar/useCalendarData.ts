// A view's events and deadlines: one call for the days on screen, fetched anew when they or the filters change.
import { useEffect, useState } from 'react';
import type { CalendarData, CalendarQuery } from '../../../shared/schema/calendar';
import { call } from '../../api/client';
import { useLiveGeneration } from '../../api/live';

/** `version`: raise it to fetch the same view anew, after an edit. */
export function useCalendarData(query: CalendarQuery | null, version: number) {
  const key = query ? JSON.stringify(query) : null;
  const [state, setState] = useState<{ key: string | null; data: CalendarData | null; error: string | null }>({ key: null, data: null, error: null });
  // Others' changes: the same view fetched anew, the old data shown meanwhile.
  const live = useLiveGeneration();
  useEffect(() => {
    if (key === null) return;
    let live = true;
    call('calendar.data', JSON.parse(key) as CalendarQuery).then(
      (data) => live && setState({ key, data, error: null }),
      (e: Error) => live && setState({ key, data: null, error: e.message }),
    );
    return () => {
      live = false;
    };
  }, [key, version, live]);
  // The previous view's data stays until the next arrives: the grid does not flash empty.
  return { data: state.data, error: state.error, loading: state.key !== key };
}
