// Where an event was, as one line of a table: city, region, country.
import type { Event } from '../schema/event';

export function placeLine(e: Pick<Event, 'city' | 'region' | 'country'>): string {
  return [e.city, e.region, e.country].filter(Boolean).join(', ');
}

/** Short names a country is typed by, each under its official name as the reference lists and reports write it. */
const COUNTRY_NAMES: Readonly<Record<string, readonly string[]>> = {
  'Российская Федерация': ['россия', 'рф'],
  'Республика Беларусь': ['беларусь', 'белоруссия', 'рб'],
  'Республика Казахстан': ['казахстан', 'рк'],
  'Республика Узбекистан': ['узбекистан'],
  'Кыргызская Республика': ['кыргызстан', 'киргизия', 'киргизстан'],
  'Республика Таджикистан': ['таджикистан'],
  'Республика Армения': ['армения'],
  'Азербайджанская Республика': ['азербайджан'],
  'Республика Молдова': ['молдова', 'молдавия'],
  'Китайская Народная Республика': ['китай', 'кнр'],
  'Республика Сербия': ['сербия'],
  'Республика Абхазия': ['абхазия'],
};
const OFFICIAL_COUNTRY = new Map(Object.entries(COUNTRY_NAMES).flatMap(([official, short]) => short.map((s) => [s, official] as const)));

/** A country as the documents name it: «Россия», «РФ» → «Российская Федерация», «Беларусь» → «Республика Беларусь». */
export function officialCountry(name: string): string {
  return OFFICIAL_COUNTRY.get(name.trim().toLowerCase().replace(/ё/g, 'е').replace(/\.$/, '')) ?? name;
}

/** A region with its abbreviations spelt out: «Гомельская обл.» → «Гомельская область», «Оршанский р-н» → «Оршанский район». */
export function officialRegion(name: string): string {
  return name.replace(/(^|\s)обл\.?$/u, '$1область').replace(/(^|\s)р-н$/u, '$1район').replace(/^Респ\.\s*/u, 'Республика ');
}

/** An event's place with the country's and region's official names, so a document compares and writes them alike. */
export function officialPlace<T extends { region: string | null; country: string | null }>(e: T): T {
  const country = e.country ? officialCountry(e.country) : e.country;
  const region = e.region ? officialRegion(e.region) : e.region;
  return country === e.country && region === e.region ? e : { ...e, country, region };
}
