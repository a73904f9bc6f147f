/**
 * Queues the drawing of a {@link TemplateLayout} onto a new worksheet: values and formulas, styles per block of rows,
 * merges, column formats, the borders of typed rows below the bordered ones, data validation, freeze panes, page
 * setup and the mark. Queues commands, sending a request only when the next would pass the budget (budget.ts).
 */
import {
  a1,
  type CellRange,
  columnLetters,
  rangeAddress,
} from "../core/model/grid";
import {
  type StyleSpec,
  TEMPLATE_STYLES,
  type TemplateLayout,
  type TemplateStyle,
  type Validation,
} from "../core/template";
import { COMMAND_BYTES, type RequestBudget, writeRows } from "./budget";

/** Excel column width in points for a width in character units (7-pixel digits + 5 pixels padding, 0.75 pt/px). */
export function widthInPoints(chars: number): number {
  return (chars * 7 + 5) * 0.75;
}

const EDGES = [
  "EdgeTop",
  "EdgeBottom",
  "EdgeLeft",
  "EdgeRight",
  "InsideVertical",
  "InsideHorizontal",
] as const;
const H_ALIGN = { left: "Left", center: "Center", right: "Right" } as const;

/** Applies a named style to a block (whole rows of the table); also used by the 审核结果 sheet (check/reviewSheet.ts). */
export function applyStyle(
  range: Excel.Range,
  spec: StyleSpec,
  block: CellRange,
): void {
  const f = range.format;
  f.font.bold = spec.bold;
  f.font.size = spec.size;
  if (spec.hAlign) f.horizontalAlignment = H_ALIGN[spec.hAlign];
  f.verticalAlignment = "Center";
  f.wrapText = spec.wrap;
  if (spec.fill) f.fill.color = spec.fill;
  if (!spec.border) return;
  for (const edge of EDGES) {
    // Inside edges exist only when the block has more than one row / column.
    if (edge === "InsideHorizontal" && block.s.r === block.e.r) continue;
    if (edge === "InsideVertical" && block.s.c === block.e.c) continue;
    const border = f.borders.getItem(edge);
    border.style = "Continuous";
    border.weight = "Thin";
  }
}

/** The rows of the layout grouped into blocks of consecutive rows with the same style. */
function styleBlocks(
  layout: TemplateLayout,
): { range: CellRange; style: TemplateStyle }[] {
  const rowStyle: TemplateStyle[] = [];
  for (const cell of layout.cells)
    if (cell.c === 0) rowStyle[cell.r] = cell.style;
  const last = layout.columnCount - 1;
  const blocks: { range: CellRange; style: TemplateStyle }[] = [];
  rowStyle.forEach((style, r) => {
    const prev = blocks[blocks.length - 1];
    if (prev && prev.style === style && prev.range.e.r === r - 1)
      prev.range.e.r = r;
    else blocks.push({ range: { s: { r, c: 0 }, e: { r, c: last } }, style });
  });
  return blocks;
}

/**
 * The Office.js list source of a list formula: an in-cell list `"是,否"` is given as `是,否` (a formula `="是,否"` would
 * be one item), a defined name or INDIRECT as a formula (`=TFLIST_industry`).
 */
export function listSource(formula: string): string {
  return formula.startsWith('"')
    ? formula.slice(1, -1).replace(/""/g, '"')
    : `=${formula}`;
}

/** Office.js form of a layout validation's rule; undefined for `any` (input message only). */
function officeRule(v: Validation): Excel.DataValidationRule | undefined {
  const r = v.rule;
  switch (r.kind) {
    case "list":
      return { list: { inCellDropDown: true, source: listSource(r.formula) } };
    case "date":
      return {
        date:
          r.max === undefined
            ? { formula1: r.min, operator: "GreaterThanOrEqualTo" }
            : { formula1: r.min, formula2: r.max, operator: "Between" },
      };
    case "decimal":
    case "whole": {
      const basic: Excel.BasicDataValidation =
        r.max === undefined
          ? { formula1: r.min, operator: "GreaterThanOrEqualTo" }
          : { formula1: r.min, formula2: r.max, operator: "Between" };
      return r.kind === "decimal" ? { decimal: basic } : { wholeNumber: basic };
    }
    case "any":
      return undefined;
  }
}

function applyValidation(range: Excel.Range, v: Validation): void {
  const dv = range.dataValidation;
  const rule = officeRule(v);
  if (rule) dv.rule = rule;
  if (v.prompt) dv.prompt = { ...v.prompt, showPrompt: true };
  if (v.error)
    dv.errorAlert = {
      title: v.error.title,
      message: v.error.message,
      style: "Warning",
      showAlert: true,
    };
}

/** Edges a conditional format's border can have (each cell gets its own, so the four make a full grid). */
const CF_EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const;

/**
 * Queues every command that draws `layout` on `sheet`, in requests under Excel on the web's 5 MB: the values and
 * formulas and the number formats through {@link writeRows}, each other command counted at
 * {@link COMMAND_BYTES}. A merged 汇总表 of thousands of rows thus takes several syncs; a template takes none here
 * (the caller's sync sends it).
 * @param sheet the worksheet, just added in the same batch
 * @param layout the table's layout (core/template)
 * @param budget the request budget of the batch
 */
export async function drawLayout(
  sheet: Excel.Worksheet,
  layout: TemplateLayout,
  budget: RequestBudget,
): Promise<void> {
  const n = layout.columnCount;

  // Values and formulas.
  const grid: (string | number)[][] = Array.from(
    { length: layout.lastRow + 1 },
    () => Array<string>(n).fill(""),
  );
  for (const cell of layout.cells) {
    grid[cell.r]![cell.c] =
      cell.formula !== undefined ? `=${cell.formula}` : (cell.value ?? "");
  }
  await writeRows(budget, sheet, 0, 0, { formulas: grid });

  await budget.room(
    COMMAND_BYTES * (layout.columnWidths.length + layout.rowHeights.length),
  );
  layout.columnWidths.forEach((w, c) => {
    const col = columnLetters(c);
    sheet.getRange(`${col}:${col}`).format.columnWidth = widthInPoints(w);
  });
  for (const { r, height } of layout.rowHeights)
    sheet.getRange(`${r + 1}:${r + 1}`).format.rowHeight = height;

  for (const block of styleBlocks(layout)) {
    await budget.room(COMMAND_BYTES * 12);
    applyStyle(
      sheet.getRange(rangeAddress(block.range)),
      TEMPLATE_STYLES[block.style],
      block.range,
    );
  }
  await budget.room(COMMAND_BYTES * layout.merges.length);
  for (const m of layout.merges) sheet.getRange(rangeAddress(m)).merge(false);

  // Number formats cover the prepared data rows and the 合计 row (which sits right above or below them).
  const first = Math.min(
    layout.preparedRows.first,
    layout.totalRow ?? Infinity,
  );
  const last = Math.max(layout.preparedRows.last, layout.totalRow ?? -Infinity);
  for (const { c, numFmt } of layout.columnFormats)
    await writeRows(budget, sheet, first, c, {
      numberFormat: Array.from({ length: last - first + 1 }, () => [numFmt]),
    });

  // Rows typed below the bordered ones get their borders once they hold anything (core/template: borderWhenFilled).
  const bordered = layout.borderWhenFilled;
  if (bordered) {
    await budget.room(COMMAND_BYTES * 6);
    const cf = sheet
      .getRange(rangeAddress(bordered.range))
      .conditionalFormats.add("Custom");
    cf.custom.rule.formula = `=${bordered.formula}`;
    for (const edge of CF_EDGES)
      cf.custom.format.borders.getItem(edge).style = "Continuous";
  }

  for (const v of layout.validations) {
    await budget.room(COMMAND_BYTES * 3);
    applyValidation(sheet.getRange(rangeAddress(v.range)), v);
  }

  await budget.room(COMMAND_BYTES * 10);
  const { rows, cols } = layout.freeze;
  if (cols > 0) sheet.freezePanes.freezeAt(`A1:${a1(rows - 1, cols - 1)}`);
  else sheet.freezePanes.freezeRows(rows);

  const page = sheet.pageLayout;
  page.orientation = "Landscape";
  page.paperSize = layout.print.paper;
  page.zoom = {
    horizontalFitToPages: layout.print.fitToWidth,
    verticalFitToPages: layout.print.fitToHeight,
  };
  const { first: top, last: bottom } = layout.print.repeatRows;
  page.setPrintTitleRows(`$${top + 1}:$${bottom + 1}`);
  page.headersFooters.defaultForAllPages.centerFooter =
    layout.print.footer.center;

  // The mark (core/catalog/mark.ts): a sheet-scoped name on the title cell.
  sheet.names.add(
    layout.markName,
    sheet.getRange("A1"),
    `技改填报助手模板：${layout.tableId}`,
  );
}
