// Sections whose work is still ahead: what they will do, and what the clerk can do today.
import { Alert, Stack, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import type { Section } from './route';

type Later = Extract<Section, 'calendar' | 'settings'>;

const TEXTS: Record<Later, { title: string; later: string; now: string }> = {
  calendar: { title: 'Календарь', later: 'Здесь будут месяц, неделя, год и повестка мероприятий.', now: 'Мероприятия за любой период показывает раздел «Мероприятия» с фильтром по периоду.' },
  settings: { title: 'Настройки', later: 'Здесь будут домашний регион и папка резервных копий.', now: 'Данные хранятся в папке пользователя (Reestr/reestr.sqlite).' },
};

export function LaterSection({ section }: { section: Later }) {
  const text = TEXTS[section];
  return (
    <Stack maw={640}>
      <Title order={2}>{text.title}</Title>
      <Alert icon={<IconInfoCircle />} color="gray" title="Раздел в разработке">
        <Text size="sm">{text.later}</Text>
        <Text size="sm" mt="xs">{text.now}</Text>
      </Alert>
    </Stack>
  );
}
