// The choice of the register's columns: which are shown and in what order; widths are dragged in the header.
import { ActionIcon, Button, Checkbox, Group, Popover, Stack, Text } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconColumns } from '@tabler/icons-react';
import { COLUMNS, COLUMN_BY_ID, DEFAULT_COLUMNS, type ColumnId } from './gridColumns';
import { useColumnPrefs } from './columnPrefs';

export function ColumnsMenu() {
  const { visible, widths, set } = useColumnPrefs();
  // Shown columns first, in their order, then the others in the default order.
  const ordered: ColumnId[] = [...visible, ...COLUMNS.map((c) => c.id).filter((id) => !visible.includes(id))];
  const toggle = (id: ColumnId, on: boolean) => {
    if (!on && visible.length === 1) return;
    set({ visible: on ? [...visible, id] : visible.filter((v) => v !== id), widths });
  };
  const move = (id: ColumnId, by: -1 | 1) => {
    const at = visible.indexOf(id);
    const to = at + by;
    if (at < 0 || to < 0 || to >= visible.length) return;
    const next = [...visible];
    [next[at], next[to]] = [next[to] as ColumnId, id];
    set({ visible: next, widths });
  };
  return (
    <Popover position="bottom-end" shadow="md" width={300}>
      <Popover.Target>
        <Button variant="default" leftSection={<IconColumns size={18} />}>Столбцы</Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap={4} role="group" aria-label="Столбцы таблицы">
          <Text size="xs" c="dimmed">Отметьте нужные столбцы, стрелками задайте порядок; ширину меняйте, потянув край заголовка.</Text>
          {ordered.map((id) => {
            const shown = visible.includes(id);
            const at = visible.indexOf(id);
            return (
              <Group key={id} justify="space-between" wrap="nowrap">
                <Checkbox label={COLUMN_BY_ID.get(id)?.label} checked={shown} disabled={shown && visible.length === 1} onChange={(e) => toggle(id, e.currentTarget.checked)} />
                {shown && (
                  <Group gap={2} wrap="nowrap">
                    <ActionIcon size="sm" variant="subtle" aria-label={`«${COLUMN_BY_ID.get(id)?.label}» левее`} disabled={at === 0} onClick={() => move(id, -1)}><IconArrowUp size={14} /></ActionIcon>
                    <ActionIcon size="sm" variant="subtle" aria-label={`«${COLUMN_BY_ID.get(id)?.label}» правее`} disabled={at === visible.length - 1} onClick={() => move(id, 1)}><IconArrowDown size={14} /></ActionIcon>
                  </Group>
                )}
              </Group>
            );
          })}
          <Button size="xs" variant="subtle" mt={4} onClick={() => set({ visible: [...DEFAULT_COLUMNS], widths: {} })}>Как было по умолчанию</Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
