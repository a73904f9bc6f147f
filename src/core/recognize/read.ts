/**
 * Reading the data rows of a recognised table: where the data starts and ends, the 合计 row, continuation rows, and
 * each cell parsed once by its column type (tables.md "All tables", "Records and continuation rows").
 */
import type { ColumnDef, ColumnType, TableDef } from "../catalog/types";
import type { Cell } from "../model/grid";
import { cellText, isBlank, trimText } from "../model/grid";
import {
  isWhiteSpace,
  readDate,
  readDateRange,
  readInteger,
  readNumber,
  readPercent,
} from "../parse";
import type { Parsed } from "../parse";
import type { CellReading, DataRow } from "../model/table";
import { looseHeader, normHeader } from "./normalize";
import type { SheetView } from "./view";

/** Labels of the 合计 row (`合 计` and `合计：` normalise to these). */
const TOTAL_LABELS = new Set(["合计", "总计"]);
/** A 小计 (page subtotal) row is neither data nor the table's 合计. */
const SUBTOTAL_LABELS = new Set(["小计", "本页小计", "本页合计"]);
/**
 * A row whose first text starts with one of these ends the table: notes (填写说明/填表说明/说明：/注：), signature lines
 * (填表人：, 负责人：…). Tested on the text without white space.
 */
const END_OF_TABLE =
  /^-?(填写说明|填表说明|说明[:：]|注[:：\d]|备注[:：]|(填表|制表|填报|审核|经办)人|(单位)?负责人|联系人[:：]|联系电话)/;
/** A second header line people type under the header: bracketed remainders (`（以借款借据为准）`) or units (`万元`, `%`). */
const HEADER_REMAINDER = /^(\([^()]*\)|\(?(单位:?)?(万元|元|%|天|个)\)?)$/;
/** Placeholder text of the notice's blank rows (`...`, `……`, `..... .`). */
const PLACEHOLDER = /^[.…⋯·。\s]+$/;
/** A first character {@link PLACEHOLDER} allows: one of its marks, or white space (JavaScript's `\s`). */
export function mayBePlaceholder(code: number): boolean {
  return (
    code === 0x2e ||
    code === 0x2026 ||
    code === 0x22ef ||
    code === 0xb7 ||
    code === 0x3002 ||
    isWhiteSpace(code)
  );
}

/** Column types whose cells are parsed (all others are read as trimmed text). */
const PARSERS: Partial<
  Record<ColumnType, (cell: Cell, date1904: boolean) => Parsed<CellReading>>
> = {
  seq: (c) => readInteger(c),
  integer: (c) => readInteger(c),
  amount: (c) => readNumber(c),
  number: (c) => readNumber(c),
  percent: (c) => readPercent(c),
  date: (c, d) => readDate(c, d),
  dateRange: (c, d) => readDateRange(c, d),
};

/**
 * Number cells that the column type's parser reads as the stored number, with no note: readNumber (amount, number)
 * any number, readInteger (seq, integer) a whole number, readPercent a number without a `%` format. Read here
 * without a parser call and a result object per cell; every other cell goes through the parser (the test "number
 * cells read without the parser" holds the two equal).
 */
const PLAIN_NUMBERS: Partial<
  Record<ColumnType, (cell: Cell) => number | undefined>
> = {
  amount: (c) => (typeof c.v === "number" ? c.v : undefined),
  number: (c) => (typeof c.v === "number" ? c.v : undefined),
  seq: (c) => (Number.isInteger(c.v) ? (c.v as number) : undefined),
  integer: (c) => (Number.isInteger(c.v) ? (c.v as number) : undefined),
  percent: (c) =>
    typeof c.v === "number" && !c.z?.includes("%") ? c.v : undefined,
};

/** The notice's example text of a column (`填写单笔放款本金金额`): normalised, and its first character (half- and full-width) for a quick pre-test. */
interface Hint {
  norm: string;
  first: string;
  firstWide: string;
}

/** One column as read: its definition, grid column, and example text. */
interface ReadColumn {
  def: ColumnDef;
  key: string;
  col: number;
  hint: Hint | undefined;
  /** The column type's parser; undefined for text-like columns (read as trimmed text). */
  parse: ((cell: Cell, date1904: boolean) => Parsed<CellReading>) | undefined;
  /** Readings of a date column by cell content ({@link Memo}): equal cells are parsed once. */
  memo: Memo | undefined;
  /** The reading of a number cell that its parser reads as the stored number without a note (see PLAIN_NUMBERS). */
  plainNumber: ((cell: Cell) => number | undefined) | undefined;
}

/**
 * Readings of one column by what a parser's result depends on: the date the reader saw, else the text, else the
 * number with its number format (a `%` format changes a percent, a date format the note of a date). Formula cells are
 * never remembered (parsed each time, never shared). Three maps, so that the common keys (a date, a text) are the
 * cell's own strings, not a new string per cell.
 */
interface Memo {
  byDate: Map<string, Parsed<CellReading>>;
  byText: Map<string, Parsed<CellReading>>;
  /** Keyed `${value}|${number format}`. */
  byNumber: Map<string, Parsed<CellReading>>;
  /** Entries in the three maps together. */
  size: number;
}

/** Column types worth remembering readings of: dates and date ranges repeat and cost most to read (numbers do not). */
const MEMO_TYPES: ReadonlySet<ColumnType> = new Set(["date", "dateRange"]);
/** Distinct cell contents remembered per column; beyond this, cells are parsed without remembering. */
const MEMO_LIMIT = 4096;

/**
 * Parses a cell by its column type; a date or date range once per distinct content (tables repeat the same dates on
 * many rows). Readings are shared between equal cells, so rules must never change a reading.
 */
function parseCell(
  rc: ReadColumn,
  cell: Cell,
  date1904: boolean,
): Parsed<CellReading> {
  const memo = rc.memo;
  if (memo === undefined || cell.f !== undefined)
    return rc.parse!(cell, date1904);
  let map: Map<string, Parsed<CellReading>>;
  let key: string;
  if (cell.date !== undefined) {
    map = memo.byDate;
    key = cell.date;
  } else if (typeof cell.v === "string") {
    map = memo.byText;
    key = cell.v;
  } else {
    map = memo.byNumber;
    key = `${String(cell.v)}|${cell.z ?? ""}`;
  }
  let p = map.get(key);
  if (p === undefined) {
    p = rc.parse!(cell, date1904);
    if (memo.size < MEMO_LIMIT) {
      map.set(key, p);
      memo.size++;
    }
  }
  return p;
}

function hintOf(text: string): Hint {
  const norm = normHeader(text);
  const first = norm.charAt(0);
  const code = first.charCodeAt(0);
  return {
    norm,
    first,
    firstWide:
      code >= 0x21 && code <= 0x7e ? String.fromCharCode(code + 0xfee0) : first,
  };
}

/** How the rows of a table are read. */
export interface RowReader {
  table: TableDef;
  view: SheetView;
  date1904: boolean;
  columns: ReadColumn[];
  /** Grid column of 序号, when found. */
  seqCol?: number;
  /** Grid columns searched for the 合计 label: those left of the first summed column (or the first three). */
  labelCols: number[];
  /**
   * Every column key found, as undefined ({@link rowTemplate}): `cells` and `values` of each row start as copies of it,
   * so that all rows of a table share one object shape (V8 then reads and writes them at fixed places).
   */
  keys: Readonly<Record<string, undefined>>;
}

/**
 * An object with each of `keys`, in that order, all undefined, its properties stored inside the object itself: so does
 * an object `JSON.parse` makes, where one given its keys one by one keeps most of them in a second store. Each row's
 * `cells` and `values` copy it ({@link readRow}): one allocation per copy, and no second store to read through.
 */
function rowTemplate(
  keys: readonly string[],
): Readonly<Record<string, undefined>> {
  const o = JSON.parse(
    JSON.stringify(Object.fromEntries(keys.map((k) => [k, null]))),
  ) as Record<string, null | undefined>;
  for (const k of keys) o[k] = undefined;
  return o as Record<string, undefined>;
}

/** Prepares reading a table whose columns were found at `columns` (key → grid column). */
export function rowReader(
  view: SheetView,
  table: TableDef,
  columns: Partial<Record<string, number>>,
  date1904: boolean,
): RowReader {
  const read: ReadColumn[] = [];
  for (const def of table.columns) {
    const col = columns[def.key];
    if (col !== undefined) {
      // Same shape for every column: the per-cell loop stays monomorphic.
      read.push({
        def,
        key: def.key,
        col,
        hint: def.hint ? hintOf(def.hint) : undefined,
        parse: PARSERS[def.type],
        plainNumber: PLAIN_NUMBERS[def.type],
        memo: MEMO_TYPES.has(def.type)
          ? {
              byDate: new Map(),
              byText: new Map(),
              byNumber: new Map(),
              size: 0,
            }
          : undefined,
      });
    }
  }
  const cols = read.map((c) => c.col).sort((a, b) => a - b);
  const firstSum = Math.min(...read.filter((c) => c.def.sum).map((c) => c.col));
  const labelCols = cols.filter((c) => c < firstSum).slice(0, 4);
  return {
    table,
    view,
    date1904,
    columns: read,
    ...(columns.seq !== undefined ? { seqCol: columns.seq } : {}),
    labelCols: labelCols.length > 0 ? labelCols : cols.slice(0, 3),
    keys: rowTemplate(read.map((c) => c.key)),
  };
}

/** A cell that holds something a person typed: not blank, not the notice's placeholder or example text, not a formula showing nothing. */
function hasContent(cell: Cell | undefined, hint: Hint | undefined): boolean {
  if (isBlank(cell)) return false;
  const c = cell!;
  if (c.e) return true;
  if (c.f !== undefined && (c.v === 0 || c.v === "")) return false;
  const v = c.v;
  if (typeof v !== "string") return true;
  if (mayBePlaceholder(v.charCodeAt(0)) && PLACEHOLDER.test(v)) return false;
  // The example text, normalised, is never longer than the text it came from.
  if (
    hint === undefined ||
    v.length < hint.norm.length ||
    !(v.includes(hint.first) || v.includes(hint.firstWide))
  )
    return true;
  return normHeader(v) !== hint.norm;
}

/**
 * What a grid row is, for the table being read: `end` for notes and signature lines, and for another header row
 * (its 序号 cell reads `序号`: the next table stacked on the same sheet).
 */
export type RowKind = "data" | "blank" | "total" | "subtotal" | "end";

/** Classifies a grid row below the header. */
export function rowKind(reader: RowReader, row: number): RowKind {
  const { view } = reader;
  if (reader.seqCol !== undefined) {
    const v = view.cell(row, reader.seqCol)?.v;
    if (typeof v === "string" && v.includes("序") && normHeader(v) === "序号")
      return "end";
  }
  for (const c of reader.labelCols) {
    const v = view.cell(row, c)?.v;
    // Only short texts with 计 can be a 合计/总计/小计 label: no normalising of every name.
    if (typeof v === "string" && v.length <= 12 && v.includes("计")) {
      const n = normHeader(v);
      const label = looseHeader(n); // `合计（万元）` → 合计
      if (TOTAL_LABELS.has(label)) return "total";
      if (SUBTOTAL_LABELS.has(label)) return "subtotal";
    }
  }
  const width = view.width(row);
  for (let c = 0; c < width; c++) {
    const v = view.cell(row, c)?.v;
    if (
      v === null ||
      v === undefined ||
      (typeof v === "string" && trimText(v) === "")
    )
      continue;
    if (typeof v === "string" && END_OF_TABLE.test(v.replace(/\s/g, "")))
      return "end";
    break;
  }
  for (const rc of reader.columns) {
    if (rc.def.type !== "seq" && hasContent(view.cell(row, rc.col), rc.hint))
      return "data";
  }
  return "blank";
}

/** True when every non-blank cell of the row is a {@link HEADER_REMAINDER} (the row right under the header only). */
function isHeaderRemainder(reader: RowReader, row: number): boolean {
  let any = false;
  for (const rc of reader.columns) {
    const cell = reader.view.cell(row, rc.col);
    if (isBlank(cell)) continue;
    if (
      typeof cell!.v !== "string" ||
      !HEADER_REMAINDER.test(normHeader(cell!.v))
    )
      return false;
    any = true;
  }
  return any;
}

/**
 * Reads one data row: cells (merged areas filled), readings by column type, notes and reasons.
 * `record`/`continuation` are set by the caller ({@link linkRecords}).
 */
export function readRow(reader: RowReader, row: number): DataRow {
  const { view, date1904 } = reader;
  const cells: DataRow["cells"] = { ...reader.keys };
  const values: DataRow["values"] = { ...reader.keys };
  // Most rows have no notes, reasons or merged copies: they share one empty object until they have one.
  let notes: DataRow["notes"] = NONE;
  let unreadable: DataRow["unreadable"] = NONE;
  let merged: DataRow["merged"] = NONE;
  const ownCells = view.ownRow(row);
  for (const rc of reader.columns) {
    const key = rc.key;
    const cell =
      ownCells === null ? view.cell(row, rc.col) : ownCells?.[rc.col];
    if (cell === undefined) continue;
    cells[key] = cell;
    if (ownCells === null && view.isCopy(row, rc.col))
      (merged = own(merged))[key] = true;
    if (cell.e || !hasContent(cell, rc.hint)) continue;
    if (!rc.parse) {
      const t = trimText(cellText(cell));
      if (t) values[key] = t;
      continue;
    }
    const n = rc.plainNumber?.(cell);
    if (n !== undefined) {
      values[key] = n;
      continue;
    }
    const p = parseCell(rc, cell, date1904);
    if (p.ok) {
      values[key] = p.value;
      if (p.note) (notes = own(notes))[key] = p.note;
    } else (unreadable = own(unreadable))[key] = p.reason;
  }
  return {
    row,
    record: 0,
    continuation: false,
    cells,
    values,
    notes,
    unreadable,
    merged,
  };
}

/** The `notes`, `unreadable` and `merged` of every row that has none: one frozen empty object (see {@link own}). */
const NONE: Readonly<Record<string, never>> = Object.freeze({});

/** `map` itself to write in, or a new object when it is the shared {@link NONE}. */
function own<T>(map: Partial<Record<string, T>>): Partial<Record<string, T>> {
  return map === NONE ? {} : map;
}

/** True when the row's 序号 is empty (a continuation candidate). */
function seqEmpty(r: DataRow): boolean {
  return (
    r.values.seq === undefined &&
    r.unreadable.seq === undefined &&
    !r.cells.seq?.e
  );
}

/**
 * Sets `record` and `continuation` on rows in grid order. A row continues the record above when its 序号 is a copy
 * of a merged 序号 above it, or — in tables whose records span several rows (T2, T3) — when its 序号 is empty and it
 * lies directly under the previous data row. Elsewhere an empty 序号 starts a record of its own (ROW-REQUIRED reports it).
 */
export function linkRecords(
  table: TableDef,
  rows: DataRow[],
  hasSeq: boolean,
): void {
  let record = -1;
  let prev: DataRow | undefined;
  for (const r of rows) {
    const continues =
      hasSeq &&
      prev !== undefined &&
      (r.merged.seq === true ||
        (table.continuationRows && seqEmpty(r) && prev.row === r.row - 1));
    r.continuation = continues;
    if (!continues) record++;
    r.record = record;
    prev = r;
  }
}

/** The data of a table: its rows, the 合计 row, and the first grid row after its last data or 合计 row. */
export interface TableData {
  rows: DataRow[];
  totalRow?: number;
  /** Where a table stacked below may start (its title, lines and header lie from here on). */
  next: number;
}

/**
 * Reads the rows under the header (from grid row `first`) until a notes or signature line, another header, the end of
 * the sheet, or a 合计 row found after data rows (T4/T5 put it below). A 合计 row before any data (T1–T3) is remembered and skipped;
 * blank, placeholder and 小计 rows are skipped; hidden rows are data like any other.
 */
export function readTable(reader: RowReader, first: number): TableData {
  const rows: DataRow[] = [];
  let totalRow: number | undefined;
  let next = first;
  for (let r = first; r < reader.view.rowCount; r++) {
    if (r === first && isHeaderRemainder(reader, r)) continue;
    const kind = rowKind(reader, r);
    if (kind === "end") break;
    if (kind === "total") {
      next = r + 1;
      if (totalRow === undefined) totalRow = r;
      if (rows.length > 0) break;
      continue;
    }
    if (kind === "data") {
      rows.push(readRow(reader, r));
      next = r + 1;
    }
  }
  linkRecords(reader.table, rows, reader.seqCol !== undefined);
  return { rows, ...(totalRow !== undefined ? { totalRow } : {}), next };
}
