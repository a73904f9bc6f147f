/**
 * The merged workbook (合并汇总, issue 5 part 1): draws a {@link MergeResult} with ExcelJS — sheets 申报汇总表
 * (附件3), 免申即享汇总表 (附件4, only when there are such rows), 合并日志 and 审核结果, then the hidden list sheet
 * behind the dropdowns. Works in Node and in the browser (no file system here).
 *
 * The 汇总表 sheets are drawn from the official layout by the template writer (xlsx/template.ts) and carry the
 * template mark, so our own checker recognises the merged file; the 合并日志 and 审核结果 sheets by the 审核结果 writer
 * (xlsx/report.ts).
 *
 * Received values are written as values, never as formulas: a text stays a string cell whatever it starts with
 * (`=`, `+`, `-`, `@`) and gets the text format `@`, so that editing it in Excel keeps it text; a long digit string
 * stays text; numbers stay numbers (with their number format); an error value stays that error value.
 */
import ExcelJS from "exceljs";
import type { Cell } from "../core/grid";
import {
  mergeLogSheet,
  type MergedTable,
  type MergeResult,
} from "../core/merge";
import { reviewLayout } from "../core/review";
import { drawSheet } from "./report";
import {
  drawLayout,
  drawListSheet,
  quoteSheet,
  setDefinedNames,
  type DefinedNameModel,
} from "./template";

/** Writes one received value into a cell (see the module comment). */
function drawValue(target: ExcelJS.Cell, cell: Cell | undefined): void {
  if (!cell) return;
  if (cell.e !== undefined) {
    target.value = { error: cell.e } as ExcelJS.CellErrorValue;
    return;
  }
  if (typeof cell.v === "string") {
    // A string is a string cell for ExcelJS (never parsed as a formula); `@` keeps it text when it is edited.
    target.numFmt = "@";
    target.value = cell.v;
    return;
  }
  if (typeof cell.v === "number" && cell.z !== undefined)
    target.numFmt = cell.z;
  target.value = cell.v;
}

/** Draws a merged table on a new worksheet: the official layout, then its rows' values. */
function drawMergedTable(wb: ExcelJS.Workbook, table: MergedTable): void {
  const ws = wb.addWorksheet(table.sheetName);
  drawLayout(ws, table.layout);
  for (const row of table.rows)
    row.cells.forEach((cell, c) =>
      drawValue(ws.getCell(row.row + 1, c + 1), cell),
    );
}

/**
 * Writes the merged workbook.
 * @param result from `mergeFiles` (core/merge)
 * @returns the .xlsx file's bytes: sheets 申报汇总表, (免申即享汇总表), 合并日志, 审核结果, and the hidden
 *   `techfund_lists`; each 汇总表 sheet marked with its table (sheet-scoped defined name on A1)
 */
export async function writeMergedWorkbook(
  result: MergeResult,
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "技改填报助手";
  const names: DefinedNameModel[] = [];
  const tables = result.exempt
    ? [result.summary, result.exempt]
    : [result.summary];
  tables.forEach((table, i) => {
    drawMergedTable(wb, table);
    names.push({
      name: table.layout.markName,
      ranges: [`${quoteSheet(table.sheetName)}!$A$1`],
      localSheetId: i,
    });
  });
  drawSheet(wb, mergeLogSheet(result), {});
  drawSheet(wb, reviewLayout(result.checks).findings, {});
  names.push(...drawListSheet(wb));
  setDefinedNames(wb, names);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
