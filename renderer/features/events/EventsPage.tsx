// The register of events: filters, and a virtualised grid over any number of rows that edits like a spreadsheet.
//
// The grid is the existing virtual list (TanStack Virtual) with a column model of its own rather than
// TanStack Table: rows come a page at a time from the back end, which also sorts them, and the
// selection holds ids beyond the loaded pages, so a table library's row model would only hold copies.
import { ActionIcon, Alert, Badge, Box, Button, Group, Modal, Stack, Switch, Table, Text, TextInput, Title, Tooltip, UnstyledButton } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { IconFileSpreadsheet, IconPlus, IconSearch, IconX } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type MouseEvent, type PointerEvent } from 'react';
import { formatDateRange } from '../../../shared/ru/dates';
import { countOf, EVENT_FORMS } from '../../../shared/ru/plural';
import type { EventBulkPatch } from '../../../shared/schema/event';
import { EventFilterFields } from '../../components/EventFilterFields';
import { call, onCommand } from '../../api/client';
import { notifyError } from '../../api/notifyError';
import { useAllowed } from '../../api/useAllowed';
import { navigate } from '../../router/route';
import { useEventsFilter } from '../../stores/eventsFilter';
import { PeriodPicker } from '../../components/PeriodPicker';
import { useEventRows } from './useEventRows';
import { useLiveReload } from '../../api/live';
import { EmptyRegister } from '../../components/EmptyRegister';
import { useExcelExport } from '../../components/exportToExcel';
import { CHECK_WIDTH, COLUMN_BY_ID, gridTemplate, MIN_WIDTH, type ColumnId } from './gridColumns';
import { useColumnPrefs } from './columnPrefs';
import { dropUndo, lastUndo, pushUndo, undoChange, useEventDetails, type GridUndo } from './gridEdits';
import { CellEditor } from './CellEditor';
import { ColumnsMenu } from './ColumnsMenu';
import { SavedViewsMenu } from './SavedViewsMenu';
import { BulkBar } from './BulkBar';
import { parseTsv, pastedEvents, type PastedRows } from './pasteRows';
import { todayIso } from '../../../shared/dates';
import classes from './EventsPage.module.css';

const ROW_HEIGHT = 44;
const PREFETCH = 100;
const GAP = 10;
/** A click opens the card after this long, unless a second click makes it a double-click that edits the cell. */
const OPEN_DELAY = 250;

interface Cell {
  index: number;
  col: ColumnId;
}

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

export function EventsPage() {
  const filter = useEventsFilter();
  const [query] = useDebouncedValue(filter.query, 250);
  const search = useRef<HTMLInputElement>(null);
  const [version, setVersion] = useState(0);
  const listFilter = {
    query: query || undefined,
    period: filter.period ?? undefined,
    kinds: filter.kinds.length ? filter.kinds : undefined,
    spheres: filter.spheres.length ? filter.spheres : undefined,
    partners: filter.partners.length ? filter.partners : undefined,
    formats: filter.formats.length ? filter.formats : undefined,
    statuses: filter.statuses.length ? filter.statuses : undefined,
    deleted: filter.deleted,
    batchId: filter.batch?.id,
    sort: filter.sort,
    order: filter.order,
  };
  const filterKey = JSON.stringify(listFilter);
  const { total, error, rowAt, ensure, reload, loaded } = useEventRows(listFilter, version);

  const unfiltered = !filter.deleted && !filter.batch && !query && !filter.period && [filter.kinds, filter.spheres, filter.partners, filter.formats, filter.statuses].every((f) => f.length === 0);
  const scroller = useRef<HTMLDivElement>(null);
  const header = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: total ?? 0, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 20 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  // A page behind and two ahead: a fast scroll finds its rows already there.
  useEffect(() => ensure(Math.max(0, first - PREFETCH), last + 2 * PREFETCH), [ensure, first, last]);

  // Columns: the clerk's choice, with a width being dragged laid over it.
  const prefs = useColumnPrefs();
  const [dragWidth, setDragWidth] = useState<{ id: ColumnId; width: number } | null>(null);
  const widths = dragWidth ? { ...prefs.widths, [dragWidth.id]: dragWidth.width } : prefs.widths;
  const template = gridTemplate({ visible: prefs.visible, widths });
  const minWidth = CHECK_WIDTH + 24 + prefs.visible.reduce((sum, id) => sum + (widths[id] ?? COLUMN_BY_ID.get(id)?.width ?? 120) + GAP, 0);
  const withDetails = prefs.visible.some((id) => COLUMN_BY_ID.get(id)?.details);
  const [detailsVersion, setDetailsVersion] = useState(0);
  const details = useEventDetails(items.map((item) => rowAt(item.index)?.id ?? 0).filter(Boolean), withDetails, detailsVersion);

  // Selection, the cell under the keyboard, the cell being edited.
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const anchor = useRef<number | null>(null);
  const [active, setActive] = useState<Cell | null>(null);
  const [editing, setEditing] = useState<Cell | null>(null);
  useEffect(() => {
    setSelected(new Set());
    setActive(null);
    setEditing(null);
    anchor.current = null;
  }, [filterKey]);
  // What the role may do here (all of it on the local register): a reader gets the list without the editing.
  const allowed = useAllowed();
  const mayCreate = allowed('events.create');
  const writable = allowed('events.update');
  const editable = !filter.deleted && writable;

  // Changes the grid made: Ctrl+Z takes back the last one.
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = useCallback(() => {
    reload();
    setDetailsVersion((v) => v + 1);
  }, [reload]);
  // Others' changes: the loaded rows read anew, the scroll kept; not under an open cell editor (its row could move).
  const missed = useRef(false);
  useLiveReload(() => {
    if (editing) missed.current = true;
    else refresh();
  });
  useEffect(() => {
    if (editing || !missed.current) return;
    missed.current = false;
    refresh();
  }, [editing, refresh]);
  const remember = useCallback((change: GridUndo) => {
    pushUndo(change);
    setNotice(`Сохранено: ${change.label}. Ctrl+Z — отменить.`);
    refresh();
  }, [refresh]);
  // One undo at a time: a second Ctrl+Z while the first is on its way would take back the same change.
  const undoing = useRef(false);
  const undo = useCallback(() => {
    if (undoing.current) return;
    const change = lastUndo();
    if (!change) {
      setNotice('Отменять нечего: изменений в таблице не было.');
      return;
    }
    undoing.current = true;
    undoChange(change).then(() => {
      dropUndo(change);
      setNotice(`Отменено: ${change.label}.`);
      refresh();
    }, notifyError).finally(() => {
      undoing.current = false;
    });
  }, [refresh]);

  const [busy, setBusy] = useState(false);
  const selectedIds = [...selected];
  const bulkUpdate = (patch: EventBulkPatch, label: string) => {
    setBusy(true);
    call('events.bulkUpdate', { ids: selectedIds, patch }).then((result) => {
      if (result.action) remember({ kind: 'bulk', action: result.action, label });
      else setNotice('Ничего не изменилось: у выбранных уже это значение.');
    }, notifyError).finally(() => setBusy(false));
  };
  const bulkTrash = () => {
    setBusy(true);
    call('events.bulkDelete', { ids: selectedIds }).then((result) => {
      if (result.action) remember({ kind: 'bulk', action: result.action, label: `перемещение в корзину: ${countOf(result.count, EVENT_FORMS)}` });
      setSelected(new Set());
    }, notifyError).finally(() => setBusy(false));
  };

  const selectAllLoaded = () => {
    if (!editable) return;
    setSelected(new Set(loaded().map(({ row }) => row.id)));
  };
  /** A checkbox click: one row on or off; with Shift, every loaded row from the last clicked one to this. */
  const toggleRow = (index: number, id: number, range: boolean) => {
    setSelected((current) => {
      const next = new Set(current);
      if (range && anchor.current !== null) {
        const [from, to] = anchor.current < index ? [anchor.current, index] : [index, anchor.current];
        const on = !current.has(id);
        for (let i = from; i <= to; i++) {
          const row = rowAt(i);
          if (row) {
            if (on) next.add(row.id);
            else next.delete(row.id);
          }
        }
      } else if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
    anchor.current = index;
  };

  // Paste of a block of cells copied from Excel: previewed, then added in one transaction.
  const [paste, setPaste] = useState<PastedRows | null>(null);
  const [adding, setAdding] = useState(false);
  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      if (isTyping(e.target) || filter.deleted || !mayCreate) return;
      const text = e.clipboardData?.getData('text/plain') ?? '';
      if (!text.includes('\t') && !text.trim().includes('\n')) return;
      e.preventDefault();
      setPaste(pastedEvents(parseTsv(text), prefs.visible, todayIso()));
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, [filter.deleted, mayCreate, prefs.visible]);
  const addPasted = () => {
    if (!paste) return;
    setAdding(true);
    call('events.createMany', { inputs: paste.inputs }).then((result) => {
      setPaste(null);
      remember({ kind: 'paste', ids: result.ids, label: `добавлено ${countOf(result.ids.length, EVENT_FORMS)} из буфера обмена` });
    }, notifyError).finally(() => setAdding(false));
  };

  const newEvent = () => {
    if (mayCreate) navigate({ section: 'events', item: 'new' });
  };
  const { exporting, exportShown } = useExcelExport();
  // The table as filtered: the file holds what the list shows.
  const exportList = () => exportShown({
    period: filter.period ?? undefined, query: query || undefined, kinds: filter.kinds, spheres: filter.spheres,
    partners: filter.partners, formats: filter.formats, statuses: filter.statuses, batchId: filter.batch?.id,
  });
  useHotkeys([
    ['mod+F', () => search.current?.focus()],
    ['mod+N', newEvent],
    ['mod+A', selectAllLoaded],
    ['mod+Z', undo],
  ]);
  useEffect(() => onCommand((command) => {
    if (command === 'new-event') newEvent();
    if (command === 'find') search.current?.focus();
  }), [mayCreate]);

  const opening = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(opening.current), []);
  const openLater = (id: number) => {
    window.clearTimeout(opening.current);
    opening.current = window.setTimeout(() => navigate({ section: 'events', item: String(id) }), OPEN_DELAY);
  };
  const startEdit = (cell: Cell) => {
    window.clearTimeout(opening.current);
    if (editable && COLUMN_BY_ID.get(cell.col)?.editor) setEditing(cell);
  };

  const moveActive = (to: Cell) => {
    const index = Math.max(0, Math.min((total ?? 1) - 1, to.index));
    setActive({ index, col: to.col });
    virtualizer.scrollToIndex(index);
  };
  const gridKeys = (e: KeyboardEvent<HTMLDivElement>) => {
    if (editing || isTyping(e.target)) return;
    const cell = active ?? { index: first, col: prefs.visible[0] as ColumnId };
    const col = prefs.visible.indexOf(cell.col);
    switch (e.key) {
      case 'ArrowDown': moveActive({ ...cell, index: cell.index + 1 }); break;
      case 'ArrowUp': moveActive({ ...cell, index: cell.index - 1 }); break;
      case 'ArrowRight': moveActive({ ...cell, col: prefs.visible[Math.min(prefs.visible.length - 1, col + 1)] as ColumnId }); break;
      case 'ArrowLeft': moveActive({ ...cell, col: prefs.visible[Math.max(0, col - 1)] as ColumnId }); break;
      case 'Enter':
        if (active) startEdit(active);
        else moveActive(cell);
        break;
      case ' ': {
        const row = rowAt(cell.index);
        if (row && editable) toggleRow(cell.index, row.id, e.shiftKey);
        break;
      }
      case 'Escape': setSelected(new Set()); break;
      default: return;
    }
    e.preventDefault();
  };

  const resizeStart = (id: ColumnId, e: PointerEvent<HTMLDivElement>) => {
    e.preventDefault();
    e.stopPropagation();
    const startX = e.clientX;
    const startWidth = (e.currentTarget.parentElement?.getBoundingClientRect().width ?? 120);
    const target = e.currentTarget;
    target.setPointerCapture(e.pointerId);
    let width = startWidth;
    const move = (m: globalThis.PointerEvent) => {
      width = Math.max(MIN_WIDTH, Math.min(800, Math.round(startWidth + m.clientX - startX)));
      setDragWidth({ id, width });
    };
    const up = () => {
      target.removeEventListener('pointermove', move);
      target.removeEventListener('pointerup', up);
      const state = useColumnPrefs.getState();
      state.set({ visible: state.visible, widths: { ...state.widths, [id]: width } });
      setDragWidth(null);
    };
    target.addEventListener('pointermove', move);
    target.addEventListener('pointerup', up);
  };

  // Walks the loaded rows only while something is selected: a long scroll may have loaded many thousands.
  const allLoadedSelected = selected.size > 0 && loaded().every(({ row }) => selected.has(row.id));

  return (
    <Stack h="calc(100dvh - 52px - 2 * var(--mantine-spacing-md))" gap="sm">
      <Group justify="space-between" wrap="nowrap">
        <Title order={2}>{filter.deleted ? 'Корзина' : 'Мероприятия'}</Title>
        <Group gap="sm" wrap="nowrap">
          <SavedViewsMenu />
          <ColumnsMenu />
          {allowed('export.period') && (
            <Button variant="default" leftSection={<IconFileSpreadsheet size={18} />} loading={exporting} disabled={total === 0 || filter.deleted} onClick={() => void exportList()}>
              Экспорт в Excel
            </Button>
          )}
          {mayCreate && <Button leftSection={<IconPlus size={18} />} onClick={newEvent}>Новое мероприятие</Button>}
        </Group>
      </Group>
      <Group gap="sm" align="flex-end">
        <TextInput
          ref={search}
          w={320}
          label="Поиск"
          placeholder="Слова из названия, описания, участников, итогов"
          leftSection={<IconSearch size={16} />}
          value={filter.query}
          onChange={(e) => filter.set({ query: e.currentTarget.value })}
          rightSection={filter.query ? (
            <ActionIcon variant="subtle" color="gray" aria-label="Очистить поиск" onClick={() => filter.set({ query: '' })}><IconX size={14} /></ActionIcon>
          ) : null}
        />
        <PeriodPicker label="Период" clearable value={filter.period} onChange={(period) => filter.set({ period })} />
        <Switch mb={8} label="Корзина" checked={filter.deleted} onChange={(e) => filter.set({ deleted: e.currentTarget.checked })} />
        {filter.batch && (
          <Badge mb={8} size="lg" variant="light" rightSection={
            <ActionIcon size="xs" variant="transparent" aria-label="Показать все мероприятия" onClick={() => filter.set({ batch: null })}><IconX size={12} /></ActionIcon>
          }>
            Импорт № {filter.batch.id}: {filter.batch.fileName}
          </Badge>
        )}
      </Group>
      <Box className={classes.filters}>
        <EventFilterFields value={filter} onChange={filter.set} />
      </Box>
      {error && <Alert color="red" title="Не удалось загрузить список">{error}</Alert>}
      {selected.size > 0 && editable && (
        <BulkBar count={selected.size} busy={busy} onApply={bulkUpdate} onTrash={bulkTrash} onClear={() => setSelected(new Set())} />
      )}
      <Box className={classes.table}>
        <div ref={header} className={classes.headerScroll}>
          <div className={classes.header} style={{ gridTemplateColumns: template, columnGap: GAP, minWidth }} role="row">
            <div className={classes.check}>
              {writable && <input type="checkbox" aria-label="Выбрать все загруженные строки" disabled={!editable} checked={allLoadedSelected} onChange={() => (allLoadedSelected ? setSelected(new Set()) : selectAllLoaded())} />}
            </div>
            {prefs.visible.map((id) => {
              const column = COLUMN_BY_ID.get(id);
              if (!column) return null;
              const { label, sort } = column;
              return (
                <div key={id} role="columnheader" data-col={id} className={classes.headerCell} aria-sort={sort && sort === filter.sort ? (filter.order === 'asc' ? 'ascending' : 'descending') : undefined}>
                  {sort ? (
                    <UnstyledButton fw={600} fz="sm" onClick={() => filter.set(sort === filter.sort ? { order: filter.order === 'asc' ? 'desc' : 'asc' } : { sort, order: sort === 'startDate' ? 'desc' : 'asc' })}>
                      {label} {sort === filter.sort ? (filter.order === 'asc' ? '▲' : '▼') : ''}
                    </UnstyledButton>
                  ) : <span>{label}</span>}
                  <div className={classes.resizer} aria-hidden title="Потяните, чтобы изменить ширину" onPointerDown={(e) => resizeStart(id, e)} />
                </div>
              );
            })}
          </div>
        </div>
        <div
          ref={scroller}
          className={classes.body}
          data-testid="events-scroller"
          tabIndex={0}
          role="grid"
          aria-label="Мероприятия"
          aria-multiselectable
          onKeyDown={gridKeys}
          onScroll={(e) => {
            if (header.current) header.current.scrollLeft = e.currentTarget.scrollLeft;
          }}
        >
          {total === 0 && (unfiltered
            ? <EmptyRegister onLoaded={() => setVersion((v) => v + 1)} />
            : <Text c="dimmed" p="md">{filter.deleted ? 'Корзина пуста.' : 'Мероприятий не найдено.'}</Text>)}
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative', minWidth }}>
            {items.map((item) => {
              const event = rowAt(item.index);
              const isSelected = event ? selected.has(event.id) : false;
              return (
                <div
                  key={item.key}
                  role="row"
                  className={classes.row}
                  data-loaded={event ? 'true' : 'false'}
                  data-selected={isSelected ? 'true' : undefined}
                  aria-selected={isSelected}
                  style={{ gridTemplateColumns: template, columnGap: GAP, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                  onClick={(e: MouseEvent) => {
                    if (!event || editing) return;
                    if ((e.shiftKey || e.ctrlKey || e.metaKey) && editable) {
                      toggleRow(item.index, event.id, e.shiftKey);
                      return;
                    }
                    openLater(event.id);
                  }}
                >
                  {event ? (
                    <>
                      <div className={classes.check} onClick={(e) => e.stopPropagation()}>
                        {writable && (
                          <input
                            type="checkbox"
                            aria-label={`Выбрать «${event.title}»`}
                            disabled={!editable}
                            checked={isSelected}
                            readOnly
                            onClick={(e) => toggleRow(item.index, event.id, e.shiftKey)}
                          />
                        )}
                      </div>
                      {prefs.visible.map((id) => {
                        const column = COLUMN_BY_ID.get(id);
                        if (!column) return null;
                        const isEditing = editing?.index === item.index && editing.col === id;
                        const isActive = active?.index === item.index && active.col === id;
                        const text = column.text(event, details(event.id));
                        return (
                          <div
                            key={id}
                            role="gridcell"
                            data-col={id}
                            // A clipped text is told whole on hover: two long titles that begin alike stay apart.
                            title={isEditing ? undefined : text || undefined}
                            className={`${classes.cell} ${id === 'title' ? classes.title : ''} ${isActive ? classes.active : ''} ${isEditing ? classes.editing : ''}`}
                            onClick={() => setActive({ index: item.index, col: id })}
                            onDoubleClick={(e) => {
                              e.stopPropagation();
                              startEdit({ index: item.index, col: id });
                            }}
                          >
                            {isEditing ? (
                              <CellEditor
                                column={column}
                                row={event}
                                details={details(event.id)}
                                onCancel={() => {
                                  setEditing(null);
                                  scroller.current?.focus();
                                }}
                                onSaved={(change) => {
                                  setEditing(null);
                                  remember(change);
                                  scroller.current?.focus();
                                }}
                              />
                            ) : id === 'title' ? (
                              <Tooltip label={text} openDelay={600} multiline maw={500}><span>{text}</span></Tooltip>
                            ) : <span>{text}</span>}
                          </div>
                        );
                      })}
                    </>
                  ) : <div className={classes.loading}>Загрузка…</div>}
                </div>
              );
            })}
          </div>
        </div>
        <Group className={classes.footer} justify="space-between" wrap="nowrap">
          <span className={classes.total}>{total === null ? 'Загрузка…' : `Всего: ${countOf(total, EVENT_FORMS)}`}</span>
          {notice
            ? <span role="status" className={classes.notice}>{notice}</span>
            : editable && total !== 0 && <span className={classes.notice} data-hint>Двойной щелчок или Enter — изменить ячейку · Ctrl+A — выбрать строки · Ctrl+V — вставить строки из Excel</span>}
        </Group>
      </Box>
      <Modal opened={paste !== null} onClose={() => setPaste(null)} size="xl" title={paste && paste.inputs.length > 0 ? `Добавить ${countOf(paste.inputs.length, EVENT_FORMS)}?` : 'Вставка из буфера обмена'}>
        {paste && (
          <Stack gap="sm">
            <Text size="sm">Ячейки вставлены по порядку столбцов таблицы: {prefs.visible.map((id) => COLUMN_BY_ID.get(id)?.label).join(', ')}.</Text>
            {paste.errors.length > 0 && (
              <Alert color="red" title="Не все строки можно добавить">
                {paste.errors.slice(0, 10).map((message) => <div key={message}>{message}</div>)}
                {paste.errors.length > 10 && <div>…и ещё {paste.errors.length - 10}.</div>}
              </Alert>
            )}
            {paste.inputs.length > 0 && (
              <Table.ScrollContainer minWidth={500} mah={320}>
                <Table striped withTableBorder fz="sm">
                  <Table.Thead><Table.Tr><Table.Th>Название</Table.Th><Table.Th>Сроки</Table.Th><Table.Th>Вид</Table.Th><Table.Th>Город</Table.Th></Table.Tr></Table.Thead>
                  <Table.Tbody>
                    {paste.inputs.slice(0, 50).map((input, i) => (
                      <Table.Tr key={i}>
                        <Table.Td>{input.title}</Table.Td>
                        <Table.Td>{formatDateRange(input.startDate, input.endDate ?? input.startDate, input.datePrecision ?? 'day')}</Table.Td>
                        <Table.Td>{input.kind ?? ''}</Table.Td>
                        <Table.Td>{input.city ?? ''}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setPaste(null)}>Отмена</Button>
              <Button loading={adding} disabled={paste.inputs.length === 0 || paste.errors.length > 0} onClick={addPasted}>
                {paste.inputs.length > 0 ? `Добавить ${countOf(paste.inputs.length, EVENT_FORMS)}` : 'Добавить'}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
