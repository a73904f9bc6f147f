/**
 * SheetJS sheets → our grid (core/model/grid.ts) (转为表格网格): values as stored (a formula cell keeps its cached value, a
 * date keeps its serial and gets `date` besides, text starting with `=` stays text); only the cells present are
 * visited, so a stray formatted cell at row 1,048,576 adds nothing; format-only cells and empty text are left out.
 */
import * as XLSX from "@e965/xlsx";

import { parseMarkName } from "../../core/catalog/mark";
import {
  type Cell,
  type CellRange,
  type Sheet,
  type Workbook,
} from "../../core/model/grid";
import { formatShowsDate, serialDate } from "../../core/parse/numberFormat";
import { formatNumber } from "./sheetjs";

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

/**
 * SheetJS workbook → core Workbook.
 * @param text the book came from plain text (CSV, HTML tables): plain decimal texts become numbers that keep their text
 */
export function toWorkbook(
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
  // Likewise hidden columns right of the last cell (a sheet may hide every column after its table).
  const colInfo = ws["!cols"];
  if (colInfo) {
    let width = 0;
    for (const row of rows) width = Math.max(width, row?.length ?? 0);
    const hiddenCols = Object.keys(colInfo)
      .map(Number)
      .filter((c) => c < width && colInfo[c]?.hidden);
    if (hiddenCols.length > 0) sheet.hiddenCols = hiddenCols;
  }
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
        z !== undefined && showsDate(z)
          ? calendarDateOf(v, date1904)
          : undefined;
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
  if (!showsDate(code)) return formatNumber(code, v, date1904);
  const key = date1904 ? `${code}\u0000` : code;
  let texts = shownDates.get(key);
  if (!texts) shownDates.set(key, (texts = new Map()));
  return remembered(texts, v, () => formatNumber(code, v, date1904));
}

/** {@link serialDate}s by serial, in the 1900 and the 1904 date systems: a table's dates repeat from row to row. */
const calendarDates = [
  new Map<number, string | undefined>(),
  new Map<number, string | undefined>(),
];

/** {@link serialDate}, remembered for up to {@link SHOWN_LIMIT} serials per date system. */
function calendarDateOf(v: number, date1904: boolean): string | undefined {
  return remembered(calendarDates[date1904 ? 1 : 0]!, v, () =>
    serialDate(v, date1904),
  );
}

/** The value `make` gives for serial `v`, kept in `memo` while it holds fewer than {@link SHOWN_LIMIT}. */
function remembered<T>(memo: Map<number, T>, v: number, make: () => T): T {
  if (memo.has(v)) return memo.get(v)!;
  const value = make();
  if (memo.size < SHOWN_LIMIT) memo.set(v, value);
  return value;
}

/** {@link formatShowsDate}, remembered per format code (a sheet has few codes and many cells). */
const dateFormats = new Map<string, boolean>();
function showsDate(code: string): boolean {
  let shows = dateFormats.get(code);
  if (shows === undefined)
    dateFormats.set(code, (shows = formatShowsDate(code)));
  return shows;
}
