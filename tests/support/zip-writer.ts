// A small zip writer for tests that need zips no well-behaved program writes: sizes that lie,
// entries by the thousand, deflate streams of gigabytes. Standard library only.
import { constants, crc32, deflateRawSync } from 'node:zlib';

export interface ZipPart {
  name: string;
  data: Buffer | string;
  /** 0 stored, 8 deflated (the default). */
  method?: 0 | 8;
  /** Already deflated bytes to store as they are (with `size` and `crc` of what they unpack to). */
  raw?: { bytes: Buffer; size: number; crc: number };
  /** The uncompressed size to declare instead of the true one (both headers). */
  declaredSize?: number;
}

/** A zip of the parts in order, with a central directory; no zip64, no data descriptors. */
export function makeZip(parts: readonly ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const data = typeof part.data === 'string' ? Buffer.from(part.data, 'utf8') : part.data;
    const method = part.raw ? 8 : (part.method ?? 8);
    const packed = part.raw ? part.raw.bytes : method === 8 ? deflateRawSync(data, { level: 9 }) : data;
    const size = part.declaredSize ?? (part.raw ? part.raw.size : data.length);
    const crc = part.raw ? part.raw.crc : crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x800, 6); // names in UTF-8
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(0x5421_0000, 10); // a fixed DOS time
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, packed);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x800, 8);
    entry.writeUInt16LE(method, 10);
    entry.writeUInt32LE(0x5421_0000, 12);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(size >>> 0, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, name);
    offset += 30 + name.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(parts.length, 0xffff), 8);
  end.writeUInt16LE(Math.min(parts.length, 0xffff), 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/**
 * `head`, `unit` × `repeat`, `tail` as one deflate stream, without ever holding the middle: a
 * megabyte of units is deflated once, as self-contained non-final blocks, and its bytes repeated.
 */
export function deflatedRepeat(head: string, unit: string, repeat: number, tail: string): NonNullable<ZipPart['raw']> {
  const notFinal = { finishFlush: constants.Z_FULL_FLUSH };
  const perChunk = Math.max(1, Math.floor((1 << 20) / Buffer.byteLength(unit)));
  const chunk = Buffer.from(unit.repeat(Math.min(perChunk, repeat)), 'utf8');
  const chunks = Math.floor(repeat / perChunk);
  const headBytes = Buffer.from(head, 'utf8');
  const end = Buffer.from(unit.repeat(repeat - chunks * perChunk) + tail, 'utf8');
  const packedChunk = deflateRawSync(chunk, notFinal);
  const pieces = [deflateRawSync(headBytes, notFinal)];
  let crc = crc32(headBytes);
  for (let i = 0; i < chunks; i++) {
    pieces.push(packedChunk);
    crc = crc32(chunk, crc);
  }
  pieces.push(deflateRawSync(end));
  crc = crc32(end, crc);
  return { bytes: Buffer.concat(pieces), size: headBytes.length + chunks * chunk.length + end.length, crc };
}
