/** Records of a table: a numbered row with its continuation rows (tables.md "Records and continuation rows"). */
import { rowIndex, type DataRow, type TableContext } from "../model/table";

/**
 * The rows of the record `row` belongs to, first row first (a single row when the table has no continuation rows).
 * @returns `[row]` when the row is not one of `table.rows`.
 */
export function recordRows(table: TableContext, row: DataRow): DataRow[] {
  const rows = table.rows;
  let i = rowIndex(rows, row.row);
  if (rows[i]?.row !== row.row) return [row];
  while (i > 0 && rows[i]!.continuation) i--;
  const out = [rows[i]!];
  for (let j = i + 1; j < rows.length && rows[j]!.continuation; j++)
    out.push(rows[j]!);
  return out;
}

/**
 * The rows of every record that has a row among `changed` (0-based grid rows), in grid order: what the row rules
 * look at again after those rows were edited.
 */
export function recordsAt(
  table: TableContext,
  changed: ReadonlySet<number>,
): DataRow[] {
  const rows = table.rows;
  const starts = new Set<number>();
  for (const r of changed) {
    let i = rowIndex(rows, r);
    if (rows[i]?.row !== r) continue;
    while (i > 0 && rows[i]!.continuation) i--;
    starts.add(i);
  }
  const out: DataRow[] = [];
  for (const i of [...starts].sort((a, b) => a - b)) {
    out.push(rows[i]!);
    for (let j = i + 1; j < rows.length && rows[j]!.continuation; j++)
      out.push(rows[j]!);
  }
  return out;
}
