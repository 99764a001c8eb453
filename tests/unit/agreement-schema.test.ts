import { describe, expect, it } from 'vitest';
import { AgreementFilterSchema, AgreementInputSchema } from '../../shared/schema/agreement';
import { zodErrorMessage } from '../../shared/schema/messages';

function rejection(input: unknown): string {
  const result = AgreementInputSchema.safeParse(input);
  expect(result.success).toBe(false);
  return result.success ? '' : zodErrorMessage(result.error);
}

const UNTIL_BEFORE_FROM = 'Поле «Действует до»: дата окончания действия раньше даты начала действия (подписания)';

describe('AgreementInputSchema: defaults', () => {
  it('fills every optional field of a minimal input', () => {
    expect(AgreementInputSchema.parse({ title: 'Соглашение о сотрудничестве' })).toEqual({
      kind: 'agreement',
      number: null,
      title: 'Соглашение о сотрудничестве',
      parties: [],
      signedOn: null,
      validFrom: null,
      validUntil: null,
      autoProlongation: false,
      status: 'active',
      spheres: [],
      department: null,
      notes: null,
    });
  });

  it('keeps given values, trims text and removes repeated names', () => {
    const agreement = AgreementInputSchema.parse({
      kind: 'memorandum',
      number: ' 12-С ',
      title: ' Меморандум ',
      parties: ['Беларусь', 'Беларусь ', 'Китай'],
      signedOn: '2021-03-01',
      validFrom: '2021-04-01',
      validUntil: '2026-03-31',
      autoProlongation: true,
      status: 'draft',
      spheres: ['Культура', 'Культура'],
      department: '  ',
      notes: '',
    });
    expect(agreement).toEqual({
      kind: 'memorandum',
      number: '12-С',
      title: 'Меморандум',
      parties: ['Беларусь', 'Китай'],
      signedOn: '2021-03-01',
      validFrom: '2021-04-01',
      validUntil: '2026-03-31',
      autoProlongation: true,
      status: 'draft',
      spheres: ['Культура'],
      department: null,
      notes: null,
    });
  });

  it('turns null dates into null', () => {
    const agreement = AgreementInputSchema.parse({ title: 'Договор', signedOn: null, validFrom: null, validUntil: null });
    expect(agreement.signedOn).toBeNull();
    expect(agreement.validFrom).toBeNull();
    expect(agreement.validUntil).toBeNull();
  });
});

describe('AgreementInputSchema: term', () => {
  it('rejects validUntil before validFrom', () => {
    expect(rejection({ title: 'Договор', validFrom: '2021-05-01', validUntil: '2021-04-30' })).toBe(UNTIL_BEFORE_FROM);
  });

  it('rejects validUntil before signedOn when validFrom is absent', () => {
    expect(rejection({ title: 'Договор', signedOn: '2021-05-01', validUntil: '2021-01-01' })).toBe(UNTIL_BEFORE_FROM);
  });

  it('measures from validFrom, not signedOn, when both are given', () => {
    const agreement = AgreementInputSchema.parse({
      title: 'Договор',
      signedOn: '2021-06-01',
      validFrom: '2021-01-01',
      validUntil: '2021-03-01',
    });
    expect(agreement.validUntil).toBe('2021-03-01');
  });

  it('accepts a term of one day and an open-ended term', () => {
    expect(AgreementInputSchema.parse({ title: 'Договор', validFrom: '2021-05-01', validUntil: '2021-05-01' }).validUntil).toBe('2021-05-01');
    expect(AgreementInputSchema.parse({ title: 'Договор', validFrom: '2021-05-01' }).validUntil).toBeNull();
    expect(AgreementInputSchema.parse({ title: 'Договор', validUntil: '2021-05-01' }).validUntil).toBe('2021-05-01');
  });
});

describe('AgreementInputSchema: other rejections', () => {
  it('rejects an empty title', () => {
    expect(rejection({ title: '  ' })).toBe('Поле «Название»: значение не может быть пустым');
  });

  it('rejects an unknown kind and an unknown field', () => {
    expect(rejection({ title: 'Договор', kind: 'treaty' })).toBe(
      'Поле «Вид»: недопустимое значение; допустимы: agreement («соглашение»), contract («договор»), memorandum («меморандум»), plan («план»), protocol («протокол»), other («иное»)',
    );
    expect(rejection({ title: 'Договор', foo: 1 })).toBe('Неизвестное поле «foo»');
  });

  it('rejects a date that does not exist', () => {
    expect(rejection({ title: 'Договор', signedOn: '2021-02-29' })).toBe(
      'Поле «Дата подписания»: ожидается дата в формате ГГГГ-ММ-ДД (например, 2021-09-08)',
    );
  });

  it('rejects a number over 100 characters', () => {
    expect(rejection({ title: 'Договор', number: '1'.repeat(101) })).toBe('Поле «Номер»: значение слишком велико (максимум 100 знаков)');
  });
});

describe('AgreementFilterSchema', () => {
  it('fills the defaults', () => {
    expect(AgreementFilterSchema.parse({})).toEqual({ deleted: false, limit: 50, offset: 0 });
  });

  it('rejects a negative expiry window', () => {
    expect(AgreementFilterSchema.safeParse({ expiringWithinDays: -1 }).success).toBe(false);
    expect(AgreementFilterSchema.parse({ expiringWithinDays: 30, today: '2021-09-08' })).toMatchObject({ expiringWithinDays: 30, today: '2021-09-08' });
  });
});
