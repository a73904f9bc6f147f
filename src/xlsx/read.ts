/**
 * 读取表格文件: the bytes of a workbook file → the core's plain grid (core/grid.ts), or a {@link ReadError}
 * saying in Chinese why the file cannot be read. Reads .xlsx .xlsm .xls .et .ods .csv (and HTML or XML tables
 * saved as .xls, which some systems export) with SheetJS. Runs in the browser too: no Node APIs here.
 *
 * What it guarantees:
 * - values as stored: formula cells keep their cached value, numbers stay numbers (a date keeps its serial and
 *   gets `date` besides), text starting with `=` stays text;
 * - work bounded by the cells that exist, never by the declared size: format-only cells and empty text are
 *   left out, so a stray formatted cell at row 1,048,576 adds nothing;
 * - Excel's built-in number formats are shown the way Chinese Excel shows them (ids 14, 22, 27–36, 50–58:
 *   `yyyy"年"m"月"d"日"` …), so cells using them are recognised as dates and `w` is the text the user sees.
 */
import * as XLSX from "@e965/xlsx";
import { unzipSync } from "fflate";

import { parseMarkName } from "../core/catalog/mark";
import {
  type Cell,
  type CellRange,
  isBlank,
  type Sheet,
  type Workbook,
} from "../core/grid";
import { formatShowsDate, serialDate } from "../core/parse/numberFormat";
import { type ReadError, readError } from "./errors";

/** Moved to core (the add-in reads Excel's cells with them too); re-exported for existing callers. */
export { formatShowsDate, serialDate };

/** The outcome of reading a file: the workbook, or why it could not be read. */
export type ReadResult =
  { ok: true; workbook: Workbook } | { ok: false; error: ReadError };

/** SheetJS options: dense sheets, raw serials (no time-zone dependent Date objects), formats and formulas. */
const OPTIONS: XLSX.ParsingOptions = {
  dense: true,
  cellDates: false,
  cellNF: true,
  // Off: it costs time, and makes the .xls reader inflate the theme zip inside the file with SheetJS's own inflate,
  // which loops forever on damaged data. Packages turn it on for their hidden rows (see parseZip).
  cellStyles: false,
  cellHTML: false,
  cellFormula: true,
  sheetStubs: true, // formula cells without a cached value (toolchain.md trap 9)
  WTF: false,
};

/**
 * Excel's built-in date and time formats as Chinese Excel shows them. Files refer to these by id only (no format
 * code), and SheetJS would otherwise show them as US dates (`m/d/yy`) or not at all.
 */
const CHINESE_BUILTIN_FORMATS: Readonly<Record<number, string>> = {
  14: "yyyy/m/d",
  22: "yyyy-m-d h:mm",
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: "m-d-yy",
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午h"时"mm"分"',
  35: '上午/下午h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午h"时"mm"分"',
  56: '上午/下午h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

/** SheetJS error codes → the text Excel shows, for readers that give no text. */
const ERROR_TEXT: Readonly<Record<number, string>> = {
  0x00: "#NULL!",
  0x07: "#DIV/0!",
  0x0f: "#VALUE!",
  0x17: "#REF!",
  0x1d: "#NAME?",
  0x24: "#NUM!",
  0x2a: "#N/A",
  0x2b: "#GETTING_DATA",
};

/** A package as SheetJS's `parse_zip` takes it (the container of its CFB module): paths under `Root Entry/`. */
interface ZipContainer {
  FullPaths: string[];
  FileIndex: {
    name: string;
    type: number;
    size?: number;
    content?: Uint8Array;
  }[];
}
/** SheetJS's package parser: exported by both its CommonJS and ES builds, missing from its type definitions. */
const parsePackage = (
  XLSX as unknown as {
    parse_zip(zip: ZipContainer, options: XLSX.ParsingOptions): XLSX.WorkBook;
  }
).parse_zip;

/**
 * Reads a workbook file. Never throws: a file that cannot be read gives `{ok: false, error}` with a Chinese message
 * naming the file (文件已加密 / 文件已损坏 / 不是受支持的表格文件 / 文件为空).
 * @param data the file's bytes
 * @param fileName the file name as the user knows it (no directory); also decides whether plain text is read as CSV
 *   (`.csv`) or refused
 */
export function readWorkbook(
  data: Uint8Array | ArrayBuffer,
  fileName: string,
): ReadResult {
  try {
    const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
    if (bytes.length === 0)
      return { ok: false, error: readError("empty", fileName) };
    const parsed = parse(bytes, fileName);
    if ("code" in parsed) return { ok: false, error: parsed };
    const workbook = toWorkbook(parsed.book, fileName, parsed.text);
    const hasContent = workbook.sheets.some((s) =>
      s.rows.some((row) => row.some((cell) => !isBlank(cell))),
    );
    return hasContent
      ? { ok: true, workbook }
      : { ok: false, error: readError("empty", fileName) };
  } catch (e) {
    return {
      ok: false,
      error: readError(isPasswordError(e) ? "encrypted" : "corrupt", fileName),
    };
  }
}

/** A SheetJS workbook, and whether it came from plain text (CSV, HTML tables), whose cells are all text. */
type Parsed = { book: XLSX.WorkBook; text: boolean };

/** Chooses the reader by the file's first bytes (and, for plain text, its extension). @throws what SheetJS throws */
function parse(bytes: Uint8Array, fileName: string): Parsed | ReadError {
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0x50 && b1 === 0x4b && b2 === 0x03 && b3 === 0x04)
    return parseZip(bytes, fileName);
  if (b0 === 0xd0 && b1 === 0xcf && b2 === 0x11 && b3 === 0xe0)
    return parseBinary(bytes, fileName);
  // A bare BIFF2–4 worksheet stream (BOF record), as very old Excel versions wrote .xls.
  if (b0 === 0x09 && (b1 === 0x00 || b1 === 0x02 || b1 === 0x04))
    return parseBinary(bytes, fileName);
  const text = decodeText(bytes);
  if (text === undefined) return readError("unsupported", fileName);
  // SpreadsheetML 2003 and flat OpenDocument say which cells are numbers; CSV and HTML tables hold only text.
  const typed = /<(?:ss:)?Workbook[\s>]|<office:document[\s>]/i.test(text);
  if (!/\.csv$/i.test(fileName) && !typed && !/<table[\s>]/i.test(text)) {
    return readError("unsupported", fileName);
  }
  // raw: no guessing of numbers or dates by SheetJS, and `=` stays text.
  return {
    book: XLSX.read(text, { ...OPTIONS, type: "string", raw: true }),
    text: !typed,
  };
}

/**
 * Parts of a package this reader never uses: pictures, document properties, the theme (colours), drawings, printer
 * settings, comments, the calculation chain, cell metadata, custom XML and thumbnails. They are not unzipped (in a
 * small workbook the theme alone is a third of the compressed bytes); SheetJS gets each as an empty part, which it
 * reads as "nothing there" (an empty theme as its default theme, empty metadata as none).
 */
const UNUSED_PART =
  /^(?:xl[\\/](?:media|theme|drawings|printerSettings|comments|threadedComments)|xl[\\/](?:calcChain|metadata)\.xml$|docProps[\\/]|customXml[\\/]|Pictures[\\/]|Thumbnails[\\/])/i;

/**
 * OOXML (.xlsx .xlsm) and OpenDocument (.ods) packages, unzipped with fflate (SheetJS's own inflate loops forever on
 * some damaged deflate streams). Before SheetJS parses the package (in memory), its styles part gets the Chinese
 * built-in formats its cells use and its worksheets lose their column widths (`<cols>`): SheetJS copies a column entry
 * once per column, 16,384 times for the common "format columns AE to the end" entry. Unused parts ({@link UNUSED_PART})
 * are not unzipped.
 */
function parseZip(bytes: Uint8Array, fileName: string): Parsed | ReadError {
  let files: Record<string, Uint8Array>;
  const unused: string[] = [];
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        if (!UNUSED_PART.test(f.name)) return true;
        unused.push(f.name);
        return false;
      },
    });
  } catch {
    return readError("corrupt", fileName);
  }
  const paths = Object.keys(files).filter((p) => !p.endsWith("/"));
  if (!paths.some((p) => /^(xl[\\/]|content\.xml$)/i.test(p)))
    return readError("unsupported", fileName);
  const zip: ZipContainer = {
    FullPaths: ["Root Entry/"],
    FileIndex: [{ name: "Root Entry", type: 5 }],
  };
  const add = (p: string, content: Uint8Array) => {
    zip.FullPaths.push(`Root Entry/${p}`);
    zip.FileIndex.push({
      name: p.slice(p.lastIndexOf("/") + 1),
      type: 2,
      size: content.length,
      content: forSheetJs(content),
    });
  };
  // cellStyles: the only way SheetJS reads the hidden rows of a package (`!rows`); it also makes SheetJS read every
  // cell's style, so it is on only for OpenDocument and for workbooks whose worksheets say `hidden` somewhere.
  const ooxml = paths.some((p) => /^xl[\\/]/i.test(p));
  let cellStyles = !ooxml;
  for (const p of paths) {
    let content = files[p]!;
    if (/^xl[\\/]styles\.xml$/i.test(p))
      content = declareChineseFormats(content);
    else if (/^xl[\\/]worksheets[\\/][^\\/]+\.xml$/i.test(p)) {
      content = dropColumnInfo(content);
      cellStyles ||= indexOfAscii(content, "hidden") >= 0;
    }
    add(p, content);
  }
  for (const p of unused) if (!p.endsWith("/")) add(p, new Uint8Array());
  // OOXML: cellText off, SheetJS formats no number and toCell makes the texts of number cells (shownNumber).
  // OpenDocument keeps SheetJS's texts: they are the texts the file itself stores.
  const book = withoutOdsWarnings(() =>
    parsePackage(zip, { ...OPTIONS, cellStyles, cellText: !ooxml }),
  );
  return { book, text: false };
}

/**
 * A part's bytes as SheetJS reads them fastest: in Node a Buffer over the same memory (SheetJS turns a Buffer into
 * text in one step, a plain Uint8Array through a windows-1252 decode and a replace over the whole part); in the
 * browser, where there is no Buffer, the bytes themselves.
 */
function forSheetJs(bytes: Uint8Array): Uint8Array {
  return typeof Buffer === "undefined"
    ? bytes
    : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Runs `read` without SheetJS's console messages about OpenDocument number formats with conditions (printed for
 * every such format LibreOffice writes; they say nothing the user can act on). Other messages still go through.
 */
function withoutOdsWarnings<T>(read: () => T): T {
  const error = console.error;
  console.error = (...args: unknown[]) => {
    if (!String(args[0]).startsWith("ODS number format may be incorrect"))
      error(...args);
  };
  try {
    return read();
  } finally {
    console.error = error;
  }
}

/**
 * An XML part as text with one character per byte (windows-1252), so that positions in the text are positions in the
 * bytes: tag names, attribute names and numbers are ASCII, and the part is never decoded as a whole or encoded again.
 */
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
function indexOfAscii(bytes: Uint8Array, text: string): number {
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
 * A worksheet part without its `<cols>` element (column widths and styles, which this reader does not use). The
 * element comes before the cell data (`<sheetData>`), so only the part's head before it is looked at.
 */
function dropColumnInfo(content: Uint8Array): Uint8Array {
  const data = indexOfAscii(content, "sheetData");
  const headEnd = data >= 0 ? data : Math.min(content.length, 1 << 16);
  const cols = indexOfAscii(content.subarray(0, headEnd), "cols");
  if (cols < 0) return content;
  const found = COLS.exec(byteText(content.subarray(0, headEnd)));
  return found
    ? splice(content, found.index, found.index + found[0].length)
    : content;
}

/** Compound files (.xls .et, and password-protected .xlsx) and bare BIFF streams. */
function parseBinary(bytes: Uint8Array, fileName: string): Parsed | ReadError {
  // BIFF readers take built-in formats from SheetJS's format table, which SheetJS does not reset for them.
  for (const [id, code] of Object.entries(CHINESE_BUILTIN_FORMATS))
    XLSX.SSF.load(code, Number(id));
  try {
    return {
      book: XLSX.read(bytes, { ...OPTIONS, type: "array" }),
      text: false,
    };
  } catch (e) {
    if (isPasswordError(e)) return readError("encrypted", fileName);
    // A compound file without a workbook stream is another Office document (.doc, .ppt …).
    if (/Cannot find Workbook stream/i.test(errorMessage(e)))
      return readError("unsupported", fileName);
    throw e;
  }
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
function declareChineseFormats(content: Uint8Array): Uint8Array {
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

/**
 * Plain text of a text file: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (GBK CSV saved by Chinese
 * Excel). Undefined when the bytes are not text (NUL bytes, or undecodable in every encoding).
 */
function decodeText(bytes: Uint8Array): string | undefined {
  const decode = (encoding: string, fatal: boolean) =>
    new TextDecoder(encoding, { fatal }).decode(bytes);
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = decode("utf-16le", false);
  else if (bytes[0] === 0xfe && bytes[1] === 0xff)
    text = decode("utf-16be", false);
  else {
    try {
      text = decode("utf-8", true);
    } catch {
      text = decode("gb18030", false);
    }
  }
  return text.includes("\u0000") || text.includes("\ufffd") ? undefined : text;
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** SheetJS's errors for password-protected files (xls FILEPASS, ECMA-376 encrypted packages, encrypted ODS). */
function isPasswordError(e: unknown): boolean {
  return /password|encrypt|ECMA-376/i.test(errorMessage(e));
}

/** SheetJS workbook → core Workbook. */
function toWorkbook(
  book: XLSX.WorkBook,
  fileName: string,
  text: boolean,
): Workbook {
  const flag = book.Workbook?.WBProps?.date1904 as unknown;
  const date1904 =
    flag === true || flag === 1 || flag === "1" || flag === "true";
  const marks = marksBySheet(book.Workbook?.Names ?? [], book.SheetNames);
  const sheets = book.SheetNames.map((name, i) => {
    const ws = book.Sheets[name];
    const sheet = ws
      ? toSheet(ws, name, date1904, text)
      : { name, rows: [], merges: [] };
    if (book.Workbook?.Sheets?.[i]?.Hidden) sheet.hidden = true;
    const mark = marks.get(i);
    if (mark) sheet.mark = mark;
    return sheet;
  });
  return { fileName, sheets, date1904 };
}

/**
 * Our template marks (catalog/mark.ts) by 0-based sheet index: a mark belongs to the sheet its reference points
 * at (`'贷款'!$A$1`), else to the sheet it is scoped to; the first mark of a sheet wins.
 */
function marksBySheet(
  names: XLSX.DefinedName[],
  sheetNames: string[],
): Map<number, NonNullable<Sheet["mark"]>> {
  const marks = new Map<number, NonNullable<Sheet["mark"]>>();
  for (const n of names) {
    const mark = parseMarkName(n.Name);
    if (!mark) continue;
    // SheetJS leaves XML escapes in OpenDocument references (`&apos;项目 情况&apos;!$A$1`).
    const target = (n.Ref ?? "").replace(/&apos;/g, "'").replace(/&amp;/g, "&");
    const ref = /^(?:'((?:[^']|'')+)'|([^'!]+))!/.exec(target);
    const refIndex = ref
      ? sheetNames.indexOf((ref[1] ?? ref[2] ?? "").replace(/''/g, "'"))
      : -1;
    const index = refIndex >= 0 ? refIndex : n.Sheet;
    if (index !== undefined && index < sheetNames.length && !marks.has(index))
      marks.set(index, mark);
  }
  return marks;
}

/** SheetJS sheet → core Sheet, visiting only the cells present (dense rows, or cell keys in sparse mode). */
function toSheet(
  ws: XLSX.WorkSheet,
  name: string,
  date1904: boolean,
  text: boolean,
): Sheet {
  const rows: (Cell | undefined)[][] = [];
  const put = (r: number, c: number, source: XLSX.CellObject | undefined) => {
    const cell = source && toCell(source, date1904, text);
    if (cell) (rows[r] ??= [])[c] = cell;
  };
  const data = ws["!data"];
  if (data) {
    // Rows by their keys (a stray cell at row 1,048,576 makes the array that long); a row's cells by index (a row
    // is at most 16,384 columns wide, and an index loop makes no key strings).
    for (const key of Object.keys(data)) {
      const r = Number(key);
      const row = data[r];
      if (row) for (let c = 0; c < row.length; c++) put(r, c, row[c]);
    }
  } else {
    for (const key of Object.keys(ws)) {
      if (key.startsWith("!")) continue;
      const { r, c } = XLSX.utils.decode_cell(key);
      put(r, c, ws[key] as XLSX.CellObject);
    }
  }
  const merges: CellRange[] = (ws["!merges"] ?? []).map((m) => ({
    s: { ...m.s },
    e: { ...m.e },
  }));
  const sheet: Sheet = { name, rows, merges };
  // Hidden rows past the last cell hide nothing: leave them out (a sheet may hide a million empty rows).
  const rowInfo = ws["!rows"] ?? [];
  const hiddenRows = Object.keys(rowInfo)
    .map(Number)
    .filter((r) => r < rows.length && rowInfo[r]?.hidden);
  if (hiddenRows.length > 0) sheet.hiddenRows = hiddenRows;
  return sheet;
}

/** One SheetJS cell → core Cell; undefined for a cell with nothing in it (format only, or empty text). */
function toCell(
  source: XLSX.CellObject,
  date1904: boolean,
  text: boolean,
): Cell | undefined {
  const f =
    typeof source.f === "string" && source.f !== "" ? source.f : undefined;
  const z = typeof source.z === "string" ? source.z : undefined;
  let cell: Cell;
  switch (source.t) {
    case "z":
      if (!f) return undefined;
      cell = { v: null };
      break;
    case "e":
      cell = {
        v: null,
        e: source.w ?? ERROR_TEXT[source.v as number] ?? "#N/A",
      };
      break;
    case "n": {
      const v = source.v as number;
      cell = { v };
      const w = source.w ?? shownNumber(z, v, date1904);
      if (w !== undefined) cell.w = w;
      const date =
        z !== undefined && showsDate(z) ? serialDate(v, date1904) : undefined;
      if (date) cell.date = date;
      break;
    }
    case "b":
      cell = { v: source.v as boolean };
      cell.w = source.w ?? (source.v ? "TRUE" : "FALSE");
      break;
    default: {
      const s =
        source.v === undefined || source.v === null ? "" : String(source.v);
      if (s === "" && !f) return undefined;
      const n = text ? plainNumber(s) : undefined;
      cell = n === undefined ? { v: s } : { v: n, w: s };
    }
  }
  if (z !== undefined) cell.z = z;
  if (f) cell.f = f;
  return cell;
}

/** A plain decimal number in text (`12.5`, `-3`, `0.25`), when reading it as a number loses nothing. */
function plainNumber(s: string): number | undefined {
  if (!/^-?(?:0|[1-9]\d*)(?:\.\d+)?$/.test(s)) return undefined;
  // At most 15 significant digits: longer (an 18-digit credit code) would be rounded, so it stays text.
  return s.replace(/[-.]/g, "").replace(/^0+/, "").length <= 15
    ? Number(s)
    : undefined;
}

/** Texts of date serials by date format code (and date system): the same dates stand on many rows. */
const shownDates = new Map<string, Map<number, string | undefined>>();
/** Distinct serials remembered per format code; beyond this, texts are made without remembering. */
const SHOWN_LIMIT = 4096;

/**
 * The text Excel shows for number `v` in format `z`, made exactly as SheetJS's reader makes it (packages are parsed
 * with `cellText` off, and only number cells need a text): General integers by `toString`, other numbers by SheetJS's
 * formatter with the workbook's date system, dates remembered per serial. Undefined when the formatter fails on the
 * format (SheetJS then gives no text either).
 */
function shownNumber(
  z: string | undefined,
  v: number,
  date1904: boolean,
): string | undefined {
  const code = z ?? "General";
  if (code === "General" && (v | 0) === v) return v.toString(10);
  if (!showsDate(code)) return format(code, v, date1904);
  const key = date1904 ? `${code}\u0000` : code;
  let texts = shownDates.get(key);
  if (!texts) shownDates.set(key, (texts = new Map()));
  if (texts.has(v)) return texts.get(v);
  const w = format(code, v, date1904);
  if (texts.size < SHOWN_LIMIT) texts.set(v, w);
  return w;
}

/** SheetJS's text of `v` in format `code`; undefined when SheetJS cannot format it. */
function format(
  code: string,
  v: number,
  date1904: boolean,
): string | undefined {
  try {
    return XLSX.SSF.format(code, v, { date1904 });
  } catch {
    return undefined;
  }
}

/** {@link formatShowsDate}, remembered per format code (a sheet has few codes and many cells). */
const dateFormats = new Map<string, boolean>();
function showsDate(code: string): boolean {
  let shows = dateFormats.get(code);
  if (shows === undefined)
    dateFormats.set(code, (shows = formatShowsDate(code)));
  return shows;
}
