/**
 * Inserts the notice's forms and the 资格自检 sheet into the open workbook (Office.js), drawn from core/forms'
 * layouts: new sheets only, never touching existing ones. The 申请报告 forms refer by formula to the first data row
 * of the workbook's 项目情况表 (recognised by the core), so that a change to that row shows in every form; when the
 * workbook has no 情况表 yet, our 情况表 template is inserted first and the forms refer to it.
 * One `Excel.run` per insert: the reads of the workbook (readOpenWorkbook) and one sync for all the writes.
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
import { a1, type CellRange } from "../core/grid";
import { recognizeWorkbook } from "../core/rules/engine";
import {
  layoutTemplate,
  LIST_SHEET_NAME,
  rangeAddress,
  uniqueSheetName,
} from "../core/template";
import { exemptApplicationLayout } from "../core/forms/exemptApplication";
import { readOpenWorkbook } from "./check/read";
import { drawLayout, listSource, widthInPoints } from "./drawLayout";
import { RequestBudget } from "./budget";
import { writeQuietly } from "./check/ownWrites";
import { assertListSheetOurs, ensureListSheet } from "./listSheet";
import { removeSheets } from "./newSheets";
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
  if (cell.numFmt) range.numberFormat = [[cell.numFmt]];
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

/** A sheet to insert: its name before any suffix, and what draws it. */
interface PlannedSheet {
  base: string;
  draw: (sheet: Excel.Worksheet, budget: RequestBudget) => void | Promise<void>;
}

/** What to insert, decided once the workbook has been read. */
type Plan = (taken: string[]) => PlannedSheet[];

/**
 * Reads the open workbook, plans the sheets from it, adds them with unique names and draws them, in one `Excel.run`.
 * @returns the names of the created sheets
 * @throws what Excel or the list-sheet check threw (the port words it as an OperationError)
 */
async function insertPlanned(
  plan: (recognised: ReturnType<typeof recognizeWorkbook>) => Plan,
): Promise<string[]> {
  assertExcelApi();
  return Excel.run(async (context) => {
    const names = context.workbook.names;
    names.load("items/name");
    const open = await readOpenWorkbook(context);
    const taken = open.book.sheets.map((s) => s.name);
    const namesBefore = names.items.map((n) => n.name);
    assertListSheetOurs(taken, namesBefore);
    const before = new Set(taken.map((n) => n.toLowerCase()));
    const sheets = plan(recognizeWorkbook(open.workbook))(taken);
    const created: string[] = [];
    try {
      await writeQuietly(context, async () => {
        ensureListSheet(context.workbook, taken, namesBefore);
        const budget = new RequestBudget(context);
        let first: Excel.Worksheet | undefined;
        for (const s of sheets) {
          const name = uniqueSheetName(s.base, taken);
          taken.push(name);
          created.push(name);
          const sheet = context.workbook.worksheets.add(name);
          await s.draw(sheet, budget);
          first ??= sheet;
        }
        first?.activate();
      });
    } catch (err) {
      // As newSheets.ts: what a refused batch added goes (the list sheet too when this batch created it).
      await removeSheets(
        [...created, LIST_SHEET_NAME].filter(
          (n) => !before.has(n.toLowerCase()),
        ),
        namesBefore,
      );
      throw err;
    }
    return created;
  });
}

/**
 * Inserts 封面, 承诺书, 现场核查表 and 绩效目标表, filled by formulas from the 情况表 row (the first 项目情况表 the core
 * recognises in the workbook; our 情况表 template first when there is none).
 * @param date the cover's 申报日期 (`二〇二六年二月`)
 * @returns the names of the created sheets
 */
export async function insertReportForms(date?: string): Promise<string[]> {
  return insertPlanned(({ tables }) => (taken) => {
    const info = tables.find((t) => t.table.id === "project-info");
    const out: PlannedSheet[] = [];
    let ref;
    if (info) ref = infoRefFromTable(info);
    else {
      const layout = layoutTemplate(getTable("project-info"));
      const name = uniqueSheetName(layout.sheetName, taken);
      ref = { ...templateInfoRef(), sheet: name };
      out.push({
        base: layout.sheetName,
        draw: (sheet, budget) => drawLayout(sheet, layout, budget),
      });
    }
    for (const layout of [
      coverLayout(ref, date),
      pledgeLayout(ref),
      siteCheckLayout(ref),
      performanceLayout(),
    ])
      out.push({
        base: layout.sheetName,
        draw: (sheet) => drawFormSheet(sheet, layout),
      });
    return out;
  });
}

/**
 * Inserts the 资格自检 sheet of `direction` with the answers typed in the pane.
 * @throws Error for a direction that is not the notice's (the pane offers only those)
 */
export async function insertEligibilitySheet(
  direction: string,
  answers: Answers,
  chain?: string,
): Promise<string[]> {
  const layout = eligibilitySheetLayout(direction, answers, chain);
  return insertPlanned(() => () => [
    { base: layout.sheetName, draw: (sheet) => drawFormSheet(sheet, layout) },
  ]);
}

/**
 * Inserts the enterprise's “免申即享”申报表 (one row, its mark the 汇总表's: the live check runs the DEMO-* rules on it).
 */
export async function insertExemptApplication(): Promise<string[]> {
  const layout = exemptApplicationLayout();
  return insertPlanned(() => () => [
    {
      base: layout.sheetName,
      draw: (sheet, budget) => drawLayout(sheet, layout, budget),
    },
  ]);
}
