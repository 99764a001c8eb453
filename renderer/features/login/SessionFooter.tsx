// The sidebar's foot when signed in to the department server: who is signed in, with which role, and «Выйти».
import { Button, Group, Stack, Text } from '@mantine/core';
import { IconLogout } from '@tabler/icons-react';
import { ROLE_LABELS } from '../../../shared/schema/account';
import { signOut } from '../../api/client';
import { useSession } from '../../api/useSession';

export function SessionFooter() {
  const state = useSession();
  if (state.kind !== 'signed-in') return null;
  const { user, role } = state.session;
  return (
    <Stack gap={4} pt="xs" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }} aria-label="Учётная запись">
      <Group gap={6} wrap="nowrap">
        <Text size="sm" fw={500} truncate>{user}</Text>
        <Text size="xs" c="dimmed">{ROLE_LABELS[role]}</Text>
      </Group>
      <Button variant="subtle" size="compact-sm" leftSection={<IconLogout size={16} />} onClick={() => void signOut()} justify="flex-start">
        Выйти
      </Button>
    </Stack>
  );
}
