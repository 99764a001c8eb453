import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError, isAppError } from '../../shared/errors';
import { EventInputSchema } from '../../shared/schema/event';
import { parseOrThrow, zodErrorMessage } from '../../shared/schema/messages';

function messageOf(schema: z.ZodType, input: unknown): string {
  const result = schema.safeParse(input);
  if (result.success) throw new Error('expected a rejection');
  return zodErrorMessage(result.error);
}

const base = { title: 'Визит делегации', startDate: '2021-09-08' };

describe('zodErrorMessage', () => {
  it('counts the further issues', () => {
    expect(messageOf(EventInputSchema, {})).toBe('Поле «Название»: обязательное поле не заполнено (и ещё ошибок: 1)');
    expect(messageOf(EventInputSchema, { foo: 1 })).toMatch(/\(и ещё ошибок: 2\)$/);
  });

  it('lists several unknown fields', () => {
    expect(messageOf(EventInputSchema, { ...base, foo: 1, bar: 2 })).toBe('Неизвестные поля «foo», «bar»');
  });

  it('uses the raw key for a field without a Russian label', () => {
    expect(messageOf(z.strictObject({ zzz: z.string() }), {})).toBe('Поле «zzz»: обязательное поле не заполнено');
    expect(messageOf(z.strictObject({ zzz: z.string().min(1) }), { zzz: '' })).toBe('Поле «zzz»: значение не может быть пустым');
  });

  it('writes a line without a field for an issue at the root, capitalised', () => {
    expect(messageOf(z.string().min(1), '')).toBe('Значение не может быть пустым');
  });

  it('describes a number below its minimum', () => {
    expect(messageOf(z.strictObject({ limit: z.int().min(1) }), { limit: 0 })).toBe('Поле «Количество»: значение слишком мало (минимум 1)');
  });

  it('describes a number above its maximum without «знаков»', () => {
    expect(messageOf(z.strictObject({ limit: z.int().max(100) }), { limit: 101 })).toBe('Поле «Количество»: значение слишком велико (максимум 100)');
  });

  it('describes a string format error', () => {
    expect(messageOf(z.strictObject({ notes: z.email() }), { notes: 'x' })).toBe('Поле «Примечание»: неверный формат значения');
  });

  it('falls back to «Неверные данные» for an error without issues', () => {
    expect(zodErrorMessage(new z.ZodError([]))).toBe('Неверные данные');
  });

  it('tells a value of the wrong type from a missing one', () => {
    // A present value of the wrong type is not a missing value.
    expect(messageOf(EventInputSchema, { ...base, title: 5 })).toBe('Поле «Название»: неверный тип значения (ожидается текст)');
    expect(messageOf(EventInputSchema, { ...base, spheres: 'Культура' })).toBe('Поле «Сферы»: неверный тип значения (ожидается список)');
    expect(messageOf(EventInputSchema, { ...base, agreementId: 'один' })).toBe('Поле «Соглашение»: неверный тип значения (ожидается число)');
  });

  it('does not claim a rejected value is the minimum of an exclusive bound', () => {
    // agreementId is a positive integer: 0 is rejected, so «минимум 0» misleads.
    expect(messageOf(EventInputSchema, { ...base, agreementId: 0 })).toBe('Поле «Соглашение»: значение должно быть больше 0');
  });
});

describe('parseOrThrow', () => {
  it('returns the parsed value', () => {
    const event = parseOrThrow(EventInputSchema, base);
    expect(event.endDate).toBe('2021-09-08');
    expect(event.status).toBe('held');
  });

  it('throws a validation AppError with the Russian line', () => {
    let caught: unknown;
    try {
      parseOrThrow(EventInputSchema, { ...base, endDate: '2021-09-01' });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect(isAppError(caught)).toBe(true);
    const error = caught as AppError;
    expect(error.code).toBe('validation');
    expect(error.name).toBe('AppError');
    expect(error.message).toBe('Поле «Дата окончания»: дата окончания раньше даты начала');
    expect(error.toInfo()).toEqual({ code: 'validation', message: 'Поле «Дата окончания»: дата окончания раньше даты начала' });
    expect(Array.isArray(error.details)).toBe(true);
    expect((error.details as { path: unknown[] }[])[0]?.path).toEqual(['endDate']);
  });

  it('throws for an unknown field', () => {
    expect(() => parseOrThrow(EventInputSchema, { ...base, foo: 1 })).toThrow(
      expect.objectContaining({ code: 'validation', message: 'Неизвестное поле «foo»' }),
    );
  });
});
