// The events list's filter, kept while the clerk moves between sections.
import { create } from 'zustand';
import type { EventFilter, EventFormat, EventStatus } from '../../shared/schema/event';

export interface EventsFilterState {
  query: string;
  period: string | null;
  kinds: string[];
  spheres: string[];
  partners: string[];
  formats: EventFormat[];
  statuses: EventStatus[];
  deleted: boolean;
  /** The events of one import batch (from the import history). */
  batch: { id: number; fileName: string } | null;
  sort: EventFilter['sort'];
  order: EventFilter['order'];
  set: (patch: Partial<Omit<EventsFilterState, 'set'>>) => void;
}

export const useEventsFilter = create<EventsFilterState>((set) => ({
  query: '',
  period: null,
  kinds: [],
  spheres: [],
  partners: [],
  formats: [],
  statuses: [],
  deleted: false,
  batch: null,
  sort: 'startDate',
  order: 'desc',
  set: (patch) => set(patch),
}));
