/**
 * The mark that says "this sheet is our template of table X, catalog version N".
 * It is a sheet-scoped defined name pointing at the title cell: Excel keeps defined names through
 * save and reopen, Office.js can add them (`worksheet.names.add`, ExcelApi 1.4), and every xlsx
 * reader (SheetJS `wb.Workbook.Names`) sees them. Form: `TECHFUND_<id with _>_V<version>`.
 */
import { isTableId } from "./tables";
import type { TableId } from "./types";

const PREFIX = "TECHFUND_";

/** The defined name marking a sheet as table `tableId` of catalog `version`. */
export function markName(tableId: TableId, version: number): string {
  return `${PREFIX}${tableId.replace(/-/g, "_")}_V${version}`;
}

/** Reads a defined name; undefined when it is not one of our marks. */
export function parseMarkName(
  name: string,
): { tableId: TableId; version: number } | undefined {
  const m = /^TECHFUND_([a-z_]+)_V(\d+)$/.exec(name);
  if (!m) return undefined;
  const id = m[1]!.replace(/_/g, "-");
  return isTableId(id) ? { tableId: id, version: Number(m[2]) } : undefined;
}
