// The Russian of the documents besides the report: a plan's terms («май», «II квартал», «в течение года»),
// counts in words («шесть мероприятий»), agreements' terms, the letter's attachment line, titles and file names.
import { quarterOf, ymd } from '../dates';
import type { Period } from '../period';
import type { Agreement } from '../schema/agreement';
import type { DatePrecision } from '../schema/common';
import type { DocumentKind } from '../schema/report';
import { MONTHS_GENITIVE, MONTHS_NOMINATIVE, romanNumeral } from './dates';
import { forPeriod, periodTitle } from './periods';
import { countInWords, countTakesPlural } from './count-words';
import type { PluralForms } from './plural';

/**
 * A past verb agreeing with a count as the reports write it (shared/ru/count-words.ts): the plural after
 * two to four («состоялись три мероприятия»), the singular otherwise («состоялось одно», «состоялось пять»).
 */
export function verbForCount(n: number, singular: string, plural: string): string {
  return countTakesPlural(n, false) ? plural : singular;
}

/** «8 февраля 2021 года», or in a table cell «8 февраля 2021 г.». */
export function dateWords(iso: string, short = false): string {
  const { year, month, day } = ymd(iso);
  // «г.» keeps to its year across a line end.
  return `${day} ${MONTHS_GENITIVE[month - 1] ?? ''} ${year}${short ? '\u00a0г.' : ' года'}`;
}

/** What a plan is for: «на 2022 год», «на II квартал 2022 года», «на период с 01.07.2022 по 15.09.2022». */
export function periodOn(period: Period): string {
  return forPeriod(period).replace(/^за /, 'на ');
}

/**
 * When a plan holds an event, as its «Срок проведения» cell says it: «7–8 сентября», «май», «сентябрь–октябрь»,
 * «II квартал», «в течение года»; the year is added («май 2022 г.») unless it is the plan's own single year.
 */
export function planTerm(start: string, end: string, precision: DatePrecision, planYear: number | null): string {
  const a = ymd(start);
  const b = ymd(end);
  const sameYear = a.year === b.year;
  const yearOf = (year: number) => (sameYear && year === planYear ? '' : ` ${year}\u00a0г.`);
  const tail = sameYear ? yearOf(a.year) : '';
  const month = (n: number) => MONTHS_NOMINATIVE[n - 1] ?? '';
  const monthGen = (n: number) => MONTHS_GENITIVE[n - 1] ?? '';
  switch (precision) {
    case 'day':
      if (start === end) return `${a.day} ${monthGen(a.month)}${tail}`;
      if (sameYear && a.month === b.month) return `${a.day}–${b.day} ${monthGen(a.month)}${tail}`;
      if (sameYear) return `${a.day} ${monthGen(a.month)} – ${b.day} ${monthGen(b.month)}${tail}`;
      return `${a.day} ${monthGen(a.month)} ${a.year}\u00a0г. – ${b.day} ${monthGen(b.month)} ${b.year}\u00a0г.`;
    case 'month':
      if (sameYear && a.month === b.month) return `${month(a.month)}${tail}`;
      if (sameYear) return `${month(a.month)}–${month(b.month)}${tail}`;
      return `${month(a.month)} ${a.year}\u00a0г. – ${month(b.month)} ${b.year}\u00a0г.`;
    case 'quarter': {
      const qa = romanNumeral(quarterOf(a.month));
      const qb = romanNumeral(quarterOf(b.month));
      if (sameYear && qa === qb) return `${qa} квартал${tail}`;
      if (sameYear) return `${qa}–${qb} кварталы${tail}`;
      return `${qa} квартал ${a.year}\u00a0г. – ${qb} квартал ${b.year}\u00a0г.`;
    }
    case 'year':
      if (sameYear) return a.year === planYear ? 'в течение года' : `в течение ${a.year}\u00a0г.`;
      return `${a.year}–${b.year}\u00a0гг.`;
  }
}

/** The word an agreement of each kind is called by, for a title that names only its subject («О сотрудничестве …»). */
const AGREEMENT_WORD: Record<Agreement['kind'], string> = { agreement: 'Соглашение', contract: 'Договор', memorandum: 'Меморандум', plan: 'План', protocol: 'Протокол', other: 'Документ' };

/**
 * An agreement as the seed names it: its title, «от 8 февраля 2021 года», its number; a title that is only
 * its subject gets its kind's word before it in quotes («Соглашение «О сотрудничестве в области культуры»»).
 */
export function agreementName(a: Pick<Agreement, 'title' | 'signedOn' | 'number'> & Partial<Pick<Agreement, 'kind'>>): string {
  const signed = a.signedOn ? ` от ${dateWords(a.signedOn)}` : '';
  const number = a.number ? ` №\u00a0${a.number}` : '';
  const title = a.title.trim();
  const named = a.kind && /^(?:о|об|обо)\s/i.test(title) ? `${AGREEMENT_WORD[a.kind]} «${title}»` : title;
  return `${named}${signed}${number}`;
}

/** The term as a table cell: «до 31 декабря 2025 г.», «бессрочно», «до 31 декабря 2021 г., продлевается автоматически». */
export function agreementTermCell(a: Pick<Agreement, 'validUntil' | 'autoProlongation'>): string {
  if (!a.validUntil) return 'бессрочно';
  return `до ${dateWords(a.validUntil, true)}${a.autoProlongation ? ', с автоматической пролонгацией' : ''}`;
}

/** «Приложение: отчет за II полугодие 2021 года на 4 л. в 1 экз.»; without a count, a blank to fill in. */
export function attachmentLine(what: string, pages: number | null): string {
  return `Приложение: ${what} на ${pages ?? '___'} л. в 1 экз.`;
}

/** The file name before its extension (spaces and dots become «_» when it is written). */
export function documentFileStem(kind: DocumentKind, period: Period): string {
  switch (kind) {
    case 'report':
      return `Отчёт ${periodTitle(period)}`;
    case 'plan':
      return `План мероприятий ${periodOn(period)}`;
    case 'spravka':
      return `Справка ${forPeriod(period)}`;
    case 'agreements':
      return `Отчёт о реализации соглашений ${forPeriod(period)}`;
    case 'letter':
      return `Сопроводительное письмо к отчёту ${forPeriod(period)}`;
  }
}

/** The documents' names, as the command line and the app's lists say them. */
export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  report: 'Отчёт',
  plan: 'План мероприятий',
  spravka: 'Справка',
  agreements: 'Отчёт о соглашениях',
  letter: 'Сопроводительное письмо',
};

/** What was done to the events that did not take place: «перенесено одно мероприятие», «отменены два мероприятия». */
export function notHeldPhrase(n: number, singular: string, plural: string, forms: PluralForms): string {
  return `${verbForCount(n, singular, plural)} ${countInWords(n, forms)}`;
}
