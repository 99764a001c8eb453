// The period choices of the filter: whole years, halves and quarters of recent years.
import { romanNumeral } from '../../shared/ru/dates';

export interface PeriodGroup {
  group: string;
  items: { value: string; label: string }[];
}

export function periodChoices(thisYear: number, years = 6): PeriodGroup[] {
  return Array.from({ length: years }, (_, i) => thisYear + 1 - i).map((year) => ({
    group: String(year),
    items: [
      { value: String(year), label: `${year} год` },
      ...[1, 2].map((h) => ({ value: `${year}-H${h}`, label: `${romanNumeral(h)} полугодие ${year}` })),
      ...[1, 2, 3, 4].map((q) => ({ value: `${year}-Q${q}`, label: `${romanNumeral(q)} квартал ${year}` })),
    ],
  }));
}
