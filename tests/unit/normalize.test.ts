import { describe, expect, it } from 'vitest';
import { foldYo, nameKey } from '../../shared/ru/normalize';

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
