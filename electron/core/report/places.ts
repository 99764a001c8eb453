// Where an event was, as the report says it: «в г. Орле», «в д. Ляхновичи (Витебская область,
// Республика Беларусь)», «на базе Рославльского многопрофильного колледжа (г. Рославль)»; the home
// region's cities alone, a Russian city with its region only.
import type { Event } from '../../../shared/schema/event';
import type { Ref } from '../../../shared/schema/reference';
import { cityLocative, russianQuotes } from '../../../shared/ru/grammar';
import { declinePhrase, headNoun, lowerCommon, placeLocative } from '../../../shared/ru/morph';
import { nameKey } from '../../../shared/ru/normalize';
import type { RefForms } from '../ref-forms';
import type { Gaps } from './gaps';

const NBSP = '\u00a0';

/** «г.», «д.», «г. п.» as written before a name, kept to it across a line end. */
function abbreviation(city: Ref | undefined, gaps: Gaps): string {
  if (city?.settlement) return city.settlement.replace(/ /g, NBSP);
  if (city) gaps.settlement(city, 'г.');
  return 'г.';
}

/** A city's locative: the reference's own form, else the dictionary's, else a guess from the ending (and a gap). */
export function locativeOf(name: string, city: Ref | undefined, gaps: Gaps): string {
  if (city?.locative) return city.locative;
  // «в г. Гродно», «в г. Молодечно», «в г. Сочи»: names in a vowel other than «-ово/-ево/-ино/-ыно» and the
  // adjectival «-ое/-ее» (в Ярцеве, в Видном) stay as named, as the department writes «Гродно».
  if (/[оеуюэи]$/i.test(name) && !/(?:ово|ево|ёво|ино|ыно|ое|ее|[кгхжшщчц]и|ичи|ы)$/i.test(name) && !/\s|-на-/.test(name.trim())) return name.trim();
  const found = placeLocative(name);
  if (found.known) return found.text;
  const guess = cityLocative(name);
  if (city) gaps.locative(city, guess);
  return guess;
}

/** Buildings and rooms an event is held in («в здании Администрации», «во Дворце спорта»). */
const INSIDE = new Set(['здание', 'зал', 'дворец', 'дом', 'парк', 'сквер', 'музей', 'театр', 'кинотеатр', 'галерея', 'библиотека', 'усадьба', 'собор', 'храм', 'помещение', 'павильон', 'клуб', 'холл', 'конференц-зал', 'кремль']);
/** Open places an event is held on («на стадионе «Спартак»», «на площади Победы»). */
const ON = new Set(['стадион', 'площадь', 'площадка', 'территория', 'арена', 'набережная', 'каток', 'поле', 'аллея', 'ипподром', 'полигон', 'бульвар', 'причал', 'выставка']);

/** «в»/«во»: «во» before «в»/«ф» and a consonant («во Владимире», «во Франции») and in «во дворце», «во многих». */
const inPreposition = (word: string) => (/^(?:[вф][^аеёиоуыэюя]|дв|мн)/i.test(word) ? 'во' : 'в');

/**
 * Where on the venue: «в здании Администрации …», «во Дворце спорта «Юбилейный»», «на стадионе «Спартак»»
 * (a building or a ground, in the locative); any other venue «на базе …» in the genitive («на базе
 * Рославльского многопрофильного колледжа»); as written when the clerk gave a preposition. A generic head
 * typed with a capital is lowered mid-sentence («Стадион «Спартак»» → «стадионе «Спартак»»), names keep theirs.
 */
function venuePhrase(typed: string): string {
  const venue = russianQuotes(typed);
  if (/^(на|в|во|по|при)\s/i.test(venue)) return venue;
  const text = lowerCommon(venue);
  const head = headNoun(text);
  const where = head && (INSIDE.has(head.lemma) ? 'in' : ON.has(head.lemma) ? 'on' : null);
  if (where) {
    const located = declinePhrase(text, 'loct');
    if (located.declined && located.known) return `${where === 'on' ? 'на' : inPreposition(located.text)} ${located.text}`;
  }
  return `на базе ${declinePhrase(text, 'gent').text}`;
}

/** The region or country of an event with no town, in the locative; empty at home or when the text names it. */
function areaPhrase(event: Event, ctx: PlaceContext, mentions: (text: string) => boolean): string {
  const abroad = event.country && event.country !== ctx.homeCountry ? event.country : null;
  const region = event.region && event.region !== ctx.home ? event.region : null;
  const first = region ?? abroad;
  if (!first || mentions(first)) return '';
  const located = declinePhrase(first, 'loct', false, true);
  if (!located.declined) return '';
  const country = region && abroad ? ` (${abroad})` : '';
  return `${inPreposition(located.text)} ${located.text}${country}`;
}

export interface PlaceContext {
  f: RefForms;
  home: string;
  homeCountry: string | null;
  gaps: Gaps;
}

/** The place words of an event's paragraph (without the format clause); empty when the text names the place itself. */
export function placePhrase(event: Event, body: string, ctx: PlaceContext): string {
  const folded = body.replace(/\s/g, ' ').toLowerCase();
  const mentions = (text: string) => folded.includes(text.replace(/\s/g, ' ').toLowerCase());
  const venueShown = event.venue && !mentions(event.venue) ? event.venue : null;
  if (!event.city) {
    // No town, but a region or country other than home: «в Витебской области (Республика Беларусь)», «в Республике Казахстан».
    if (venueShown) {
      const around = [event.region !== ctx.home ? event.region : null, event.country !== ctx.homeCountry ? event.country : null].filter((n): n is string => Boolean(n) && !mentions(n ?? ''));
      return `${venuePhrase(venueShown)}${around.length ? ` (${around.join(', ')})` : ''}`;
    }
    return areaPhrase(event, ctx, mentions);
  }
  const ref = ctx.f.get('city', event.city);
  const abbr = abbreviation(ref, ctx.gaps);
  if (mentions(`${abbr} ${event.city}`)) return venueShown ? venuePhrase(venueShown) : '';
  // A city of another Russian region: with the region; abroad: with region and country; at home: alone.
  // A region that is the city itself (Москва, Минск as a region of its own) is not said twice.
  const sameAsCity = (name: string) => nameKey(name.replace(/^(г\.|город)\s*/i, '')) === nameKey(event.city ?? '');
  const where = event.region === ctx.home ? [] : [event.region, event.country === ctx.homeCountry ? null : event.country].filter((n): n is string => typeof n === 'string' && n !== '' && n !== ctx.home && !sameAsCity(n));
  if (venueShown) return `${venuePhrase(venueShown)} (${abbr}${NBSP}${event.city}${where.length ? `, ${where.join(', ')}` : ''})`;
  // After «г.» the name declines («в г. Орле»); after «д.», «пгт», «аг.» official style keeps it as named
  // («в д. Ляхновичи», «в пгт Кардымово»), unless the list gives a form.
  const name = abbr === 'г.' ? locativeOf(event.city, ref, ctx.gaps) : (ref?.locative ?? event.city);
  // «ст-ца» is the one abbreviation with a case ending: «в ст-це».
  return `в ${abbr.replace('ст-ца', 'ст-це')}${NBSP}${name}${where.length ? ` (${where.join(', ')})` : ''}`;
}
