/**
 * Plain cell grids: what every adapter (SheetJS files, Office.js ranges) hands to the pure core.
 * Rows and columns are 0-based inside the core; Excel's 1-based numbers and A1 text appear only at
 * the edges (findings, reports).
 */

/** A cell's stored value: numbers include date serials; null is an empty cell. */
export type CellValue = string | number | boolean | null;

/** One cell as a spreadsheet program stored it. Nothing here is ever rewritten by the core. */
export interface Cell {
  /** Stored value (a formula cell: its cached result; an error cell: null). */
  v: CellValue;
  /** Number format code, when known (e.g. `yyyy"年"m"月"d"日"`, `0.00%`). */
  z?: string;
  /** Formula text without the leading `=`. */
  f?: string;
  /** Error value shown by the cell (`#REF!`, `#N/A`, …). */
  e?: string;
  /** Text as displayed, when the adapter knows it. */
  w?: string;
  /** Calendar date `YYYY-MM-DD` when the source marked the cell as a date (date format or ISO date cell). */
  date?: string;
}

/** A rectangular block, 0-based inclusive. */
export interface CellRange {
  s: { r: number; c: number };
  e: { r: number; c: number };
}

/** One worksheet as a sparse grid. `rows[r][c]` is undefined for an empty cell. */
export interface Sheet {
  name: string;
  rows: (Cell | undefined)[][];
  merges: CellRange[];
  /** Hidden (or very hidden) sheet. */
  hidden?: boolean;
  /** 0-based indexes of hidden rows. */
  hiddenRows?: number[];
  /** 0-based indexes of hidden columns. */
  hiddenCols?: number[];
  /** Our template mark (see catalog/mark.ts), when the workbook carries one for this sheet. */
  mark?: { tableId: string; version: number };
}

/** A workbook read from a file or from Excel. */
export interface Workbook {
  /** File name as the user knows it (no directory), or the Excel document's name. */
  fileName: string;
  sheets: Sheet[];
  /** The workbook uses the 1904 date system (serial 0 = 1904-01-01). */
  date1904: boolean;
}

/** 0-based column index → Excel column letters (0 → A, 26 → AA). */
export function columnLetters(col: number): string {
  let s = "";
  let n = col + 1;
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 0-based row/column → A1 address without the sheet name (`{r:5,c:6}` → `G6`). */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** Excel column letters → 0-based column index (`A` → 0, `AD` → 29, `aa` → 26): the inverse of {@link columnLetters}. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** A block as A1 text without the sheet name: `D5:D24`, or `A1` for a single cell (inverse of {@link parseRange}). */
export function rangeAddress(range: CellRange): string {
  const start = a1(range.s.r, range.s.c);
  return range.s.r === range.e.r && range.s.c === range.e.c
    ? start
    : `${start}:${a1(range.e.r, range.e.c)}`;
}

/** One cell of an A1 address, `$` allowed: groups column letters, row number. */
const A1_CELL = String.raw`\$?([A-Za-z]{1,3})\$?(\d+)`;
const A1_RANGE = new RegExp(`^${A1_CELL}(?::${A1_CELL})?$`);

/**
 * An A1 address or range, with or without a sheet name (`G6`, `$G$6`, `C5:D7`, `'贷款明细'!C5:D7`, as Office.js gives
 * them) → the 0-based block (a single cell: start = end). Undefined for anything else, whole rows or columns (`5:7`,
 * `C:D`) included.
 */
export function parseRange(address: string): CellRange | undefined {
  const m = A1_RANGE.exec(address.replace(/^.*!/, "").trim());
  if (!m) return undefined;
  const s = { r: Number(m[2]) - 1, c: columnIndex(m[1]!) };
  const e = m[3] ? { r: Number(m[4]) - 1, c: columnIndex(m[3]) } : s;
  return { s, e };
}

/**
 * A1 address (`G6`, `$G$6`) → 0-based `{r, c}`; for a range (`C6:C8`, a finding about several rows) its first cell.
 * @throws Error when the text is not an A1 address or range.
 */
export function parseA1(address: string): { r: number; c: number } {
  const range = parseRange(address);
  if (!range) throw new Error(`不是单元格地址：${address}`);
  return range.s;
}

/** The cell at 0-based row/col, or undefined. */
export function cellAt(
  sheet: Sheet,
  row: number,
  col: number,
): Cell | undefined {
  return sheet.rows[row]?.[col];
}

/** Plain text of a cell as a person reads it: displayed text, else the value; '' when empty. */
export function cellText(cell: Cell | undefined): string {
  if (!cell) return "";
  if (cell.e) return cell.e;
  if (cell.v === null || cell.v === undefined) return "";
  if (typeof cell.v === "string") return cell.v;
  return cell.w ?? String(cell.v);
}

/** True when the cell holds nothing a person would see (no value, or only spaces). */
export function isBlank(cell: Cell | undefined): boolean {
  if (!cell) return true;
  if (cell.e) return false;
  const v = cell.v;
  if (v === null || v === undefined) return true;
  if (typeof v !== "string") return false;
  return v.length === 0 || (!keptByTrim(v.charCodeAt(0)) && v.trim() === "");
}

/**
 * A character `trim` never removes, of those most texts begin and end with (printable ASCII but the space, CJK
 * ideographs): a text with one at each end is its own trimmed text, without a call that scans it again.
 */
function keptByTrim(code: number): boolean {
  return (code > 0x20 && code < 0x7f) || (code >= 0x4e00 && code <= 0x9fff);
}

/** `s.trim()`. */
export function trimText(s: string): string {
  const n = s.length;
  return n > 0 && keptByTrim(s.charCodeAt(0)) && keptByTrim(s.charCodeAt(n - 1))
    ? s
    : s.trim();
}
