/**
 * The merged workbook (合并汇总): draws a {@link MergeResult} with ExcelJS — sheets 申报汇总表
 * (附件3), 免申即享汇总表 (附件4, only when there are such rows), 合并日志 and 审核结果, then the hidden list sheet
 * behind the dropdowns. Works in Node and in the browser (no file system here).
 *
 * The 汇总表 sheets are drawn from the official layout by the template writer (xlsx/template.ts) and carry the
 * template mark, so our own checker recognises the merged file; the 合并日志 and 审核结果 sheets by the 审核结果 writer
 * (xlsx/report.ts).
 *
 * Received values are written as values, never as formulas: a text stays a string cell whatever it starts with
 * (`=`, `+`, `-`, `@`) and gets the text format `@`, so that editing it in Excel keeps it text, and reads back with every
 * character (ooxmlText.ts: control characters and `_xHHHH_`-like sequences escaped); a long digit string stays text;
 * numbers stay numbers (with their number format); an error value stays that error value.
 */
import ExcelJS from "exceljs";
import type { Cell } from "../core/model/grid";
import {
  mergeLogSheet,
  mergeStatsSheet,
  type MergedTable,
  type MergeResult,
} from "../core/merge";
import { rowHeight, textWidth } from "../core/template/printFit";
import { reviewLayout } from "../core/review/reviewReport";
import { ooxmlText } from "./ooxmlText";
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
    target.value = ooxmlText(cell.v);
    return;
  }
  // A number without its own format shows as General, as in the received file (not in the column's text format).
  if (typeof cell.v === "number") target.numFmt = cell.z ?? "General";
  target.value = cell.v;
}

/** Widest a column grows for its texts (Excel character units); longer texts wrap. */
const MAX_COLUMN_WIDTH = 30;

/**
 * Column widths that fit the merged rows' Chinese texts: each column as wide as its longest one-line text (plus
 * padding), never narrower than the official layout's width, never wider than {@link MAX_COLUMN_WIDTH}.
 */
export function fittedWidths(table: MergedTable): number[] {
  return table.layout.columnWidths.map((base, c) => {
    const widest = Math.max(
      0,
      ...table.rows.map((r) => textWidth(displayText(r.cells[c]))),
    );
    return Math.max(base, Math.min(MAX_COLUMN_WIDTH, widest + 2));
  });
}

/** The text a cell shows (numbers as written; dates by their ISO day), for widths and heights. */
function displayText(cell: Cell | undefined): string {
  if (!cell) return "";
  if (cell.e !== undefined) return cell.e;
  if (cell.date !== undefined) return cell.date;
  return cell.v === null ? "" : String(cell.v);
}

/**
 * Draws a merged table on a new worksheet: the official layout, then its rows' values. For print: columns as wide
 * as their texts allow, every data cell wrapped, each row as high as its wrapped text (no text cut on paper).
 */
function drawMergedTable(wb: ExcelJS.Workbook, table: MergedTable): void {
  const ws = wb.addWorksheet(table.sheetName);
  drawLayout(ws, table.layout);
  const widths = fittedWidths(table);
  widths.forEach((w, c) => (ws.getColumn(c + 1).width = w));
  for (const row of table.rows) {
    row.cells.forEach((cell, c) => {
      const target = ws.getCell(row.row + 1, c + 1);
      drawValue(target, cell);
      // The data style of the layout (centred vertically), wrapped.
      target.alignment = { vertical: "middle", wrapText: true };
    });
    ws.getRow(row.row + 1).height = rowHeight(
      row.cells.map(displayText),
      widths,
    );
  }
  // Narrow margins leave more of the A4 width to the columns.
  ws.pageSetup.margins = {
    left: 0.4,
    right: 0.4,
    top: 0.5,
    bottom: 0.6,
    header: 0.3,
    footer: 0.3,
  };
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
  drawSheet(wb, mergeStatsSheet(result), {});
  drawSheet(wb, mergeLogSheet(result), {});
  drawSheet(wb, reviewLayout(result.checks).findings, {});
  names.push(...drawListSheet(wb));
  setDefinedNames(wb, names);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
