/**
 * 受限解压: unzips a package within bounds, checking every part's CRC-32. A received file may be damaged or crafted
 * (a "zip bomb": a few MB that unpack to GBs), so sizes are checked before anything is inflated (the sizes the
 * package declares) and while inflating (a part never unpacks to more than it declared), and a part whose bytes do not
 * match its CRC-32 is refused rather than read with altered values.
 *
 * The zip directory is read here rather than with fflate's `unzipSync`, which neither reports CRCs nor stops a part
 * that unpacks to more than it declared; fflate's streaming inflater does the inflating, and crc-32 the checksums.
 */
import { buf as crc32 } from "crc-32";
import { Inflate, inflateSync } from "fflate";

const MB = 1024 * 1024;

/** Limits of one package's unpacked contents. */
export interface UnzipLimits {
  /** Largest unpacked part (bytes). */
  partBytes: number;
  /** Largest sum of the unpacked parts read (bytes). */
  fileBytes: number;
  /** Largest unpacked ÷ packed size of a part larger than {@link ratioFrom}. */
  ratio: number;
  /** Parts up to this unpacked size (bytes) are not held to {@link ratio}: small repetitive parts pack very well. */
  ratioFrom: number;
}

/**
 * The limits for received workbooks:
 * - 200 MB per part: a worksheet of 100,000 full rows of the widest official table is about 60 MB of XML; SheetJS
 *   needs several times a part's size in memory to parse it;
 * - 500 MB per file: what a reader can hold (with SheetJS's copies) within the memory of one worker;
 * - ratio 200:1 above 1 MB: worksheets, shared strings and styles pack 3–30:1, repetitive sheets rarely beyond 100:1,
 *   while zip bombs pack about 1000:1 (deflate's most).
 */
export const UNZIP_LIMITS: Readonly<UnzipLimits> = {
  partBytes: 200 * MB,
  fileBytes: 500 * MB,
  ratio: 200,
  ratioFrom: MB,
};

/**
 * Why a package could not be unzipped:
 * - `corrupt`: not a readable zip (no directory, parts outside the file, unknown compression, damaged deflate data);
 * - `checksum`: a part unpacks to another size than declared, or its CRC-32 does not match (压缩包校验失败);
 * - `too-large`: the declared sizes exceed the limits (文件过大).
 */
export type UnzipFailure = "corrupt" | "checksum" | "too-large";

/** One part as the zip directory describes it. */
interface Entry {
  name: string;
  method: number;
  encrypted: boolean;
  crc: number;
  packed: number;
  size: number;
  localOffset: number;
}

/** A failure found while unzipping; caught by {@link unzipBounded}. */
class UnzipError extends Error {
  constructor(readonly failure: UnzipFailure) {
    super(failure);
  }
}

/**
 * Unzips the parts of a package that `wanted` accepts, within `limits`.
 * @param wanted decides by a part's path whether it is unpacked (folders, paths ending with `/`, never are)
 * @returns the unpacked parts by path in directory order, and the paths of the other parts (not unpacked); or why the
 *   package cannot be unzipped. Never throws.
 */
export function unzipBounded(
  bytes: Uint8Array,
  wanted: (path: string) => boolean,
  limits: Readonly<UnzipLimits> = UNZIP_LIMITS,
):
  | { ok: true; parts: Map<string, Uint8Array>; others: string[] }
  | { ok: false; failure: UnzipFailure } {
  try {
    const entries = readDirectory(bytes);
    const taken = entries.filter(
      (e) => !e.name.endsWith("/") && wanted(e.name),
    );
    let total = 0;
    for (const e of taken) {
      total += e.size;
      const tooDense =
        e.size > limits.ratioFrom && e.size > limits.ratio * e.packed;
      if (e.size > limits.partBytes || total > limits.fileBytes || tooDense)
        return { ok: false, failure: "too-large" };
    }
    const parts = new Map<string, Uint8Array>();
    for (const e of taken) parts.set(e.name, unpack(bytes, e));
    const others = entries
      .filter((e) => !e.name.endsWith("/") && !taken.includes(e))
      .map((e) => e.name);
    return { ok: true, parts, others };
  } catch (e) {
    return {
      ok: false,
      failure: e instanceof UnzipError ? e.failure : "corrupt",
    };
  }
}

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) =>
  (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
const u64 = (b: Uint8Array, at: number) =>
  u32(b, at) + u32(b, at + 4) * 0x1_0000_0000;

/** Finds the end-of-directory record, then reads every directory entry (zip64 included). @throws UnzipError */
function readDirectory(b: Uint8Array): Entry[] {
  // The record is at least 22 bytes from the end, at most 22 + a 65,535-byte comment.
  let end = b.length - 22;
  const stop = Math.max(0, end - 0xffff);
  while (end >= stop && u32(b, end) !== 0x06054b50) end--;
  if (end < stop) throw new UnzipError("corrupt");
  let count = u16(b, end + 10);
  let at = u32(b, end + 16);
  if (end >= 20 && u32(b, end - 20) === 0x07064b50) {
    const z = u64(b, end - 12);
    if (z + 56 > b.length || u32(b, z) !== 0x06064b50)
      throw new UnzipError("corrupt");
    count = u64(b, z + 32);
    at = u64(b, z + 48);
  }
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > b.length || u32(b, at) !== 0x02014b50)
      throw new UnzipError("corrupt");
    const flags = u16(b, at + 8);
    const nameLength = u16(b, at + 28);
    const extraLength = u16(b, at + 30);
    const next = at + 46 + nameLength + extraLength + u16(b, at + 32);
    if (next > b.length) throw new UnzipError("corrupt");
    const nameBytes = b.subarray(at + 46, at + 46 + nameLength);
    const entry: Entry = {
      // Bit 11: the name is UTF-8; else it is read one byte per character, as fflate does.
      name: new TextDecoder(flags & 0x800 ? "utf-8" : "latin1").decode(
        nameBytes,
      ),
      method: u16(b, at + 10),
      encrypted: (flags & 1) !== 0,
      crc: u32(b, at + 16),
      packed: u32(b, at + 20),
      size: u32(b, at + 24),
      localOffset: u32(b, at + 42),
    };
    readZip64Sizes(b, at + 46 + nameLength, extraLength, entry);
    entries.push(entry);
    at = next;
  }
  return entries;
}

/** Sizes and offset too large for 32 bits stand in the zip64 extra field (id 1), in this order, each when needed. */
function readZip64Sizes(
  b: Uint8Array,
  start: number,
  length: number,
  entry: Entry,
): void {
  for (let at = start; at + 4 <= start + length;) {
    const id = u16(b, at);
    const size = u16(b, at + 2);
    if (id === 1) {
      let field = at + 4;
      for (const key of ["size", "packed", "localOffset"] as const) {
        if (entry[key] !== 0xffffffff) continue;
        if (field + 8 > at + 4 + size) throw new UnzipError("corrupt");
        entry[key] = u64(b, field);
        field += 8;
      }
      return;
    }
    at += 4 + size;
  }
}

/** Input handed to the inflater at a time: bounds what one step can unpack (deflate packs at most about 1032:1). */
const STEP = 64 * 1024;

/**
 * Parts packed in at most this many bytes are inflated in one call into a buffer of their declared size and one byte
 * more: no growing buffers, and a part that unpacks to more than it declared still fails (it fills that last byte).
 * The inflater keeps decoding past a full buffer, so this is only for parts whose worst case (about 1032 times their
 * packed size) is small work; larger parts go through the streaming inflater, which stops at the declared size.
 */
const ONE_CALL = 64 * 1024;

/** One part's bytes, unpacked and checked against its declared size and CRC-32. @throws UnzipError */
function unpack(b: Uint8Array, e: Entry): Uint8Array {
  const at = e.localOffset;
  if (e.encrypted || at + 30 > b.length || u32(b, at) !== 0x04034b50)
    throw new UnzipError("corrupt");
  const start = at + 30 + u16(b, at + 26) + u16(b, at + 28);
  if (start + e.packed > b.length) throw new UnzipError("corrupt");
  const packed = b.subarray(start, start + e.packed);
  let out: Uint8Array;
  if (e.method === 0) {
    if (e.packed !== e.size) throw new UnzipError("checksum");
    out = packed.slice();
  } else if (e.method === 8 && e.packed <= ONE_CALL) {
    out = inflateSync(packed, { out: new Uint8Array(e.size + 1) });
    if (out.length !== e.size) throw new UnzipError("checksum");
  } else if (e.method === 8) {
    out = new Uint8Array(e.size);
    let filled = 0;
    const inflater = new Inflate((chunk) => {
      if (filled + chunk.length > e.size) throw new UnzipError("checksum");
      out.set(chunk, filled);
      filled += chunk.length;
    });
    for (let i = 0; i < packed.length || i === 0; i += STEP) {
      const last = i + STEP >= packed.length;
      inflater.push(packed.subarray(i, i + STEP), last);
    }
    if (filled !== e.size) throw new UnzipError("checksum");
  } else throw new UnzipError("corrupt");
  if (crc32(out) >>> 0 !== e.crc) throw new UnzipError("checksum");
  return out;
}
