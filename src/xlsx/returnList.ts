/**
 * The 差错清单 workbook (core/review/returnList.ts) drawn with ExcelJS so that it prints: A4 landscape, one page wide, the
 * column header repeated on every page, page numbers, wrapped texts with each row as high as its text needs (Excel
 * and LibreOffice do not grow rows of a file they open), 错误 rows tinted. Works in Node and in the browser.
 *
 * Every text is written as a text cell with format `@`: a message quoting a value that starts with `=` stays text.
 */
import ExcelJS from "exceljs";
import { SEVERITY_ZH } from "../core/messages/severity";
import { rowHeight } from "../core/template/printFit";
import { ooxmlText } from "./ooxmlText";
import type { ReturnListLayout } from "../core/review/returnList";

const PAPER_A4 = 9;
const ERROR_FILL = "FFFDE2E2";
const HEADER_FILL = "FFD9E1F2";
const THIN: Partial<ExcelJS.Border> = { style: "thin" };
const BOX: Partial<ExcelJS.Borders> = {
  top: THIN,
  left: THIN,
  bottom: THIN,
  right: THIN,
};

/**
 * Writes a 差错清单.
 * @returns the .xlsx file's bytes: one sheet, title and lines on top, the header row, one row per item
 */
export async function writeReturnList(
  layout: ReturnListLayout,
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "技改填报助手";
  const ws = wb.addWorksheet(layout.name);
  const widths = layout.columns.map((c) => c.width);
  const wraps = layout.columns.map((c) => c.wrap);
  ws.columns = widths.map((width) => ({ width }));
  const last = layout.columns.length;
  const total = widths.reduce((a, b) => a + b, 0);
  layout.lines.forEach((text, i) => {
    const r = i + 1;
    ws.mergeCells(r, 1, r, last);
    const cell = ws.getCell(r, 1);
    cell.value = text;
    cell.numFmt = "@";
    cell.alignment = {
      wrapText: true,
      vertical: "middle",
      horizontal: i === 0 ? "center" : "left",
    };
    if (i === 0) cell.font = { bold: true, size: 16 };
    ws.getRow(r).height = i === 0 ? 28 : rowHeight([text], [total]);
  });
  const headerRow = layout.lines.length + 1;
  layout.columns.forEach((c, i) => {
    const cell = ws.getCell(headerRow, i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.border = BOX;
    cell.alignment = {
      horizontal: "center",
      vertical: "middle",
      wrapText: true,
    };
    cell.fill = {
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: HEADER_FILL },
    };
  });
  ws.getRow(headerRow).height = rowHeight(
    layout.columns.map((c) => c.header),
    widths,
  );
  layout.rows.forEach((cells, i) => {
    const r = headerRow + 1 + i;
    const isError = cells[5] === SEVERITY_ZH.error;
    cells.forEach((value, c) => {
      const cell = ws.getCell(r, c + 1);
      if (typeof value === "number") cell.value = value;
      else {
        cell.numFmt = "@";
        cell.value = ooxmlText(value);
      }
      cell.border = BOX;
      cell.alignment = { vertical: "top", wrapText: wraps[c] };
      if (isError)
        cell.fill = {
          type: "pattern",
          pattern: "solid",
          fgColor: { argb: ERROR_FILL },
        };
    });
    ws.getRow(r).height = rowHeight(cells.map(String), widths, wraps);
  });
  ws.views = [{ state: "frozen", xSplit: 0, ySplit: headerRow }];
  ws.pageSetup = {
    paperSize: PAPER_A4,
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${headerRow}:${headerRow}`,
    margins: {
      left: 0.4,
      right: 0.4,
      top: 0.5,
      bottom: 0.6,
      header: 0.3,
      footer: 0.3,
    },
  };
  ws.headerFooter = { oddFooter: "&C第 &P 页，共 &N 页" };
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
