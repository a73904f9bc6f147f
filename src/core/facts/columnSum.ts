/**
 * The exact sum of a table's 万元 column, a fact of the table (facts/tableFacts.ts): the totals report it and
 * TOTAL-MISMATCH compares the 合计 row with it, and a live re-check updates it from the edited rows.
 */
import { factOf, RowSum, type FactKind } from "./tableFacts";
import type { DataRow, TableContext } from "../model/table";

/** The kind of fact of each column's sum (one per column key). */
const sumKinds = new Map<string, FactKind<RowSum>>();

/**
 * The exact sum (万元) of column `key` over the data rows: readable numbers only, a merged area counted once.
 * @returns 0 for a column with no readable value.
 */
export function columnSum(ctx: TableContext, key: string): number {
  let kind = sumKinds.get(key);
  if (!kind) {
    kind = {
      make: (t) =>
        new RowSum(t, (r: DataRow) => {
          const v = r.values[key];
          return typeof v === "number" && !r.merged[key] ? v : undefined;
        }),
    };
    sumKinds.set(key, kind);
  }
  return factOf(ctx, kind).value;
}
