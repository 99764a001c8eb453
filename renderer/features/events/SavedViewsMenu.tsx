// Saving the register's filters, columns and sort under a name; the saved views are listed in the sidebar.
import { ActionIcon, Button, Group, Popover, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { IconBookmark, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useSavedViews } from './savedViews';

export function SavedViewsMenu() {
  const { views, save, open, remove } = useSavedViews();
  const [opened, setOpened] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = () => {
    const trimmed = name.trim();
    if (!trimmed) {
      setError('Введите название вида.');
      return;
    }
    if (trimmed.length > 80) {
      setError('Название вида длиннее 80 знаков.');
      return;
    }
    save(trimmed);
    setName('');
    setError(null);
    setOpened(false);
  };
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" shadow="md" width={320}>
      <Popover.Target>
        <Button variant="default" leftSection={<IconBookmark size={18} />} onClick={() => setOpened((o) => !o)}>Виды</Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <Text size="xs" c="dimmed">Вид запоминает фильтры, столбцы и сортировку. Виды хранятся в этом браузере и видны в меню слева.</Text>
          <Group gap="xs" align="flex-start" wrap="nowrap">
            <TextInput
              size="xs"
              flex={1}
              label="Название вида"
              placeholder="Например: Культура, 2022"
              value={name}
              error={error}
              onChange={(e) => setName(e.currentTarget.value)}
              onKeyDown={(e) => e.key === 'Enter' && submit()}
            />
            <Button size="xs" mt={22} onClick={submit}>Сохранить вид</Button>
          </Group>
          {views.map((view) => (
            <Group key={view.id} justify="space-between" wrap="nowrap">
              <UnstyledButton fz="sm" onClick={() => { open(view.id); setOpened(false); }}>{view.name}</UnstyledButton>
              <ActionIcon size="sm" variant="subtle" color="red" aria-label={`Удалить вид «${view.name}»`} onClick={() => remove(view.id)}><IconTrash size={14} /></ActionIcon>
            </Group>
          ))}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
