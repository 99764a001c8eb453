// Reads a zip's central directory before anyone unpacks it: a zip bomb is refused by what it declares.
import { inflateRawSync } from 'node:zlib';
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
}

function broken(): AppError {
  return new AppError('validation', 'Файл повреждён или обрезан: оглавление книги Excel не найдено. Откройте его в Excel или LibreOffice и сохраните заново.');
}

/** The entries a zip declares; throws the Russian «damaged» error when there is no readable directory. */
export function zipEntries(data: Buffer): ZipEntry[] {
  // The end record sits in the last 64 KiB (its comment is at most 65,535 bytes).
  let end = -1;
  for (let at = data.length - 22; at >= Math.max(0, data.length - 22 - 0xffff); at--) {
    if (data.readUInt32LE(at) === EOCD) {
      end = at;
      break;
    }
  }
  if (end < 0) throw broken();
  let count = data.readUInt16LE(end + 10);
  let offset = data.readUInt32LE(end + 16);
  const locator = end - 20;
  if (locator >= 0 && data.readUInt32LE(locator) === EOCD64_LOCATOR) {
    const end64 = Number(data.readBigUInt64LE(locator + 8));
    if (end64 + 56 > data.length) throw broken();
    count = Number(data.readBigUInt64LE(end64 + 32));
    offset = Number(data.readBigUInt64LE(end64 + 48));
  }
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (offset + 46 > data.length || data.readUInt32LE(offset) !== CENTRAL_ENTRY) throw broken();
    let compressedSize = data.readUInt32LE(offset + 20);
    let size = data.readUInt32LE(offset + 24);
    const nameLength = data.readUInt16LE(offset + 28);
    const extraLength = data.readUInt16LE(offset + 30);
    const commentLength = data.readUInt16LE(offset + 32);
    const method = data.readUInt16LE(offset + 10);
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
    entries.push({ name, compressedSize, size, method, localOffset });
    offset = extra + extraLength + commentLength;
  }
  return entries;
}

/** Refuses a zip that would unpack to more than `limit` bytes. */
export function checkUnpackedSize(entries: readonly ZipEntry[], limit: number): void {
  const total = entries.reduce((sum, e) => sum + e.size, 0);
  if (total > limit) {
    const mb = (n: number) => Math.round(n / 1024 / 1024).toLocaleString('ru-RU');
    throw new AppError(
      'validation',
      `Файл распаковывается в ${mb(total)} МБ, а Reestr читает книги не больше ${mb(limit)} МБ в распакованном виде. Возможно, файл повреждён или намеренно раздут; если это настоящая таблица, разделите её на несколько файлов.`,
    );
  }
}

/** The unpacked bytes of one small entry (stored or deflated), or null when it cannot be read. */
export function readEntry(data: Buffer, entry: ZipEntry, maxBytes: number): Buffer | null {
  const at = entry.localOffset;
  if (at + 30 > data.length || data.readUInt32LE(at) !== 0x04034b50) return null;
  const start = at + 30 + data.readUInt16LE(at + 26) + data.readUInt16LE(at + 28);
  const packed = data.subarray(start, start + entry.compressedSize);
  try {
    if (entry.method === 0) return packed.length <= maxBytes ? packed : null;
    if (entry.method === 8) return inflateRawSync(packed, { maxOutputLength: maxBytes });
  } catch {
    return null;
  }
  return null;
}
