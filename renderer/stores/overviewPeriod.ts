// The overview's period, kept while the clerk moves between sections.
import { create } from 'zustand';

/** The half-year under way: what the department reports on next. */
function currentHalf(): string {
  const today = new Date();
  return `${today.getFullYear()}-H${today.getMonth() < 6 ? 1 : 2}`;
}

interface OverviewState {
  period: string;
  /** The clerk chose the period: it is no longer moved to where the data is. */
  chosen: boolean;
  setPeriod: (period: string) => void;
  /** Where the data is, when the clerk has not chosen: an empty half-year under way is no first screen. */
  suggestPeriod: (period: string) => void;
}

export const useOverview = create<OverviewState>((set, get) => ({
  period: currentHalf(),
  chosen: false,
  setPeriod: (period) => set({ period, chosen: true }),
  suggestPeriod: (period) => {
    if (!get().chosen) set({ period });
  },
}));
