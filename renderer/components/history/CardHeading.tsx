// A record card's heading: its title, the trash mark, and for a saved record the tabs of the card and its history.
import { Group, Tabs, Text, Title } from '@mantine/core';
import { TAB_LABEL } from './texts';

export type CardTab = 'card' | 'history';

interface Props {
  title: string;
  /** The record as saved; null for a new one, which has no history yet. */
  saved: { deletedAt: string | null } | null;
  tab: CardTab;
  onTab: (tab: CardTab) => void;
}

export function CardHeading({ title, saved, tab, onTab }: Props) {
  return (
    <>
      <Group justify="space-between">
        <Title order={2}>{title}</Title>
        {saved?.deletedAt && <Text c="red">В корзине</Text>}
      </Group>
      {saved && (
        <Tabs value={tab} onChange={(value) => onTab(value === 'history' ? 'history' : 'card')}>
          <Tabs.List>
            <Tabs.Tab value="card">Карточка</Tabs.Tab>
            <Tabs.Tab value="history">{TAB_LABEL}</Tabs.Tab>
          </Tabs.List>
        </Tabs>
      )}
    </>
  );
}
