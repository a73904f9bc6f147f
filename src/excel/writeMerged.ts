/**
 * 合并汇总 in Excel: writes a merge (core/merge `MergeResult`) into the open workbook as new
 * sheets — 申报汇总表 (附件3), 免申即享汇总表 (附件4, when there are such rows), 合并日志 and 审核结果 — never
 * overwriting a sheet (a taken name gets a suffix: `申报汇总表(2)`). One `Excel.run`: one sync to read the sheet and
 * defined names, then the writes in requests under Excel on the web's 5 MB (one for an ordinary merge; thousands of
 * rows take several), with this add-in's events off; a failure removes every sheet added (newSheets.ts).
 *
 * The 汇总表 sheets are drawn from the official layout by the template drawer (drawLayout.ts, with the hidden list
 * sheet behind its dropdowns), then the rows' values are written in one block per sheet.
 *
 * **Received text stays text** (decision): Office.js `range.values` takes a value the way a user types it — a text
 * starting with `=`, `+` or `-` becomes a formula, `2024-01-16` a date, an 18-digit code a rounded number. Every
 * text cell therefore gets the number format `@` (文本) before its value is written, in the same batch: Excel stores
 * what is entered into a Text cell as text, as typed. No leading apostrophe is added (it would change the value when
 * a cell is copied elsewhere), and received data never goes through `range.formulas`. Numbers keep their number
 * format; empty cells keep the column's format from the layout.
 */
import type { Cell } from "../core/model/grid";
import {
  mergeLogSheet,
  type MergedTable,
  type MergeResult,
} from "../core/merge";
import {
  reviewLayout,
  type ReviewCell,
  type ReviewSheet,
} from "../core/review/reviewReport";
import { rangeAddress } from "../core/model/grid";
import { drawLayout, widthInPoints } from "./drawLayout";
import { COMMAND_BYTES, type RequestBudget, writeRows } from "./budget";
import { addSheets } from "./newSheets";
import { assertExcelApi } from "./requirements";
import type { MergeOperations } from "../ports";
import { asOperationError } from "./officeErrors";

/** Text format: what is entered stays text (see the module comment). */
const TEXT_FORMAT = "@";
const HEADER_FILL = "#D9E1F2";
/** Row fills of 错误 and 警告 rows in the report sheets (as in the 审核结果 workbook). */
const SEVERITY_FILL = { error: "#FDE2E2", warning: "#FFF4CE" } as const;

/** What `range.values` and `range.numberFormat` get for the cells of one block. */
export interface ValueBlock {
  values: (string | number | boolean)[][];
  numberFormat: string[][];
}

/** One received value: its value for `range.values` and its number format (`@` for every text). */
function valueOf(
  cell: Cell | undefined,
  columnFormat: string,
): [string | number | boolean, string] {
  if (!cell) return ["", columnFormat];
  // An error value is written as its text (#DIV/0!): Excel turns a typed error text back into the error.
  if (cell.e !== undefined) return [cell.e, "General"];
  if (typeof cell.v === "string") return [cell.v, TEXT_FORMAT];
  if (typeof cell.v === "number") return [cell.v, cell.z ?? columnFormat];
  if (typeof cell.v === "boolean") return [cell.v, columnFormat];
  return ["", columnFormat];
}

/**
 * The values and number formats of a merged table's data rows (one block, in the table's column order).
 * Exported for tests.
 */
export function mergedRowsBlock(table: MergedTable): ValueBlock {
  const n = table.layout.columnCount;
  const formats = Array<string>(n).fill("General");
  for (const { c, numFmt } of table.layout.columnFormats) formats[c] = numFmt;
  const values: ValueBlock["values"] = [];
  const numberFormat: ValueBlock["numberFormat"] = [];
  for (const row of table.rows) {
    const pairs = formats.map((f, c) => valueOf(row.cells[c], f));
    values.push(pairs.map(([v]) => v));
    numberFormat.push(pairs.map(([, f]) => f));
  }
  return { values, numberFormat };
}

/** The cells of a report sheet (header row, then rows): numbers as numbers, every text with the text format. */
export function reportBlock(sheet: ReviewSheet): ValueBlock {
  const text = (c: ReviewCell) => (typeof c === "object" ? c.text : c);
  const rows = [
    sheet.columns.map((c) => c.header),
    ...sheet.rows.map((r) => r.cells.map(text)),
  ];
  const width = sheet.columns.length;
  return {
    values: rows.map((r) =>
      Array.from({ length: width }, (_, c) => r[c] ?? ""),
    ),
    numberFormat: rows.map((r) =>
      Array.from({ length: width }, (_, c) =>
        typeof r[c] === "number" ? "General" : TEXT_FORMAT,
      ),
    ),
  };
}

/** Queues the drawing of a merged table: layout, then the rows' formats and values (in that order), within budget. */
async function drawMergedTable(
  sheet: Excel.Worksheet,
  table: MergedTable,
  budget: RequestBudget,
): Promise<void> {
  await drawLayout(sheet, table.layout, budget);
  if (table.rows.length === 0) return;
  await writeRows(
    budget,
    sheet,
    table.layout.dataRows.first,
    0,
    mergedRowsBlock(table),
  );
}

/** Queues the drawing of a report sheet (合并日志, 审核结果): header, rows, widths, fills, frozen header, filter. */
async function drawReportSheet(
  sheet: Excel.Worksheet,
  report: ReviewSheet,
  budget: RequestBudget,
): Promise<void> {
  const block = reportBlock(report);
  const last = report.columns.length - 1;
  await writeRows(budget, sheet, 0, 0, block);
  const whole = sheet.getRange(
    rangeAddress({
      s: { r: 0, c: 0 },
      e: { r: block.values.length - 1, c: last },
    }),
  );
  await budget.room(COMMAND_BYTES * (4 + 2 * report.columns.length));
  whole.format.verticalAlignment = "Top";
  report.columns.forEach((col, c) => {
    const column = sheet.getRange(
      rangeAddress({ s: { r: 0, c }, e: { r: block.values.length - 1, c } }),
    );
    column.format.columnWidth = widthInPoints(col.width);
    if (col.wrap) column.format.wrapText = true;
  });
  const header = sheet.getRange(
    rangeAddress({ s: { r: 0, c: 0 }, e: { r: 0, c: last } }),
  );
  header.format.font.bold = true;
  header.format.fill.color = HEADER_FILL;
  header.format.horizontalAlignment = "Center";
  // Consecutive rows of the same severity share one fill command.
  let start = 0;
  for (const [i, row] of report.rows.entries()) {
    const next = report.rows[i + 1];
    if (next?.severity === row.severity) continue;
    const fill =
      row.severity === "error" || row.severity === "warning"
        ? SEVERITY_FILL[row.severity]
        : undefined;
    if (fill) {
      await budget.room();
      sheet.getRange(
        rangeAddress({ s: { r: start + 1, c: 0 }, e: { r: i + 1, c: last } }),
      ).format.fill.color = fill;
    }
    start = i + 1;
  }
  await budget.room(COMMAND_BYTES * 2);
  sheet.freezePanes.freezeRows(1);
  // The filter covers the header and every row (given only the header row, Excel guesses the data's extent).
  sheet.autoFilter.apply(whole);
}

/**
 * Writes a merge into the open workbook as new sheets (see the module comment); existing sheets are never modified.
 * @param result from `mergeFiles` (core/merge), e.g. computed by the file worker
 * @returns the names of the created sheets, in order: 申报汇总表, (免申即享汇总表), 合并日志, 审核结果 — each with a
 *   suffix when the name was taken (`申报汇总表(2)`); the hidden list sheet, when created, is not listed
 * @throws Error with a Chinese message: Excel too old (ExcelApi 1.9), not in Excel, a foreign sheet named like our
 *   list sheet, or Excel refused the batch (its message is kept as `cause`)
 */
export async function writeMergedSheets(
  result: MergeResult,
): Promise<string[]> {
  assertExcelApi();
  const tables = result.exempt
    ? [result.summary, result.exempt]
    : [result.summary];
  const reports = [mergeLogSheet(result), reviewLayout(result.checks).findings];
  return addSheets("写入合并结果", async (add, budget) => {
    const first = add(tables[0]!.sheetName);
    await drawMergedTable(first, tables[0]!, budget);
    for (const table of tables.slice(1))
      await drawMergedTable(add(table.sheetName), table, budget);
    for (const report of reports)
      await drawReportSheet(add(report.name), report, budget);
    return first;
  });
}

/** The Office.js implementation of the 合并汇总 port: failures become an OperationError (写入合并结果失败：…). */
export function createMergeOperations(): MergeOperations {
  return {
    async writeMerged(result) {
      try {
        return await writeMergedSheets(result);
      } catch (err) {
        throw asOperationError("写入合并结果", err);
      }
    },
  };
}
