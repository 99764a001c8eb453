// Spreadsheet column letters, as Excel and LibreOffice show them: 0 → A, 25 → Z, 26 → AA.

/** The inverse: the 0-based column of the letters a reference starts with (`B3`, `$AB$12`, `ab`); -1 when it starts with none. */
export function columnIndex(ref: string): number {
  let col = 0;
  for (let i = ref.charCodeAt(0) === 0x24 /* $ */ ? 1 : 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i) & ~0x20; // upper case
    if (c < 0x41 || c > 0x5a) break;
    col = col * 26 + c - 0x40;
  }
  return col - 1;
}

export function columnLetter(index: number): string {
  let letter = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letter = String.fromCharCode(65 + ((n - 1) % 26)) + letter;
  return letter;
}
