/**
 * A T1 with hidden rows and columns, written by ExcelJS (another program than our reader), for the ROW-HIDDEN tests
 * of the file reader (test/xlsx/hiddenColumns*.test.ts).
 */
import ExcelJS from "exceljs";
import type { Sheet } from "../../src/core/model/grid";
import { GOOD_LOAN, noticeSheet } from "./rows";

/**
 * The test T1 in the notice's layout: title, 单位, header, 合计, three clean loans in grid rows 4–6 (Excel 5–7),
 * columns A–O; `pages` (N, 对应付息流水或利息单所在页码) left empty on every row.
 */
export function hiddenT1(): Sheet {
  const loan = { ...GOOD_LOAN, pages: null };
  return noticeSheet("loan-interest", {
    rows: [loan, { ...loan, contractNo: "B" }, { ...loan, contractNo: "C" }],
  });
}

/**
 * A core sheet written by ExcelJS, with the given 1-based columns (and rows) hidden.
 * @param notesFirst put a sheet “说明” before it, with text in A1:C1 and its column C hidden (which sheet a hidden
 *   column belongs to)
 * @returns the .xlsx bytes
 */
export async function writeWithExcelJs(
  sheet: Sheet,
  hiddenColumns: number[],
  hiddenRows: number[] = [],
  notesFirst = false,
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  if (notesFirst) {
    const notes = wb.addWorksheet("说明");
    notes.addRow(["填表说明", "联系人", "张三"]);
    notes.getColumn(3).hidden = true;
  }
  const ws = wb.addWorksheet(sheet.name);
  sheet.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell) ws.getCell(r + 1, c + 1).value = cell.v;
    }),
  );
  for (const c of hiddenColumns) ws.getColumn(c).hidden = true;
  for (const r of hiddenRows) ws.getRow(r).hidden = true;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
