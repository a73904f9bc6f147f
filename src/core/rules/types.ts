/**
 * The contract between recognition, the rule engine and the rule families.
 * Recognition turns a sheet into a TableContext; the engine parses each cell once by its column type into
 * `DataRow.values`, then runs every rule whose `tables` include the table. A rule reports what is wrong and where
 * (an {@link Issue}: row, column key, params, a severity when it differs from the rule's own); the engine stamps the
 * rule's code, severity, sheet and cell, and the message catalog words it.
 *
 * Types follow the catalog: `DataRow<K>`/`TableContext<K>` know their column keys (`ColumnKey<"loan-interest">`), so
 * `text(row, "purpose")` is checked; a rule's params type (given to {@link defineRule}) is what its message receives.
 */
import type { ColumnKey } from "../catalog/tables";
import type { TableDef, TableId } from "../catalog/types";
import type { Severity } from "../findings";
import type { Cell, Sheet } from "../grid";
import type { CalendarDate, DateRange } from "../parse/types";
import type { TableFacts } from "./facts";

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
  /** How a non-obvious reading was made, by column key (e.g. "按1900日期系统序列号45356读作2024年3月5日"). */
  notes: Partial<Record<K, string>>;
  /** Why a non-empty cell could not be read by its column type, by column key (the parser's Chinese reason). */
  unreadable: Partial<Record<K, string>>;
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

/** The recognised tables of one catalog table, typed by its column keys. */
export function tablesOf<T extends TableId>(
  workbook: WorkbookContext,
  id: T,
): TableContext<ColumnKey<T>>[] {
  return workbook.tables.filter(
    (t): t is TableContext<ColumnKey<T>> => t.table.id === id,
  );
}

/** Params of a rule whose message needs none. */
export type NoParams = Record<never, never>;

/**
 * What a rule reports: where (0-based grid row, column key; neither for a table- or file-level issue) and the values
 * its message shows. `severity` only when it differs from the rule's default. The engine adds code, sheet and cell.
 */
export type Issue<P extends object, K extends string = string> = {
  row?: number;
  col?: K;
  /** 0-based last grid row of an issue about several rows of the column (`row` to `rowEnd`): the finding's range. */
  rowEnd?: number;
  severity?: Severity;
} & (NoParams extends P ? { params?: P } : { params: P });

/** Reports an issue of the table being checked (row and table rules). */
export type Emit<P extends object, K extends string = string> = (
  issue: Issue<P, K>,
) => void;
/** Reports an issue in one of the workbook's tables (workbook rules), or at file level (`table` undefined). */
export type EmitIn<P extends object> = <K extends string>(
  table: TableContext<K> | undefined,
  issue: Issue<P, K>,
) => void;

/** A rule: defined once, with its code, default severity and the notice section it comes from. */
export interface RuleDef<
  C extends string = string,
  P extends object = object,
  K extends string = string,
> {
  /** Stable code, e.g. `LOAN-DRAW-YEAR` (../shared/spec/tables.md). */
  code: C;
  /** Default severity; an issue may override it. */
  severity: Severity;
  /** Seed section, e.g. `附件1 六(一)`. */
  source: string;
  /** Generic rules ("All tables"): a finding cites the source of the table it is in; `source` is the fallback. */
  tableSource?: boolean;
  /** Tables it applies to. */
  tables: readonly TableId[] | "all";
  /** Checks one data row. */
  row?(row: DataRow<K>, table: TableContext<K>, emit: Emit<P, K>): void;
  /** Checks a whole table. */
  table?(table: TableContext<K>, emit: Emit<P, K>): void;
  /** Checks across the tables of a workbook. */
  workbook?(workbook: WorkbookContext, emit: EmitIn<P>): void;
}

/**
 * Column keys of the tables `T` (any key for rules of all tables). A rule of several tables may name a column only
 * some of them have (the 统一社会信用代码 column of each of its tables).
 */
export type KeysOf<T extends readonly TableId[] | "all"> = T extends "all"
  ? string
  : ColumnKey<Exclude<T, "all">[number]>;

/** Type-level tag carrying a rule's params type (no value at run time). */
declare const PARAMS: unique symbol;
/** A rule as {@link defineRule} returns it: its definition, tagged with its params type `P`. */
export type TypedRule<
  C extends string,
  P extends object,
  T extends readonly TableId[] | "all",
> = RuleDef<C, P, KeysOf<T>> & {
  tables: T;
  readonly [PARAMS]?: P;
};

/**
 * Defines a rule with the params type `P` its message receives (`NoParams` when none). Write the code once; `tables`
 * as a literal list, so that the row and table checks know the column keys.
 * @example defineRule<{ date: string }>()({ code: "LOAN-DRAW-YEAR", severity: "error", source: "附件1 六(一)",
 *   tables: ["loan-interest"], row(row, _t, emit) { … emit({ row: row.row, col: "drawdownDate", params: { date } }) } })
 */
export function defineRule<P extends object = NoParams>() {
  return <const C extends string, const T extends readonly TableId[] | "all">(
    def: Omit<RuleDef<C, P, KeysOf<T>>, "tables"> & { tables: T },
  ): TypedRule<C, P, T> => def;
}

/** A rule's params type by its definition. */
export type ParamsOfRule<R> = R extends { readonly [PARAMS]?: infer P }
  ? Exclude<P, undefined>
  : never;

/** Reading helpers for rules. */
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
