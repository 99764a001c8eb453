import { describe, expect, it } from 'vitest';
import { AGREEMENT_FORMS, countOf, ENTRY_FORMS, EVENT_FORMS, pluralForm } from '../../shared/ru/plural';
import type { PluralForms } from '../../shared/ru/plural';

const FORMS: PluralForms = ['мероприятие', 'мероприятия', 'мероприятий'];

describe('pluralForm', () => {
  it.each([
    [0, 'мероприятий'],
    [1, 'мероприятие'],
    [2, 'мероприятия'],
    [3, 'мероприятия'],
    [4, 'мероприятия'],
    [5, 'мероприятий'],
    [10, 'мероприятий'],
    [11, 'мероприятий'],
    [12, 'мероприятий'],
    [13, 'мероприятий'],
    [14, 'мероприятий'],
    [15, 'мероприятий'],
    [20, 'мероприятий'],
    [21, 'мероприятие'],
    [22, 'мероприятия'],
    [24, 'мероприятия'],
    [25, 'мероприятий'],
    [100, 'мероприятий'],
    [101, 'мероприятие'],
    [102, 'мероприятия'],
    [111, 'мероприятий'],
    [112, 'мероприятий'],
    [114, 'мероприятий'],
    [121, 'мероприятие'],
    [122, 'мероприятия'],
    [1001, 'мероприятие'],
    [1011, 'мероприятий'],
  ])('%i → %s', (n, form) => {
    expect(pluralForm(n, FORMS)).toBe(form);
  });

  it('uses the absolute value of negative numbers', () => {
    expect(pluralForm(-1, FORMS)).toBe('мероприятие');
    expect(pluralForm(-3, FORMS)).toBe('мероприятия');
    expect(pluralForm(-11, FORMS)).toBe('мероприятий');
  });
});

describe('countOf', () => {
  it.each([
    [0, '0 мероприятий'],
    [1, '1 мероприятие'],
    [2, '2 мероприятия'],
    [4, '4 мероприятия'],
    [5, '5 мероприятий'],
    [11, '11 мероприятий'],
    [12, '12 мероприятий'],
    [14, '14 мероприятий'],
    [21, '21 мероприятие'],
    [22, '22 мероприятия'],
    [25, '25 мероприятий'],
    [101, '101 мероприятие'],
    [111, '111 мероприятий'],
    [112, '112 мероприятий'],
    [121, '121 мероприятие'],
  ])('%i → %s', (n, text) => {
    expect(countOf(n, FORMS)).toBe(text);
  });
});

describe('predefined forms', () => {
  it('EVENT_FORMS are the forms of «мероприятие»', () => {
    expect(EVENT_FORMS).toEqual(FORMS);
    expect(countOf(3, EVENT_FORMS)).toBe('3 мероприятия');
  });

  it('AGREEMENT_FORMS and ENTRY_FORMS decline', () => {
    expect(countOf(1, AGREEMENT_FORMS)).toBe('1 соглашение');
    expect(countOf(2, AGREEMENT_FORMS)).toBe('2 соглашения');
    expect(countOf(5, AGREEMENT_FORMS)).toBe('5 соглашений');
    expect(countOf(21, ENTRY_FORMS)).toBe('21 запись');
    expect(countOf(23, ENTRY_FORMS)).toBe('23 записи');
    expect(countOf(11, ENTRY_FORMS)).toBe('11 записей');
  });
});

describe('countOf for large numbers', () => {
  it('groups thousands with a non-breaking space, as Russian typesetting does', () => {
    expect(countOf(100_000, EVENT_FORMS)).toBe('100\u00a0000 мероприятий');
    expect(countOf(1_021, EVENT_FORMS)).toBe('1\u00a0021 мероприятие');
  });
});
