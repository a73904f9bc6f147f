/**
 * 审核结果: the layout of the review report of checked files, as plain data (sheets of rows and columns). Two
 * renderers draw it: the ExcelJS writer of the 审核结果 workbook (xlsx/report.ts, `techfund check --report`) and the
 * 审核 sheet of the add-in. Pure: no file, no Office.js.
 *
 * Two sheets:
 * - **汇总**: one row per file — 文件, 企业名称, 表格, 合计（万元）, 错误, 警告, 其中未说明 (警告 without a valid
 *   explanation), 提示, 状态, 说明;
 * - **审核结果**: one row per finding, 错误 first (core/check/settle.ts `sortFindings`) — 文件, 工作表, 单元格 (with a link
 *   to the cell; a settled repeat shows its range), 列名, 级别, 规则, 说明, 通知依据, 企业核实性说明 (the enterprise's
 *   explanation stored in the workbook, core/review/explanations.ts), 说明状态 (已说明 / 未说明 / 错误须修改); a file that could not
 *   be read has one row with 级别 错误 and its reason.
 *
 * Every string of a layout is literal text (texts come from received files: a value starting with `=`, `+`, `-` or
 * `@` must be written as text, never as a formula). Row 1 of each sheet is the header row.
 */
import {
  explainFindings,
  type Explanation,
  type FindingExplanation,
} from "./explanations";
import {
  countFindings,
  type Finding,
  noticeWords,
  type Severity,
} from "../model/finding";
import { checkPackages, type PackageGroup } from "../check/package";
import { wan } from "../messages/amounts";
import { severityText } from "../messages/severity";
import type { WorkbookReport } from "../check/report";
import { sortFindings } from "../check/settle";
import {
  FINDING_COLUMNS,
  type ReviewColumn,
  SUMMARY_COLUMNS,
} from "../check/ownSheets";

/**
 * The check of one input file: its report and the explanations (核实说明) stored in the workbook (core/review/explanations.ts;
 * read by the adapters with xlsx/explanations.ts `storedExplanations`; absent or empty when it has none), or why it could not be read (Chinese, names the file).
 */
export type FileCheck =
  | {
      file: string;
      status: "ok";
      report: WorkbookReport;
      explanations?: readonly Explanation[];
    }
  | { file: string; status: "unreadable"; error: string };

/** A cell of a checked workbook that a report row points at. */
export interface ReviewLink {
  /** The checked file, as the user named it. */
  file: string;
  sheet: string;
  /** A1 address without the sheet name. */
  cell: string;
}

/** A report cell: literal text, a number, or a text with a link to a cell of a checked workbook. */
export type ReviewCell = string | number | { text: string; link: ReviewLink };

/** A report row; `severity` when the row is a finding (renderers colour 错误 and 警告). */
export interface ReviewRow {
  cells: ReviewCell[];
  severity?: Severity;
}

/** One sheet of the report: header row (row 1) from `columns`, then `rows`. */
export interface ReviewSheet {
  name: string;
  columns: ReviewColumn[];
  rows: ReviewRow[];
}

/** The 审核结果 report: the 汇总 sheet, then the 审核结果 sheet. */
export interface ReviewLayout {
  summary: ReviewSheet;
  findings: ReviewSheet;
}

/** Sheet names of the report. */
export const REVIEW_SHEET_NAMES = {
  summary: "汇总",
  findings: "审核结果",
} as const;

/**
 * Print and view setup of every report sheet: A4 landscape, one page wide, header row (row 1) repeated on each
 * page and frozen, an autofilter on it, page numbers in the footer (Excel header/footer codes).
 */
export const REVIEW_PRINT = {
  paper: "A4",
  orientation: "landscape",
  fitToWidth: 1,
  footer: "第 &P 页，共 &N 页",
} as const;

/**
 * The status shown in 汇总: 无法读取 (the file could not be read), 有错误 (at least one 错误), 未识别到表格 (read, but no
 * sheet is a table of the notice), else 无错误 (警告 and 提示 may remain).
 */
export function fileStatus(
  check: FileCheck,
): "无法读取" | "有错误" | "未识别到表格" | "无错误" {
  if (check.status === "unreadable") return "无法读取";
  if (check.report.counts.errors > 0) return "有错误";
  return check.report.tables.length === 0 ? "未识别到表格" : "无错误";
}

/**
 * Every finding of a report in reading order: by severity (错误, 警告, 提示), then sheet (file level, then the tables'
 * sheets in workbook order, then other sheets), then cell (core/check/settle.ts `sortFindings`).
 */
export function reportFindings(report: WorkbookReport): Finding[] {
  return sortFindings(
    [...report.findings, ...report.tables.flatMap((t) => t.findings)],
    ["", ...report.tables.map((t) => t.sheet)],
  );
}

/**
 * The findings of a readable file in reading order ({@link reportFindings}), each with its explanation and state
 * (core/review/explanations.ts `explainFindings`), and the explanations whose finding is gone.
 */
export function explainedFindings(check: FileCheck & { status: "ok" }): {
  findings: { finding: Finding; explanation?: FindingExplanation }[];
  stale: Explanation[];
} {
  const findings = reportFindings(check.report);
  const { explained, stale } = explainFindings(
    findings,
    check.explanations ?? [],
  );
  return {
    findings: findings.map((finding, i) => {
      const explanation = explained[i];
      return explanation ? { finding, explanation } : { finding };
    }),
    stale,
  };
}

/** Number of 警告 of a readable file that are 未说明 (no explanation, or a short or boilerplate one). */
export function unexplainedWarnings(
  check: FileCheck & { status: "ok" },
): number {
  return explainedFindings(check).findings.filter(
    (x) => x.explanation?.state === "未说明",
  ).length;
}

/** The enterprises named in a report's tables, each once, joined with `、` ('' when none). */
export function reportEnterprises(report: WorkbookReport): string {
  return [
    ...new Set(
      report.tables.flatMap((t) => (t.enterprise ? [t.enterprise] : [])),
    ),
  ].join("、");
}

/**
 * The totals of a table as one line: `2024年度新增贷款金额 3800万元；2024年利息实际发生额 113.3331万元` (amounts in 万元
 * with at most 4 decimals, trailing zeros dropped); '' for a table without summed columns.
 */
export function totalsText(totals: Readonly<Record<string, number>>): string {
  return Object.entries(totals)
    .map(([header, sum]) => `${header} ${wan(sum)}`)
    .join("；");
}

function summaryRow(check: FileCheck): ReviewRow {
  const status = fileStatus(check);
  if (check.status === "unreadable")
    return {
      cells: [check.file, "", "", "", "", "", "", "", status, check.error],
    };
  const { report } = check;
  const tables = report.tables
    .map((t) => `${t.sheet}：${t.title}（${t.rows}行）`)
    .join("\n");
  const totals = report.tables
    .filter((t) => Object.keys(t.totals).length > 0)
    .map((t) => `${t.sheet}：${totalsText(t.totals)}`)
    .join("\n");
  const { errors, warnings, infos } = report.counts;
  return {
    cells: [
      check.file,
      reportEnterprises(report),
      tables,
      totals,
      errors,
      warnings,
      unexplainedWarnings(check),
      infos,
      status,
      "",
    ],
  };
}

/** Where a finding is: its range (a settled repeat), else its cell, else `第N行`, else ''. */
export function findingPlace(f: Finding): string {
  return f.range ?? f.cell ?? (f.row !== undefined ? `第${f.row}行` : "");
}

function findingRow(
  file: string,
  f: Finding,
  explanation: FindingExplanation | undefined,
): ReviewRow {
  const cell = f.cell ?? (f.row !== undefined ? `A${f.row}` : undefined);
  const place: ReviewCell =
    cell && f.sheet
      ? { text: findingPlace(f), link: { file, sheet: f.sheet, cell } }
      : "";
  return {
    cells: [
      file,
      f.sheet,
      place,
      f.column ?? "",
      severityText(f.severity),
      f.rule,
      f.message,
      noticeWords(f),
      explanation?.text ?? "",
      explanation?.state ?? "",
    ],
    severity: f.severity,
  };
}

/**
 * The 审核结果 report of checked files, in the order given.
 * @param checks one entry per input file (see {@link FileCheck})
 * @returns the 汇总 sheet (one row per file) and the 审核结果 sheet (one row per finding, file by file; an unreadable
 *   file gets one 错误 row with its reason). Counts are numbers; every other value is literal text.
 */
export function reviewLayout(checks: readonly FileCheck[]): ReviewLayout {
  const findingRows = checks.flatMap((check): ReviewRow[] =>
    check.status === "unreadable"
      ? [
          {
            cells: [
              check.file,
              "",
              "",
              "",
              severityText("error"),
              "",
              check.error,
              "",
              "",
              "",
            ],
            severity: "error",
          },
        ]
      : explainedFindings(check).findings.map((x) =>
          findingRow(check.file, x.finding, x.explanation),
        ),
  );
  return {
    summary: {
      name: REVIEW_SHEET_NAMES.summary,
      columns: SUMMARY_COLUMNS,
      rows: checks.map(summaryRow),
    },
    findings: {
      name: REVIEW_SHEET_NAMES.findings,
      columns: FINDING_COLUMNS,
      rows: findingRows,
    },
  };
}

/**
 * Runs the package rules (core/check/package.ts) across checked files: groups them by enterprise and adds each file's
 * PACKAGE-TABLES, PACKAGE-DIRECTION and MERGE-CONTRACT-DUP findings to its file-level findings (counts updated).
 * @param checks the checks of files checked together, each report with its `package` facts (engine `checkWorkbook`)
 * @returns new checks (same order; unreadable files unchanged) and the groups, `files` indexing into `checks`
 */
export function withPackageRules(checks: readonly FileCheck[]): {
  checks: FileCheck[];
  groups: PackageGroup[];
} {
  const readable = checks.flatMap((c, i) =>
    c.status === "ok" && c.report.package
      ? [{ i, file: c.file, facts: c.report.package }]
      : [],
  );
  const run = checkPackages(readable);
  const added = new Map<number, Finding[]>();
  run.findings.forEach(({ file: _file, ...f }) => {
    const at = readable.find((r) => r.file === _file)!.i;
    added.set(at, [...(added.get(at) ?? []), f]);
  });
  return {
    checks: checks.map((c, i) => {
      const more = added.get(i);
      if (!more || c.status !== "ok") return c;
      const findings = sortFindings(
        [...c.report.findings, ...more],
        ["", ...c.report.tables.map((t) => t.sheet)],
      );
      return {
        ...c,
        report: {
          ...c.report,
          findings,
          counts: countFindings([
            ...findings,
            ...c.report.tables.flatMap((t) => t.findings),
          ]),
        },
      };
    }),
    groups: run.groups.map((g) => ({
      ...g,
      files: g.files.map((k) => readable[k]!.i),
    })),
  };
}
