// The agenda of a period: a list under headings of days, and of months, quarters and years for the
// events known only that far; agreement deadlines under their day.
import { Badge, Button, Group, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useMemo, useState } from 'react';
import { formatDateRange } from '../../../shared/ru/dates';
import { EVENT_STATUS_LABELS, FORMAT_LABELS } from '../../../shared/ru/labels';
import { countOf, EVENT_FORMS } from '../../../shared/ru/plural';
import type { Deadline } from '../../../shared/schema/calendar';
import type { ViewProps } from './view-props';
import { agendaGroups, DEADLINE_NAMES, deadlineLabel } from './groups';

interface Props extends ViewProps {
  /** The agenda's first day: an event begun before it is listed under it. */
  start: string;
  onDeadline: (deadline: Deadline) => void;
}

/** Headings drawn at first and per «Показать дальше»: a year of a big register is thousands of rows. */
const GROUPS_SHOWN = 150;

export function AgendaView({ start, events, deadlines, colors, matches, onOpen, onDeadline }: Props) {
  const groups = useMemo(() => agendaGroups(start, events, deadlines), [start, events, deadlines]);
  const [shown, setShown] = useState(GROUPS_SHOWN);
  if (groups.length === 0) return <Text c="dimmed" p="md">В этом периоде мероприятий нет.</Text>;
  return (
    <Stack gap="md" className="reestr-agenda">
      {groups.slice(0, shown).map((group) => (
        <section key={group.key} className="reestr-agenda-group">
          <Group gap="xs" className="reestr-agenda-heading">
            <Title order={4} fz="md">{group.title}</Title>
            {group.note && <Text size="sm" c="dimmed">{group.note}</Text>}
          </Group>
          {group.deadlines.map((d) => (
            <UnstyledButton key={`${d.agreementId}-${d.kind}`} className={`reestr-agenda-row reestr-agenda-deadline-${d.kind}`} onClick={() => onDeadline(d)}>
              <span className="reestr-agenda-flag">{DEADLINE_NAMES[d.kind].flag}</span>
              <span className="reestr-agenda-dates">{DEADLINE_NAMES[d.kind].short}</span>
              <span className="reestr-agenda-title">{deadlineLabel(d)}</span>
            </UnstyledButton>
          ))}
          {group.events.map((e) => (
            <UnstyledButton
              key={e.id}
              className={['reestr-agenda-row', e.status === 'cancelled' && 'reestr-cancelled', matches && (matches.has(e.id) ? 'reestr-match' : 'reestr-dimmed')].filter(Boolean).join(' ')}
              onClick={() => onOpen(e)}
              data-event-id={e.id}
            >
              <span className="reestr-agenda-swatch" style={{ backgroundColor: colors.color(e) }} />
              <span className="reestr-agenda-dates">{formatDateRange(e.startDate, e.endDate, e.datePrecision)}</span>
              <span className="reestr-agenda-title">{e.title}</span>
              <span className="reestr-agenda-meta">{[e.kind, e.city, e.format ? FORMAT_LABELS[e.format] : null].filter(Boolean).join(' · ')}</span>
              {e.status !== 'held' && <Badge size="sm" variant="light" color="gray">{EVENT_STATUS_LABELS[e.status]}</Badge>}
            </UnstyledButton>
          ))}
        </section>
      ))}
      {groups.length > shown && (
        <Button variant="default" className="reestr-no-print" onClick={() => setShown((n) => n + GROUPS_SHOWN)}>
          Показать дальше: ещё {countOf(groups.slice(shown).reduce((n, g) => n + g.events.length, 0), EVENT_FORMS)}
        </Button>
      )}
    </Stack>
  );
}
