/**
 * The 审核结果 workbook (`techfund check --report`): draws the pure {@link ReviewLayout} (core/review/reviewReport.ts) with
 * ExcelJS — sheets 汇总 and 审核结果, header row bold, frozen, repeated on every printed page and filterable, A4
 * landscape one page wide, 错误/警告 rows coloured, each row as high as its wrapped text (core/template/printFit.ts). Works in Node and in the browser (no file system here).
 *
 * Texts from received files (file and sheet names, messages quoting cell values) are written as text cells with the
 * text format `@`: a value starting with `=`, `+`, `-` or `@` stays text, never a formula.
 *
 * **Links to the cells** (decision): the report is a separate file, so a link `#'Sheet'!G6` (same workbook) cannot
 * reach the checked workbook. The 单元格 column holds the address as text (`G6`) as the result of a
 * `HYPERLINK("[path]'Sheet'!G6","G6")` formula — Excel's documented form for a cell of another workbook — whose
 * path the caller gives (the CLI: relative to the report's folder, so the report and the checked files can move
 * together). Clicking it in Excel or WPS opens the file at that cell. File and sheet names are inside a string
 * literal with `"` doubled, so they cannot become formula code; when no path is given, the path holds `[` or `]`, or
 * the link text would pass Excel's 255-character limit for a string in a formula, the cell holds the address text only.
 */
import ExcelJS from "exceljs";
import type { Severity } from "../core/model/finding";
import { rowHeight } from "../core/template/printFit";
import { ooxmlText } from "./ooxmlText";
import {
  REVIEW_PRINT,
  type ReviewCell,
  type ReviewLayout,
  type ReviewLink,
  type ReviewSheet,
} from "../core/review/reviewReport";

/** Excel paper size code of A4. */
const PAPER_A4 = 9;

/** Excel's limit on the length of a text constant in a formula. */
const FORMULA_TEXT_MAX = 255;

/** Row colours of findings (ARGB): light red for 错误, light amber for 警告. */
const SEVERITY_FILL: Partial<Record<Severity, string>> = {
  error: "FFFDE2E2",
  warning: "FFFFF4CE",
};
const HEADER_FILL = "FFD9E1F2";
const LINK_FONT: Partial<ExcelJS.Font> = {
  color: { argb: "FF0563C1" },
  underline: true,
};

/** Options of {@link writeReviewWorkbook}. */
export interface ReviewWorkbookOptions {
  /**
   * The path a link uses to reach a checked file (as `HYPERLINK` resolves it: absolute, or relative to the report's
   * folder), or undefined for no link. Without this option, no links.
   */
  linkPath?: (file: string) => string | undefined;
}

/**
 * The `HYPERLINK` formula (without `=`) that opens `link.cell` of sheet `link.sheet` in the workbook at `path`:
 * `HYPERLINK("[../收件/贷款.xlsx]'新增贷款明细表'!G6","G6")`. Quotes in names are doubled (`'` inside the sheet
 * reference, `"` inside the string literal).
 * @returns undefined when the path holds `[` or `]` (Excel could not read the reference) or the reference passes 255
 *   characters (Excel's limit for a text in a formula)
 */
export function externalLinkFormula(
  path: string,
  link: ReviewLink,
  text: string,
): string | undefined {
  if (/[[\]]/.test(path)) return undefined;
  const target = `[${path}]'${link.sheet.replace(/'/g, "''")}'!${link.cell}`;
  if (target.length > FORMULA_TEXT_MAX || text.length > FORMULA_TEXT_MAX)
    return undefined;
  const literal = (s: string) => `"${s.replace(/"/g, '""')}"`;
  return `HYPERLINK(${literal(target)},${literal(text)})`;
}

/** Writes one report cell: numbers as numbers, texts as text-formatted strings, links as HYPERLINK formulas. */
function drawCell(
  target: ExcelJS.Cell,
  value: ReviewCell,
  options: ReviewWorkbookOptions,
): void {
  if (typeof value === "number") {
    target.value = value;
    return;
  }
  const text = typeof value === "string" ? value : value.text;
  const path =
    typeof value === "string" ? undefined : options.linkPath?.(value.link.file);
  const formula =
    path !== undefined && typeof value !== "string"
      ? externalLinkFormula(path, value.link, text)
      : undefined;
  if (formula) {
    target.value = { formula, result: text } as ExcelJS.CellFormulaValue;
    target.font = { ...target.font, ...LINK_FONT };
  } else {
    target.numFmt = "@";
    target.value = ooxmlText(text);
  }
}

/** Draws one report sheet (header row, rows, filter, frozen header, print setup) as a new worksheet of `wb`. */
export function drawSheet(
  wb: ExcelJS.Workbook,
  sheet: ReviewSheet,
  options: ReviewWorkbookOptions,
): void {
  const ws = wb.addWorksheet(sheet.name);
  ws.columns = sheet.columns.map((c) => ({ width: c.width }));
  const header = ws.getRow(1);
  sheet.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.fill = {
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: HEADER_FILL },
    };
    cell.alignment = {
      vertical: "middle",
      horizontal: "center",
      wrapText: true,
    };
  });
  const widths = sheet.columns.map((c) => c.width);
  const wraps = sheet.columns.map((c) => c.wrap ?? false);
  header.height = rowHeight(
    sheet.columns.map((c) => c.header),
    widths,
  );
  sheet.rows.forEach((row, r) => {
    // Excel and LibreOffice keep a program-written row at its stored height: give each row the height of its
    // wrapped text, so that printed rows never overlap or cut text.
    ws.getRow(r + 2).height = rowHeight(
      row.cells.map((c) =>
        typeof c === "string" ? c : typeof c === "number" ? String(c) : c.text,
      ),
      widths,
      wraps,
    );
    const fill = row.severity && SEVERITY_FILL[row.severity];
    row.cells.forEach((value, c) => {
      const cell = ws.getCell(r + 2, c + 1);
      cell.alignment = {
        vertical: "top",
        wrapText: sheet.columns[c]?.wrap ?? false,
      };
      if (fill)
        cell.fill = {
          type: "pattern",
          pattern: "solid",
          fgColor: { argb: fill },
        };
      drawCell(cell, value, options);
    });
  });
  const last = sheet.columns.length;
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: last } };
  ws.views = [{ state: "frozen", xSplit: 0, ySplit: 1 }];
  ws.pageSetup = {
    paperSize: PAPER_A4,
    orientation: REVIEW_PRINT.orientation,
    fitToPage: true,
    fitToWidth: REVIEW_PRINT.fitToWidth,
    fitToHeight: 0,
    printTitlesRow: "1:1",
  };
  ws.headerFooter = { oddFooter: `&C${REVIEW_PRINT.footer}` };
}

/**
 * Writes the 审核结果 workbook of a {@link ReviewLayout}: sheet 汇总, then sheet 审核结果.
 * @param layout from `reviewLayout(checks)` (core/review/reviewReport.ts)
 * @param options `linkPath` for the links of the 单元格 column (see the module comment)
 * @returns the .xlsx file's bytes
 */
export async function writeReviewWorkbook(
  layout: ReviewLayout,
  options: ReviewWorkbookOptions = {},
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "技改填报助手";
  drawSheet(wb, layout.summary, options);
  drawSheet(wb, layout.findings, options);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
