// The calendar's settings, kept in the register so they outlive the session; the search words are not kept.
import { create } from 'zustand';
import { CalendarPrefsSchema, type CalendarPrefs } from '../../../shared/schema/calendar';
import { call, currentSession } from '../../api/client';
import { mayCall } from '../../api/allowed';
import { notifyError } from '../../api/notifyError';

interface CalendarState {
  /** null until loaded from the register. */
  prefs: CalendarPrefs | null;
  highlight: string;
  load: () => void;
  update: (patch: Partial<CalendarPrefs>) => void;
  setHighlight: (words: string) => void;
}

export const useCalendarStore = create<CalendarState>((set, get) => ({
  prefs: null,
  highlight: '',
  load: () => {
    if (get().prefs) return;
    call('calendar.prefs', {}).then(
      (prefs) => set({ prefs }),
      // Defaults stand in: the calendar still works, it only forgets.
      () => set({ prefs: CalendarPrefsSchema.parse({}) }),
    );
  },
  update: (patch) => {
    const current = get().prefs;
    if (!current) return;
    const prefs = { ...current, ...patch };
    set({ prefs });
    // A reader's choices hold for this window only: the register keeps a clerk's.
    if (!mayCall(currentSession(), 'calendar.savePrefs')) return;
    call('calendar.savePrefs', prefs).catch((e: unknown) =>
      notifyError(e, 'Настройки календаря не сохранены'),
    );
  },
  setHighlight: (highlight) => set({ highlight }),
}));
