/**
 * Sheets this tool writes into a workbook that are not user data: the dropdown-list sheet (template/lists.ts), the
 * explanation sheet (review/explanations.ts), the 审核结果 sheet (review/reviewSheet.ts) and the report sheets of `check --report` and
 * `merge` (汇总, 审核结果, 合并日志: review/reviewReport.ts). Checking skips them, in the add-in and the
 * CLI alike.
 */
import { isExplanationSheet } from "../review/explanations";
import type { Sheet } from "../model/grid";
import { isReportSheet } from "../review/reviewReport";
import { isReviewSheet } from "../review/reviewSheet";
import { LIST_SHEET_NAME } from "../template/lists";

/** True for a sheet of ours (never checked as a table). */
export function isOwnSheet(sheet: Sheet): boolean {
  return (
    sheet.name === LIST_SHEET_NAME ||
    isExplanationSheet(sheet) ||
    isReviewSheet(sheet) ||
    isReportSheet(sheet)
  );
}
