/**
 * Records and continuation rows (../shared/spec/tables.md "Records and continuation rows", T2/T3): a numbered row and
 * the rows with an empty 序号 under it form one record, split into items (policies, contracts) for the amount checks.
 * The engine fills merged cells over their area (`DataRow.merged`): a merged amount is counted once.
 */
import { isBlank } from "../model/grid";
import { compact, sumExact } from "../parse";
import type { RowCheck } from "./ranges";
import { num, text, type DataRow, type TableContext } from "../model/table";

/** The table's data rows grouped by record, in sheet order. */
export function recordsOf<K extends string>(
  table: TableContext<K>,
): DataRow<K>[][] {
  const records = new Map<number, DataRow<K>[]>();
  for (const row of table.rows) {
    const rows = records.get(row.record);
    if (rows) rows.push(row);
    else records.set(row.record, [row]);
  }
  return [...records.values()];
}

/**
 * One record's rows split into items by a key column (保险单号, 设备租赁合同编号): a row whose key is empty or equal
 * to the current item's continues that item (several invoices of one policy); a row with another key starts a new
 * item (several policies of one loan).
 */
export function itemsOf<K extends string>(
  record: readonly DataRow<K>[],
  key: NoInfer<K>,
): DataRow<K>[][] {
  const items: DataRow<K>[][] = [];
  let current: { key: string; rows: DataRow<K>[] } | undefined;
  for (const row of record) {
    const k = compact(text(row, key)).toUpperCase();
    if (current && (k === "" || k === current.key)) {
      current.rows.push(row);
      continue;
    }
    current = { key: k, rows: [row] };
    items.push(current.rows);
  }
  return items;
}

/** The first number read in column `key` of `rows`. */
export function firstNum<K extends string>(
  rows: readonly DataRow<K>[],
  key: NoInfer<K>,
): number | undefined {
  for (const row of rows) {
    const n = num(row, key);
    if (n !== undefined) return n;
  }
  return undefined;
}

/** The first of `rows` with a number in column `key`, else the first row (where an item's amount finding goes). */
export function rowWithNum<K extends string>(
  rows: readonly DataRow<K>[],
  key: NoInfer<K>,
): DataRow<K> {
  return rows.find((r) => num(r, key) !== undefined) ?? rows[0]!;
}

/**
 * Row check of an invoice (发票号码): a row with a positive amount of its own in column `key` (保险费, 已支付金额; a
 * merged copy is not counted again) must have one; else an issue on 发票号码 with params `{ [key]: amount }` (万元).
 * Seed: 附件2 四(四)6(2), 6(3).
 */
export function invoiceCheck<A extends string>(
  key: A,
): RowCheck<Record<A, number>, A | "invoiceNo"> {
  return (row, _table, emit) => {
    const amount = num(row, key);
    if (amount === undefined || amount <= 0 || row.merged[key]) return;
    if (isBlank(row.cells.invoiceNo))
      emit({
        row: row.row,
        col: "invoiceNo",
        params: { [key]: amount } as Record<A, number>,
      });
  };
}

/**
 * Exact sum of column `key` over the rows' own cells (a merged amount counts once), in the column's unit (万元).
 * @returns undefined when no row has a number there.
 */
export function ownSum<K extends string>(
  rows: readonly DataRow<K>[],
  key: NoInfer<K>,
): number | undefined {
  const values: number[] = [];
  for (const r of rows) {
    const n = num(r, key);
    if (n !== undefined && !r.merged[key]) values.push(n);
  }
  return values.length > 0 ? sumExact(values) : undefined;
}
