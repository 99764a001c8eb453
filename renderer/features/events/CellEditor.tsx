// An editor inside a grid cell: Enter saves through the card's own call, Esc cancels, a refusal stays in the cell in Russian.
import { Autocomplete, NativeSelect, TextInput, Tooltip } from '@mantine/core';
import { useState, type KeyboardEvent } from 'react';
import { EVENT_STATUS_LABELS, FORMAT_LABELS } from '../../../shared/ru/labels';
import type { EventDetails, EventFormat, EventRow, EventStatus } from '../../../shared/schema/event';
import { useRefNames } from '../../components/useRefNames';
import type { ColumnDef } from './gridColumns';
import { saveCell, type CellChange, type GridUndo } from './gridEdits';
import { errorMessage } from '../../api/notifyError';

interface Props {
  column: ColumnDef;
  row: EventRow;
  /** The optional columns' values: a partner, sphere or responsible cell starts from them. */
  details: EventDetails | undefined;
  onSaved: (undo: GridUndo) => void;
  onCancel: () => void;
}

function initialText(column: ColumnDef, row: EventRow, details: EventDetails | undefined): string {
  if (column.id === 'place') return row.city ?? '';
  if (column.id === 'partners' || column.id === 'spheres') return details?.[column.id].join('; ') ?? '';
  if (column.id === 'organizer') return details?.organizer ?? '';
  if (column.id === 'status') return row.status;
  if (column.id === 'format') return row.format ?? '';
  return column.text(row, undefined);
}

function changeOf(column: ColumnDef, value: string): CellChange | null {
  switch (column.id) {
    case 'title': return { field: 'title', value };
    case 'dates': return { field: 'dates', value };
    case 'kind': return { field: 'kind', value };
    case 'place': return { field: 'place', value };
    case 'organizer': return { field: 'organizer', value };
    case 'partners': return { field: 'partners', value };
    case 'spheres': return { field: 'spheres', value };
    case 'status': return { field: 'status', value: value as EventStatus };
    case 'format': return { field: 'format', value: (value || null) as EventFormat | null };
    default: return null;
  }
}

export function CellEditor({ column, row, details, onSaved, onCancel }: Props) {
  const initial = initialText(column, row, details);
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const names = useRefNames(...(column.refKinds ?? ['kind']));

  const save = (text: string) => {
    const change = changeOf(column, text);
    if (!change || busy) return;
    if (text === initial) {
      onCancel();
      return;
    }
    setBusy(true);
    setError(null);
    saveCell(row.id, change).then(onSaved, (e: unknown) => {
      setBusy(false);
      setError(errorMessage(e));
    });
  };
  const keys = (e: KeyboardEvent<HTMLElement>) => {
    e.stopPropagation();
    if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
      e.preventDefault();
      save(value);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      onCancel();
    }
  };
  const common = {
    size: 'xs' as const,
    'aria-label': `${column.label}: новое значение`,
    'aria-invalid': error ? true : undefined,
    autoFocus: true,
    disabled: busy,
    onKeyDown: keys,
    // Leaving the cell without Enter keeps the old value, as Esc does; a refusal stays until corrected or cancelled.
    onBlur: () => {
      if (!busy && error === null) onCancel();
    },
    onClick: (e: React.MouseEvent) => e.stopPropagation(),
    onDoubleClick: (e: React.MouseEvent) => e.stopPropagation(),
    styles: error ? { input: { borderColor: 'var(--mantine-color-red-6)' } } : undefined,
  };

  let field;
  if (column.editor === 'status' || column.editor === 'format') {
    const data = column.editor === 'status'
      ? Object.entries(EVENT_STATUS_LABELS).map(([v, label]) => ({ value: v, label }))
      : [{ value: '', label: '—' }, ...Object.entries(FORMAT_LABELS).map(([v, label]) => ({ value: v, label }))];
    field = (
      <NativeSelect {...common} data={data} value={value} onChange={(e) => {
        setValue(e.currentTarget.value);
        save(e.currentTarget.value);
      }} />
    );
  } else if (column.editor === 'ref') {
    field = <Autocomplete {...common} data={names} limit={8} value={value} onChange={setValue} />;
  } else if (column.editor === 'list') {
    // The names offered complete the last of those typed after «;».
    const head = value.includes(';') ? `${value.slice(0, value.lastIndexOf(';') + 1)} ` : '';
    const tail = value.slice(head ? value.lastIndexOf(';') + 1 : 0).trim();
    field = (
      <Autocomplete {...common} placeholder="Через «;»" data={names.filter((n) => !tail || n.toLocaleLowerCase('ru').includes(tail.toLocaleLowerCase('ru'))).map((n) => head + n)} filter={({ options }) => options} limit={8} value={value} onChange={setValue} />
    );
  } else {
    field = <TextInput {...common} value={value} onChange={(e) => setValue(e.currentTarget.value)} />;
  }
  return (
    <Tooltip label={error} opened={error !== null} color="red" position="bottom-start" multiline maw={420} withinPortal>
      <div className="cell-editor" data-testid="cell-editor">{field}</div>
    </Tooltip>
  );
}
