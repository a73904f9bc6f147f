/**
 * Hand-built zip packages for reader tests: entries whose declared sizes, CRC-32 and packed bytes are given as is,
 * so that a test can declare what a damaged or crafted package declares (a zip bomb, a wrong CRC).
 */
import { buf as crc32 } from "crc-32";
import { deflateRawSync, constants } from "zlib";

/** One zip entry: packed bytes (deflate when `method` is 8, else stored) and what the directory says of them. */
export interface RawEntry {
  name: string;
  packed: Uint8Array;
  method: 0 | 8;
  crc: number;
  size: number;
}

/** A stored or deflated entry with its true size and CRC. */
export function entryOf(
  name: string,
  data: Uint8Array,
  method: 0 | 8 = 8,
): RawEntry {
  return {
    name,
    packed: method === 8 ? deflateRawSync(data) : data,
    method,
    crc: crc32(data) >>> 0,
    size: data.length,
  };
}

/**
 * A deflate stream that unpacks to `mb` MB of zero bytes, made without ever holding them: one MB of zeros packed with
 * a sync flush (byte-aligned, not final) repeated `mb` times (each copy refers only to zeros before it), then an empty
 * final block.
 */
export function zeroBomb(mb: number): Uint8Array {
  const piece = deflateRawSync(Buffer.alloc(1024 * 1024), {
    finishFlush: constants.Z_SYNC_FLUSH,
  });
  const out = new Uint8Array(piece.length * mb + 2);
  for (let i = 0; i < mb; i++) out.set(piece, i * piece.length);
  out.set([0x03, 0x00], piece.length * mb);
  return out;
}

/** The bytes of a zip file holding `entries` (local headers, data, central directory, end record). */
export function zipOf(entries: readonly RawEntry[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = new TextEncoder().encode(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.packed.length, 18);
    local.writeUInt32LE(Math.min(e.size, 0xffffffff), 22);
    local.writeUInt16LE(name.length, 26);
    chunks.push(local, name, e.packed);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x800, 8);
    dir.writeUInt16LE(e.method, 10);
    dir.writeUInt32LE(e.crc >>> 0, 16);
    dir.writeUInt32LE(e.packed.length, 20);
    dir.writeUInt32LE(Math.min(e.size, 0xffffffff), 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, name);
    offset += 30 + name.length + e.packed.length;
  }
  const dirSize = central.reduce((n, c) => n + c.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...central, end]);
}
