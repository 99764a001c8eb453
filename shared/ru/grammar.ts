// The bits of Russian grammar the reports need: city names in the locative, kinds in the plural,
// verbs agreeing with a kind, lists joined as Russian writers join them.
import type { Gender } from '../schema/reference';

const HUSHING = /[гкхжшщч]$/;

function lowerWordLocative(word: string, gender: Gender | null): string {
  // Adjectives of compound names: «Нижний Новгород» → «Нижнем Новгороде», «Великие Луки» → «Великих Луках».
  if (/[ыи]й$|ой$/.test(word) && word.length > 4) return word.replace(/(?:ый|ой)$/, 'ом').replace(/ий$/, /[гкхжшщч]ий$/.test(word) ? 'ом' : 'ем');
  if (/ая$/.test(word) && word.length > 4) return word.replace(/ая$/, 'ой');
  if (/яя$/.test(word)) return word.replace(/яя$/, 'ей');
  if (/(?:ые|ие)$/.test(word) && word.length > 4) return word.replace(/ые$/, 'ых').replace(/ие$/, 'их');
  if (/(?:ово|ево|ёво|ино|ыно)$/.test(word)) return `${word.slice(0, -1)}е`; // Ярцево → Ярцеве, Жодино → Жодине
  if (/[^аеёиоуыэюя](?:ое|ее)$/.test(word) && word.length > 4) return `${word.slice(0, -2)}${word.endsWith('ое') ? 'ом' : 'ем'}`; // Глубокое → Глубоком
  if (/[оеуюэ]$/.test(word)) return word; // Гродно, Молодечно: not declined
  if (/ия$/.test(word)) return `${word.slice(0, -1)}и`;
  if (/[ая]$/.test(word)) return `${word.slice(0, -1)}е`; // Орша → Орше, Ельня → Ельне
  if (/(?:ичи|[кгх]и|ы)$/.test(word)) return `${word.slice(0, -1)}ах`; // Барановичи, Горки, Чебоксары
  if (/и$/.test(word)) return word; // Сочи, Тбилиси
  // Feminine nouns in «-ь»: Тверь, Пермь, Рязань, Керчь; masculine ones: Гомель, Мозырь, Рославль.
  if (/ь$/.test(word)) return gender === 'f' || /(?:ерь|мь|нь|[чшщж]ь)$/.test(word) ? `${word.slice(0, -1)}и` : `${word.slice(0, -1)}е`;
  if (/й$/.test(word)) return `${word.slice(0, -1)}е`;
  if (/[^аеёиоуыэюя][оё]к$/.test(word)) return `${word.slice(0, -2)}ке`; // Починок → Починке, Волочёк → Волочке
  return `${word}е`; // Витебск → Витебске, Брест → Бресте
}

/**
 * A city's name in the locative («в Орше»), for cities the reference list gives no form of:
 * «Ростов-на-Дону» declines its first part, «Санкт-Петербург» its last, compound names each word.
 */
export function cityLocative(name: string, gender: Gender | null = null): string {
  const trimmed = name.trim();
  if (/-на-/.test(trimmed)) {
    const [first, ...rest] = trimmed.split('-на-');
    return [cityLocative(first ?? ''), ...rest].join('-на-');
  }
  return trimmed
    .split(' ')
    .map((word) => {
      const hyphen = word.lastIndexOf('-');
      const [head, last] = hyphen > 0 ? [word.slice(0, hyphen + 1), word.slice(hyphen + 1)] : ['', word];
      const declined = lowerWordLocative(last.toLowerCase(), gender);
      return head + last.charAt(0) + declined.slice(1); // the writer's capital kept
    })
    .join(' ');
}

/** A noun phrase in the nominative plural: «круглый стол» → «круглые столы», «встреча» → «встречи». */
export function pluralOf(phrase: string, gender: Gender | null): string {
  if (gender === 'pl') return phrase;
  return phrase
    .split(' ')
    .map((word) => {
      if (/(?:ый|ой)$/.test(word)) return word.replace(/(?:ый|ой)$/, 'ые');
      if (/ий$/.test(word)) return word.replace(/ий$/, 'ие');
      if (/ая$/.test(word)) return word.replace(/ая$/, HUSHING.test(word.slice(0, -2)) ? 'ие' : 'ые');
      if (/яя$/.test(word)) return word.replace(/яя$/, 'ие');
      if (/ое$/.test(word)) return word.replace(/ое$/, 'ые');
      if (/ее$/.test(word)) return word.replace(/ее$/, 'ие');
      if (/ие$/.test(word)) return word.replace(/ие$/, 'ия'); // заседание → заседания
      if (/о$/.test(word)) return `${word.slice(0, -1)}а`;
      if (/е$/.test(word)) return `${word.slice(0, -1)}я`;
      if (/а$/.test(word)) return `${word.slice(0, -1)}${HUSHING.test(word.slice(0, -1)) ? 'и' : 'ы'}`;
      if (/[яйь]$/.test(word)) return `${word.slice(0, -1)}и`;
      if (/-/.test(word)) {
        const [head, ...rest] = word.split('-'); // мастер-класс → мастер-классы
        return [head, ...rest.map((part) => pluralOf(part, gender))].join('-');
      }
      return `${word}${HUSHING.test(word) ? 'и' : 'ы'}`;
    })
    .join(' ');
}

export type ReportVerb = 'пройти' | 'состояться' | 'организовать' | 'реализовываться' | 'принять' | 'провести' | 'обеспечить' | 'подготовить' | 'разработать' | 'согласовать';

const VERB_FORMS: Record<ReportVerb, Record<Gender, string>> = {
  пройти: { m: 'прошел', f: 'прошла', n: 'прошло', pl: 'прошли' },
  состояться: { m: 'состоялся', f: 'состоялась', n: 'состоялось', pl: 'состоялись' },
  организовать: { m: 'организован', f: 'организована', n: 'организовано', pl: 'организованы' },
  реализовываться: { m: 'реализовывался', f: 'реализовывалась', n: 'реализовывалось', pl: 'реализовывались' },
  // «принял участие глава района», «приняли участие представители».
  принять: { m: 'принял', f: 'приняла', n: 'приняло', pl: 'приняли' },
  // «Проведение совместного заседания» → «проведено совместное заседание»; «обеспечена организация …».
  провести: { m: 'проведен', f: 'проведена', n: 'проведено', pl: 'проведены' },
  обеспечить: { m: 'обеспечен', f: 'обеспечена', n: 'обеспечено', pl: 'обеспечены' },
  подготовить: { m: 'подготовлен', f: 'подготовлена', n: 'подготовлено', pl: 'подготовлены' },
  разработать: { m: 'разработан', f: 'разработана', n: 'разработано', pl: 'разработаны' },
  согласовать: { m: 'согласован', f: 'согласована', n: 'согласовано', pl: 'согласованы' },
};

/** The past form agreeing with a kind: «прошел форум», «состоялась встреча», «прошли Дни культуры». */
export function pastVerb(verb: ReportVerb, gender: Gender | null): string {
  return VERB_FORMS[verb][gender ?? 'n'];
}

/** «a», «a и b», «a, b и c»; with `last` = «, а также» as the closing of a report has it. */
export function joinList(items: readonly string[], last = ' и '): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')}${last}${items.at(-1) as string}`;
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The first letter lowered, unless the first word is an abbreviation («ФГБОУ», «ВКС») or a Roman numeral. */
export function lowerFirst(text: string): string {
  return /^(?:\p{Lu}\p{Lu}|[IVX]+(?![\p{L}]))/u.test(text) ? text : text.charAt(0).toLowerCase() + text.slice(1);
}

/**
 * Straight quotes typed in a field become Russian ones: «…» outside, „…“ inside «…» («ОАО "Лён"» → «ОАО „Лён“»,
 * «форум "Россия"» → «форум «Россия»»). A quote after a space or bracket opens, any other closes; text whose
 * quotes do not pair is left as typed.
 */
export function russianQuotes(text: string): string {
  if (!text.includes('"')) return text;
  const out: string[] = [];
  const stack: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    const before = i === 0 ? ' ' : (text[i - 1] as string);
    if (ch === '«' || (ch === '"' && /[\s(«„"]/.test(before))) {
      const mark = stack.length ? '„' : '«';
      stack.push(mark);
      out.push(ch === '«' ? '«' : mark);
    } else if (ch === '»' || ch === '"') {
      const mark = stack.pop();
      if (!mark) return text;
      out.push(ch === '»' ? '»' : mark === '«' ? '»' : '“');
    } else out.push(ch);
  }
  return stack.length ? text : out.join('');
}
