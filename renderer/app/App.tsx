// The workspace: a sidebar of sections and the section the address names.
import { AppShell, Title, Group } from '@mantine/core';
import { EventsPage } from '../features/events/EventsPage';
import { EventEditor } from '../features/events/EventEditor';
import { AgreementEditor } from '../features/agreements/AgreementEditor';
import { AgreementsPage } from '../features/agreements/AgreementsPage';
import { ReferencesPage } from '../features/references/ReferencesPage';
import { LaterSection } from './LaterSection';
import { Sidebar } from './Sidebar';
import { useRoute } from './route';

export function App() {
  const route = useRoute();
  return (
    <AppShell navbar={{ width: 230, breakpoint: 0 }} header={{ height: 52 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md">
          <Title order={3} fw={600}>Реестр сотрудничества</Title>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <Sidebar active={route.section} />
      </AppShell.Navbar>
      <AppShell.Main h="100dvh">
        {route.section === 'events' && (route.item ? <EventEditor key={route.item} id={route.item} /> : <EventsPage />)}
        {route.section === 'agreements' && (route.item ? <AgreementEditor key={route.item} id={route.item} /> : <AgreementsPage />)}
        {route.section === 'references' && <ReferencesPage kind={route.item} />}
        {route.section !== 'events' && route.section !== 'agreements' && route.section !== 'references' && <LaterSection section={route.section} />}
      </AppShell.Main>
    </AppShell>
  );
}
