// The overview's period, kept while the clerk moves between sections.
import { create } from 'zustand';

/** The half-year under way: what the department reports on next. */
function currentHalf(): string {
  const today = new Date();
  return `${today.getFullYear()}-H${today.getMonth() < 6 ? 1 : 2}`;
}

interface OverviewState {
  period: string;
  setPeriod: (period: string) => void;
}

export const useOverview = create<OverviewState>((set) => ({
  period: currentHalf(),
  setPeriod: (period) => set({ period }),
}));
