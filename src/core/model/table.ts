/**
 * The data model of a recognised workbook, read-only for everything above recognition: a table found on a sheet
 * ({@link TableContext}), its data rows ({@link DataRow}) with each cell read by its column type, and the workbook's
 * tables ({@link WorkbookContext}). Recognition (recognize/) builds it; facts, rules, totals, the check and the merge
 * read it.
 *
 * Types follow the catalog: `DataRow<K>`/`TableContext<K>` know their column keys (`ColumnKey<"loan-interest">`), so
 * `text(row, "purpose")` is checked.
 */
import type { ColumnKey } from "../catalog/tables";
import type { TableDef, TableId } from "../catalog/types";
import type { TableFacts } from "../facts/tableFacts";
import type { WorkbookFacts } from "../facts/workbookFacts";
import type { Cell, Sheet } from "./grid";
import type { ParseNote, ParseReason } from "../parse/reasons";
import type { CalendarDate, DateRange } from "../parse/types";

/** A value read from a cell according to its column type. */
export type CellReading = number | string | CalendarDate | DateRange;

/** One data row of a recognised table; `K` its table's column keys. */
export interface DataRow<K extends string = string> {
  /** 0-based grid row. */
  row: number;
  /** 0-based index of the record this row belongs to (a numbered row and its continuation rows). */
  record: number;
  /** A row with an empty 序号 under a numbered row (T2/T3 layout). */
  continuation: boolean;
  /**
   * Cells by column key (merged cells already filled from their top-left cell). `cells` and `values` have a key for
   * every column found, undefined where the row has nothing: test a key's value, not whether the key is there.
   */
  cells: Partial<Record<K, Cell>>;
  /**
   * Readings by column key, only for non-empty, readable cells:
   * seq/integer/number/amount/percent → number (percent as a percent number: 3.45 means 3.45 %);
   * date → CalendarDate; dateRange → DateRange; every other type → trimmed text.
   */
  values: Partial<Record<K, CellReading>>;
  /**
   * How a non-obvious reading was made, by column key: the parser's note (`{ code: "DATE-FROM-SERIAL", serial: 45356,
   * date }`, worded 按日期序列号45356读作2024年3月5日 by messages/parse.ts).
   */
  notes: Partial<Record<K, ParseNote>>;
  /**
   * Why a non-empty cell could not be read by its column type, by column key: the parser's reason
   * (`{ code: "NUMBER-TEXT", text: "约12" }`, worded by messages/parse.ts).
   */
  unreadable: Partial<Record<K, ParseReason>>;
  /**
   * Column keys whose cell is a copy of a merged area's top-left cell in an earlier row or column: read it, but do
   * not add it to sums again and do not report it twice (the finding belongs to the area's first cell).
   */
  merged: Partial<Record<K, true>>;
}

/** A sheet recognised as one table of the catalog; `K` its column keys. */
export interface TableContext<K extends string = string> {
  table: TableDef<K>;
  sheet: Sheet;
  /** 0-based grid rows of the header, first to last (one row; two for T8; more when header cells are merged down). */
  headerRows: number[];
  /** Column key → 0-based grid column, for the columns found. */
  columns: Partial<Record<K, number>>;
  /** Header texts found that match no column (extra columns), with their 0-based column. */
  extraColumns: { header: string; col: number }[];
  rows: DataRow<K>[];
  /** 0-based grid row of the 合计 row, when present. */
  totalRow?: number;
  /** Year of T4/T5, read from the title or the sheet name. */
  year?: number;
  /** Enterprise named in the `企业名称：` / `项目申报企业（单位）（公章）：` line. */
  enterprise?: string;
  /** Reviewing unit named in the `审核单位（公章）：` line (申报汇总表, 附件3/4). */
  reviewer?: string;
  /** The title as typed: the first text above the header (e.g. `…（“免申即享”）申报表` vs `…申报汇总表`). */
  title?: string;
  /** Workbook uses the 1904 date system. */
  date1904: boolean;
  /**
   * Sums and counts over the rows, made when a rule or the report first asks (facts/tableFacts.ts `factOf`) and kept
   * current by the live re-check; made again when `rows` is replaced by another array. Never set by hand.
   */
  facts?: TableFacts;
}

/** Everything recognised in one workbook (cross-sheet rules). */
export interface WorkbookContext {
  fileName: string;
  tables: TableContext[];
  /** What the engine worked out across the tables for this check (the 协作配套 year analysis). */
  facts: WorkbookFacts;
}

/** Index of the first of `rows` (grid order: rows of a table, or any list ordered by grid row) whose grid row is at or after `row`. */
export function rowIndex(
  rows: readonly { row: number }[],
  row: number,
): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (rows[mid]!.row < row) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The recognised tables of one catalog table, typed by its column keys. */
export function tablesOf<T extends TableId>(
  workbook: WorkbookContext,
  id: T,
): TableContext<ColumnKey<T>>[] {
  return workbook.tables.filter(
    (t): t is TableContext<ColumnKey<T>> => t.table.id === id,
  );
}

/** Reading a row's values by column key: undefined (or "") when the cell is empty or holds another kind of value. */
export function num<K extends string>(
  row: DataRow<K>,
  key: NoInfer<K>,
): number | undefined {
  const v = row.values[key];
  return typeof v === "number" ? v : undefined;
}
export function text<K extends string>(
  row: DataRow<K>,
  key: NoInfer<K>,
): string {
  const v = row.values[key];
  return typeof v === "string" ? v : "";
}
export function dateOf<K extends string>(
  row: DataRow<K>,
  key: NoInfer<K>,
): CalendarDate | undefined {
  const v = row.values[key];
  return v !== undefined && typeof v === "object" && "y" in v ? v : undefined;
}
export function rangeOf<K extends string>(
  row: DataRow<K>,
  key: NoInfer<K>,
): DateRange | undefined {
  const v = row.values[key];
  return v !== undefined && typeof v === "object" && "start" in v
    ? v
    : undefined;
}
