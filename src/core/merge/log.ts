/**
 * The 合并日志 sheet as plain data (a {@link ReviewSheet}, drawn by the same writer as the 审核结果 sheets): one row
 * per input file — 文件, 大小（字节）, SHA-256, 状态, 取用行数, 错误, 警告, 提示, 说明 — then a 合计 row.
 */
import type { ReviewSheet } from "../review/reviewReport";
import { MERGE_SHEET_NAMES } from "./merge";
import type { MergeResult } from "./types";
import { MERGE_LOG_COLUMNS } from "../check/ownSheets";

const COLUMNS = MERGE_LOG_COLUMNS;

/** Where a file's rows went: `申报汇总表 2 行（工作表：项目情况表）`, '' when none were taken. */
function takenText(
  summaryRows: number,
  exemptRows: number,
  sheets: string[],
): string {
  const parts = [
    summaryRows > 0 ? `${MERGE_SHEET_NAMES.summary} ${summaryRows} 行` : "",
    exemptRows > 0 ? `${MERGE_SHEET_NAMES.exempt} ${exemptRows} 行` : "",
  ].filter(Boolean);
  return parts.length > 0
    ? `${parts.join("，")}（工作表：${sheets.join("、")}）`
    : "";
}

/**
 * The 合并日志 of a merge: one row per input in input order (a file not read has no size or SHA-256: those cells are
 * empty), then `合计：N 个文件` with the rows taken and the counts over all findings.
 * @returns a sheet whose counts and sizes are numbers and every other value literal text
 */
export function mergeLogSheet(result: MergeResult): ReviewSheet {
  const rows = result.log.map((e) => ({
    cells: [
      e.file,
      e.size ?? "",
      e.sha256 ?? "",
      e.status,
      e.summaryRows + e.exemptRows,
      e.counts.errors,
      e.counts.warnings,
      e.counts.infos,
      [takenText(e.summaryRows, e.exemptRows, e.sheets), e.reason ?? ""]
        .filter(Boolean)
        .join("；"),
    ],
    ...(e.status === "无法读取" || e.status === "有错误仍合并"
      ? { severity: "error" as const }
      : e.status === "未识别到情况表"
        ? { severity: "warning" as const }
        : {}),
  }));
  const summaryRows = result.summary.rows.length;
  const exemptRows = result.exempt?.rows.length ?? 0;
  const { errors, warnings, infos } = result.counts;
  const total = {
    cells: [
      `合计：${result.log.length} 个文件`,
      "",
      "",
      "",
      summaryRows + exemptRows,
      errors,
      warnings,
      infos,
      `${MERGE_SHEET_NAMES.summary} ${summaryRows} 行${exemptRows > 0 ? `，${MERGE_SHEET_NAMES.exempt} ${exemptRows} 行` : ""}`,
    ],
  };
  return {
    name: MERGE_SHEET_NAMES.log,
    columns: COLUMNS,
    rows: [...rows, total],
  };
}
