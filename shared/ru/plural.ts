// Russian plural forms: 1 мероприятие, 2 мероприятия, 5 мероприятий, 11 мероприятий, 21 мероприятие.

export type PluralForms = readonly [one: string, few: string, many: string];

export function pluralForm(n: number, forms: PluralForms): string {
  const abs = Math.abs(Math.trunc(n));
  const mod10 = abs % 10;
  const mod100 = abs % 100;
  if (mod10 === 1 && mod100 !== 11) return forms[0];
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return forms[1];
  return forms[2];
}

/** «3 мероприятия». */
export function countOf(n: number, forms: PluralForms): string {
  return `${n.toLocaleString('ru-RU')} ${pluralForm(n, forms)}`;
}

export const EVENT_FORMS: PluralForms = ['мероприятие', 'мероприятия', 'мероприятий'];
export const AGREEMENT_FORMS: PluralForms = ['соглашение', 'соглашения', 'соглашений'];
export const ENTRY_FORMS: PluralForms = ['запись', 'записи', 'записей'];
export const YEAR_FORMS: PluralForms = ['год', 'года', 'лет'];
export const MONTH_FORMS: PluralForms = ['месяц', 'месяца', 'месяцев'];
