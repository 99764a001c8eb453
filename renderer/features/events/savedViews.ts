// Saved views of the register: a named set of filters, columns and sort, kept in this browser's storage.
import { create } from 'zustand';
import { useEventsFilter, type EventsFilterState } from '../../stores/eventsFilter';
import { cleanPrefs, type ColumnPrefs } from './gridColumns';
import { useColumnPrefs } from './columnPrefs';

type ViewFilter = Pick<EventsFilterState, 'query' | 'period' | 'kinds' | 'spheres' | 'partners' | 'formats' | 'statuses' | 'sort' | 'order'>;

export interface SavedView {
  id: string;
  name: string;
  filter: ViewFilter;
  columns: ColumnPrefs;
}

const STORAGE_KEY = 'reestr.events.views';

function load(): SavedView[] {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]');
    if (!Array.isArray(raw)) return [];
    return raw.flatMap((v: Partial<SavedView>) => (typeof v?.id === 'string' && typeof v.name === 'string' && typeof v.filter === 'object' && v.filter !== null
      ? [{ id: v.id, name: v.name, filter: v.filter, columns: cleanPrefs(v.columns) }]
      : []));
  } catch {
    return [];
  }
}

function store(views: SavedView[]): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(views));
  } catch {
    // A full or disabled storage: the views last this session only.
  }
}

interface ViewsState {
  views: SavedView[];
  /** The view last opened or saved, while the register still shows it. */
  activeId: string | null;
  save: (name: string) => SavedView;
  remove: (id: string) => void;
  open: (id: string) => void;
}

export const useSavedViews = create<ViewsState>((set, get) => ({
  views: load(),
  activeId: null,
  save(name) {
    const f = useEventsFilter.getState();
    const { visible, widths } = useColumnPrefs.getState();
    const filter: ViewFilter = {
      query: f.query, period: f.period, kinds: f.kinds, spheres: f.spheres, partners: f.partners, formats: f.formats, statuses: f.statuses, sort: f.sort, order: f.order,
    };
    // The same name again replaces that view: the clerk updates it rather than collecting copies.
    const existing = get().views.find((v) => v.name.toLocaleLowerCase('ru') === name.toLocaleLowerCase('ru'));
    const view: SavedView = { id: existing?.id ?? `v${Date.now().toString(36)}`, name, filter, columns: { visible: [...visible], widths: { ...widths } } };
    const views = existing ? get().views.map((v) => (v.id === view.id ? view : v)) : [...get().views, view];
    store(views);
    set({ views, activeId: view.id });
    return view;
  },
  remove(id) {
    const views = get().views.filter((v) => v.id !== id);
    store(views);
    set({ views, activeId: get().activeId === id ? null : get().activeId });
  },
  open(id) {
    const view = get().views.find((v) => v.id === id);
    if (!view) return;
    useEventsFilter.getState().set({ ...view.filter, deleted: false, batch: null });
    useColumnPrefs.getState().set(view.columns);
    set({ activeId: id });
  },
}));

// A view stays marked in the sidebar only while the register shows its filter.
useEventsFilter.subscribe((filter) => {
  const { activeId, views } = useSavedViews.getState();
  const view = views.find((v) => v.id === activeId);
  if (!view) return;
  const changed = (Object.keys(view.filter) as (keyof ViewFilter)[]).some((key) => JSON.stringify(view.filter[key]) !== JSON.stringify(filter[key]));
  if (changed) useSavedViews.setState({ activeId: null });
});
