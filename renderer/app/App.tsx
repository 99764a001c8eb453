// The workspace: a sidebar of sections and the section the address names.
import { AppShell, Group, Loader, Title } from '@mantine/core';
import { lazy, Suspense, type ReactNode } from 'react';
import { EventsPage } from '../features/events/EventsPage';
import { Sidebar } from './Sidebar';
import { useRoute, type Route } from '../router/route';
import type { Section } from '../router/sections';

// The register opens first; cards and the other sections load when first opened.
const EventEditor = lazy(() => import('../features/events/EventEditor').then((m) => ({ default: m.EventEditor })));
const AgreementsPage = lazy(() => import('../features/agreements/AgreementsPage').then((m) => ({ default: m.AgreementsPage })));
const AgreementEditor = lazy(() => import('../features/agreements/AgreementEditor').then((m) => ({ default: m.AgreementEditor })));
const ImportPage = lazy(() => import('../features/import/ImportPage').then((m) => ({ default: m.ImportPage })));
const ExportPage = lazy(() => import('../features/export/ExportPage').then((m) => ({ default: m.ExportPage })));
const OverviewPage = lazy(() => import('../features/overview/OverviewPage').then((m) => ({ default: m.OverviewPage })));
const ReportsPage = lazy(() => import('../features/reports/ReportsPage').then((m) => ({ default: m.ReportsPage })));
const CalendarPage = lazy(() => import('../features/calendar/CalendarPage').then((m) => ({ default: m.CalendarPage })));
const SettingsPage = lazy(() => import('../features/settings/SettingsPage').then((m) => ({ default: m.SettingsPage })));
const AccountsPage = lazy(() => import('../features/accounts/AccountsPage').then((m) => ({ default: m.AccountsPage })));
const ReferencesPage = lazy(() => import('../features/references/ReferencesPage').then((m) => ({ default: m.ReferencesPage })));

/** Each section's page for its route: one entry per section of router/sections.ts. */
const PAGES: Record<Section, (route: Route) => ReactNode> = {
  overview: () => <OverviewPage />,
  events: ({ item }) => (item ? <EventEditor key={item} id={item} /> : <EventsPage />),
  agreements: ({ item }) => (item ? <AgreementEditor key={item} id={item} /> : <AgreementsPage />),
  calendar: ({ item }) => <CalendarPage item={item} />,
  import: () => <ImportPage />,
  export: () => <ExportPage />,
  reports: () => <ReportsPage />,
  references: ({ item }) => <ReferencesPage kind={item} />,
  settings: () => <SettingsPage />,
  accounts: () => <AccountsPage />,
};

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
        {/* A boundary per section: a suspended section must not keep the previous one mounted (and its leave guard set). */}
        <Suspense key={route.section} fallback={<Loader />}>
        {PAGES[route.section](route)}
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
