// The sections of the app, as links in the address.
import { NavLink, Stack } from '@mantine/core';
import { routeHash } from '../router/route';
import { SECTIONS, type Section, type SectionInfo } from '../router/sections';
import { useSavedViews } from '../features/events/savedViews';
import { SessionFooter } from '../features/login/SessionFooter';
import { useServerAdmin } from '../api/useSession';
import { useAllowed } from '../api/useAllowed';
import type { MethodName } from '../../shared/api';

/** Sections that are nothing but a call some roles may not make: not offered to them. */
const SECTION_CALL: Partial<Record<Section, MethodName>> = { export: 'export.period' };

export function Sidebar({ active }: { active: Section }) {
  // The register's saved views, under Мероприятия: a click opens the register as the view has it.
  const { views, activeId, open } = useSavedViews();
  const admin = useServerAdmin();
  const allowed = useAllowed();
  const offered = (id: Section) => {
    const needs = SECTION_CALL[id];
    return needs === undefined || allowed(needs);
  };
  const shown = (SECTIONS as readonly (SectionInfo & { id: Section })[]).filter((s) => (!s.serverAdmin || admin) && offered(s.id));
  return (
    <Stack gap={2} h="100%">
      {shown.map(({ id, label, icon: Icon }) => [
        <NavLink key={id} href={routeHash({ section: id })} label={label} leftSection={<Icon size={18} />} active={id === active} />,
        id === 'events' && views.map((view) => (
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
      <Stack mt="auto">
        <SessionFooter />
      </Stack>
    </Stack>
  );
}
