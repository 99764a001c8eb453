// Turns a zod error into one Russian line naming the field at fault.
import type { z } from 'zod';
import { AppError } from '../errors';
import { AGREEMENT_KIND_LABELS, AGREEMENT_STATUS_LABELS, EVENT_STATUS_LABELS, FORMAT_LABELS, PRECISION_LABELS } from '../ru/labels';

const FIELD_LABELS: Record<string, string> = {
  title: 'Название',
  kind: 'Вид',
  startDate: 'Дата начала',
  endDate: 'Дата окончания',
  datePrecision: 'Точность даты',
  city: 'Город',
  region: 'Регион',
  country: 'Страна',
  venue: 'Место проведения',
  format: 'Формат',
  spheres: 'Сферы',
  partners: 'Партнёры',
  participants: 'Участники',
  organizer: 'Ответственный',
  outcomes: 'Итоги',
  description: 'Описание',
  status: 'Статус',
  agreementId: 'Соглашение',
  version: 'Версия записи',
  newKindGender: 'Род вида',
  number: 'Номер',
  parties: 'Стороны',
  signedOn: 'Дата подписания',
  validFrom: 'Действует с',
  validUntil: 'Действует до',
  autoProlongation: 'Автопролонгация',
  department: 'Ответственное подразделение',
  notes: 'Примечание',
  period: 'Период',
  query: 'Поиск',
  id: 'Номер',
  limit: 'Количество',
  offset: 'Смещение',
  expiringWithinDays: 'Истекает в течение, дней',
  today: 'Сегодня',
  kinds: 'Вид',
  formats: 'Формат',
  statuses: 'Статус',
  deleted: 'Корзина',
  sort: 'Сортировка',
  order: 'Порядок',
  includeHidden: 'Скрытые',
  batchId: 'Пакет импорта',
  start: 'Начало',
  end: 'Конец',
  name: 'Название',
  genitive: 'Родительный падеж',
  instrumental: 'Творительный падеж',
  locative: 'Предложный падеж',
  settlement: 'Тип населенного пункта',
  folder: 'Папка резервных копий',
  fileName: 'Имя файла',
  homeRegion: 'Домашний регион',
  homeCountry: 'Страна',
  departmentName: 'Наименование департамента',
  responsibleName: 'Ответственный',
  responsiblePhone: 'Телефон',
};

/** Russian names of the codes of fixed lists, shown beside them in messages. */
const CODE_LABELS: Record<string, string> = {
  ...FORMAT_LABELS,
  ...EVENT_STATUS_LABELS,
  ...PRECISION_LABELS,
  ...AGREEMENT_KIND_LABELS,
  ...AGREEMENT_STATUS_LABELS,
};

function fieldName(path: readonly PropertyKey[]): string | null {
  const names = path.filter((p): p is string => typeof p === 'string' && p !== 'input');
  const last = names.at(-1);
  if (!last) return null;
  return `«${FIELD_LABELS[last] ?? last}»`;
}

function describe(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return isMissing(issue) ? 'обязательное поле не заполнено' : `неверный тип значения (ожидается ${typeWord(issue.expected)})`;
    case 'unrecognized_keys':
      return `${issue.keys.length > 1 ? 'неизвестные поля' : 'неизвестное поле'} ${issue.keys.map((k) => `«${k}»`).join(', ')}`;
    case 'invalid_value':
      return `недопустимое значение; допустимы: ${issue.values.map((v) => (CODE_LABELS[String(v)] ? `${String(v)} («${CODE_LABELS[String(v)]}»)` : String(v))).join(', ')}`;
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return 'значение не может быть пустым';
      return issue.inclusive === false
        ? `значение должно быть больше ${String(issue.minimum)}`
        : `значение слишком мало (минимум ${String(issue.minimum)})`;
    case 'too_big':
      return `значение слишком велико (максимум ${String(issue.maximum)}${issue.origin === 'string' ? ' знаков' : ''})`;
    case 'invalid_format':
      return 'неверный формат значения';
    case 'invalid_union':
      return 'значение не подходит ни под один из допустимых видов';
    default:
      return issue.message;
  }
}

/** zod 4 keeps the offending input only when asked (`reportInput`); its own message says it otherwise. */
function isMissing(issue: z.core.$ZodIssueInvalidType): boolean {
  return 'input' in issue ? issue.input === undefined : /received undefined/.test(issue.message);
}

function typeWord(expected: string): string {
  return (
    { string: 'текст', number: 'число', int: 'целое число', boolean: 'да/нет (true/false)', array: 'список', object: 'объект' } as Record<string, string>
  )[expected] ?? expected;
}

/**
 * A value that fits none of a union's forms: the form it came nearest to (the fewest issues) says what
 * is wrong, at the union's place (zod's own line for it is English).
 */
function nearestIssue(issue: z.core.$ZodIssue): z.core.$ZodIssue {
  if (issue.code !== 'invalid_union') return issue;
  const nearest = [...issue.errors].sort((a, b) => a.length - b.length)[0]?.[0];
  return nearest ? nearestIssue({ ...nearest, path: [...issue.path, ...nearest.path] } as z.core.$ZodIssue) : issue;
}

export function zodErrorMessage(error: z.ZodError): string {
  const first = error.issues[0];
  const issue = first && nearestIssue(first);
  if (!issue) return 'Неверные данные';
  // unrecognized_keys sits on the object, so its path names the parent, not the field.
  const field = issue.code === 'unrecognized_keys' ? null : fieldName(issue.path);
  const text = describe(issue);
  const line = field ? `Поле ${field}: ${text}` : `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
  const more = error.issues.length - 1;
  return more > 0 ? `${line} (и ещё ошибок: ${more})` : line;
}

/** Parses or throws a validation AppError with the Russian line above. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new AppError('validation', zodErrorMessage(result.error), result.error.issues);
  return result.data;
}

/** One Russian message per field, for showing beside the fields of a form. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.find((p): p is string => typeof p === 'string' && p !== 'input') ?? '';
    if (errors[field] === undefined) {
      const text = describe(issue);
      errors[field] = `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
    }
  }
  return errors;
}
