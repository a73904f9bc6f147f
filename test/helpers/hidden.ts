/**
 * A T1 with hidden rows and columns, written by ExcelJS (another program than our reader), for the ROW-HIDDEN tests
 * of the file reader (test/xlsx/hiddenColumns*.test.ts).
 */
import ExcelJS from "exceljs";
import type { Sheet } from "../../src/core/grid";
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
 * @returns the .xlsx bytes
 */
export async function writeWithExcelJs(
  sheet: Sheet,
  hiddenColumns: number[],
  hiddenRows: number[] = [],
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
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
