// The first screen: a period's events by month, sphere, kind, format and partner region beside the
// same period a year before, the agreements to watch and the coming events; every bar opens the events.
import { Alert, Anchor, Badge, Card, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { parsePeriod } from '../../../shared/period';
import { periodIn } from '../../../shared/ru/date-phrases';
import { formatDate, formatDateRange } from '../../../shared/ru/dates';
import { lowerFirst } from '../../../shared/ru/grammar';
import { periodTitle } from '../../../shared/ru/periods';
import { countOf, EVENT_FORMS } from '../../../shared/ru/plural';
import type { Count, Overview } from '../../../shared/schema/stats';
import { call } from '../../api/client';
import { useLiveGeneration } from '../../api/live';
import { errorMessage } from '../../api/notifyError';
import { navigate, routeHash } from '../../router/route';
import { PeriodPicker, periodLabel } from '../../components/PeriodPicker';
import { EmptyRegister } from '../../components/EmptyRegister';
import { useEventsFilter, type EventsFilterState } from '../../stores/eventsFilter';
import { useOverview } from '../../stores/overviewPeriod';

const CURRENT = 'var(--mantine-color-blue-6)';
const PREVIOUS = 'var(--mantine-color-gray-4)';

type Filter = Partial<Pick<EventsFilterState, 'period' | 'kinds' | 'spheres' | 'formats' | 'partners'>>;

/** Opens the events table on what a bar counts, every other filter cleared. */
function useOpenEvents() {
  const set = useEventsFilter((s) => s.set);
  return (filter: Filter) => {
    set({ query: '', kinds: [], spheres: [], partners: [], formats: [], statuses: [], deleted: false, batch: null, period: null, ...filter });
    navigate({ section: 'events' });
  };
}

/** A period's name, or its code when it names none. */
const label = (code: string): string => periodLabel(code) || code;

function Comparison({ title, counts, onOpen, current, previous }: {
  title: string;
  counts: Count[];
  onOpen: (count: Count) => void;
  current: string;
  previous: string;
}) {
  const shown = counts.slice(0, 10);
  return (
    <Card withBorder padding="sm">
      <Text fw={600} mb={4}>{title}</Text>
      {shown.length === 0 ? <Text size="sm" c="dimmed">Нет мероприятий.</Text> : (
        <ResponsiveContainer width="100%" height={shown.length * 34 + 50}>
          <BarChart data={shown} layout="vertical" margin={{ left: 8, right: 16 }} barGap={1}>
            <CartesianGrid horizontal={false} strokeDasharray="3 3" />
            <XAxis type="number" allowDecimals={false} />
            <YAxis type="category" dataKey="label" width={190} tick={{ fontSize: 12 }} />
            <Tooltip />
            <Legend />
            <Bar isAnimationActive={false} dataKey="count" name={current} fill={CURRENT} cursor="pointer" onClick={(_, i) => shown[i] && onOpen(shown[i])} />
            <Bar isAnimationActive={false} dataKey="previous" name={previous} fill={PREVIOUS} />
          </BarChart>
        </ResponsiveContainer>
      )}
    </Card>
  );
}

function Figures({ overview, period }: { overview: Overview; period: string }) {
  const open = useOpenEvents();
  const current = label(period);
  const previous = label(overview.previousPeriod);
  const change = overview.total - overview.previousTotal;
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, lg: 4 }}>
        <Card withBorder padding="sm">
          <Text size="sm" c="dimmed">Мероприятий за период</Text>
          <Group gap="xs" align="baseline">
            <Anchor fz={32} fw={700} onClick={() => open({ period })}>{overview.total}</Anchor>
            <Text size="sm" c="dimmed">годом раньше: {overview.previousTotal} ({change >= 0 ? '+' : '−'}{Math.abs(change)})</Text>
          </Group>
        </Card>
        <Card withBorder padding="sm">
          <Text size="sm" c="dimmed">Соглашений действовало в периоде</Text>
          <Anchor fz={32} fw={700} href={routeHash({ section: 'agreements' })}>{overview.agreementsInForce}</Anchor>
        </Card>
        <Card withBorder padding="sm">
          <Text size="sm" c="dimmed">Истекают в ближайшие 90 дней (от сегодня)</Text>
          <Text fz={32} fw={700} c={overview.expiring.length ? 'orange' : undefined}>{overview.expiring.length}</Text>
        </Card>
        <Card withBorder padding="sm">
          <Text size="sm" c="dimmed">Соглашения без мероприятий за период</Text>
          <Text fz={32} fw={700}>{overview.withoutEvents.length}</Text>
        </Card>
      </SimpleGrid>

      <Card withBorder padding="sm">
        <Text fw={600} mb={4}>Мероприятия по месяцам</Text>
        <ResponsiveContainer width="100%" height={260}>
          <BarChart data={overview.months} margin={{ left: -16, right: 8 }}>
            <CartesianGrid vertical={false} strokeDasharray="3 3" />
            <XAxis dataKey="label" tick={{ fontSize: 12 }} />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Legend />
            <Bar isAnimationActive={false} dataKey="count" name={current} fill={CURRENT} cursor="pointer" onClick={(_, i) => overview.months[i] && open({ period: overview.months[i].key })} />
            <Bar isAnimationActive={false} dataKey="previous" name={previous} fill={PREVIOUS} />
          </BarChart>
        </ResponsiveContainer>
      </Card>

      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Comparison title="По сферам" counts={overview.spheres} current={current} previous={previous} onOpen={(c) => open({ period, spheres: [c.key] })} />
        <Comparison title="По регионам-партнёрам" counts={overview.regions} current={current} previous={previous} onOpen={(c) => open({ period, partners: [c.key] })} />
        <Comparison title="По видам" counts={overview.kinds} current={current} previous={previous} onOpen={(c) => open(c.key ? { period, kinds: [c.key] } : { period })} />
        <Comparison title="По формату" counts={overview.formats} current={current} previous={previous}
          onOpen={(c) => open(c.key ? { period, formats: [c.key as EventsFilterState['formats'][number]] } : { period })} />
      </SimpleGrid>

      <SimpleGrid cols={{ base: 1, lg: 3 }}>
        <Card withBorder padding="sm">
          <Text fw={600} mb={6}>Ближайшие 30 дней</Text>
          {overview.upcoming.length === 0 ? <Text size="sm" c="dimmed">Мероприятий не запланировано.</Text> : (
            <Stack gap={6}>
              {overview.upcoming.map((e) => (
                <Group key={e.id} gap="xs" wrap="nowrap" align="flex-start">
                  <Badge variant="light" miw={110}>{formatDateRange(e.startDate, e.endDate, e.datePrecision)}</Badge>
                  <Anchor size="sm" href={routeHash({ section: 'events', item: String(e.id) })}>{e.title}</Anchor>
                </Group>
              ))}
            </Stack>
          )}
        </Card>
        <AgreementList title="Истекают в ближайшие 90 дней" items={overview.expiring} empty="Таких соглашений нет." />
        <AgreementList title="Соглашения без мероприятий за период" items={overview.withoutEvents}
          empty={overview.agreementsInForce === 0 ? 'Действующих в этом периоде соглашений нет.' : 'По каждому действующему соглашению есть мероприятия.'} />
      </SimpleGrid>
    </Stack>
  );
}

/** A period without events, said in words, with the way to where the events are. */
function EmptyPeriod({ period, latest, onOpen }: { period: string; latest: string | null; onOpen: (period: string) => void }) {
  const shown = parsePeriod(period);
  const last = latest && latest !== period ? parsePeriod(latest) : null;
  return (
    <Card withBorder padding="lg">
      <Text fw={600}>{shown ? `${periodIn(shown)} мероприятий в реестре нет.` : 'Мероприятий за этот период в реестре нет.'}</Text>
      {last && latest && (
        <Text mt="xs">
          Последние мероприятия — {lowerFirst(periodIn(last))}. <Anchor onClick={() => onOpen(latest)}>Показать {periodTitle(last)}</Anchor>
        </Text>
      )}
    </Card>
  );
}

function AgreementList({ title, items, empty }: { title: string; items: Overview['expiring']; empty: string }) {
  return (
    <Card withBorder padding="sm">
      <Text fw={600} mb={6}>{title}</Text>
      {items.length === 0 ? <Text size="sm" c="dimmed">{empty}</Text> : (
        <Stack gap={6}>
          {items.map((a) => (
            <Anchor key={a.id} size="sm" href={routeHash({ section: 'agreements', item: String(a.id) })}>
              {a.number ? `№ ${a.number} ` : ''}{a.title}{a.validUntil ? ` (до ${formatDate(a.validUntil)})` : ''}
            </Anchor>
          ))}
        </Stack>
      )}
    </Card>
  );
}

export function OverviewPage() {
  const { period, setPeriod, suggestPeriod } = useOverview();
  const [overview, setOverview] = useState<Overview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const live = useLiveGeneration();
  useEffect(() => {
    let live = true;
    call('stats.overview', { period }).then((o) => {
      if (!live) return;
      setOverview(o);
      if (o.total === 0 && o.latestHalf && o.latestHalf !== period) suggestPeriod(o.latestHalf);
    }, (e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [period, version, live]);

  if (overview?.registerTotal === 0) {
    return <EmptyRegister onLoaded={() => { setVersion((v) => v + 1); navigate({ section: 'events' }); }} />;
  }
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={2}>Обзор</Title>
        <PeriodPicker ariaLabel="Период обзора" w={240} value={period} onChange={(value) => value && setPeriod(value)} />
      </Group>
      {error && <Alert color="red" title="Не удалось загрузить обзор">{error}</Alert>}
      {!overview && !error && <Loader />}
      {overview && overview.total === 0 && <EmptyPeriod period={period} latest={overview.latestHalf} onOpen={setPeriod} />}
      {overview && overview.total > 0 && <Figures overview={overview} period={period} />}
      {overview && overview.total > 0 && <Text size="xs" c="dimmed">Всего в реестре: {countOf(overview.registerTotal, EVENT_FORMS)}. Столбцы сравнивают период с тем же периодом годом раньше; щелчок по столбцу открывает эти мероприятия.</Text>}
    </Stack>
  );
}
