// The «История изменений» tab of an event or agreement: who changed what and when, and a way back to any version.
import { Alert, Badge, Button, Group, List, Loader, Modal, Stack, Text, Timeline } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { formatTimestamp } from '../../../shared/ru/dates';
import { EMPTY_VALUE } from '../../../shared/ru/field-values';
import type { FieldChange, HistoryEntity, HistoryEntry } from '../../../shared/schema/history';
import { call } from '../../api/client';
import { useLiveGeneration } from '../../api/live';
import { errorMessage, notifyError } from '../../api/notifyError';
import { useAllowed } from '../../api/useAllowed';
import * as t from './texts';

/** A value as the entry shows it: quoted, or «пусто» for nothing. */
function Value({ value }: { value: string }) {
  if (value === EMPTY_VALUE) return <Text span c="dimmed" fs="italic">{t.EMPTY_TEXT}</Text>;
  return <Text span>„{value}“</Text>;
}

function FieldLines({ changes }: { changes: FieldChange[] }) {
  return (
    <List size="sm" spacing={2}>
      {changes.map((c) => (
        <List.Item key={c.field}>
          <Text size="sm" lineClamp={4} style={{ whiteSpace: 'pre-line' }}>
            {c.label}: <Value value={c.before} /> → <Value value={c.after} />
          </Text>
        </List.Item>
      ))}
    </List>
  );
}

export interface HistoryTabProps {
  entity: HistoryEntity;
  id: number;
  /** Changes when the record does (its updatedAt): the list is read again. */
  version: string;
  /** Why a version cannot be brought back now, if it cannot. */
  blocked: 'dirty' | 'trash' | null;
  /** Called after a version came back, for the card to show it. */
  onReverted: () => void;
}

export function HistoryTab({ entity, id, version, blocked, onReverted }: HistoryTabProps) {
  const [entries, setEntries] = useState<HistoryEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [asked, setAsked] = useState<HistoryEntry | null>(null);
  const [busy, setBusy] = useState(false);
  const live = useLiveGeneration();
  // Bringing a version back is the coordinator's on the department server: others read the history.
  const mayRevert = useAllowed()('history.revert');

  useEffect(() => {
    call('history.list', { entity, id }).then(
      (list) => {
        setEntries(list);
        setError(null);
      },
      (e: unknown) => setError(errorMessage(e)),
    );
  }, [entity, id, version, live]);

  async function revert(entry: HistoryEntry) {
    setBusy(true);
    try {
      await call('history.revert', { entity, id, changeId: entry.changeId });
      notifications.show({ color: 'green', message: t.reverted(entry) });
      setAsked(null);
      onReverted();
    } catch (e) {
      notifyError(e, t.NOT_REVERTED);
    } finally {
      setBusy(false);
    }
  }

  if (error) return <Alert color="red" title={t.LOAD_ERROR}>{error}</Alert>;
  if (!entries) return <Loader />;
  if (entries.length === 0) return <Text c="dimmed">{t.NO_HISTORY}</Text>;

  return (
    <Stack gap="md" data-testid="history">
      {blocked && mayRevert && <Alert color="yellow">{t.blockedText(blocked, entity)}</Alert>}
      <Timeline bulletSize={14} lineWidth={2} active={0}>
        {entries.map((entry, i) => (
          <Timeline.Item
            key={entry.changeId}
            data-testid="history-entry"
            title={
              <Group gap="xs">
                <Text fw={600}>{t.actionText(entry)}</Text>
                {i === 0 && <Badge variant="light" size="sm" tt="none">{t.CURRENT}</Badge>}
              </Group>
            }
          >
            <Text size="sm" c="dimmed">
              {formatTimestamp(entry.at)} · {entry.user}
            </Text>
            {entry.changes.length > 0 && <FieldLines changes={entry.changes} />}
            {entry.restores.length > 0 && mayRevert && (
              <Button mt={6} size="xs" variant="light" disabled={blocked !== null} title={t.REVERT_HINT} onClick={() => setAsked(entry)}>
                {t.REVERT_BUTTON}
              </Button>
            )}
          </Timeline.Item>
        ))}
      </Timeline>
      <Modal opened={asked !== null} onClose={() => setAsked(null)} title={asked ? t.confirmTitle(asked) : ''} size="lg">
        {asked && (
          <Stack>
            <Text size="sm">{t.willChange(entity)}</Text>
            <FieldLines changes={asked.restores} />
            <Text size="sm" c="dimmed">{t.KEPT}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setAsked(null)}>{t.CANCEL}</Button>
              <Button loading={busy} onClick={() => void revert(asked)}>{t.REVERT_BUTTON}</Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
