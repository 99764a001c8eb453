import { describe, expect, it } from 'vitest';
import {
  EventFilterSchema,
  EventInputSchema,
  EventUpdateSchema,
} from '../../shared/schema/event';
import type { EventInput } from '../../shared/schema/event';
import { zodErrorMessage } from '../../shared/schema/messages';
import { PERIOD_HINT } from '../../shared/period';

function parsed(input: unknown): EventInput {
  const result = EventInputSchema.safeParse(input);
  if (!result.success) throw new Error(`expected success, got: ${zodErrorMessage(result.error)}`);
  return result.data;
}

function rejection(input: unknown): string {
  const result = EventInputSchema.safeParse(input);
  expect(result.success).toBe(false);
  return result.success ? '' : zodErrorMessage(result.error);
}

const base = { title: 'Визит делегации', startDate: '2021-09-08' };

describe('EventInputSchema: defaults', () => {
  it('fills every optional field of a minimal input', () => {
    expect(parsed(base)).toEqual({
      title: 'Визит делегации',
      kind: null,
      startDate: '2021-09-08',
      endDate: '2021-09-08',
      datePrecision: 'day',
      city: null,
      region: null,
      country: null,
      venue: null,
      format: null,
      spheres: [],
      partners: [],
      participants: null,
      organizer: null,
      outcomes: null,
      description: null,
      status: 'held',
      agreementId: null,
    });
  });

  it('keeps given values', () => {
    const event = parsed({
      ...base,
      kind: 'Визит',
      endDate: '2021-09-10',
      city: 'Минск',
      region: 'Минская область',
      country: 'Беларусь',
      venue: 'Дом дружбы',
      format: 'hybrid',
      spheres: ['Культура', 'Образование'],
      partners: ['Беларусь'],
      participants: 'Министр',
      organizer: 'Отдел',
      outcomes: 'Подписан план',
      description: 'Описание',
      status: 'planned',
      agreementId: 7,
    });
    expect(event).toMatchObject({
      kind: 'Визит',
      endDate: '2021-09-10',
      city: 'Минск',
      format: 'hybrid',
      spheres: ['Культура', 'Образование'],
      partners: ['Беларусь'],
      status: 'planned',
      agreementId: 7,
    });
  });

  it('trims the title and text fields', () => {
    const event = parsed({ ...base, title: '  Форум  ', city: ' Минск ', description: '\n текст \n' });
    expect(event.title).toBe('Форум');
    expect(event.city).toBe('Минск');
    expect(event.description).toBe('текст');
  });

  it('turns blank, null and empty optional text into null', () => {
    const event = parsed({ ...base, kind: '', city: '   ', venue: null, participants: '\t\n', organizer: undefined, format: null, agreementId: null });
    expect(event.kind).toBeNull();
    expect(event.city).toBeNull();
    expect(event.venue).toBeNull();
    expect(event.participants).toBeNull();
    expect(event.organizer).toBeNull();
    expect(event.format).toBeNull();
    expect(event.agreementId).toBeNull();
  });

  it('removes repeated spheres and partners, after trimming', () => {
    const event = parsed({ ...base, spheres: ['Культура', ' Культура ', 'Спорт', 'Культура'], partners: ['Китай', 'Китай'] });
    expect(event.spheres).toEqual(['Культура', 'Спорт']);
    expect(event.partners).toEqual(['Китай']);
  });
});

describe('EventInputSchema: derived end date', () => {
  it('is the same day for day precision', () => {
    expect(parsed({ ...base, datePrecision: 'day' }).endDate).toBe('2021-09-08');
  });

  it('is the end of the month for month precision', () => {
    expect(parsed({ ...base, startDate: '2021-09-01', datePrecision: 'month' }).endDate).toBe('2021-09-30');
    expect(parsed({ ...base, startDate: '2024-02-01', datePrecision: 'month' }).endDate).toBe('2024-02-29');
  });

  it('is the end of the quarter for quarter precision', () => {
    expect(parsed({ ...base, startDate: '2022-04-01', datePrecision: 'quarter' }).endDate).toBe('2022-06-30');
    expect(parsed({ ...base, startDate: '2022-10-01', datePrecision: 'quarter' }).endDate).toBe('2022-12-31');
  });

  it('is the end of the year for year precision', () => {
    expect(parsed({ ...base, startDate: '2022-01-01', datePrecision: 'year' }).endDate).toBe('2022-12-31');
  });

  it('is derived when endDate is null too', () => {
    expect(parsed({ ...base, startDate: '2021-09-01', endDate: null, datePrecision: 'month' }).endDate).toBe('2021-09-30');
  });

  it('accepts spans of several whole periods', () => {
    expect(parsed({ ...base, startDate: '2021-09-01', endDate: '2021-10-31', datePrecision: 'month' }).endDate).toBe('2021-10-31');
    expect(parsed({ ...base, startDate: '2022-01-01', endDate: '2022-06-30', datePrecision: 'quarter' }).endDate).toBe('2022-06-30');
    expect(parsed({ ...base, startDate: '2021-01-01', endDate: '2022-12-31', datePrecision: 'year' }).endDate).toBe('2022-12-31');
  });
});

describe('EventInputSchema: rejections', () => {
  it('rejects an end before the start', () => {
    expect(rejection({ ...base, endDate: '2021-09-07' })).toBe('Поле «Дата окончания»: дата окончания раньше даты начала');
  });

  it('rejects month precision not starting on the 1st', () => {
    expect(rejection({ ...base, startDate: '2021-09-15', datePrecision: 'month' })).toBe(
      'Поле «Дата начала»: при точности «месяц» дата начала должна быть первым днём периода',
    );
  });

  it('rejects month precision not ending on the last day of a month', () => {
    expect(rejection({ ...base, startDate: '2021-09-01', endDate: '2021-10-15', datePrecision: 'month' })).toBe(
      'Поле «Дата окончания»: при точности «месяц» дата окончания должна быть последним днём периода',
    );
  });

  it('rejects quarter precision with an end that is not a quarter end', () => {
    expect(rejection({ ...base, startDate: '2022-04-01', endDate: '2022-05-31', datePrecision: 'quarter' })).toBe(
      'Поле «Дата окончания»: при точности «квартал» дата окончания должна быть последним днём периода',
    );
  });

  it('rejects quarter precision not starting on a quarter start', () => {
    expect(rejection({ ...base, startDate: '2022-05-01', datePrecision: 'quarter' })).toBe(
      'Поле «Дата начала»: при точности «квартал» дата начала должна быть первым днём периода',
    );
  });

  it('rejects year precision not starting on 1 January', () => {
    expect(rejection({ ...base, startDate: '2022-07-01', datePrecision: 'year' })).toBe(
      'Поле «Дата начала»: при точности «год» дата начала должна быть первым днём периода',
    );
  });

  it('rejects an empty or whitespace title', () => {
    expect(rejection({ ...base, title: '' })).toBe('Поле «Название»: значение не может быть пустым');
    expect(rejection({ ...base, title: '   \t' })).toBe('Поле «Название»: значение не может быть пустым');
  });

  it('rejects a missing title', () => {
    expect(rejection({ startDate: '2021-09-08' })).toBe('Поле «Название»: обязательное поле не заполнено');
  });

  it('rejects a missing start date', () => {
    expect(rejection({ title: 'Форум' })).toBe('Поле «Дата начала»: обязательное поле не заполнено');
  });

  it('rejects an unknown field', () => {
    expect(rejection({ ...base, foo: 1 })).toBe('Неизвестное поле «foo»');
  });

  it('rejects a date that does not exist', () => {
    expect(rejection({ ...base, startDate: '2021-02-30' })).toBe(
      'Поле «Дата начала»: ожидается дата в формате ГГГГ-ММ-ДД (например, 2021-09-08)',
    );
    expect(rejection({ ...base, endDate: '08.09.2021' })).toBe(
      'Поле «Дата окончания»: ожидается дата в формате ГГГГ-ММ-ДД (например, 2021-09-08)',
    );
  });

  it('rejects a format outside the list', () => {
    expect(rejection({ ...base, format: 'online' })).toBe(
      'Поле «Формат»: недопустимое значение; допустимы: in_person («очно»), remote («дистанционно»), videoconference («видео-конференц-связь»), hybrid («смешанный»)',
    );
  });

  it('rejects a status or precision outside the list', () => {
    expect(rejection({ ...base, status: 'done' })).toBe(
      'Поле «Статус»: недопустимое значение; допустимы: planned («запланировано»), held («проведено»), cancelled («отменено»), postponed («перенесено»)',
    );
    expect(rejection({ ...base, datePrecision: 'week' })).toBe(
      'Поле «Точность даты»: недопустимое значение; допустимы: day («точная дата»), month («месяц»), quarter («квартал»), year («год»)',
    );
  });

  it('rejects a blank sphere', () => {
    expect(rejection({ ...base, spheres: ['Культура', '  '] })).toBe('Поле «Сферы»: значение не может быть пустым');
  });

  it('rejects a title over 2000 characters', () => {
    expect(parsed({ ...base, title: 'а'.repeat(2000) }).title).toHaveLength(2000);
    expect(rejection({ ...base, title: 'а'.repeat(2001) })).toBe('Поле «Название»: значение слишком велико (максимум 2000 знаков)');
  });
});

describe('EventUpdateSchema', () => {
  it('names the field inside «input» without the wrapper', () => {
    const result = EventUpdateSchema.safeParse({ id: 3, version: 1, input: { ...base, endDate: '2021-09-01' } });
    expect(result.success).toBe(false);
    if (!result.success) expect(zodErrorMessage(result.error)).toBe('Поле «Дата окончания»: дата окончания раньше даты начала');
  });

  it('asks for the version the clerk opened, in Russian', () => {
    const result = EventUpdateSchema.safeParse({ id: 3, input: base });
    expect(result.success).toBe(false);
    if (!result.success) expect(zodErrorMessage(result.error)).toBe('Поле «Версия записи»: обязательное поле не заполнено');
  });

  it('parses a valid update', () => {
    const result = EventUpdateSchema.safeParse({ id: 3, version: 1, input: base });
    expect(result.success).toBe(true);
    if (result.success) expect(result.data.input.endDate).toBe('2021-09-08');
  });
});

describe('EventFilterSchema', () => {
  it('fills the defaults of an empty filter', () => {
    expect(EventFilterSchema.parse({})).toEqual({ deleted: false, sort: 'startDate', order: 'asc', limit: 50, offset: 0 });
  });

  it('parses the period string into kind and bounds', () => {
    expect(EventFilterSchema.parse({ period: '2021-Q3' }).period).toEqual({
      kind: 'quarter',
      year: 2021,
      index: 3,
      start: '2021-07-01',
      end: '2021-09-30',
    });
    expect(EventFilterSchema.parse({ period: '2021-07-01..2021-09-30' }).period).toEqual({
      kind: 'range',
      year: 2021,
      start: '2021-07-01',
      end: '2021-09-30',
    });
    expect(EventFilterSchema.parse({ period: '2021-h1' }).period).toMatchObject({ kind: 'half', start: '2021-01-01', end: '2021-06-30' });
  });

  it('rejects a bad period with a message giving the examples', () => {
    const result = EventFilterSchema.safeParse({ period: '2021-Q5' });
    expect(result.success).toBe(false);
    if (!result.success) {
      const message = zodErrorMessage(result.error);
      expect(message).toBe(`Поле «Период»: не удалось разобрать период «2021-Q5»; примеры: ${PERIOD_HINT}`);
      expect(message).toContain('2021-H2');
      expect(message).toContain('2021-07-01..2021-09-30');
    }
  });

  it('rejects a period in a year that dates do not support', () => {
    // parsePeriod('1899') yields start «1899-01-01», which dayNumber() (used by the event query) throws on.
    expect(EventFilterSchema.safeParse({ period: '1899' }).success).toBe(false);
  });

  it('rejects unknown fields', () => {
    const result = EventFilterSchema.safeParse({ perod: '2021' });
    expect(result.success).toBe(false);
    if (!result.success) expect(zodErrorMessage(result.error)).toBe('Неизвестное поле «perod»');
  });

  it('keeps lists and paging', () => {
    const filter = EventFilterSchema.parse({ formats: ['remote'], statuses: ['planned'], limit: 10, offset: 20, order: 'desc' });
    expect(filter).toMatchObject({ formats: ['remote'], statuses: ['planned'], limit: 10, offset: 20, order: 'desc' });
  });
});
