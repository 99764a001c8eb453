import { describe, expect, it } from 'vitest';
import { titleKey } from '../../electron/core/import/duplicates';
import { searchWords } from '../../shared/ru/normalize';

const isNumber = (w: string) => w.charCodeAt(0) >= 48 && w.charCodeAt(0) <= 57;

/** What titleKey means: the words of searchWords, no one-letter ones but numbers, each once, sorted. */
function reference(title: string) {
  const words = [...new Set(searchWords(title).filter((w) => w.length > 1 || isNumber(w)))].sort();
  return { key: words.join(' '), words, numbers: words.filter(isNumber).join(' ') };
}

describe('duplicate title keys', () => {
  it.each([
    'Международный форум «Молодёжь» № 12', 'Фор\u00adум  «Молодёжь»—2024…№5', '\u00ad', 'ЁЛКА\u00adёж', 'a\u00adb c\u00ad d', '1\u00ad2 \u00ad\u00ad1',
    'a\u1680b\u3000c\ufeffd\u2116e\u2212f\u00d7g\u00f7h\u0085i\u00a0j', 'İstanbul ǅ', '', 'а б в 1 2 2 ёж еж', 'Заседание № 3, заседание № 4',
    'ФОРУМ Ѐжик ЁЖ Ab-CD', 'ΟΔΟΣ\'Α Форум', 'ΟΔΟΣ Форум',
  ])('«%s» splits as searchWords does', (title) => expect(titleKey(title)).toEqual(reference(title)));

  it('splits at every character searchWords splits at, and only there', () => {
    const differing: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      for (const title of [`ab${ch}cd`, `${ch}`, `x${ch}`, `AБ${ch}ВD`, `Ё${ch}Ж`]) if (JSON.stringify(titleKey(title)) !== JSON.stringify(reference(title))) differing.push(title);
    }
    expect(differing).toEqual([]);
  });
});
