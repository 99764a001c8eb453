// The CLI's terminal output: names from files and records print as text, never as terminal commands.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONTROL_PLACEHOLDER, jsonText, table, terminalText } from '../../electron/cli/format';

// Everything a terminal may act on: C0 but line feed and tab, DEL, C1 and the bidirectional controls.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u; // eslint-disable-line no-control-regex -- the characters under test

/** Strings rich in escape sequences and controls, mixed with Cyrillic text. */
const hostile = fc.array(
  fc.oneof(
    fc.string({ unit: 'grapheme' }),
    fc.constantFrom('\x1b[31m', '\x1b]0;title\x07', '\x1b[2J', '\r', '\r\n', '\n', '\t', '\u009b2J', '\u202e', '\x00', '\x7f', 'Минск', 'план.csv'),
    fc.integer({ min: 0, max: 0x9f }).map((c) => String.fromCharCode(c)),
  ),
  { maxLength: 12 },
).map((parts) => parts.join(''));

describe('terminalText', () => {
  it('leaves no control character but line feeds and tabs, and shows one placeholder for each', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const shown = terminalText(text);
        expect(shown).not.toMatch(CONTROL);
        const lf = text.replace(/\r\n/g, '\n');
        expect(shown.length).toBe(lf.length);
        expect([...shown].filter((c) => c === CONTROL_PLACEHOLDER).length).toBe([...lf].filter((c) => c === CONTROL_PLACEHOLDER || CONTROL.test(c)).length);
        expect(terminalText(shown)).toBe(shown);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps text without controls as it is', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        fc.pre(!CONTROL.test(text) && !text.includes('\r'));
        expect(terminalText(text)).toBe(text);
      }),
      { numRuns: 300 },
    );
    expect(terminalText('Файл «план\x1b[31m.csv» не найден.\nСправка: reestr --help')).toBe('Файл «план�[31m.csv» не найден.\nСправка: reestr --help');
  });
});

describe('jsonText', () => {
  it('gives back the same value to a script, with no control character on the terminal', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ fileName: hostile, title: hostile })), (value) => {
        const out = jsonText(value);
        expect(out).not.toMatch(CONTROL);
        expect(JSON.parse(out)).toEqual(value);
      }),
      { numRuns: 300 },
    );
  });
});

describe('table', () => {
  it('keeps each record on its line whatever its cells hold', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(hostile, hostile), { maxLength: 6 }), (rows) => {
        const out = table(['№', 'Файл'], rows);
        expect(out.split('\n')).toHaveLength(rows.length + 1);
        expect(out).not.toMatch(CONTROL);
        expect(out).not.toMatch(/\t/);
      }),
      { numRuns: 300 },
    );
  });
});

describe('a table of a large preview', () => {
  it('lays out 300,000 rows without running out of stack', () => {
    const rows = Array.from({ length: 300_000 }, (_, i) => [String(i + 2), 'новое']);
    const text = table(['Строка', 'Статус'], rows);
    expect(text.split('\n')).toHaveLength(300_001);
    expect(text.split('\n')[1]).toBe('2       новое');
  });
});
