// Belarusian header rows: every field's usual words recognised, and Latin look-alikes in a Russian header.
import { describe, expect, it } from 'vitest';
import { matchHeader } from '../../electron/core/import/headers';

const HEADERS: [string, string][] = [
  ['№ з/п', 'number'],
  ['Назва мерапрыемства', 'title'],
  ['Найменне', 'title'],
  ['Найменне мерапрыемства', 'title'],
  ['Від мерапрыемства', 'kind'],
  ['Тэрмін правядзення', 'startDate'],
  ['Тэрміны', 'startDate'],
  ['Дата', 'startDate'],
  ['Дата заканчэння', 'endDate'],
  ['Месца правядзення', 'city'],
  ['Краіна', 'country'],
  ['Рэгіён', 'region'],
  ['Пляцоўка', 'venue'],
  ['Фармат правядзення', 'format'],
  ['Сфера супрацоўніцтва', 'spheres'],
  ['Партнёры', 'partners'],
  ['Удзельнікі', 'participants'],
  ['Адказныя', 'organizer'],
  ['Выканаўцы', 'organizer'],
  ['Адказныя выканаўцы', 'organizer'],
  ['Вынікі', 'outcomes'],
  ['Заўвагі', 'description'],
  ['Адзнака аб выкананні', 'status'],
  ['Нумар пагаднення', 'agreementId'],
  ['Тэрмін правядзення (месяц, квартал)', 'startDate'],
];

describe('Belarusian headers', () => {
  it.each(HEADERS)('«%s» is %s', (text, meaning) => {
    expect(matchHeader(text)?.meaning).toBe(meaning);
  });

  it('reads a Russian header typed with Latin look-alikes', () => {
    expect(matchHeader('Наименoвание мероприятия')).toEqual({ meaning: 'title', score: 1 });
    expect(matchHeader('Cрок проведения')).toEqual({ meaning: 'startDate', score: 1 });
  });
});
