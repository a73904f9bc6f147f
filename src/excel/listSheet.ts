/**
 * The hidden list sheet behind the dropdowns (core/template/lists.ts), in Office.js: created once
 * per workbook with its defined names, then reused by every later template.
 */
import { rangeAddress } from "../core/model/grid";
import { listSheetLayout } from "../core/template";
import { OperationError } from "../ports";

/** True for a workbook-scoped name that belongs to the list sheet (`TFLIST_…`, `TECHFUND_LISTS_V…`). */
function isListName(name: string): boolean {
  return name.startsWith("TFLIST_") || /^TECHFUND_LISTS_V\d+$/.test(name);
}

/**
 * Refuses a foreign sheet named like our list sheet, before anything is written.
 * @param sheetNames names of the workbook's sheets (loaded)
 * @param workbookNames names of its workbook-scoped defined names (loaded)
 * @throws OperationError `NotOurSheet` (Chinese) when a sheet with the list sheet's name exists but is not ours
 */
export function assertListSheetOurs(
  sheetNames: readonly string[],
  workbookNames: readonly string[],
): void {
  const name = listSheetLayout().sheetName;
  const exists = sheetNames.some((n) => n.toLowerCase() === name.toLowerCase());
  const marked = workbookNames.some((n) => /^TECHFUND_LISTS_V\d+$/.test(n));
  if (exists && !marked)
    throw new OperationError(
      "NotOurSheet",
      `工作簿中已有名为“${name}”的工作表，但不是本工具创建的。本工具需要用这个名称存放下拉列表，请将该工作表改名后再插入模板。`,
    );
}

/**
 * Queues the list sheet when the workbook has none; leaves an existing one of ours alone.
 * @param workbook the workbook of the batch
 * @param sheetNames names of the workbook's sheets (loaded)
 * @param workbookNames names of its workbook-scoped defined names (loaded)
 * @throws OperationError `NotOurSheet` (Chinese) when a sheet with the list sheet's name exists but is not ours
 */
export function ensureListSheet(
  workbook: Excel.Workbook,
  sheetNames: string[],
  workbookNames: string[],
): void {
  const layout = listSheetLayout();
  const exists = sheetNames.some(
    (n) => n.toLowerCase() === layout.sheetName.toLowerCase(),
  );
  assertListSheetOurs(sheetNames, workbookNames);
  if (exists) return;
  // The sheet was deleted but its names stayed (they now point at #REF!): replace them.
  for (const name of workbookNames.filter(isListName))
    workbook.names.getItem(name).delete();

  const sheet = workbook.worksheets.add(layout.sheetName);
  const height = 1 + Math.max(...layout.columns.map((c) => c.values.length));
  const grid = Array.from({ length: height }, () =>
    Array<string>(layout.columns.length).fill(""),
  );
  layout.columns.forEach((col, c) => {
    grid[0]![c] = col.header;
    col.values.forEach((v, i) => (grid[i + 1]![c] = v));
  });
  sheet.getRange(
    rangeAddress({
      s: { r: 0, c: 0 },
      e: { r: height - 1, c: layout.columns.length - 1 },
    }),
  ).values = grid;
  for (const col of layout.columns)
    workbook.names.add(col.name, `=${col.refersTo}`);
  workbook.names.add(
    layout.markName,
    sheet.getRange("A1"),
    "技改填报助手：下拉列表数据",
  );
  sheet.visibility = "Hidden";
}
