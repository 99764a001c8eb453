import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { foldYo, indexText, nameKey, searchText } from '../../shared/ru/normalize';

describe('foldYo', () => {
  it('replaces «ё» with «е» and «Ё» with «Е»', () => {
    expect(foldYo('ёлка')).toBe('елка');
    expect(foldYo('Ёлка')).toBe('Елка');
    expect(foldYo('Объём работ ещё')).toBe('Объем работ еще');
    expect(foldYo('ЁЖ ёж')).toBe('ЕЖ еж');
  });

  it('keeps the case and everything else', () => {
    expect(foldYo('Минск, «Беларусь»  ')).toBe('Минск, «Беларусь»  ');
    expect(foldYo('')).toBe('');
  });
});

describe('nameKey', () => {
  it('lower-cases Cyrillic and Latin letters', () => {
    expect(nameKey('МИНСК')).toBe('минск');
    expect(nameKey('UNESCO')).toBe('unesco');
  });

  it('folds «ё» in either case', () => {
    expect(nameKey('Орёл')).toBe('орел');
    expect(nameKey('ЁЛКА')).toBe('елка');
    expect(nameKey('Орёл')).toBe(nameKey('Орел'));
  });

  it('drops quotes of every kind', () => {
    expect(nameKey('ООО «Ромашка»')).toBe('ооо ромашка');
    expect(nameKey('ООО "Ромашка"')).toBe('ооо ромашка');
    expect(nameKey('ООО „Ромашка“')).toBe('ооо ромашка');
    expect(nameKey('ООО “Ромашка”')).toBe('ооо ромашка');
  });

  it('collapses and trims spaces, tabs and line breaks', () => {
    expect(nameKey('  Республика   Беларусь  ')).toBe('республика беларусь');
    expect(nameKey('Республика\tБеларусь\n')).toBe('республика беларусь');
    expect(nameKey('Республика\u00a0Беларусь')).toBe('республика беларусь');
  });

  it('collapses spaces left around removed quotes', () => {
    expect(nameKey('ООО « Ромашка » ')).toBe('ооо ромашка');
  });

  it('gives one key to names that differ only in case, «ё», quotes and spaces', () => {
    const variants = ['Фонд «Русский мир»', 'фонд "русский мир"', '  ФОНД  РУССКИЙ МИР ', 'Фонд “Русский  мир”'];
    const keys = new Set(variants.map(nameKey));
    expect([...keys]).toEqual(['фонд русский мир']);
    expect(nameKey('Зелёный город')).toBe(nameKey('ЗЕЛЕНЫЙ «ГОРОД»'));
  });

  it('keeps names that differ in words apart', () => {
    expect(nameKey('Республика Беларусь')).not.toBe(nameKey('Республика Казахстан'));
    expect(nameKey('Минск')).not.toBe(nameKey('Минск-2'));
  });

  it('gives an empty key to blank or quote-only text', () => {
    expect(nameKey('')).toBe('');
    expect(nameKey('   ')).toBe('');
    expect(nameKey('«»')).toBe('');
  });
});

describe('indexText', () => {
  it('gives the index the words searchText gives a query, once SQLite’s ascii tokenizer has split it', () => {
    const db = new Database(':memory:');
    db.exec("CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'ascii'); CREATE VIRTUAL TABLE v USING fts5vocab(t, 'row');");
    const samples = [
      'Российско-Белорусский форум «Славянское единство» (27–28.08.2021), г. Смоленск',
      'Ёлка;встреча/обмен_опытом\tи…\u00a0семинар №5 — итоги: 100%',
      'фор\u00adум, "Молодёжь" [2022]{план}@почта `код` ~ ^ | \\ и т.д.',
    ];
    for (const text of samples) {
      db.exec('DELETE FROM t');
      db.prepare('INSERT INTO t (body) VALUES (?)').run(indexText(text));
      const indexed = db.prepare('SELECT term FROM v ORDER BY term').pluck().all();
      expect(indexed).toEqual([...new Set(searchText(text).split(' '))].sort());
    }
    db.close();
  });
});
