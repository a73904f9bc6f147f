/**
 * The official templates as .xlsx files (模板导出): draws the pure {@link TemplateLayout}
 * (core/template) with ExcelJS — the same layout the add-in inserts into Excel — plus the hidden
 * list sheet behind the dropdowns. Works in Node and in the browser (no file system here).
 */
import ExcelJS from "exceljs";
import { getTable, titleFor } from "../core/catalog/tables";
import type { TableId } from "../core/catalog/types";
import { rangeAddress } from "../core/model/grid";
import {
  layoutTemplate,
  listSheetLayout,
  TEMPLATE_STYLES,
  uniqueSheetName,
  type StyleSpec,
  type TemplateLayout,
  type Validation,
} from "../core/template";
import { COOP_YEARS } from "../core/catalog/years";

/** Years of the T4/T5 sheets when none are given (填写说明1: 2022年、2023年、2024年逐年填写). */
export const DEFAULT_TEMPLATE_YEARS: readonly number[] = COOP_YEARS;

/** Excel paper size code of A4. */
const PAPER_A4 = 9;

/** A defined name as ExcelJS's workbook writer takes it; `localSheetId` scopes it to one sheet. */
export interface DefinedNameModel {
  name: string;
  ranges: string[];
  localSheetId?: number;
}

/** The years of T4/T5 sheets: `years` sorted without repeats, or the default 2022–2024. */
function sheetYears(years: readonly number[] | undefined): number[] {
  return years && years.length > 0
    ? [...new Set(years)].sort((a, b) => a - b)
    : [...DEFAULT_TEMPLATE_YEARS];
}

/**
 * The file name of a table's template: its official title + `.xlsx`; for T4/T5 the year blank holds
 * the years of its sheets (`2024`, `2022-2024` for consecutive years, `2022、2024` otherwise).
 * E.g. `省级重点产业链链上企业2024年度新增贷款明细表.xlsx`, `“链主”企业2022-2024年度协作配套企业清单.xlsx`.
 */
export function templateFileName(
  tableId: TableId,
  options: { years?: readonly number[] } = {},
): string {
  const table = getTable(tableId);
  if (!table.yearInTitle) return `${table.title}.xlsx`;
  const ys = sheetYears(options.years);
  const consecutive = ys.every((y, i) => i === 0 || y === ys[i - 1]! + 1);
  const text =
    ys.length > 1 && consecutive
      ? `${ys[0]}-${ys[ys.length - 1]}`
      : ys.join("、");
  return `${titleFor(table, 0).replace("0", text)}.xlsx`;
}

/**
 * Writes a workbook with the templates of `tableIds`: one sheet per table, one sheet per year for
 * T4/T5 (`yearInTitle`), and the hidden list sheet `techfund_lists` with the defined names of the lists.
 * Each sheet carries everything of its layout: merged title, lines, header(s), 合计 row with SUM
 * formulas, 20 bordered data rows, number formats, column widths, data validations (warning alerts),
 * frozen panes, A4 landscape print setup fitted to one page wide with the header repeated and page
 * numbers, and its mark (a sheet-scoped defined name on A1, core/catalog/mark.ts).
 * @param tableIds the tables, in sheet order
 * @param options.years years of the T4/T5 sheets (default 2022, 2023, 2024)
 * @returns the .xlsx file's bytes
 * @throws Error for an unknown table id (a programming error: callers check ids first)
 */
export async function writeTemplateWorkbook(
  tableIds: TableId[] | TableId,
  options: { years?: readonly number[] } = {},
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "技改填报助手";
  const names: DefinedNameModel[] = [];
  const taken: string[] = [];
  for (const id of Array.isArray(tableIds) ? tableIds : [tableIds]) {
    const table = getTable(id);
    for (const year of table.yearInTitle
      ? sheetYears(options.years)
      : [undefined]) {
      const layout = layoutTemplate(table, year === undefined ? {} : { year });
      const sheetName = uniqueSheetName(layout.sheetName, taken);
      taken.push(sheetName);
      drawLayout(wb.addWorksheet(sheetName), layout);
      names.push({
        name: layout.markName,
        ranges: [`${quoteSheet(sheetName)}!$A$1`],
        localSheetId: taken.length - 1,
      });
    }
  }
  names.push(...drawListSheet(wb));
  setDefinedNames(wb, names);
  const bytes = await wb.xlsx.writeBuffer();
  return new Uint8Array(bytes as ArrayBuffer);
}

/** A sheet name as formulas and defined names write it: `'新增贷款明细表'` (quotes doubled inside). */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** ExcelJS's `Style` of a layout style (fresh objects: merged cells must not share them). */
function excelStyle(spec: StyleSpec): Partial<ExcelJS.Style> {
  const thin: Partial<ExcelJS.Border> = { style: "thin" };
  return {
    font: { bold: spec.bold, size: spec.size },
    alignment: {
      vertical: "middle",
      wrapText: spec.wrap,
      ...(spec.hAlign ? { horizontal: spec.hAlign } : {}),
    },
    ...(spec.border
      ? { border: { top: thin, left: thin, bottom: thin, right: thin } }
      : {}),
    ...(spec.fill
      ? {
          fill: {
            type: "pattern",
            pattern: "solid",
            fgColor: { argb: `FF${spec.fill.slice(1).toUpperCase()}` },
          },
        }
      : {}),
  };
}

/** ExcelJS's form of a layout validation (the `any` kind is ExcelJS's undeclared `type: "any"`). */
function excelValidation(v: Validation): ExcelJS.DataValidation {
  const texts = {
    ...(v.prompt
      ? {
          showInputMessage: true,
          promptTitle: v.prompt.title,
          prompt: v.prompt.message,
        }
      : {}),
    ...(v.error
      ? {
          showErrorMessage: true,
          errorStyle: v.error.style,
          errorTitle: v.error.title,
          error: v.error.message,
        }
      : {}),
  };
  const r = v.rule;
  switch (r.kind) {
    case "list":
      return {
        type: "list",
        allowBlank: true,
        formulae: [r.formula],
        ...texts,
      };
    case "date": {
      // ExcelJS turns a Date into a serial by its UTC time (toolchain.md trap 9): build dates at UTC midnight.
      const date = (iso: string) => new Date(`${iso}T00:00:00Z`);
      return r.max === undefined
        ? {
            type: "date",
            operator: "greaterThanOrEqual",
            allowBlank: true,
            formulae: [date(r.min)],
            ...texts,
          }
        : {
            type: "date",
            operator: "between",
            allowBlank: true,
            formulae: [date(r.min), date(r.max)],
            ...texts,
          };
    }
    case "decimal":
    case "whole":
      return r.max === undefined
        ? {
            type: r.kind,
            operator: "greaterThanOrEqual",
            allowBlank: true,
            formulae: [r.min],
            ...texts,
          }
        : {
            type: r.kind,
            operator: "between",
            allowBlank: true,
            formulae: [r.min, r.max],
            ...texts,
          };
    case "any":
      return {
        type: "any",
        formulae: [],
        ...texts,
      } as unknown as ExcelJS.DataValidation;
  }
}

/**
 * ExcelJS keeps a range-wide validation (one rule for `D5:D24`, its relative references counted from
 * D5) in `worksheet.dataValidations`, which its type declarations omit.
 */
interface SheetValidations {
  dataValidations: {
    add(address: string, validation: ExcelJS.DataValidation): void;
  };
}

/** Draws `layout` on an empty worksheet (its texts, styles, merges, formats, validations, view and print setup). */
export function drawLayout(
  ws: ExcelJS.Worksheet,
  layout: TemplateLayout,
): void {
  layout.columnWidths.forEach(
    (width, c) => (ws.getColumn(c + 1).width = width),
  );
  for (const { r, height } of layout.rowHeights)
    ws.getRow(r + 1).height = height;

  const numFmt = new Map(layout.columnFormats.map((f) => [f.c, f.numFmt]));
  const formatted = (r: number) =>
    r === layout.totalRow ||
    (r >= layout.dataRows.first && r <= layout.dataRows.last);
  for (const cell of layout.cells) {
    const target = ws.getCell(cell.r + 1, cell.c + 1);
    target.style = excelStyle(TEMPLATE_STYLES[cell.style]);
    const fmt = numFmt.get(cell.c);
    if (fmt && formatted(cell.r)) target.numFmt = fmt;
    if (cell.formula !== undefined)
      target.value = { formula: cell.formula } as ExcelJS.CellFormulaValue;
    else if (cell.value !== undefined) target.value = cell.value;
  }
  // Rows typed below the drawn ones take the column's number format (a column style: it adds no cells, so the
  // sheet's extent and its printout stay the drawn table).
  for (const [c, fmt] of numFmt) ws.getColumn(c + 1).numFmt = fmt;
  // Styles are set on every cell first: merging with style would make the covered cells share one style object.
  for (const m of layout.merges)
    ws.mergeCellsWithoutStyle(m.s.r + 1, m.s.c + 1, m.e.r + 1, m.e.c + 1);

  // Rows typed below the bordered ones get their thin borders once they hold anything (core/template).
  const filled = layout.borderWhenFilled;
  if (filled) {
    const thin = { style: "thin" as const };
    ws.addConditionalFormatting({
      ref: rangeAddress(filled.range),
      rules: [
        {
          type: "expression",
          priority: 1,
          formulae: [filled.formula],
          style: {
            border: { top: thin, bottom: thin, left: thin, right: thin },
          },
        },
      ],
    });
  }

  const dv = (ws as unknown as SheetValidations).dataValidations;
  for (const v of layout.validations)
    dv.add(rangeAddress(v.range), excelValidation(v));

  ws.views = [
    { state: "frozen", xSplit: layout.freeze.cols, ySplit: layout.freeze.rows },
  ];
  const { repeatRows } = layout.print;
  ws.pageSetup = {
    paperSize: PAPER_A4,
    orientation: layout.print.orientation,
    fitToPage: true,
    fitToWidth: layout.print.fitToWidth,
    fitToHeight: layout.print.fitToHeight,
    printTitlesRow: `${repeatRows.first + 1}:${repeatRows.last + 1}`,
  };
  ws.headerFooter = { oddFooter: `&C${layout.print.footer.center}` };
}

/**
 * Adds the hidden list sheet (core/template/lists.ts) after the template sheets.
 * @returns its workbook-scoped defined names: one per list, and the sheet's mark
 */
export function drawListSheet(wb: ExcelJS.Workbook): DefinedNameModel[] {
  const layout = listSheetLayout();
  const ws = wb.addWorksheet(layout.sheetName, { state: layout.visibility });
  layout.columns.forEach((col, c) => {
    ws.getCell(1, c + 1).value = col.header;
    col.values.forEach((value, i) => (ws.getCell(i + 2, c + 1).value = value));
  });
  return [
    ...layout.columns.map((col) => ({
      name: col.name,
      ranges: [col.refersTo],
    })),
    { name: layout.markName, ranges: [`${layout.sheetName}!$A$1`] },
  ];
}

/**
 * Gives ExcelJS's writer the workbook's defined names. ExcelJS's own `definedNames.add` makes only
 * workbook-scoped names, but a mark must be scoped to its sheet (T4/T5 have one mark name on three
 * sheets), and its writer does write `localSheetId` when the name's model carries one.
 */
export function setDefinedNames(
  wb: ExcelJS.Workbook,
  names: DefinedNameModel[],
): void {
  Object.defineProperty(wb.definedNames, "model", {
    get: () => names,
    configurable: true,
  });
}
