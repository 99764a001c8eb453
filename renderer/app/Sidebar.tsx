// The sections of the app, as links in the address.
import { NavLink, Stack } from '@mantine/core';
import {
  IconBook2, IconCalendarEvent, IconLayoutDashboard, IconChartBar, IconFileExport, IconFileImport, IconFileText, IconListDetails, IconSettings,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { routeHash, type Section } from './route';

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
  return (
    <Stack gap={2}>
      {SECTIONS.map(({ section, label, icon: Icon }) => (
        <NavLink key={section} href={routeHash({ section })} label={label} leftSection={<Icon size={18} />} active={section === active} />
      ))}
    </Stack>
  );
}
