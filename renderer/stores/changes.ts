// The register's change counter as this window last saw it (renderer/api/live.ts polls it).
import { create } from 'zustand';

interface ChangesState {
  /** The latest change-log row id seen; null until the first answer. */
  latest: number | null;
  /** One more each time the counter moved after the first answer: what the open views re-read on. */
  generation: number;
  seen: (id: number) => void;
}

export const useChanges = create<ChangesState>((set) => ({
  latest: null,
  generation: 0,
  // Any move counts, down too: a restored backup may bring back a shorter log.
  seen: (id) => set((s) => (s.latest === id ? s : { latest: id, generation: s.latest === null ? s.generation : s.generation + 1 })),
}));
