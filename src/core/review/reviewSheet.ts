/**
 * The 审核结果 sheet the add-in writes into the checked workbook, as plain data: a title, the
 * enterprise, the date and the file, the counts, one row per recognised table (rows, totals in 万元, counts), then the
 * findings in the layout of the 审核结果 report (core/review/reviewReport.ts `reviewLayout`, the same columns the CLI writes, with
 * the enterprise's explanation (核实性说明) and its state beside each finding). Explanations whose finding is gone are
 * listed at the end. Pure: the Excel adapter draws it.
 */
import type { Explanation } from "./explanations";
import type { WorkbookReport } from "../check/report";
import {
  explainedFindings,
  REVIEW_SHEET_NAMES,
  reportEnterprises,
  type ReviewCell,
  reviewLayout,
  totalsText,
} from "./reviewReport";
import { countFindings, type Severity } from "../model/finding";
import { countsText, SEVERITY_ZH } from "../messages/severity";
import { REVIEW_SHEET_TITLE, type ReviewColumn } from "../check/ownSheets";

/** What a row of the sheet is, for styles: title, info line, column header, table row, finding row, blank. */
export type ReviewSheetRowKind =
  "title" | "line" | "header" | "table" | "finding" | "blank";

/** One row of the sheet. Cells left to right from column A. */
export interface ReviewSheetRow {
  kind: ReviewSheetRowKind;
  cells: ReviewCell[];
  severity?: Severity;
}

/** The whole sheet: its base name, columns (widths), rows, and the 0-based row of the findings' header. */
export interface ReviewSheetLayout {
  name: string;
  columns: ReviewColumn[];
  rows: ReviewSheetRow[];
  findingsHeaderRow: number;
}

const TABLE_HEADER = [
  "工作表",
  "表格",
  "行数",
  "合计（万元）",
  SEVERITY_ZH.error,
  SEVERITY_ZH.warning,
  SEVERITY_ZH.info,
];

/**
 * The 审核结果 sheet of one checked workbook.
 * @param report the check of the workbook (core/rules/engine `checkWorkbook`)
 * @param explanations the workbook's explanations (core/review/explanations.ts)
 * @param date the day of the check as the notice writes dates (`2025年3月1日`)
 */
export function reviewSheetLayout(
  report: WorkbookReport,
  explanations: readonly Explanation[],
  date: string,
): ReviewSheetLayout {
  const check = {
    file: report.file,
    status: "ok" as const,
    report,
    explanations,
  };
  const layout = reviewLayout([check]);
  const findingRows = layout.findings.rows.map((row): ReviewSheetRow => ({
    kind: "finding",
    cells: row.cells,
    ...(row.severity ? { severity: row.severity } : {}),
  }));
  const { stale } = explainedFindings(check);
  const rows: ReviewSheetRow[] = [
    { kind: "title", cells: [REVIEW_SHEET_TITLE] },
    {
      kind: "line",
      cells: [`企业名称：${reportEnterprises(report) || "（表中未填写）"}`],
    },
    { kind: "line", cells: [`文件：${report.file}`] },
    { kind: "line", cells: [`审核日期：${date}`] },
    {
      kind: "line",
      cells: [`共发现：${countsText(report.counts)}`],
    },
    { kind: "blank", cells: [] },
    { kind: "header", cells: TABLE_HEADER },
    ...report.tables.map((t): ReviewSheetRow => {
      const c = countFindings(t.findings);
      return {
        kind: "table",
        cells: [
          t.sheet,
          t.title,
          t.rows,
          totalsText(t.totals),
          c.errors,
          c.warnings,
          c.infos,
        ],
      };
    }),
  ];
  if (report.tables.length === 0)
    rows.push({ kind: "table", cells: ["", "未识别到通知中的表格"] });
  rows.push({ kind: "blank", cells: [] });
  const findingsHeaderRow = rows.length;
  rows.push({
    kind: "header",
    cells: layout.findings.columns.map((c) => c.header),
  });
  rows.push(...findingRows);
  if (findingRows.length === 0)
    rows.push({
      kind: "finding",
      cells: ["", "", "", "", "", "", "未发现问题"],
    });
  if (stale.length > 0) {
    rows.push({ kind: "blank", cells: [] });
    rows.push({
      kind: "line",
      cells: ["以下说明对应的问题已不存在（数据已修改）："],
    });
    for (const e of stale)
      rows.push({
        kind: "finding",
        cells: ["", e.sheet, e.cell, "", "", e.rule, "", "", e.text],
      });
  }
  return {
    name: REVIEW_SHEET_NAMES.findings,
    columns: layout.findings.columns,
    rows,
    findingsHeaderRow,
  };
}
