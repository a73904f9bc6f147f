/**
 * Totals of a table: the exact sum of every summed 万元 column, keyed by official header, and the
 * row and record counts. Rule families add their own figures (T1 interest against 10 万元, T4/T5 per-supplier tiers)
 * through {@link totalsExtensions}.
 */
import type { TableId } from "../catalog/types";
import { columnSum } from "../facts/columnSum";
import type { TableContext } from "../model/table";
import { loanTotals } from "./loan";

/** Sums and counts of one table. */
export interface TableTotals {
  /** Official header → exact sum in 万元 of the column's readable values (merged copies counted once). */
  totals: Record<string, number>;
  /** Data rows, continuation rows included. */
  rows: number;
  /** Records (a numbered row and its continuation rows). */
  records: number;
}

/** Sums of every `sum: true` column found on the sheet, and the counts. */
export function computeTotals(ctx: TableContext): TableTotals {
  const totals: Record<string, number> = {};
  for (const c of ctx.table.columns) {
    if (c.sum && ctx.columns[c.key] !== undefined)
      totals[c.header] = columnSum(ctx, c.key);
  }
  const last = ctx.rows[ctx.rows.length - 1];
  return { totals, rows: ctx.rows.length, records: last ? last.record + 1 : 0 };
}

/**
 * Extra figures per table, added by rule families (a JSON-serialisable object shown in reports as `extra`).
 * A family registers its function here, e.g. `"loan-interest": loanTotals`.
 */
export const totalsExtensions: Partial<
  Record<TableId, (ctx: TableContext) => Record<string, unknown>>
> = {
  "loan-interest": loanTotals,
};
