// The overview of a period beside the same period a year before: what the first screen shows.
import type { Core } from '../core';
import type { KeyCount } from '../store/types';
import { refForms } from './ref-forms';
import { regionCounts } from '../ref-forms';
import { addDays, monthKeys, todayIso } from '../../../shared/dates';
import { periodCode, yearBefore, type Period } from '../../../shared/period';
import { termState } from '../../../shared/agreement-term';
import type { Agreement } from '../../../shared/schema/agreement';
import type { Count, Overview } from '../../../shared/schema/stats';
import { FORMAT_LABELS } from '../../../shared/ru/labels';
import { MONTHS_NOMINATIVE } from '../../../shared/ru/dates';

const UPCOMING_DAYS = 30;
const UPCOMING_SHOWN = 15;

/** Counts of both periods by key, largest first; `label` names a key. */
function compare(current: KeyCount[], previous: KeyCount[], label: (key: string) => string): Count[] {
  const counts = new Map<string, Count>();
  for (const [key, count] of current) counts.set(key, { key, label: label(key), count, previous: 0 });
  for (const [key, count] of previous) {
    const row = counts.get(key) ?? { key, label: label(key), count: 0, previous: 0 };
    row.previous = count;
    counts.set(key, row);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || b.previous - a.previous || a.label.localeCompare(b.label, 'ru'));
}

/** Months a chart shows at most: three years. */
const MONTHS_SHOWN = 36;


/** The half-year a date lies in, as a period code. */
function halfOf(date: string | null): string | null {
  return date && `${date.slice(0, 4)}-H${Number(date.slice(5, 7)) <= 6 ? 1 : 2}`;
}

function brief(a: Agreement) {
  return { id: a.id, title: a.title, number: a.number, validUntil: a.validUntil };
}

export async function overview(core: Core, period: Period, today = todayIso()): Promise<Overview> {
  const before = yearBefore(period);
  const forms = await refForms(core);
  const { stats } = core;
  const both = async <T>(read: (start: string, end: string) => Promise<T>): Promise<[T, T]> => [await read(period.start, period.end), await read(before.start, before.end)];

  const months = monthKeys(period.start, period.end, MONTHS_SHOWN);
  const [current, previous] = await both(stats.byMonth);
  const previousShifted = previous.map(([key, n]): KeyCount => [`${Number(key.slice(0, 4)) + 1}${key.slice(4)}`, n]);
  const manyYears = months[0]?.slice(0, 4) !== months.at(-1)?.slice(0, 4);
  const monthLabel = (key: string) => `${MONTHS_NOMINATIVE[Number(key.slice(5, 7)) - 1] ?? ''}${manyYears ? ` ${key.slice(0, 4)}` : ''}`;
  const byMonth = new Map(compare(current, previousShifted, monthLabel).map((c) => [c.key, c]));

  const agreements = (await core.agreements.all()).filter((a) => a.status !== 'draft');
  // In force during the period: begun by its end, not ended (nor terminated) before its start.
  const inPeriod = agreements.filter((a) => (a.validFrom ?? a.signedOn ?? period.start) <= period.end && (a.validUntil ?? period.end) >= period.start
    && !(a.status === 'terminated' && a.updatedAt.slice(0, 10) < period.start));
  const expiring = agreements.filter((a) => a.status === 'active' && termState(a, today) === 'expiring');
  const withEvents = new Set(await stats.agreementIds(period.start, period.end));

  return {
    registerTotal: await stats.registerTotal(),
    total: await stats.total(period.start, period.end),
    previousTotal: await stats.total(before.start, before.end),
    previousPeriod: periodCode(before),
    months: months.map((key) => byMonth.get(key) ?? { key, label: monthLabel(key), count: 0, previous: 0 }),
    spheres: compare(...(await both(stats.bySphere)), (key) => key),
    kinds: compare(...(await both(stats.byKind)), (key) => key || 'вид не указан'),
    formats: compare(...(await both(stats.byFormat)), (key) => FORMAT_LABELS[key as keyof typeof FORMAT_LABELS] ?? 'формат не указан'),
    regions: compare(...(await both(async (start, end) => regionCounts(forms, await stats.partnerLinks(start, end)))), (key) => key),
    agreementsInForce: inPeriod.length,
    expiring: expiring.map(brief),
    withoutEvents: inPeriod.filter((a) => !withEvents.has(a.id)).map(brief),
    upcoming: (await core.events.range(today, addDays(today, UPCOMING_DAYS))).filter((e) => e.startDate >= today).slice(0, UPCOMING_SHOWN),
    latestHalf: halfOf(await stats.latestStart(today)),
  };
}
