/** Records of a table: a numbered row with its continuation rows (tables.md "Records and continuation rows"). */
import { slotOn } from "../remember";
import type { DataRow, TableContext } from "../rules/types";

/** Grid row → index in `rows`, built once per rows array. */
const positions = slotOn<readonly DataRow[], Map<number, number>>();

function positionOf(rows: readonly DataRow[], row: DataRow): number {
  let map = positions.get(rows);
  if (!map) {
    map = new Map(rows.map((r, i) => [r.row, i]));
    positions.set(rows, map);
  }
  return map.get(row.row) ?? -1;
}

/**
 * The rows of the record `row` belongs to, first row first (a single row when the table has no continuation rows).
 * @returns `[row]` when the row is not one of `table.rows`.
 */
export function recordRows(table: TableContext, row: DataRow): DataRow[] {
  const rows = table.rows;
  let i = positionOf(rows, row);
  if (i < 0) return [row];
  while (i > 0 && rows[i]!.continuation) i--;
  const out = [rows[i]!];
  for (let j = i + 1; j < rows.length && rows[j]!.continuation; j++)
    out.push(rows[j]!);
  return out;
}
