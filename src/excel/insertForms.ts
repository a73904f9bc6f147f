/**
 * Inserts the notice's forms and the 资格自检 sheet into the open workbook (Office.js), drawn from core/forms'
 * layouts: new sheets only, never touching existing ones. The 申请报告 forms refer by formula to the first data row
 * of the workbook's 项目情况表 (recognised by the core), so that a change to that row shows in every form; when the
 * workbook has no 情况表 yet, our 情况表 template is inserted first and the forms refer to it.
 * One `Excel.run` per insert (newSheets.ts): the forms read the workbook first (readOpenWorkbook), then one sync
 * writes everything; a refused write leaves the workbook as it was.
 */
import type { Answers } from "../core/eligibility/evaluate";
import {
  coverLayout,
  eligibilitySheetLayout,
  FORM_STYLES,
  infoRefFromTable,
  performanceLayout,
  pledgeLayout,
  siteCheckLayout,
  templateInfoRef,
  type FormCell,
  type FormLayout,
} from "../core/forms";
import { getTable } from "../core/catalog/tables";
import { a1, type CellRange, rangeAddress } from "../core/model/grid";
import { recognizeWorkbook } from "../core/check/engine";
import { layoutTemplate, uniqueSheetName } from "../core/template";
import { exemptApplicationLayout } from "../core/forms/exemptApplication";
import type { TableContext } from "../core/model/table";
import { readOpenWorkbook } from "./check/read";
import { drawLayout, listSource, widthInPoints } from "./drawLayout";
import { addSheets, addSheetsAfter } from "./newSheets";
import { assertExcelApi } from "./requirements";

const H_ALIGN = { left: "Left", center: "Center", right: "Right" } as const;
const SIDES = [
  ["top", "EdgeTop"],
  ["bottom", "EdgeBottom"],
  ["left", "EdgeLeft"],
  ["right", "EdgeRight"],
] as const;

/** Queues a cell's (or merged area's) style, number format, borders and merge. */
function styleCell(range: Excel.Range, cell: FormCell): void {
  const spec = FORM_STYLES[cell.style];
  const f = range.format;
  f.font.bold = spec.bold;
  f.font.size = spec.size;
  f.horizontalAlignment = H_ALIGN[cell.horizontalAlign ?? spec.hAlign];
  f.verticalAlignment = spec.vAlign === "top" ? "Top" : "Center";
  f.wrapText = spec.wrap;
  if (spec.fill) f.fill.color = spec.fill;
  const fmt = cell.numFmt;
  // One format per cell of the area: Excel refuses an array of another shape than the range.
  if (fmt)
    range.numberFormat = Array.from({ length: cell.rows ?? 1 }, () =>
      Array<string>(cell.cols ?? 1).fill(fmt),
    );
  for (const [side, edge] of SIDES) {
    if (!cell.borders?.[side]) continue;
    const b = f.borders.getItem(edge);
    b.style = "Continuous";
    b.weight = "Thin";
  }
  if ((cell.rows ?? 1) > 1 || (cell.cols ?? 1) > 1) range.merge(false);
}

/**
 * Queues the drawing of a form on a new, empty worksheet: all values and formulas in one write, then per cell its
 * style, borders and merge, the dropdowns, the widths and heights, and the A4 page setup. Only queues commands.
 */
export function drawFormSheet(
  sheet: Excel.Worksheet,
  layout: FormLayout,
): void {
  const rows = Math.max(...layout.cells.map((c) => c.r + (c.rows ?? 1)));
  const cols = layout.columnWidths.length;
  const grid: (string | number)[][] = Array.from({ length: rows }, () =>
    Array<string | number>(cols).fill(""),
  );
  for (const cell of layout.cells)
    grid[cell.r]![cell.c] =
      cell.formula !== undefined ? `=${cell.formula}` : (cell.value ?? "");
  const whole: CellRange = {
    s: { r: 0, c: 0 },
    e: { r: rows - 1, c: cols - 1 },
  };
  sheet.getRange(rangeAddress(whole)).formulas = grid;
  layout.columnWidths.forEach(
    (w, c) =>
      (sheet.getRangeByIndexes(0, c, 1, 1).format.columnWidth =
        widthInPoints(w)),
  );
  for (const { r, height } of layout.rowHeights)
    sheet.getRangeByIndexes(r, 0, 1, 1).format.rowHeight = height;
  for (const cell of layout.cells) {
    const range = sheet.getRangeByIndexes(
      cell.r,
      cell.c,
      cell.rows ?? 1,
      cell.cols ?? 1,
    );
    styleCell(range, cell);
  }
  for (const v of layout.validations) {
    const dv = sheet.getRange(a1(v.r, v.c)).dataValidation;
    dv.rule = { list: { inCellDropDown: true, source: listSource(v.list) } };
    dv.errorAlert = {
      title: "请从列表中选择",
      message: "填写的内容不在列表中，仍要保留吗？",
      style: "Warning",
      showAlert: true,
    };
  }
  const page = sheet.pageLayout;
  page.orientation =
    layout.print.orientation === "portrait" ? "Portrait" : "Landscape";
  page.paperSize = layout.print.paper;
  page.centerHorizontally = true;
  page.zoom = {
    horizontalFitToPages: layout.print.fitToWidth,
    verticalFitToPages: layout.print.fitToHeight,
  };
}

/** The recognised 情况表 of the open workbook, read in the inserting batch. */
async function readInfoTable(
  context: Excel.RequestContext,
): Promise<{ info?: TableContext; sheetNames: string[] }> {
  const open = await readOpenWorkbook(context);
  return {
    info: recognizeWorkbook(open.workbook).tables.find(
      (t) => t.table.id === "project-info",
    ),
    sheetNames: open.book.sheets.map((s) => s.name),
  };
}

/**
 * Inserts 封面, 承诺书, 现场核查表 and 绩效目标表, filled by formulas from the 情况表 row (the first 项目情况表 the core
 * recognises in the workbook; our 情况表 template first when there is none). One `Excel.run`: the reads of
 * {@link readOpenWorkbook} (3 syncs for a workbook whose sheets hold at most 50 rows each), then the writes (2 syncs) with this
 * add-in's events off (newSheets.ts); nothing is left behind when Excel refuses them.
 * @param date the cover's 申报日期 (`二〇二六年二月`)
 * @returns the names of the created sheets (`封面`, or `封面(2)` when the name is taken: no sheet is overwritten)
 * @throws OperationError `插入申请报告表样失败：…`
 */
export async function insertReportForms(date?: string): Promise<string[]> {
  assertExcelApi("插入表样");
  return addSheetsAfter(
    "插入申请报告表样",
    readInfoTable,
    async (add, { info, sheetNames }, budget) => {
      let ref;
      let first: Excel.Worksheet | undefined;
      if (info) ref = infoRefFromTable(info);
      else {
        const layout = layoutTemplate(getTable("project-info"));
        // The name `add` gives it: the first sheet added, among the sheets read.
        ref = {
          ...templateInfoRef(),
          sheet: uniqueSheetName(layout.sheetName, sheetNames),
        };
        first = add(layout.sheetName);
        await drawLayout(first, layout, budget);
      }
      for (const layout of [
        coverLayout(ref, date),
        pledgeLayout(ref),
        siteCheckLayout(ref),
        performanceLayout(),
      ]) {
        const sheet = add(layout.sheetName);
        drawFormSheet(sheet, layout);
        first ??= sheet;
      }
      return first!;
    },
  );
}

/**
 * Inserts the 资格自检 sheet of `direction` with the answers typed in the pane (3 syncs, nothing left behind on
 * failure).
 * @throws OperationError `插入资格自检表失败：…`; Error for a direction that is not the notice's (the pane offers only
 *   those)
 */
export async function insertEligibilitySheet(
  direction: string,
  answers: Answers,
  chain?: string,
): Promise<string[]> {
  const layout = eligibilitySheetLayout(direction, answers, chain);
  assertExcelApi("插入资格自检表");
  return addSheets("插入资格自检表", (add) => {
    const sheet = add(layout.sheetName);
    drawFormSheet(sheet, layout);
    return sheet;
  });
}

/**
 * Inserts the enterprise's “免申即享”申报表 (one row, its mark the 汇总表's: the live check runs the DEMO-* rules on
 * it); 3 syncs, nothing left behind on failure.
 * @throws OperationError `插入“免申即享”申报表失败：…`
 */
export async function insertExemptApplication(): Promise<string[]> {
  const layout = exemptApplicationLayout();
  assertExcelApi("插入“免申即享”申报表");
  return addSheets("插入“免申即享”申报表", async (add, budget) => {
    const sheet = add(layout.sheetName);
    await drawLayout(sheet, layout, budget);
    return sheet;
  });
}
