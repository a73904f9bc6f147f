/**
 * Writes the 审核结果 sheet (core/review/reviewSheet.ts) into the open workbook: a new sheet, never a user's; re-running
 * replaces only our own earlier one, recognised by its workbook-scoped mark `TECHFUND_REVIEW_V1` (never by its name:
 * a user's sheet named 审核结果 makes ours 审核结果(2)). Texts are written as text (number format `@`, so a value
 * starting with `=` from a received file stays text); each finding's 单元格 is a HYPERLINK to its cell; the page
 * prints A4 landscape, one page wide, the findings' header repeated on every page. One `Excel.run`: read the names,
 * draw under a temporary name (one request, or several under Excel on the web's 5 MB for a long report), then
 * replace our earlier sheet and its mark; this add-in's events are off meanwhile, and a failure leaves nothing.
 */
import { a1, type CellRange, rangeAddress } from "../../core/model/grid";
import type { Explanation } from "../../core/review/explanations";
import { formatDate } from "../../core/parse";
import type { WorkbookReport } from "../../core/check/report";
import { REVIEW_PRINT, type ReviewCell } from "../../core/review/reviewReport";
import {
  reviewSheetLayout,
  type ReviewSheetRow,
} from "../../core/review/reviewSheet";
import { TEMPLATE_STYLES, uniqueSheetName } from "../../core/template";
import { applyStyle, widthInPoints } from "../drawLayout";
import { COMMAND_BYTES, RequestBudget, writeRows } from "../budget";
import { removeSheets } from "../newSheets";
import { type OwnWrites, writeQuietly } from "./ownWrites";
import { ownSheetNames, sheetRef } from "./ownSheets";
import { REVIEW_SHEET_MARK } from "../../core/check/ownSheets";

/** Font colour of the 级别 cell: 错误 dark red, 警告 dark orange. */
const SEVERITY_COLORS = { error: "#C00000", warning: "#C65911" } as const;

/** `=HYPERLINK("#'贷款'!G6","G6")`: a link to a cell of this workbook (quotes doubled for the formula text). */
export function linkFormula(sheet: string, cell: string, text: string): string {
  const q = (s: string) => s.replace(/"/g, '""');
  return `=HYPERLINK("${q(`#${sheetRef(sheet)}!${cell}`)}","${q(text)}")`;
}

function plain(cell: ReviewCell | undefined): string | number {
  if (cell === undefined) return "";
  return typeof cell === "object" ? cell.text : cell;
}

/** Blocks of consecutive rows of the same kind. */
function blocksOf(
  rows: readonly ReviewSheetRow[],
): { first: number; last: number; row: ReviewSheetRow }[] {
  const out: { first: number; last: number; row: ReviewSheetRow }[] = [];
  rows.forEach((row, i) => {
    const prev = out[out.length - 1];
    if (prev && prev.row.kind === row.kind && prev.last === i - 1)
      prev.last = i;
    else out.push({ first: i, last: i, row });
  });
  return out;
}

/**
 * Writes the 审核结果 sheet and activates it.
 * @param today the date shown as 审核日期 (the caller's clock)
 * @returns the sheet's name
 */
export async function writeReviewSheet(
  report: WorkbookReport,
  explanations: readonly Explanation[],
  ownWrites: OwnWrites,
  today: Date,
): Promise<string> {
  const layout = reviewSheetLayout(
    report,
    explanations,
    formatDate({
      y: today.getFullYear(),
      m: today.getMonth() + 1,
      d: today.getDate(),
    }),
  );
  return Excel.run(async (context) => {
    const workbook = context.workbook;
    workbook.worksheets.load("items/name");
    workbook.names.load("items/name,items/formula");
    await context.sync();
    const previous = ownSheetNames(workbook.names.items).review;
    // Our mark outlives a deleted 审核结果 sheet as `=#REF!$A$1`: it goes too, or adding the new one would fail.
    const marked = workbook.names.items.some(
      (n) => n.name === REVIEW_SHEET_MARK,
    );
    const names = workbook.worksheets.items.map((s) => s.name);
    const old =
      previous !== undefined && names.includes(previous) ? previous : undefined;
    const name = uniqueSheetName(
      layout.name,
      names.filter((n) => n !== old),
    );
    // Drawn under a temporary name first: when Excel refuses any of it, only that sheet is there, and it is removed
    // (the user's sheets and our earlier 审核结果 stay as they were). Then the swap, small and last.
    const draft = uniqueSheetName(`${layout.name}（生成中）`, names);
    const ws = workbook.worksheets.add(draft);
    ownWrites.expect(draft);
    ownWrites.expect(name);
    // This add-in's events are off while it draws (the live check does not re-read our sheet); a long report is
    // sent in several requests, each under Excel on the web's 5 MB.
    await writeQuietly(context, async () => {
      try {
        await draw(ws, layout, new RequestBudget(context));
        await context.sync();
      } catch (err) {
        await removeSheets([draft]);
        throw err;
      }
      if (marked) workbook.names.getItem(REVIEW_SHEET_MARK).delete();
      if (old !== undefined) workbook.worksheets.getItem(old).delete();
      ws.name = name;
      workbook.names.add(
        REVIEW_SHEET_MARK,
        ws.getRange("A1"),
        "技改填报助手：审核结果",
      );
      ws.activate();
    });
    return name;
  });
}

/** Queues the drawing of the layout on a new sheet, sending a request whenever the next would pass the budget. */
async function draw(
  ws: Excel.Worksheet,
  layout: ReturnType<typeof reviewSheetLayout>,
  budget: RequestBudget,
): Promise<void> {
  const n = layout.columns.length;
  const grid = layout.rows.map((row) =>
    Array.from({ length: n }, (_, c) => plain(row.cells[c])),
  );
  await writeRows(budget, ws, 0, 0, {
    numberFormat: grid.map((r) =>
      r.map((v) => (typeof v === "number" ? "General" : "@")),
    ),
    values: grid,
  });

  // Links: the 单元格 column of the finding rows, one formula write per run of consecutive rows.
  const runs: { first: number; c: number; formulas: string[][] }[] = [];
  layout.rows.forEach((row, r) => {
    const c = row.cells.findIndex((x) => typeof x === "object");
    const cell = row.cells[c];
    if (c < 0 || typeof cell !== "object") return;
    let run = runs[runs.length - 1];
    if (!run || run.c !== c || run.first + run.formulas.length !== r)
      runs.push((run = { first: r, c, formulas: [] }));
    run.formulas.push([
      linkFormula(cell.link.sheet, cell.link.cell, cell.text),
    ]);
  });
  for (const run of runs) {
    await writeRows(budget, ws, run.first, run.c, {
      numberFormat: run.formulas.map(() => ["General"]),
      formulas: run.formulas,
    });
    await budget.room(COMMAND_BYTES * 2);
    const target = ws.getRangeByIndexes(
      run.first,
      run.c,
      run.formulas.length,
      1,
    );
    target.format.font.color = "#0563C1";
    target.format.font.underline = "Single";
  }

  await budget.room(COMMAND_BYTES * 2 * n);
  layout.columns.forEach((col, c) => {
    const letter = a1(0, c).replace(/\d+$/, "");
    const column = ws.getRange(`${letter}:${letter}`);
    column.format.columnWidth = widthInPoints(col.width);
    if (col.wrap) column.format.wrapText = true;
  });
  const last = n - 1;
  for (const { first, last: end, row } of blocksOf(layout.rows)) {
    const block: CellRange = { s: { r: first, c: 0 }, e: { r: end, c: last } };
    await budget.room(COMMAND_BYTES * 12);
    const target = ws.getRange(rangeAddress(block));
    if (row.kind === "title") {
      applyStyle(target, { ...TEMPLATE_STYLES.title, hAlign: "left" }, block);
      target.merge(true);
    } else if (row.kind === "header")
      applyStyle(target, TEMPLATE_STYLES.header, block);
    else if (row.kind === "table" || row.kind === "finding")
      applyStyle(target, { ...TEMPLATE_STYLES.data, wrap: false }, block);
  }
  // 级别 (severity) in colour, one write per run of rows of the same severity; it is column 5 of the findings.
  const coloured = layout.rows.map((row) =>
    row.kind === "finding" &&
    (row.severity === "error" || row.severity === "warning")
      ? row.severity
      : undefined,
  );
  for (const [r, severity] of coloured.entries()) {
    if (!severity || coloured[r - 1] === severity) continue;
    let end = r;
    while (coloured[end + 1] === severity) end++;
    await budget.room();
    ws.getRange(
      rangeAddress({ s: { r, c: 4 }, e: { r: end, c: 4 } }),
    ).format.font.color = SEVERITY_COLORS[severity];
  }

  await budget.room(COMMAND_BYTES * 6);
  const page = ws.pageLayout;
  page.orientation = "Landscape";
  page.paperSize = REVIEW_PRINT.paper;
  page.zoom = {
    horizontalFitToPages: REVIEW_PRINT.fitToWidth,
    verticalFitToPages: 0,
  };
  const h = layout.findingsHeaderRow + 1;
  page.setPrintTitleRows(`$${h}:$${h}`);
  page.headersFooters.defaultForAllPages.centerFooter = REVIEW_PRINT.footer;
}
