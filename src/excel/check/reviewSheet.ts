/**
 * Writes the 审核结果 sheet (core/reviewSheet.ts) into the open workbook: a new sheet, never a user's; re-running
 * replaces only our own earlier one, recognised by its workbook-scoped mark `TECHFUND_REVIEW_V1` (never by its name:
 * a user's sheet named 审核结果 makes ours 审核结果(2)). Texts are written as text (number format `@`, so a value
 * starting with `=` from a received file stays text); each finding's 单元格 is a HYPERLINK to its cell; the page
 * prints A4 landscape, one page wide, the findings' header repeated on every page. One `Excel.run`, 2 syncs.
 */
import { a1, type CellRange } from "../../core/grid";
import type { Explanation } from "../../core/explain";
import { formatDate } from "../../core/parse";
import type { WorkbookReport } from "../../core/report";
import { REVIEW_PRINT, type ReviewCell } from "../../core/review";
import {
  REVIEW_SHEET_MARK,
  reviewSheetLayout,
  type ReviewSheetRow,
} from "../../core/reviewSheet";
import {
  rangeAddress,
  TEMPLATE_STYLES,
  uniqueSheetName,
} from "../../core/template";
import { applyStyle, widthInPoints } from "../drawLayout";
import type { OwnWrites } from "./ownWrites";
import { ownSheetNames, sheetRef } from "./ownSheets";

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
    const names = workbook.worksheets.items.map((s) => s.name);
    const old =
      previous !== undefined && names.includes(previous) ? previous : undefined;
    const name = uniqueSheetName(
      layout.name,
      names.filter((n) => n !== old),
    );
    if (previous !== undefined)
      workbook.names.getItem(REVIEW_SHEET_MARK).delete();
    // Our old sheet moves out of the new one's way first, and goes once the new one exists (a workbook must keep a
    // visible sheet).
    const stale =
      old === undefined ? undefined : workbook.worksheets.getItem(old);
    if (stale)
      stale.name = uniqueSheetName(`${layout.name}（旧）`, [...names, name]);
    const ws = workbook.worksheets.add(name);
    stale?.delete();
    draw(ws, layout);
    workbook.names.add(
      REVIEW_SHEET_MARK,
      ws.getRange("A1"),
      "技改填报助手：审核结果",
    );
    ws.activate();
    ownWrites.expect(name);
    await context.sync();
    return name;
  });
}

/** Queues the drawing of the layout on a new sheet. */
function draw(
  ws: Excel.Worksheet,
  layout: ReturnType<typeof reviewSheetLayout>,
): void {
  const n = layout.columns.length;
  const all: CellRange = {
    s: { r: 0, c: 0 },
    e: { r: layout.rows.length - 1, c: n - 1 },
  };
  const grid = layout.rows.map((row) =>
    Array.from({ length: n }, (_, c) => plain(row.cells[c])),
  );
  const range = ws.getRange(rangeAddress(all));
  range.numberFormat = grid.map((r) =>
    r.map((v) => (typeof v === "number" ? "General" : "@")),
  );
  range.values = grid;

  // Links: the 单元格 column of the finding rows, one formula write per run of consecutive rows.
  let run: { first: number; c: number; formulas: string[][] } | undefined;
  const flush = () => {
    if (!run) return;
    const block = {
      s: { r: run.first, c: run.c },
      e: { r: run.first + run.formulas.length - 1, c: run.c },
    };
    const target = ws.getRange(rangeAddress(block));
    target.numberFormat = run.formulas.map(() => ["General"]);
    target.formulas = run.formulas;
    target.format.font.color = "#0563C1";
    target.format.font.underline = "Single";
    run = undefined;
  };
  layout.rows.forEach((row, r) => {
    const c = row.cells.findIndex((x) => typeof x === "object");
    const cell = row.cells[c];
    if (c < 0 || typeof cell !== "object") return flush();
    if (!run || run.c !== c || run.first + run.formulas.length !== r) {
      flush();
      run = { first: r, c, formulas: [] };
    }
    run.formulas.push([
      linkFormula(cell.link.sheet, cell.link.cell, cell.text),
    ]);
  });
  flush();

  layout.columns.forEach((col, c) => {
    const letter = a1(0, c).replace(/\d+$/, "");
    const column = ws.getRange(`${letter}:${letter}`);
    column.format.columnWidth = widthInPoints(col.width);
    if (col.wrap) column.format.wrapText = true;
  });
  const last = n - 1;
  for (const { first, last: end, row } of blocksOf(layout.rows)) {
    const block: CellRange = { s: { r: first, c: 0 }, e: { r: end, c: last } };
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
  coloured.forEach((severity, r) => {
    if (!severity || coloured[r - 1] === severity) return;
    let end = r;
    while (coloured[end + 1] === severity) end++;
    ws.getRange(
      rangeAddress({ s: { r, c: 4 }, e: { r: end, c: 4 } }),
    ).format.font.color = SEVERITY_COLORS[severity];
  });

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
