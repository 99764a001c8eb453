// One period field for every section: chosen from a list (recent first) or typed as a clerk says it
// («2021», «II полугодие 2021», «3 кв 2021», «сентябрь 2021», «01.07.2021–15.09.2021»).
import { useState } from 'react';
import { CloseButton, Combobox, InputBase, useCombobox } from '@mantine/core';
import { parsePeriod, periodCode } from '../../shared/period';
import { parsePeriodText } from '../../shared/ru/period-text';
import { periodTitle } from '../../shared/ru/periods';
import { periodChoices } from './periods';

const HINT = 'например: 2021, II полугодие 2021, 3 кв 2021, сентябрь 2021, 01.07.2021–15.09.2021';
const RECENT_KEY = 'reestr.recentPeriods';
const RECENT_COUNT = 5;

function recentPeriods(): string[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(RECENT_KEY) ?? '[]');
    return Array.isArray(stored) ? stored.filter((c): c is string => typeof c === 'string' && parsePeriod(c) !== null) : [];
  } catch {
    return [];
  }
}

function remember(code: string): void {
  const recent = [code, ...recentPeriods().filter((c) => c !== code)].slice(0, RECENT_COUNT);
  localStorage.setItem(RECENT_KEY, JSON.stringify(recent));
}

/** A period's name as the field shows it. */
export function periodLabel(code: string | null): string {
  const period = code ? parsePeriod(code) : null;
  return period ? periodTitle(period) : '';
}

export interface PeriodPickerProps {
  /** The visible label; without it, `ariaLabel` names the field. */
  label?: string;
  ariaLabel?: string;
  value: string | null;
  onChange: (code: string | null) => void;
  /** «Весь период» allowed: the field can be emptied. */
  clearable?: boolean;
  /** How many years the list offers, from next year back. */
  years?: number;
  w?: number;
}

export function PeriodPicker({ label, ariaLabel, value, onChange, clearable = false, years = 10, w = 230 }: PeriodPickerProps) {
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const [text, setText] = useState<string | null>(null); // null: not typing, the value's name is shown
  const [error, setError] = useState<string | null>(null);
  const typed = text?.trim() ?? '';
  const parsed = typed ? parsePeriodText(typed) : null;

  const choose = (code: string | null) => {
    setText(null);
    setError(null);
    combobox.closeDropdown();
    if (code) remember(code);
    if (code !== value) onChange(code);
  };
  const commit = () => {
    if (text === null) return;
    if (!typed) choose(clearable ? null : value);
    else if (parsed) choose(periodCode(parsed));
    else setError(`Не удалось понять период «${typed}»; ${HINT}`);
  };

  const needle = typed.toLowerCase();
  const matches = (code: string, name: string) => !needle || name.toLowerCase().includes(needle) || code.toLowerCase().includes(needle);
  const recent = recentPeriods().filter((c) => matches(c, periodLabel(c)));
  const groups = periodChoices(new Date().getFullYear(), years)
    .map((g) => ({ ...g, items: g.items.filter((i) => !recent.includes(i.value) && matches(i.value, i.label)) }))
    .filter((g) => g.items.length > 0);
  const understood = parsed ? periodCode(parsed) : null;
  const option = (code: string, name: string) => (
    <Combobox.Option value={code} key={code} active={code === value}>
      {name}
    </Combobox.Option>
  );

  return (
    <Combobox store={combobox} onOptionSubmit={(code) => choose(code)}>
      <Combobox.Target withExpandedAttribute>
        <InputBase
          w={w}
          label={label}
          aria-label={ariaLabel}
          placeholder={clearable ? 'Весь период' : 'Год, квартал, месяц…'}
          value={text ?? periodLabel(value)}
          error={error}
          rightSection={clearable && value && text === null ? <CloseButton size="sm" aria-label="Весь период" onClick={() => choose(null)} /> : <Combobox.Chevron />}
          rightSectionPointerEvents={clearable && value && text === null ? 'all' : 'none'}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setError(null);
            combobox.openDropdown();
            combobox.updateSelectedOptionIndex();
          }}
          onClick={() => combobox.openDropdown()}
          onFocus={(e) => {
            e.currentTarget.select();
            combobox.openDropdown();
          }}
          onBlur={() => {
            combobox.closeDropdown();
            commit();
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && combobox.getSelectedOptionIndex() < 0) {
              e.preventDefault();
              commit();
            }
            if (e.key === 'Escape') choose(value);
          }}
        />
      </Combobox.Target>
      <Combobox.Dropdown>
        <Combobox.Options mah={320} style={{ overflowY: 'auto' }}>
          {understood && !recent.includes(understood) && <Combobox.Group label="Введённый период">{option(understood, periodLabel(understood))}</Combobox.Group>}
          {recent.length > 0 && <Combobox.Group label="Недавние">{recent.map((c) => option(c, periodLabel(c)))}</Combobox.Group>}
          {groups.map((g) => (
            <Combobox.Group label={g.group} key={g.group}>
              {g.items.map((i) => option(i.value, i.label))}
            </Combobox.Group>
          ))}
          {!understood && recent.length === 0 && groups.length === 0 && <Combobox.Empty>Не понятно; {HINT}</Combobox.Empty>}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
