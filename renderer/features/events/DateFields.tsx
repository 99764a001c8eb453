// The dates of an event at the precision the clerk knows: exact days, months, a quarter or a year.
import { useState } from 'react';
import { Group, NumberInput, SegmentedControl, Select, Stack, TextInput } from '@mantine/core';
import { DateInput, MonthPickerInput } from '@mantine/dates';
import '../../components/dates';
import { DAY_FORMAT, parseTypedDate } from '../../components/forms';
import { monthRange, quarterOf, quarterRange, yearRange, ymd, type DateRange } from '../../../shared/dates';
import { eventDatePhrase } from '../../../shared/ru/date-phrases';
import { parseDateText } from '../../../shared/ru/date-text';
import { romanNumeral } from '../../../shared/ru/dates';
import { lowerFirst } from '../../../shared/ru/grammar';
import type { DatePrecision } from '../../../shared/schema/common';

export interface DateValue {
  startDate: string;
  endDate: string;
  datePrecision: DatePrecision;
}

interface Props {
  value: DateValue;
  onChange: (value: DateValue) => void;
  errors: { startDate?: string; endDate?: string };
  /** A role that may not edit: the dates as words, nothing to change. */
  readOnly?: boolean;
}

const PRECISIONS = [
  { value: 'day', label: 'Точные даты' },
  { value: 'month', label: 'Месяцы' },
  { value: 'quarter', label: 'Квартал' },
  { value: 'year', label: 'Год' },
];

/** How the card understood the dates: «с 14 по 18 июня 2022 года, точные даты». */
export function understood(value: DateValue): string {
  const precision = PRECISIONS.find((p) => p.value === value.datePrecision)?.label ?? '';
  return `${lowerFirst(eventDatePhrase(value.startDate, value.endDate, value.datePrecision)).replace(/^в период /, '')}, ${lowerFirst(precision)}`;
}

/** Whole months an event of months or quarters spans. */
export function monthsSpanned(value: DateValue): number {
  const a = ymd(value.startDate);
  const b = ymd(value.endDate);
  return (b.year - a.year) * 12 + b.month - a.month + 1;
}

function ofRange({ start, end }: DateRange, datePrecision: DatePrecision): DateValue {
  return { startDate: start, endDate: end, datePrecision };
}

/** Bounds of the new precision around the current start date. */
function convert(value: DateValue, precision: DatePrecision): DateValue {
  const { year, month } = ymd(value.startDate);
  switch (precision) {
    case 'day':
      return { startDate: value.startDate, endDate: value.startDate, datePrecision: precision };
    case 'month':
      return ofRange(monthRange(year, month), precision);
    case 'quarter':
      return ofRange(quarterRange(year, quarterOf(month)), precision);
    case 'year':
      return ofRange(yearRange(year), precision);
  }
}

/** Dates typed as spoken: «14–18 июня 2022», «сентябрь–октябрь 2022», «II квартал 2022», «в течение 2022 года». */
function SpokenDates({ value, onChange }: Pick<Props, 'value' | 'onChange'>) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const read = () => {
    if (!text.trim()) return setError(null);
    const parsed = parseDateText(text, ymd(value.startDate).year);
    if (!parsed.ok) return setError(`Не удалось понять сроки: ${parsed.message}`);
    setError(null);
    onChange(parsed.value);
  };
  return (
    <TextInput
      label="Сроки словами"
      placeholder="14–18 июня 2022, сентябрь–октябрь 2022, II квартал 2022, в течение 2022 года…"
      description={`Понято: ${understood(value)}`}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      value={text}
      error={error}
      onChange={(e) => {
        setText(e.currentTarget.value);
        setError(null);
      }}
      onBlur={read}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          read();
        }
      }}
    />
  );
}

export function DateFields({ value, onChange, errors, readOnly }: Props) {
  const { year, month } = ymd(value.startDate);
  if (readOnly) return <TextInput label="Сроки" readOnly value={understood(value)} />;
  // Month pickers give the first day of a month. A new start keeps the number of months, as a
  // calendar moves an event: the end never lies silently years away from a start just chosen.
  const setMonths = (from: string, to: string) => {
    const a = ymd(from);
    const b = ymd(to < from ? from : to);
    onChange(ofRange({ start: monthRange(a.year, a.month).start, end: monthRange(b.year, b.month).end }, 'month'));
  };
  const moveStartMonth = (from: string) => {
    const { year: y, month: m } = ymd(from);
    const last = m + monthsSpanned(value) - 2; // zero-based month index of the end
    const end = monthRange(y + Math.floor(last / 12), (last % 12) + 1).end;
    setMonths(from, end);
  };
  return (
    <Stack gap="xs">
      <SpokenDates value={value} onChange={onChange} />
      <SegmentedControl
        data={PRECISIONS}
        value={value.datePrecision}
        onChange={(p) => onChange(convert(value, p as DatePrecision))}
        aria-label="Точность даты"
      />
      {value.datePrecision === 'day' && (
        <Group grow>
          <DateInput label="Дата начала" required valueFormat={DAY_FORMAT} dateParser={parseTypedDate} value={value.startDate} error={errors.startDate}
            onChange={(d) => d && onChange({ ...value, startDate: d, endDate: value.endDate < d ? d : value.endDate })} />
          <DateInput label="Дата окончания" valueFormat={DAY_FORMAT} dateParser={parseTypedDate} value={value.endDate} error={errors.endDate}
            onChange={(d) => d && onChange({ ...value, endDate: d })} />
        </Group>
      )}
      {value.datePrecision === 'month' && (
        <Group grow>
          <MonthPickerInput label="С месяца" required valueFormat="MMMM YYYY" value={value.startDate} error={errors.startDate}
            onChange={(d) => d && moveStartMonth(d)} />
          <MonthPickerInput label="По месяц (включительно)" valueFormat="MMMM YYYY" value={value.endDate.slice(0, 8) + '01'} error={errors.endDate}
            defaultDate={value.startDate} minDate={value.startDate} onChange={(d) => d && setMonths(value.startDate, d)} />
        </Group>
      )}
      {value.datePrecision === 'quarter' && (
        <Group grow>
          <Select label="Квартал" allowDeselect={false} value={String(quarterOf(month))}
            data={[1, 2, 3, 4].map((q) => ({ value: String(q), label: `${romanNumeral(q)} квартал` }))}
            onChange={(q) => onChange(ofRange(quarterRange(year, Number(q)), 'quarter'))} />
          <NumberInput label="Год" min={1900} max={2999} value={year} onChange={(y) => {
            if (typeof y === 'number' && y >= 1900 && y <= 2999) onChange(ofRange(quarterRange(y, quarterOf(month)), 'quarter'));
          }} />
        </Group>
      )}
      {value.datePrecision === 'year' && (
        <NumberInput label="Год" w={160} min={1900} max={2999} value={year} onChange={(y) => {
          if (typeof y === 'number' && y >= 1900 && y <= 2999) onChange(ofRange(yearRange(y), 'year'));
        }} />
      )}
    </Stack>
  );
}
