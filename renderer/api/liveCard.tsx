// An open card whose record someone else changed: reloaded at once while the clerk has no unsaved
// edits; with edits, they stay and a notice says so (her save then meets the conflict dialog).
import { Alert, Button, Group, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { momentPhrase } from '../../shared/ru/conflict';
import { call } from './client';
import { useLiveReload } from './live';

interface Versioned {
  id: number;
  version: number;
  updatedAt: string;
}

export interface LiveCard {
  /** What the card says when the register holds a newer version than the clerk's unsaved edits start from. */
  notice: string | null;
  /** Shows the register's version, the clerk's edits dropped once she agrees. */
  refresh: () => void;
}

const DROP_EDITS = 'Ваши несохранённые изменения в карточке пропадут. Показать запись такой, какая она сейчас в реестре?';

/**
 * `saved`: the version the card's edits start from (null for a new record); `adopt` shows a version
 * as saved, the form filled from it.
 */
export function useLiveCard<T extends Versioned>(
  entity: 'event' | 'agreement',
  saved: T | null,
  dirty: boolean,
  get: (id: number) => Promise<T>,
  adopt: (record: T) => void,
): LiveCard {
  const [newer, setNewer] = useState<{ record: T; by: string } | null>(null);
  const now = useRef({ saved, dirty, adopt });
  useEffect(() => {
    now.current = { saved, dirty, adopt };
  });

  useLiveReload(() => {
    const base = now.current.saved;
    if (!base) return;
    get(base.id).then(async (record) => {
      // Read again: the clerk may have typed or saved while the record came.
      const { saved: shown, dirty: edited, adopt: show } = now.current;
      if (shown?.id !== record.id || record.version <= shown.version) return;
      if (!edited) return show(record);
      const last = (await call('history.list', { entity, id: record.id }).catch(() => []))[0];
      setNewer({ record, by: last ? `${last.user}, ${momentPhrase(last.at)}` : momentPhrase(record.updatedAt) });
    }, () => undefined); // gone or out of reach: the card stays as it is, the save will tell
  });

  const pending = newer && saved?.id === newer.record.id && newer.record.version > saved.version ? newer : null;
  // Her edits undone meanwhile: the newer version is shown as if she had had none.
  useEffect(() => {
    if (pending && !dirty) now.current.adopt(pending.record);
  }, [pending, dirty]);

  return {
    notice: pending ? `Запись изменена другим сотрудником (${pending.by}): сохраните, чтобы сравнить, или обновите.` : null,
    refresh: () => {
      if (pending && window.confirm(DROP_EDITS)) adopt(pending.record);
    },
  };
}

/** The card's notice of a newer version, with its «Обновить». */
export function LiveNotice({ live }: { live: LiveCard }) {
  if (!live.notice) return null;
  return (
    // Stays in sight below the header while the clerk types further down the card.
    <Alert color="yellow" role="status" data-testid="live-notice" style={{ position: 'sticky', top: 'calc(var(--app-shell-header-offset, 0px) + 8px)', zIndex: 3 }}>
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">{live.notice}</Text>
        <Button size="xs" variant="default" onClick={live.refresh}>Обновить</Button>
      </Group>
    </Alert>
  );
}
