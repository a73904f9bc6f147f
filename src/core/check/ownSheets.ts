/**
 * The sheets this tool writes into workbooks, as the check must know them to skip them: the dropdown-list sheet
 * (template/lists.ts), the explanation sheet, the 审核结果 sheet of the add-in and the report sheets of
 * `check --report` and `merge` (汇总, 审核结果, 合并日志). Their names, titles and columns are defined here once; the
 * review layouts (review/) draw them. Checking skips them, in the add-in and the CLI alike.
 */
import { cellText, type Sheet } from "../model/grid";
import { SEVERITY_ZH } from "../messages/severity";
import { LIST_SHEET_NAME } from "../template/lists";

/** A report column: header text and width in Excel character units; `wrap` for long texts. */
export interface ReviewColumn {
  header: string;
  width: number;
  wrap?: boolean;
}

/** Our explanation sheet: name, mark (sheet-scoped defined name) and header row. */
export const EXPLANATION_SHEET = {
  name: "techfund_说明",
  mark: "TECHFUND_EXPLAIN_V1",
  header: ["工作表", "单元格", "规则", "说明", "时间"],
} as const;

/** True when the sheet is our explanation sheet (its name and header row). */
export function isExplanationSheet(sheet: Sheet): boolean {
  if (sheet.name !== EXPLANATION_SHEET.name) return false;
  const top = sheet.rows[0] ?? [];
  return EXPLANATION_SHEET.header.every(
    (h, c) => cellText(top[c]).trim() === h,
  );
}

/** Title in A1: also how a file reader (CLI) knows the sheet is ours and not data. */
export const REVIEW_SHEET_TITLE = "审核结果（技改填报助手）";

/** The sheet-scoped defined name that marks the sheet as ours in Excel (never recognised by name alone). */
export const REVIEW_SHEET_MARK = "TECHFUND_REVIEW_V1";

export const SUMMARY_COLUMNS: ReviewColumn[] = [
  { header: "文件", width: 30, wrap: true },
  { header: "企业名称", width: 26, wrap: true },
  { header: "表格", width: 44, wrap: true },
  { header: "合计（万元）", width: 40, wrap: true },
  { header: SEVERITY_ZH.error, width: 7 },
  { header: SEVERITY_ZH.warning, width: 7 },
  { header: "其中未说明", width: 9, wrap: true },
  { header: SEVERITY_ZH.info, width: 7 },
  { header: "状态", width: 12 },
  { header: "说明", width: 40, wrap: true },
];

export const FINDING_COLUMNS: ReviewColumn[] = [
  { header: "文件", width: 26, wrap: true },
  { header: "工作表", width: 16, wrap: true },
  { header: "单元格", width: 9 },
  { header: "列名", width: 18, wrap: true },
  { header: "级别", width: 7 },
  { header: "规则", width: 22 },
  { header: "说明", width: 60, wrap: true },
  { header: "通知依据", width: 36, wrap: true },
  { header: "企业核实性说明", width: 36, wrap: true },
  { header: "说明状态", width: 10 },
];

/** Columns of the 合并日志 sheet (merge/log.ts), drawn by the same writer. */
export const MERGE_LOG_COLUMNS: ReviewColumn[] = [
  { header: "文件", width: 30, wrap: true },
  { header: "大小（字节）", width: 12 },
  { header: "SHA-256", width: 36, wrap: true },
  { header: "状态", width: 14 },
  { header: "取用行数", width: 9 },
  { header: SEVERITY_ZH.error, width: 7 },
  { header: SEVERITY_ZH.warning, width: 7 },
  { header: SEVERITY_ZH.info, width: 7 },
  { header: "说明", width: 50, wrap: true },
];

/**
 * True for a report sheet this tool wrote (汇总, 审核结果, 合并日志): its first row is exactly one of our header
 * rows. Checking a report or a merged workbook again must not read these sheets as received tables.
 */
export function isReportSheet(sheet: Sheet): boolean {
  const first = (sheet.rows[0] ?? []).map((c) => cellText(c).trim());
  return [SUMMARY_COLUMNS, FINDING_COLUMNS, MERGE_LOG_COLUMNS].some(
    (cols) =>
      cols.length === first.length &&
      cols.every((c, i) => c.header === first[i]),
  );
}

/** True when a sheet read from a file is our 审核结果 sheet (its A1 title). */
export function isReviewSheet(sheet: Sheet): boolean {
  return cellText(sheet.rows[0]?.[0]).trim() === REVIEW_SHEET_TITLE;
}

/** True for a sheet of ours (never checked as a table). */
export function isOwnSheet(sheet: Sheet): boolean {
  return (
    sheet.name === LIST_SHEET_NAME ||
    isExplanationSheet(sheet) ||
    isReviewSheet(sheet) ||
    isReportSheet(sheet)
  );
}
