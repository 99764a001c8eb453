// The sections of the app, as links in the address.
import { NavLink, Stack } from '@mantine/core';
import {
  IconBook2, IconCalendarEvent, IconLayoutDashboard, IconChartBar, IconFileExport, IconFileImport, IconFileText, IconListDetails, IconSettings,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { routeHash, type Section } from './route';
import { useSavedViews } from '../features/events/savedViews';

const SECTIONS: readonly { section: Section; label: string; icon: ComponentType<{ size?: number }> }[] = [
  { section: 'overview', label: 'Обзор', icon: IconLayoutDashboard },
  { section: 'events', label: 'Мероприятия', icon: IconListDetails },
  { section: 'agreements', label: 'Соглашения', icon: IconFileText },
  { section: 'calendar', label: 'Календарь', icon: IconCalendarEvent },
  { section: 'import', label: 'Импорт', icon: IconFileImport },
  { section: 'export', label: 'Экспорт', icon: IconFileExport },
  { section: 'reports', label: 'Отчёты', icon: IconChartBar },
  { section: 'references', label: 'Справочники', icon: IconBook2 },
  { section: 'settings', label: 'Настройки', icon: IconSettings },
];

export function Sidebar({ active }: { active: Section }) {
  // The register's saved views, under Мероприятия: a click opens the register as the view has it.
  const { views, activeId, open } = useSavedViews();
  return (
    <Stack gap={2}>
      {SECTIONS.map(({ section, label, icon: Icon }) => [
        <NavLink key={section} href={routeHash({ section })} label={label} leftSection={<Icon size={18} />} active={section === active} />,
        section === 'events' && views.map((view) => (
          <NavLink
            key={view.id}
            href={routeHash({ section: 'events' })}
            label={view.name}
            pl={42}
            py={4}
            fz="sm"
            aria-label={`Вид «${view.name}»`}
            active={active === 'events' && activeId === view.id}
            variant="subtle"
            onClick={() => open(view.id)}
          />
        )),
      ])}
    </Stack>
  );
}
