// Russian names of report periods: «II полугодие 2021 года», «III квартал 2021 года».
import type { Period } from '../period';
import { formatDate, MONTHS_NOMINATIVE, romanNumeral } from './dates';

/** The period in the nominative, as a heading says it. */
export function periodTitle(period: Period): string {
  switch (period.kind) {
    case 'year':
      return `${period.year} год`;
    case 'half':
      return `${romanNumeral(period.index ?? 1)} полугодие ${period.year} года`;
    case 'quarter':
      return `${romanNumeral(period.index ?? 1)} квартал ${period.year} года`;
    case 'month': {
      const name = MONTHS_NOMINATIVE[(period.index ?? 1) - 1] ?? '';
      return `${name.charAt(0).toUpperCase()}${name.slice(1)} ${period.year} года`;
    }
    case 'range':
      return `${formatDate(period.start)}–${formatDate(period.end)}`;
  }
}
