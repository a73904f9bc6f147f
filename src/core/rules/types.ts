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
import type { TableId } from "../catalog/types";
import type { Severity } from "../model/finding";
import type { DataRow, TableContext, WorkbookContext } from "../model/table";

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
