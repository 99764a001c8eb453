// Reference lists (справочники): view, add, rename, forms for reports, hide unused, merge two entries.
import { ActionIcon, Alert, Badge, Button, Checkbox, Group, Menu, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDots, IconPlus } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { REF_KIND_LABELS } from '../../../shared/ru/labels';
import { ENTRY_FORMS, countOf } from '../../../shared/ru/plural';
import { RefKindSchema, type Ref, type RefKind } from '../../../shared/schema/reference';
import { call } from '../../api/client';
import { useLiveReload } from '../../api/live';
import { errorMessage, notifyError } from '../../api/notifyError';
import { useAllowed, useRoleAllowed } from '../../api/useAllowed';
import { rolesFrom } from '../../api/allowed';
import { REF_RENAME_ROLE } from '../../../shared/roles';
import { navigate } from '../../router/route';
import { EditRefDialog, FORMS, FORM_LABELS, GENDERS, MergeRefDialog, SETTLEMENT_LABEL, settlementLabel, type RefChange } from '../../components/RefDialogs';

const ORDER: RefKind[] = ['kind', 'sphere', 'country', 'region', 'organisation', 'city', 'department'];

function formsOf(r: Ref): string {
  return FORMS[r.kind]
    .map((form) => (form === 'gender' ? GENDERS.find((g) => g.value === r.gender)?.label.split(' ')[0] : r[form]))
    .filter(Boolean)
    .join('; ');
}

export function ReferencesPage({ kind: routeKind }: { kind?: string }) {
  const kind = RefKindSchema.safeParse(routeKind).data ?? 'kind';
  const [showHidden, setShowHidden] = useState(false);
  /** Cities only: those the reports still ask about. */
  const [untyped, setUntyped] = useState(false);
  const [entries, setEntries] = useState<Ref[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<Ref | 'new' | null>(null);
  const [merging, setMerging] = useState<Ref | null>(null);
  // A reader reads the lists; a clerk adds entries and fills their forms; renaming, hiding and merging are the coordinator's.
  const allowed = useAllowed();
  const mayRename = useRoleAllowed(REF_RENAME_ROLE);
  const mayMerge = allowed('refs.merge');
  const mayEdit = allowed('refs.update');

  const reload = useCallback(() => {
    call('refs.list', { kind, includeHidden: true, withUsage: true }).then(setEntries, (e: unknown) => setError(errorMessage(e)));
  }, [kind]);
  useEffect(reload, [reload]);
  useLiveReload(reload);

  async function save(change: RefChange) {
    try {
      if (editing === 'new') {
        const created = await call('refs.create', { kind, name: change.name });
        // The forms chosen in the dialog are kept too, not only the name.
        const { name: _name, ...forms } = change;
        if (Object.values(forms).some((v) => v !== null)) await call('refs.update', { id: created.id, ...forms });
      } else if (editing) await call('refs.update', { id: editing.id, ...change });
      setEditing(null);
      reload();
    } catch (e) {
      notifyError(e);
    }
  }

  async function merge(victim: Ref, survivorId: number) {
    try {
      const survivor = await call('refs.merge', { survivorId, victimId: victim.id });
      notifications.show({ color: 'green', message: `«${victim.name}» объединено с «${survivor.name}».` });
      setMerging(null);
      reload();
    } catch (e) {
      notifyError(e);
    }
  }

  async function setHidden(entry: Ref, hidden: boolean) {
    try {
      await call('refs.update', { id: entry.id, hidden });
      reload();
    } catch (e) {
      notifyError(e);
    }
  }

  const shown = (entries ?? []).filter((e) => (showHidden || !e.hidden) && !(kind === 'city' && untyped && e.settlement !== null));
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Справочники</Title>
        {allowed('refs.create') && <Button leftSection={<IconPlus size={18} />} onClick={() => setEditing('new')}>Добавить запись</Button>}
      </Group>
      <Tabs value={kind} onChange={(k) => k && navigate({ section: 'references', item: k })}>
        <Tabs.List>
          {ORDER.map((k) => <Tabs.Tab key={k} value={k}>{REF_KIND_LABELS[k]}</Tabs.Tab>)}
        </Tabs.List>
      </Tabs>
      <Group gap="xl">
        <Checkbox label="Показывать скрытые" checked={showHidden} onChange={(e) => setShowHidden(e.currentTarget.checked)} />
        {kind === 'city' && (
          <Checkbox label="Только без типа населённого пункта" checked={untyped} onChange={(e) => setUntyped(e.currentTarget.checked)} />
        )}
      </Group>
      {error && <Alert color="red" title="Не удалось загрузить справочник">{error}</Alert>}
      <Table highlightOnHover withTableBorder verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Название</Table.Th>
            {(kind === 'city' || kind === 'region' || kind === 'organisation') && <Table.Th>Входит в</Table.Th>}
            {kind === 'city' && <Table.Th>{SETTLEMENT_LABEL}</Table.Th>}
            <Table.Th>{FORMS[kind].map((f) => FORM_LABELS[f].split(' (')[0]).join(', ')}</Table.Th>
            <Table.Th ta="right">Записей</Table.Th>
            {mayEdit && <Table.Th w={48} />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map((entry) => (
            <Table.Tr key={entry.id} c={entry.hidden ? 'dimmed' : undefined} data-ref={entry.name}>
              <Table.Td>{entry.name} {entry.hidden && <Badge size="xs" color="gray" variant="light">скрыто</Badge>}</Table.Td>
              {(kind === 'city' || kind === 'region' || kind === 'organisation') && <Table.Td>{entry.parentName ?? ''}</Table.Td>}
              {kind === 'city' && (
                <Table.Td data-settlement={entry.settlement ?? ''}>
                  {settlementLabel(entry.settlement) ?? <Text span size="sm" c="orange.8">не указан</Text>}
                </Table.Td>
              )}
              <Table.Td>{formsOf(entry)}</Table.Td>
              <Table.Td ta="right">{entry.usage}</Table.Td>
              {mayEdit && <Table.Td>
                <Menu position="bottom-end" withinPortal>
                  <Menu.Target>
                    <ActionIcon variant="subtle" color="gray" aria-label={`Действия: ${entry.name}`}><IconDots size={16} /></ActionIcon>
                  </Menu.Target>
                  <Menu.Dropdown>
                    <Menu.Item onClick={() => setEditing(entry)}>Изменить</Menu.Item>
                    {mayMerge && <Menu.Item onClick={() => setMerging(entry)}>Объединить с…</Menu.Item>}
                    {mayRename && (entry.hidden
                      ? <Menu.Item onClick={() => void setHidden(entry, false)}>Показывать</Menu.Item>
                      : <Menu.Item disabled={(entry.usage ?? 0) > 0} onClick={() => void setHidden(entry, true)}>Скрыть{(entry.usage ?? 0) > 0 ? ' (используется)' : ''}</Menu.Item>)}
                  </Menu.Dropdown>
                </Menu>
              </Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Caption>Всего: {countOf(shown.length, ENTRY_FORMS)}</Table.Caption>
      </Table>
      {entries && shown.length === 0 && <Text c="dimmed">Записей нет.</Text>}
      {editing && <EditRefDialog entry={editing === 'new' ? null : editing} kind={kind} renameLocked={editing !== 'new' && !mayRename ? `Переименование доступно ${rolesFrom(REF_RENAME_ROLE)}.` : null} onSave={(c) => void save(c)} onClose={() => setEditing(null)} />}
      {merging && entries && <MergeRefDialog victim={merging} entries={entries} onMerge={(id) => void merge(merging, id)} onClose={() => setMerging(null)} />}
    </Stack>
  );
}
