/**
 * The notice's forms and the 资格自检 sheet as .xlsx files: draws the pure {@link FormLayout}s (core/forms) with
 * ExcelJS. The 申请报告 forms come in one workbook with the 项目情况表 they refer to, so that a change to the 情况表 row
 * shows in every form (formulas), and the “免申即享”申报表 as the one-row form of the enterprise. Works in Node and in
 * the browser.
 */
import ExcelJS from "exceljs";
import { getTable } from "../core/catalog/tables";
import type { Answers } from "../core/eligibility/evaluate";
import {
  coverLayout,
  eligibilitySheetLayout,
  FORM_STYLES,
  formMerges,
  performanceLayout,
  pledgeLayout,
  siteCheckLayout,
  templateInfoRef,
  type Borders,
  type FormLayout,
  type InfoKey,
} from "../core/forms";
import {
  exemptApplicationLayout,
  exemptApplicationTable,
} from "../core/forms/exemptApplication";
export { chineseYearMonth } from "../core/forms/date";
import { layoutTemplate, uniqueSheetName } from "../core/template";
import {
  drawLayout,
  drawListSheet,
  quoteSheet,
  setDefinedNames,
  type DefinedNameModel,
} from "./template";

/** Excel paper size code of A4. */
const PAPER_A4 = 9;

function thin(on: boolean | undefined): Partial<ExcelJS.Border> | undefined {
  return on ? { style: "thin" } : undefined;
}

function borderOf(
  b: Borders | undefined,
): Partial<ExcelJS.Borders> | undefined {
  if (!b) return undefined;
  return {
    ...(b.top ? { top: thin(true) } : {}),
    ...(b.bottom ? { bottom: thin(true) } : {}),
    ...(b.left ? { left: thin(true) } : {}),
    ...(b.right ? { right: thin(true) } : {}),
  };
}

/** Draws a form on an empty worksheet: texts, formulas with their cached results, styles, borders, merges, print setup. */
export function drawForm(ws: ExcelJS.Worksheet, layout: FormLayout): void {
  layout.columnWidths.forEach((w, c) => (ws.getColumn(c + 1).width = w));
  for (const { r, height } of layout.rowHeights)
    ws.getRow(r + 1).height = height;
  for (const cell of layout.cells) {
    const spec = FORM_STYLES[cell.style];
    const rows = cell.rows ?? 1;
    const cols = cell.cols ?? 1;
    // Every cell of a merged area carries the borders of the sides it is on, so the outline prints whole.
    for (let r = cell.r; r < cell.r + rows; r++) {
      for (let c = cell.c; c < cell.c + cols; c++) {
        const b = cell.borders;
        const target = ws.getCell(r + 1, c + 1);
        const border = borderOf(
          b && {
            top: b.top && r === cell.r,
            bottom: b.bottom && r === cell.r + rows - 1,
            left: b.left && c === cell.c,
            right: b.right && c === cell.c + cols - 1,
          },
        );
        target.style = {
          font: { bold: spec.bold, size: spec.size, name: "宋体" },
          alignment: {
            horizontal: cell.horizontalAlign ?? spec.hAlign,
            vertical: spec.vAlign === "top" ? "top" : "middle",
            wrapText: spec.wrap,
          },
          ...(border ? { border } : {}),
          ...(spec.fill
            ? {
                fill: {
                  type: "pattern",
                  pattern: "solid",
                  fgColor: { argb: `FF${spec.fill.slice(1)}` },
                },
              }
            : {}),
          ...(cell.numFmt ? { numFmt: cell.numFmt } : {}),
        };
      }
    }
    const target = ws.getCell(cell.r + 1, cell.c + 1);
    if (cell.formula !== undefined)
      target.value = {
        formula: cell.formula,
        result: cell.result ?? "",
      } as ExcelJS.CellFormulaValue;
    else if (cell.value !== undefined) target.value = cell.value;
  }
  for (const m of formMerges(layout))
    ws.mergeCellsWithoutStyle(m.s.r + 1, m.s.c + 1, m.e.r + 1, m.e.c + 1);
  for (const v of layout.validations) {
    ws.getCell(v.r + 1, v.c + 1).dataValidation = {
      type: "list",
      allowBlank: true,
      formulae: [v.list],
      showErrorMessage: true,
      errorStyle: "warning",
      errorTitle: "请从列表中选择",
      error: "填写的内容不在列表中，仍要保留吗？",
    };
  }
  ws.pageSetup = {
    paperSize: PAPER_A4,
    orientation: layout.print.orientation,
    fitToPage: true,
    fitToWidth: layout.print.fitToWidth,
    fitToHeight: layout.print.fitToHeight,
    horizontalCentered: true,
    margins: {
      left: 0.6,
      right: 0.6,
      top: 0.7,
      bottom: 0.7,
      header: 0.3,
      footer: 0.3,
    },
  };
}

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const bytes = await wb.xlsx.writeBuffer();
  return new Uint8Array(bytes as ArrayBuffer);
}

/** File name of the 申请报告 forms workbook. */
export const REPORT_FORMS_FILE =
  "山西省技术改造专项资金事项类项目申请报告表样（封面、承诺书、现场核查表、绩效目标表）.xlsx";

/**
 * The 申请报告 forms workbook: 项目情况表 (our template, its first data row holding `info` when given), then 封面,
 * 承诺书, 现场核查表 and 绩效目标表 whose fields are formulas referring to that row.
 * @param options.info the 情况表 row's texts by column key (a received 情况表), or none for a blank 情况表
 * @param options.date the cover's 申报日期 (`二〇二六年二月`); the notice's blank when absent
 */
export async function writeReportForms(
  options: {
    info?: Partial<
      Record<InfoKey | "county" | "devZone" | "nature" | "category", string>
    >;
    date?: string;
  } = {},
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "技改填报助手";
  const table = getTable("project-info");
  const info = options.info ?? {};
  const layout = layoutTemplate(table);
  const ws = wb.addWorksheet(layout.sheetName);
  drawLayout(ws, layout);
  table.columns.forEach((col, c) => {
    const v = (info as Record<string, string | undefined>)[col.key];
    if (col.key === "seq" && Object.keys(info).length > 0)
      ws.getCell(layout.dataRows.first + 1, c + 1).value = 1;
    else if (v !== undefined)
      ws.getCell(layout.dataRows.first + 1, c + 1).value = v;
  });
  const names: DefinedNameModel[] = [
    {
      name: layout.markName,
      ranges: [`${quoteSheet(layout.sheetName)}!$A$1`],
      localSheetId: 0,
    },
  ];
  const ref = templateInfoRef(info);
  const forms = [
    coverLayout(ref, options.date),
    pledgeLayout(ref),
    siteCheckLayout(ref),
    performanceLayout(),
  ];
  const taken = [layout.sheetName];
  for (const f of forms) {
    const name = uniqueSheetName(f.sheetName, taken);
    taken.push(name);
    drawForm(wb.addWorksheet(name), f);
  }
  names.push(...drawListSheet(wb));
  setDefinedNames(wb, names);
  return bytesOf(wb);
}

/** File name of a 资格自检 workbook. */
export function eligibilityFileName(direction: string): string {
  return `资格自检（${direction.replace(/[\\/:*?"<>|]/g, "")}）.xlsx`;
}

/**
 * A workbook with the 资格自检 sheet of `direction` (and the hidden list sheet of its dropdowns).
 * @throws Error for a direction that is not one of the notice
 */
export async function writeEligibilityWorkbook(
  direction: string,
  answers: Answers = {},
  chain?: string,
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "技改填报助手";
  const layout = eligibilitySheetLayout(direction, answers, chain);
  drawForm(wb.addWorksheet(layout.sheetName), layout);
  setDefinedNames(wb, drawListSheet(wb));
  return bytesOf(wb);
}

/** File name of the “免申即享”申报表. */
export const EXEMPT_APPLICATION_FILE =
  "山西省技术改造专项资金事项类项目（“免申即享”）申报表.xlsx";

/**
 * The enterprise's “免申即享”申报表 (one row, no 序号, no 审核单位 line) with its dropdowns.
 * @param values texts of its row by column key (from a received 情况表: core/forms/received.ts), else a blank row
 */
export async function writeExemptApplication(
  values: Readonly<Record<string, string>> = {},
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "技改填报助手";
  const layout = exemptApplicationLayout();
  const ws = wb.addWorksheet(layout.sheetName);
  drawLayout(ws, layout);
  exemptApplicationTable().columns.forEach((col, c) => {
    const v = values[col.key];
    if (v !== undefined) ws.getCell(layout.dataRows.first + 1, c + 1).value = v;
  });
  setDefinedNames(wb, [
    {
      name: layout.markName,
      ranges: [`${quoteSheet(layout.sheetName)}!$A$1`],
      localSheetId: 0,
    },
    ...drawListSheet(wb),
  ]);
  return bytesOf(wb);
}

/** A request for one form file (the workbench's worker job `forms`). */
export interface FormRequest {
  form: "report-forms" | "exempt-application" | "eligibility";
  /** For `eligibility`: the 申报方向, the typed answers (text as typed) and the chain. */
  direction?: string;
  answers?: Record<string, string>;
  chain?: string;
  /** For `report-forms`: the cover's 申报日期. */
  date?: string;
}

/**
 * The file of one form.
 * @throws Error for `eligibility` without a direction of the notice (a programming error: the pane offers the list)
 */
export async function formFile(
  req: FormRequest,
): Promise<{ fileName: string; bytes: Uint8Array }> {
  switch (req.form) {
    case "report-forms":
      return {
        fileName: REPORT_FORMS_FILE,
        bytes: await writeReportForms(req.date ? { date: req.date } : {}),
      };
    case "exempt-application":
      return {
        fileName: EXEMPT_APPLICATION_FILE,
        bytes: await writeExemptApplication(),
      };
    case "eligibility": {
      const direction = req.direction ?? "";
      const answers = Object.fromEntries(
        Object.entries(req.answers ?? {}).map(([k, v]) => [k, { v }]),
      );
      return {
        fileName: eligibilityFileName(direction),
        bytes: await writeEligibilityWorkbook(direction, answers, req.chain),
      };
    }
  }
}
