// The clerk's choice of the register's columns, kept in this browser's storage across reloads.
import { create } from 'zustand';
import { cleanPrefs, type ColumnPrefs } from './gridColumns';

const STORAGE_KEY = 'reestr.events.columns';

function loadPrefs(): ColumnPrefs {
  try {
    return cleanPrefs(JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null'));
  } catch {
    return cleanPrefs(null);
  }
}

interface ColumnStore extends ColumnPrefs {
  set: (prefs: ColumnPrefs) => void;
}

export const useColumnPrefs = create<ColumnStore>((set) => ({
  ...loadPrefs(),
  set: (prefs) => {
    const clean = cleanPrefs(prefs);
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(clean));
    } catch {
      // A full or disabled storage: the choice lasts this session only.
    }
    set(clean);
  },
}));

