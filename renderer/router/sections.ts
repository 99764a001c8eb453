// The sections of the app, in the sidebar's order: the one table the address, the sidebar and the
// workspace read (a section added here is a type error in App.tsx until it has its page).
import {
  IconBook2, IconCalendarEvent, IconLayoutDashboard, IconChartBar, IconFileExport, IconFileImport, IconFileText, IconListDetails, IconSettings, IconUsers,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';

export interface SectionInfo {
  id: string;
  label: string;
  icon: ComponentType<{ size?: number }>;
  /** Shown only when signed in to the department server as an administrator. */
  serverAdmin?: boolean;
}

export const SECTIONS = [
  { id: 'overview', label: 'Обзор', icon: IconLayoutDashboard },
  { id: 'events', label: 'Мероприятия', icon: IconListDetails },
  { id: 'agreements', label: 'Соглашения', icon: IconFileText },
  { id: 'calendar', label: 'Календарь', icon: IconCalendarEvent },
  { id: 'import', label: 'Импорт', icon: IconFileImport },
  { id: 'export', label: 'Экспорт', icon: IconFileExport },
  { id: 'reports', label: 'Отчёты', icon: IconChartBar },
  { id: 'references', label: 'Справочники', icon: IconBook2 },
  { id: 'settings', label: 'Настройки', icon: IconSettings },
  { id: 'accounts', label: 'Учётные записи', icon: IconUsers, serverAdmin: true },
] as const satisfies readonly SectionInfo[];

export type Section = (typeof SECTIONS)[number]['id'];

/** The first screen, and where an unknown address leads. */
export const FIRST_SECTION: Section = 'overview';
