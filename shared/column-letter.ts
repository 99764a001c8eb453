// Spreadsheet column letters, as Excel and LibreOffice show them: 0 → A, 25 → Z, 26 → AA.

export function columnLetter(index: number): string {
  let letter = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letter = String.fromCharCode(65 + ((n - 1) % 26)) + letter;
  return letter;
}
