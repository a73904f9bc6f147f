/**
 * The contract between recognition, the rule engine and the rule families.
 * Recognition turns a sheet into a TableContext; the engine parses each cell once by its column
 * type into `DataRow.values`, emits CELL-TYPE for unreadable cells, then runs every rule whose
 * `tables` include the table. Rules emit RawFindings (no text); the engine finalizes them.
 */
import type { TableDef, TableId } from "../catalog/types";
import type { RawFinding, Severity } from "../findings";
import type { Cell, Sheet } from "../grid";
import type { CalendarDate, DateRange } from "../parse/types";
import type { TableFacts } from "./facts";

/** A value read from a cell according to its column type. */
export type CellReading = number | string | CalendarDate | DateRange;

/** One data row of a recognised table. */
export interface DataRow {
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
  cells: Partial<Record<string, Cell>>;
  /**
   * Readings by column key, only for non-empty, readable cells:
   * seq/integer/number/amount/percent → number (percent as a percent number: 3.45 means 3.45 %);
   * date → CalendarDate; dateRange → DateRange; every other type → trimmed text.
   */
  values: Partial<Record<string, CellReading>>;
  /** How a non-obvious reading was made, by column key (e.g. "按1900日期系统序列号45356读作2024年3月5日"). */
  notes: Partial<Record<string, string>>;
  /** Why a non-empty cell could not be read by its column type, by column key (the parser's Chinese reason). */
  unreadable: Partial<Record<string, string>>;
  /**
   * Column keys whose cell is a copy of a merged area's top-left cell in an earlier row or column: read it, but do
   * not add it to sums again and do not report it twice (the finding belongs to the area's first cell).
   */
  merged: Partial<Record<string, true>>;
}

/** A sheet recognised as one table of the catalog. */
export interface TableContext {
  table: TableDef;
  sheet: Sheet;
  /** 0-based grid rows of the header, first to last (one row; two for T8; more when header cells are merged down). */
  headerRows: number[];
  /** Column key → 0-based grid column, for the columns found. */
  columns: Partial<Record<string, number>>;
  /** Header texts found that match no column (extra columns), with their 0-based column. */
  extraColumns: { header: string; col: number }[];
  rows: DataRow[];
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
   * Sums and counts over the rows, made when a rule or the report first asks (rules/facts.ts `factOf`) and kept
   * current by the live re-check; made again when `rows` is replaced by another array. Never set by hand.
   */
  facts?: TableFacts;
}

/** Everything recognised in one workbook (cross-sheet rules). */
export interface WorkbookContext {
  fileName: string;
  tables: TableContext[];
}

/** Emits a raw finding for the table being checked (row/table rules). */
export type Emit = (finding: RawFinding) => void;
/** Emits a raw finding located in one of the workbook's tables (workbook rules), or at file level. */
export type EmitIn = (
  table: TableContext | undefined,
  finding: RawFinding,
) => void;

/** A rule: defined once, with its code, default severity and the notice section it comes from. */
export interface RuleDef {
  /** Stable code, e.g. `LOAN-DRAW-YEAR` (../shared/spec/tables.md). */
  code: string;
  /** Default severity; a rule may override it per finding. */
  severity: Severity;
  /** Seed section, e.g. `附件1 六(一)`. */
  source: string;
  /** Generic rules ("All tables"): a finding cites the source of the table it is in; `source` is the fallback. */
  tableSource?: boolean;
  /** Tables it applies to. */
  tables: readonly TableId[] | "all";
  /** Checks one data row. */
  row?(row: DataRow, table: TableContext, emit: Emit): void;
  /** Checks a whole table. */
  table?(table: TableContext, emit: Emit): void;
  /** Checks across the tables of a workbook. */
  workbook?(workbook: WorkbookContext, emit: EmitIn): void;
}

/** Reading helpers for rules. */
export function num(row: DataRow, key: string): number | undefined {
  const v = row.values[key];
  return typeof v === "number" ? v : undefined;
}
export function text(row: DataRow, key: string): string {
  const v = row.values[key];
  return typeof v === "string" ? v : "";
}
export function dateOf(row: DataRow, key: string): CalendarDate | undefined {
  const v = row.values[key];
  return v !== undefined && typeof v === "object" && "y" in v ? v : undefined;
}
export function rangeOf(row: DataRow, key: string): DateRange | undefined {
  const v = row.values[key];
  return v !== undefined && typeof v === "object" && "start" in v
    ? v
    : undefined;
}
