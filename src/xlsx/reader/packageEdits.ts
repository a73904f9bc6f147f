/**
 * Edits of package parts before SheetJS parses them (包内部件的预处理), done on the bytes: a part is never decoded as
 * a whole or encoded again. Positions in {@link byteText} are positions in the bytes, since tag names, attribute names
 * and numbers are ASCII.
 */
import { columnIndex } from "../../core/model/grid";
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

/** One `<col …>` entry (not `<cols>`: `\b` stands between `col` and a further letter). */
const COL = /<(?:\w+:)?col\b[^<>]*>/g;

/** `<dimension ref="A1:AD30"/>`: group 1 is the letters of the last column (a one-cell ref says nothing). */
const DIMENSION =
  /<(?:\w+:)?dimension\b[^>]*?\bref\s*=\s*["'][^"':]*:\$?([A-Za-z]{1,3})\$?\d+["']/;

/** Columns looked at when a worksheet names no last column: as wide as an .xls sheet (IV), wider than any table. */
export const UNDECLARED_LAST_COLUMN = 256;

/** Hidden columns handed to SheetJS per workbook: it makes one object per column, so a hostile file is bounded. */
export const HIDDEN_COLUMN_BUDGET = 16_384;

/** The attributes of a `<col>` entry read here: group 1 is the value. */
const COL_ATTRIBUTES = {
  hidden: /\shidden\s*=\s*["']([^"']*)["']/,
  min: /\smin\s*=\s*["']([^"']*)["']/,
  max: /\smax\s*=\s*["']([^"']*)["']/,
};

/** An attribute's value in one `<col>` tag, or undefined. */
function attribute(
  tag: string,
  name: keyof typeof COL_ATTRIBUTES,
): string | undefined {
  return COL_ATTRIBUTES[name].exec(tag)?.[1];
}

/**
 * The hidden columns of a `<cols>` element as sorted disjoint 1-based runs `[first, last]`, clipped to column
 * `lastColumn`.
 */
function hiddenRuns(cols: string, lastColumn: number): [number, number][] {
  const runs: [number, number][] = [];
  for (const [tag] of cols.matchAll(COL)) {
    if (!tag.includes("hidden")) continue;
    if (!/^(?:1|true)$/i.test(attribute(tag, "hidden") ?? "")) continue;
    const min = Number(attribute(tag, "min"));
    const max = Math.min(Number(attribute(tag, "max") ?? min), lastColumn);
    if (
      Number.isInteger(min) &&
      Number.isInteger(max) &&
      min >= 1 &&
      min <= max
    )
      runs.push([min, max]);
  }
  runs.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [min, max] of runs) {
    const last = merged[merged.length - 1];
    if (last && min <= last[1] + 1) last[1] = Math.max(last[1], max);
    else merged.push([min, max]);
  }
  return merged;
}

/**
 * A worksheet part whose `<cols>` element keeps only its hidden columns (全部列信息中只保留隐藏列), so that SheetJS
 * reads which columns are hidden and nothing else of them (widths and styles are not used here). SheetJS copies a
 * column entry once per column, 16,384 times for the common "format (or hide) columns AE to the end" entry, so the
 * entries kept are merged into runs and clipped to the sheet's last column (its `<dimension>`, else
 * {@link UNDECLARED_LAST_COLUMN}), and at most `room` columns are kept. The element comes before the cell data
 * (`<sheetData>`), so only the part's head before it is looked at.
 * @param room hidden columns this part may still hand to SheetJS (what is left of {@link HIDDEN_COLUMN_BUDGET})
 * @returns the part, and how many hidden columns it keeps
 */
export function keepHiddenColumns(
  content: Uint8Array,
  room: number,
): { content: Uint8Array; columns: number } {
  const data = indexOfAscii(content, "sheetData");
  const headEnd = data >= 0 ? data : Math.min(content.length, 1 << 16);
  if (indexOfAscii(content.subarray(0, headEnd), "cols") < 0)
    return { content, columns: 0 };
  const head = byteText(content.subarray(0, headEnd));
  const found = COLS.exec(head);
  if (!found) return { content, columns: 0 };
  // Budget spent: the element goes, unread.
  if (room <= 0)
    return {
      content: splice(content, found.index, found.index + found[0].length),
      columns: 0,
    };
  const declared = DIMENSION.exec(head)?.[1];
  const lastColumn = Math.min(
    declared ? columnIndex(declared) + 1 : UNDECLARED_LAST_COLUMN,
    16_384,
  );
  let left = room;
  const kept: string[] = [];
  for (const [min, max] of hiddenRuns(found[0], lastColumn)) {
    if (left <= 0) break;
    const last = Math.min(max, min + left - 1);
    kept.push(`<col min="${min}" max="${last}" hidden="1"/>`);
    left -= last - min + 1;
  }
  const cols =
    kept.length > 0
      ? [new TextEncoder().encode(`<cols>${kept.join("")}</cols>`)]
      : [];
  return {
    content: splice(
      content,
      found.index,
      found.index + found[0].length,
      ...cols,
    ),
    columns: room - left,
  };
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
