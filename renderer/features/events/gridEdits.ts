// What the grid writes: a cell's edit through the card's own call, the optional columns' details, and the undo of the last change.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { MethodInput } from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import { parseDateText } from '../../../shared/ru/date-text';
import { EventInputObject, type BulkAction, type Event, type EventDetails, type EventFormat, type EventStatus } from '../../../shared/schema/event';
import { call } from '../../api/client';

export type RawInput = MethodInput<'events.update'>['input'];

/** The event's fields as the card sends them: `events.update` takes them whole. */
export function rawInputOf(event: Event): RawInput {
  return Object.fromEntries(EventInputObject.keyof().options.map((key) => [key, event[key]])) as RawInput;
}

export type CellChange =
  | { field: 'title'; value: string }
  | { field: 'dates'; value: string }
  | { field: 'kind'; value: string }
  | { field: 'place'; value: string }
  | { field: 'organizer'; value: string }
  | { field: 'spheres' | 'partners'; value: string }
  | { field: 'status'; value: EventStatus }
  | { field: 'format'; value: EventFormat | null };

/** The event's input with one cell changed; a Russian message when the text cannot be what the cell holds. */
export function applyCell(input: RawInput, change: CellChange): RawInput | string {
  switch (change.field) {
    case 'title':
      return { ...input, title: change.value };
    case 'kind':
      return { ...input, kind: change.value.trim() || null };
    case 'place':
      // The city typed replaces the city; the region and country stay as the card has them.
      return { ...input, city: change.value.trim() || null };
    case 'organizer':
      return { ...input, organizer: change.value.trim() || null };
    case 'spheres':
    case 'partners':
      // Several names in one cell are separated by «;», as the paste and the bulk change read them.
      return { ...input, [change.field]: change.value.split(';').map((name) => name.trim()).filter(Boolean) };
    case 'status':
      return { ...input, status: change.value };
    case 'format':
      return { ...input, format: change.value };
    case 'dates': {
      const year = Number(input.startDate.slice(0, 4)) || null;
      const parsed = parseDateText(change.value, year);
      if (!parsed.ok) return `Сроки: ${parsed.message}.`;
      return { ...input, ...parsed.value };
    }
  }
}

/** One change the grid can take back with Ctrl+Z. */
export type GridUndo =
  | { kind: 'edit'; id: number; before: RawInput; after: RawInput; label: string }
  | { kind: 'bulk'; action: BulkAction; label: string }
  | { kind: 'paste'; ids: number[]; label: string };

const UNDO_DEPTH = 50;
/** The grid's changes, newest last: kept while the app is open, so a visit to a card does not lose them. */
const undoStack: GridUndo[] = [];

export function pushUndo(change: GridUndo): void {
  undoStack.push(change);
  if (undoStack.length > UNDO_DEPTH) undoStack.shift();
}

/** The newest change, still on the stack until its undo succeeds. */
export const lastUndo = (): GridUndo | undefined => undoStack.at(-1);

export function dropUndo(change: GridUndo): void {
  const at = undoStack.lastIndexOf(change);
  if (at >= 0) undoStack.splice(at, 1);
}

/** Saves a cell: reads the event whole, changes the cell, and updates it as the card would. */
export async function saveCell(id: number, change: CellChange): Promise<GridUndo> {
  const event = await call('events.get', { id });
  const before = rawInputOf(event);
  const input = applyCell(before, change);
  if (typeof input === 'string') throw new AppError('validation', input);
  const saved = await call('events.update', { id, version: event.version, input });
  return { kind: 'edit', id, before, after: rawInputOf(saved), label: `изменение мероприятия «${event.title}»` };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Gives the fields an edit changed their earlier values, over the event as it is now; refused when
 * any of them has changed since (by another clerk, or in the card).
 */
async function undoEdit({ id, before, after }: Extract<GridUndo, { kind: 'edit' }>): Promise<void> {
  const event = await call('events.get', { id });
  const now = rawInputOf(event);
  const keys = (Object.keys(after) as (keyof RawInput)[]).filter((key) => !same(before[key], after[key]));
  if (keys.some((key) => !same(now[key], after[key]))) {
    throw new AppError('conflict', `Мероприятие «${event.title}» изменено после этого действия: отменить его нельзя.`);
  }
  await call('events.update', { id, version: event.version, input: { ...now, ...Object.fromEntries(keys.map((key) => [key, before[key]])) } });
}

/** Takes a grid change back: the old fields of an edit, the bulk action's undo, pasted rows to the trash. */
export async function undoChange(change: GridUndo): Promise<void> {
  if (change.kind === 'edit') await undoEdit(change);
  else if (change.kind === 'bulk') await call('events.undoBulk', change.action);
  else await call('events.bulkDelete', { ids: change.ids });
}

/** The optional columns' values of the rows on screen, fetched only while such a column is shown. */
export function useEventDetails(ids: readonly number[], enabled: boolean, version: number) {
  const [details, setDetails] = useState(() => new Map<number, EventDetails>());
  const asked = useRef(new Set<number>());
  const key = ids.join(',');
  useEffect(() => {
    asked.current = new Set();
    setDetails(new Map());
  }, [version]);
  useEffect(() => {
    if (!enabled) return;
    const missing = key.split(',').filter(Boolean).map(Number).filter((id) => !asked.current.has(id));
    if (missing.length === 0) return;
    for (const id of missing) asked.current.add(id);
    call('events.details', { ids: missing.slice(0, 500) }).then(
      (rows) => setDetails((d) => {
        const next = new Map(d);
        for (const row of rows) next.set(row.id, row);
        return next;
      }),
      () => {
        for (const id of missing) asked.current.delete(id);
      },
    );
  }, [key, enabled, version]);
  const get = useCallback((id: number) => details.get(id), [details]);
  return get;
}
