// Folding Russian text for matching: case, «ё»/«е», stray spaces and quotes do not make two names differ.

/** «ё» → «е», as Russian writers use them interchangeably. */
export function foldYo(text: string): string {
  return text.replace(/ё/g, 'е').replace(/Ё/g, 'Е');
}

/** The key two reference names are compared by. */
export function nameKey(name: string): string {
  return foldYo(name)
    .toLocaleLowerCase('ru-RU')
    .replace(/[«»"„“”]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
