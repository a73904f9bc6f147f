/**
 * Edits of package parts before SheetJS parses them (包内部件的预处理), done on the bytes: a part is never decoded as
 * a whole or encoded again. Positions in {@link byteText} are positions in the bytes, since tag names, attribute names
 * and numbers are ASCII.
 */
import { CHINESE_BUILTIN_FORMATS } from "./chineseFormats";

/** An XML part as text with one character per byte (windows-1252). */
function byteText(bytes: Uint8Array): string {
  return (latin1 ??= new TextDecoder("latin1")).decode(bytes);
}
let latin1: TextDecoder | undefined;

/** `bytes` with bytes `start` to `end` replaced by `insert` (the file itself is never written). */
function splice(
  bytes: Uint8Array,
  start: number,
  end: number,
  ...insert: Uint8Array[]
): Uint8Array {
  const length =
    bytes.length - (end - start) + insert.reduce((n, b) => n + b.length, 0);
  const out = new Uint8Array(length);
  out.set(bytes.subarray(0, start));
  let at = start;
  for (const b of insert) {
    out.set(b, at);
    at += b.length;
  }
  out.set(bytes.subarray(end), at);
  return out;
}

/**
 * Where the ASCII text `text` first stands in `bytes`, or -1: a search of the bytes themselves (a worksheet part is
 * never decoded to look for a word in it).
 */
export function indexOfAscii(bytes: Uint8Array, text: string): number {
  const first = text.charCodeAt(0);
  const last = bytes.length - text.length;
  outer: for (
    let i = bytes.indexOf(first);
    i >= 0 && i <= last;
    i = bytes.indexOf(first, i + 1)
  ) {
    for (let k = 1; k < text.length; k++)
      if (bytes[i + k] !== text.charCodeAt(k)) continue outer;
    return i;
  }
  return -1;
}

/** `<cols>…</cols>` (any namespace prefix). */
const COLS = /<(?:\w+:)?cols\b[\s\S]*?<\/(?:\w+:)?cols>/;

/**
 * A worksheet part without its `<cols>` element (column widths and styles, which this reader does not use; SheetJS
 * copies a column entry once per column, 16,384 times for the common "format columns AE to the end" entry). The
 * element comes before the cell data (`<sheetData>`), so only the part's head before it is looked at.
 */
export function dropColumnInfo(content: Uint8Array): Uint8Array {
  const data = indexOfAscii(content, "sheetData");
  const headEnd = data >= 0 ? data : Math.min(content.length, 1 << 16);
  const cols = indexOfAscii(content.subarray(0, headEnd), "cols");
  if (cols < 0) return content;
  const found = COLS.exec(byteText(content.subarray(0, headEnd)));
  return found
    ? splice(content, found.index, found.index + found[0].length)
    : content;
}

/** `<numFmts …>…</numFmts>` or `<numFmts/>` (any namespace prefix); group 1 (with its indices) is the content. */
const NUM_FMTS =
  /<(?:\w+:)?numFmts\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?numFmts>)/d;

/** The format ids of `numFmtId="…"` attributes in an XML text. */
function formatIds(xml: string): Set<number> {
  return new Set(
    [...xml.matchAll(/numFmtId\s*=\s*["'](\d+)["']/g)].map((m) => Number(m[1])),
  );
}

/**
 * Styles part (`xl/styles.xml`) with the Chinese built-in formats added for every id its cell styles use and it does
 * not define itself, so SheetJS gives those cells their format code and displayed text. Unchanged when no style uses
 * one (most workbooks: SheetJS then parses no added format).
 */
export function declareChineseFormats(content: Uint8Array): Uint8Array {
  const xml = byteText(content);
  const block = NUM_FMTS.exec(xml);
  const defined = formatIds(block?.[1] ?? "");
  const used = formatIds(xml);
  const missing = Object.entries(CHINESE_BUILTIN_FORMATS).filter(
    ([id]) => used.has(Number(id)) && !defined.has(Number(id)),
  );
  if (missing.length === 0) return content;
  const encoder = new TextEncoder();
  const added = encoder.encode(
    missing
      .map(
        ([id, code]) =>
          `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`,
      )
      .join(""),
  );
  const open = encoder.encode("<numFmts>");
  const close = encoder.encode("</numFmts>");
  if (block) {
    const inner = block.indices![1];
    const ownBytes = inner
      ? content.subarray(inner[0], inner[1])
      : new Uint8Array();
    return splice(
      content,
      block.index,
      block.index + block[0].length,
      open,
      added,
      ownBytes,
      close,
    );
  }
  const root = /<(?:\w+:)?styleSheet\b[^>]*>/.exec(xml);
  if (!root) return content;
  const at = root.index + root[0].length;
  return splice(content, at, at, open, added, close);
}

function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}
