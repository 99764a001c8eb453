// Column letters and back, as one rule for the readers and the command line: any column, written
// as a spreadsheet writes it in a reference.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnIndex, columnLetter } from '../../shared/column-letter';

describe('column letters', () => {
  it('read back any column from its letters, in a reference, absolute or in lower case', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 16_383 }), fc.integer({ min: 1, max: 1_048_576 }), fc.boolean(), fc.boolean(), (index, row, absolute, lower) => {
        const letters = lower ? columnLetter(index).toLowerCase() : columnLetter(index);
        expect(columnIndex(letters)).toBe(index);
        expect(columnIndex(`${absolute ? '$' : ''}${letters}${absolute ? '$' : ''}${row}`)).toBe(index);
      }),
    );
  });

  it('answer -1 for what starts with no letter', () => {
    for (const ref of ['', '12', '$', '_A1', 'Б2']) expect(columnIndex(ref)).toBe(-1);
    expect(columnIndex('AZ')).toBe(51);
  });
});
