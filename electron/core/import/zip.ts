// Reads a zip's central directory before anyone unpacks it: a zip bomb is refused by what it declares,
// and by what it really unpacks to, and a part that is damaged (its CRC) or named twice (read one way
// by one program and another way by the next) before exceljs's reader sees it.
import { Readable } from 'node:stream';
import { crc32, createInflateRaw, inflateRawSync } from 'node:zlib';
import { AppError } from '../../../shared/errors';

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const CENTRAL_ENTRY = 0x02014b50;

export interface ZipEntry {
  name: string;
  compressedSize: number;
  size: number;
  method: number;
  localOffset: number;
  /** CRC-32 of the unpacked bytes, as the directory records it. */
  crc: number;
}

const LOCAL_ENTRY = 0x04034b50;
const CENTRAL_SIGNATURE = Buffer.from('PK\x01\x02', 'latin1');
/** Bytes a data descriptor may take between one entry's data and the next header (zip64, signed). */
const DESCRIPTOR_BYTES = 24;

function named(fileName: string | undefined): string {
  return fileName === undefined ? 'Файл' : `Файл «${fileName}»`;
}

/**
 * How the messages name the file's whole and its program, by the name the clerk gave it: the zip is
 * read before anything tells a workbook from a document, and a Word file is not «книга Excel».
 */
function kindOf(fileName: string | undefined): { whole: string; in: string; program: string } {
  const extension = /\.([^./\\]+)$/.exec(fileName ?? '')?.[1]?.toLowerCase();
  if (extension === 'docx' || extension === 'doc') return { whole: 'документа Word', in: 'в документе Word', program: 'Word' };
  if (extension === 'odt') return { whole: 'документа', in: 'в документе', program: 'LibreOffice Writer' };
  if (extension === 'ods') return { whole: 'таблицы', in: 'в таблице', program: 'LibreOffice Calc' };
  return { whole: 'книги Excel', in: 'в книге Excel', program: 'Excel' };
}

/** «Откройте его в Excel или LibreOffice», with the program of the file's kind. */
function reopen(fileName: string | undefined): string {
  const { program } = kindOf(fileName);
  return program.startsWith('LibreOffice') ? `Откройте его в ${program}` : `Откройте его в ${program} или LibreOffice`;
}

function broken(fileName?: string): AppError {
  return new AppError('validation', `${named(fileName)} повреждён или обрезан: оглавление ${kindOf(fileName).whole} не найдено. ${reopen(fileName)} и сохраните заново.`);
}

/** A zip no sound program writes: read one way here and another way elsewhere, or changed since. */
function suspicious(fileName: string | undefined, what: string, details: string): AppError {
  return new AppError('validation', `${named(fileName)} повреждён или подозрителен: ${what}. ${reopen(fileName)} и сохраните заново; если файл прислали, попросите прислать его ещё раз.`, details);
}

/** A part's name as a program unpacking it on Windows would see it. */
function nameKey(name: string): string {
  return name.replace(/\\/g, '/').replace(/^(\.?\/)+/, '').toLowerCase();
}

function damaged(fileName: string | undefined, details: string): AppError {
  return new AppError('validation', `${named(fileName)} повреждён: части ${kindOf(fileName).whole} не читаются. ${reopen(fileName)} и сохраните заново.`, details);
}

/** The entries a zip declares; throws the Russian «damaged» error when there is no readable directory. */
export function zipEntries(data: Buffer, fileName?: string): ZipEntry[] {
  // The end record sits in the last 64 KiB (its comment is at most 65,535 bytes).
  let end = -1;
  for (let at = data.length - 22; at >= Math.max(0, data.length - 22 - 0xffff); at--) {
    if (data.readUInt32LE(at) === EOCD) {
      end = at;
      break;
    }
  }
  if (end < 0) throw broken(fileName);
  let count = data.readUInt16LE(end + 10);
  let offset = data.readUInt32LE(end + 16);
  const locator = end - 20;
  if (locator >= 0 && data.readUInt32LE(locator) === EOCD64_LOCATOR) {
    const end64 = Number(data.readBigUInt64LE(locator + 8));
    if (end64 + 56 > data.length) throw broken(fileName);
    count = Number(data.readBigUInt64LE(end64 + 32));
    offset = Number(data.readBigUInt64LE(end64 + 48));
  }
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (offset + 46 > data.length || data.readUInt32LE(offset) !== CENTRAL_ENTRY) throw broken(fileName);
    let compressedSize = data.readUInt32LE(offset + 20);
    let size = data.readUInt32LE(offset + 24);
    const nameLength = data.readUInt16LE(offset + 28);
    const extraLength = data.readUInt16LE(offset + 30);
    const commentLength = data.readUInt16LE(offset + 32);
    const method = data.readUInt16LE(offset + 10);
    const crc = data.readUInt32LE(offset + 16);
    let localOffset = data.readUInt32LE(offset + 42);
    const name = data.toString('utf8', offset + 46, offset + 46 + nameLength);
    // Zip64: sizes of 0xFFFFFFFF are in the extra field (id 1), uncompressed first.
    const extra = offset + 46 + nameLength;
    for (let at = extra; at + 4 <= extra + extraLength && at + 4 <= data.length; ) {
      const id = data.readUInt16LE(at);
      const length = data.readUInt16LE(at + 2);
      if (id === 1) {
        let field = at + 4;
        if (size === 0xffffffff && field + 8 <= data.length) {
          size = Number(data.readBigUInt64LE(field));
          field += 8;
        }
        if (compressedSize === 0xffffffff && field + 8 <= data.length) {
          compressedSize = Number(data.readBigUInt64LE(field));
          field += 8;
        }
        if (localOffset === 0xffffffff && field + 8 <= data.length) localOffset = Number(data.readBigUInt64LE(field));
      }
      at += 4 + length;
    }
    entries.push({ name, compressedSize, size, method, localOffset, crc });
    offset = extra + extraLength + commentLength;
  }
  const seen = new Set<string>();
  for (const entry of entries) {
    const key = nameKey(entry.name);
    if (seen.has(key)) throw suspicious(fileName, `в нём две части ${kindOf(fileName).whole.split(' ')[0]} под одним именем, и разные программы прочтут его по-разному`, `part ${entry.name} twice`);
    seen.add(key);
  }
  return entries;
}

function mb(n: number): string {
  return Math.round(n / 1024 / 1024).toLocaleString('ru-RU');
}

function tooBig(fileName: string | undefined, total: number | null, limit: number): AppError {
  return new AppError(
    'validation',
    `${named(fileName)} распаковывается ${total === null ? 'более чем' : 'в'} ${mb(total ?? limit)} МБ, а Reestr читает файлы не больше ${mb(limit)} МБ в распакованном виде. Возможно, файл повреждён или намеренно раздут; если это настоящая таблица, разделите её на несколько файлов.`,
  );
}

/** Refuses a zip that declares it would unpack to more than `limit` bytes, or has too many parts. */
export function checkUnpackedSize(entries: readonly ZipEntry[], limit: number, fileName?: string, maxEntries = Infinity): void {
  if (entries.length > maxEntries) {
    throw new AppError('validation', `${named(fileName)} состоит из ${entries.length.toLocaleString('ru-RU')} частей: ${kindOf(fileName).in} их не бывает больше ${maxEntries.toLocaleString('ru-RU')}. Возможно, файл повреждён или намеренно испорчен.`);
  }
  const total = entries.reduce((sum, e) => sum + e.size, 0);
  if (total > limit) throw tooBig(fileName, total, limit);
}

/**
 * A file unpacking to no more than this is kept as checkUnpackedData unpacked it, not unpacked a
 * second time for reading: the usual partner's file, a few megabytes.
 */
const KEEP_UNPACKED_BYTES = 32 * 1024 * 1024;

/** Big chunks: a tenth of the time of zlib's default 16 KB, each a round trip to its thread. */
const INFLATE_CHUNK = 1 << 20;

/**
 * Bytes a deflate stream really unpacks to and their CRC-32, counted without keeping them (but into
 * `keep` when given); stops past `stop`.
 */
function inflated(packed: Buffer, stop: number, keep?: Buffer[]): Promise<{ size: number; crc: number }> {
  return new Promise((resolve, reject) => {
    const inflater = createInflateRaw({ chunkSize: INFLATE_CHUNK });
    let size = 0;
    let crc = 0;
    inflater.on('data', (chunk: Buffer) => {
      size += chunk.length;
      crc = crc32(chunk, crc);
      keep?.push(chunk);
      if (size > stop) {
        inflater.destroy();
        resolve({ size, crc });
      }
    });
    inflater.on('end', () => resolve({ size, crc }));
    inflater.on('error', reject);
    inflater.end(packed);
  });
}

/**
 * Refuses a zip whose parts lie about their size, or unpack to more than `limit` bytes together, by
 * unpacking each (and counting, not keeping). Its local headers must agree with the directory and
 * follow one another with no gaps: the parts read by the directory's offsets are all the file holds.
 */
export async function checkUnpackedData(
  data: Buffer,
  entries: readonly ZipEntry[],
  limits: { total: number; /** Of an XML part other than sheets and shared strings. */ otherPart: number },
  fileName?: string,
  /** Filled with each part's checked bytes when the parts declare KEEP_UNPACKED_BYTES or less together. */
  kept?: Map<ZipEntry, Buffer[]>,
): Promise<void> {
  const limit = limits.total;
  const keep = kept && entries.reduce((sum, e) => sum + e.size, 0) <= KEEP_UNPACKED_BYTES;
  const ordered = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  let expected = 0;
  let total = 0;
  for (const entry of ordered) {
    const at = entry.localOffset;
    if (at < expected || at > expected + DESCRIPTOR_BYTES || at + 30 > data.length || data.readUInt32LE(at) !== LOCAL_ENTRY) {
      throw damaged(fileName, `part ${entry.name}: local header at ${at}, expected at ${expected}`);
    }
    const nameLength = data.readUInt16LE(at + 26);
    const start = at + 30 + nameLength + data.readUInt16LE(at + 28);
    if (data.readUInt16LE(at + 8) !== entry.method || data.toString('utf8', at + 30, at + 30 + nameLength) !== entry.name || start + entry.compressedSize > data.length) {
      throw damaged(fileName, `part ${entry.name}: local header disagrees with the directory`);
    }
    // Bit 3: the sizes and CRC follow the data, and the local header holds zeros.
    if ((data.readUInt16LE(at + 6) & 0x08) === 0 && data.readUInt32LE(at + 14) !== entry.crc) {
      throw suspicious(fileName, `две записи о содержимом одной из частей ${kindOf(fileName).whole.split(' ')[0]} не совпадают`, `part ${entry.name}: local CRC differs from the directory's`);
    }
    const packed = data.subarray(start, start + entry.compressedSize);
    let size: number;
    let crc: number;
    if (entry.method === 0) {
      size = packed.length;
      crc = crc32(packed);
    } else if (entry.method === 8) {
      try {
        const chunks: Buffer[] | undefined = keep ? [] : undefined;
        ({ size, crc } = await inflated(packed, Math.min(entry.size, limit - total), chunks));
        if (chunks) kept?.set(entry, chunks);
      } catch (e) {
        throw damaged(fileName, `part ${entry.name}: ${String(e)}`);
      }
    } else throw damaged(fileName, `part ${entry.name}: compression method ${entry.method}`);
    if (keep && entry.method === 0) kept?.set(entry, [packed]);
    total += size;
    if (total > limit) throw tooBig(fileName, null, limit);
    // Styles, the workbook and relationships are parsed whole into objects: small in any real book.
    // Sheets, shared strings and a document's body are streamed, bounded by the parsers' own limits.
    if (size > limits.otherPart && /\.(xml|rels)$/i.test(entry.name) && !/^(xl\/(worksheets\/sheet\d+|sharedStrings)\.xml|word\/document\.xml|content\.xml)$/.test(entry.name)) {
      throw damaged(fileName, `part ${entry.name}: ${size} bytes`);
    }
    if (size !== entry.size) throw damaged(fileName, `part ${entry.name}: unpacks to ${size} bytes, declares ${entry.size}`);
    if (crc !== entry.crc) {
      throw suspicious(fileName, `контрольная сумма одной из частей ${kindOf(fileName).whole.split(' ')[0]} не сходится: файл испорчен при копировании или изменён после сохранения`, `part ${entry.name}: CRC ${crc} instead of ${entry.crc}`);
    }
    expected = start + entry.compressedSize;
  }
  // Nothing may hide between the last part and the directory either.
  if (ordered.length > 0 && !data.subarray(expected, expected + DESCRIPTOR_BYTES + 4).includes(CENTRAL_SIGNATURE)) {
    throw damaged(fileName, `no directory right after the last part (at ${expected})`);
  }
}

/** The packed bytes of an entry, or null when its local header is not where the directory says. */
function packedBytes(data: Buffer, entry: ZipEntry): Buffer | null {
  const at = entry.localOffset;
  if (at + 30 > data.length || data.readUInt32LE(at) !== LOCAL_ENTRY) return null;
  const start = at + 30 + data.readUInt16LE(at + 26) + data.readUInt16LE(at + 28);
  return data.subarray(start, start + entry.compressedSize);
}

/** An entry's unpacked bytes as a stream of chunks: a part of any size without holding it whole. */
export function entryStream(data: Buffer, entry: ZipEntry, kept?: ReadonlyMap<ZipEntry, Buffer[]>): Readable {
  const checked = kept?.get(entry);
  if (checked) return Readable.from(checked);
  const packed = packedBytes(data, entry);
  if (!packed || (entry.method !== 0 && entry.method !== 8)) throw damaged(undefined, `part ${entry.name}: cannot be unpacked`);
  if (entry.method === 0) return Readable.from([packed]);
  const inflater = createInflateRaw({ chunkSize: INFLATE_CHUNK });
  inflater.end(packed);
  return inflater;
}

/** The unpacked bytes of one small entry (stored or deflated), or null when it cannot be read. */
export function readEntry(data: Buffer, entry: ZipEntry, maxBytes: number): Buffer | null {
  const packed = packedBytes(data, entry);
  if (!packed) return null;
  try {
    if (entry.method === 0) return packed.length <= maxBytes ? packed : null;
    if (entry.method === 8) return inflateRawSync(packed, { maxOutputLength: maxBytes });
  } catch {
    return null;
  }
  return null;
}
