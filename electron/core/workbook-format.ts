// What the workbook code on both sides agrees on: the full export's sheets and columns, which the
// import reads back, and the bounds a read file is held to (excel.ts's streaming reader and import/).
// A neutral module, so that import/ and export/ need not reach into each other.

/** Sheet names and column names of the full export: its import and its readers rely on them. */
export const FULL_EXPORT = {
  events: {
    sheet: 'Мероприятия',
    columns: ['ID', 'Название', 'Вид', 'Дата начала', 'Дата окончания', 'Точность даты', 'Город', 'Регион', 'Страна', 'Место (площадка)',
      'Формат', 'Сферы', 'Партнёры', 'Участники', 'Ответственный', 'Итоги', 'Описание', 'Статус', 'ID соглашения'],
  },
  agreements: {
    sheet: 'Соглашения',
    columns: ['ID', 'Вид', 'Номер', 'Название', 'Стороны', 'Подписано', 'Действует с', 'Действует до', 'Автопролонгация', 'Статус',
      'Подразделение', 'Сферы', 'Примечание'],
  },
  refs: {
    sheet: 'Справочники',
    columns: ['Справочник', 'Название', 'Входит в', 'Род', 'Родительный падеж', 'Творительный падеж', 'Предложный падеж', 'Тип населенного пункта', 'Скрыто'],
  },
} as const;

/** Lists in one cell: names never hold «;». */
export const LIST_SEPARATOR = '; ';

/** Bounds that keep a hostile file from taking the memory or the afternoon. */
export const LIMITS = {
  /** Bytes of the file itself. */
  fileBytes: 100 * 1024 * 1024,
  /** Bytes the zip parts of a workbook may unpack to, together. */
  unpackedBytes: 600 * 1024 * 1024,
  /** Rows of one sheet, or records of a CSV file. */
  rows: 200_000,
  /** Columns read of a row; cells beyond are ignored. */
  columns: 100,
  /** Parts of a workbook's zip: real ones have dozens, a few hundred with many pictures. */
  zipEntries: 10_000,
  /** Bytes of an XML part other than sheets and shared strings (styles, workbook, relationships). */
  otherPartBytes: 32 * 1024 * 1024,
  /** Characters of one cell: Excel's own limit is 32,767; Reestr's longest field is 50,000. */
  cellChars: 100_000,
  /** XML elements of one part: a sheet of 200,000 rows of 10 cells has about 4.2 million. */
  xmlElements: 5_000_000,
  /** Sheets of a workbook: each costs time to open, even an empty one. */
  sheets: 1000,
  /** Entries of sharedStrings.xml, all kept in memory while the sheets are read. */
  sharedStrings: 2_000_000,
  /**
   * Cells of an .xls file, all sheets together: its reader holds the whole workbook in memory
   * (about 200 bytes a cell), so a file is refused by what its records declare before it is parsed.
   */
  cells: 2_000_000,
  /**
   * XML elements of a Word document's body: Word spends five to ten elements on one cell's text
   * (paragraph, run and their properties), so a long table has several times a sheet's count.
   */
  documentElements: 25_000_000,
  /** Paragraphs above a document's table kept as its title rows: the last ones before the table. */
  titleParagraphs: 20,
} as const;
