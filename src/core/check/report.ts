/**
 * Check reports: what `checkWorkbook` returns and the CLI, the task pane and the 审核结果 workbook show.
 * Amounts are in 万元; rows are Excel's 1-based row numbers.
 */
import type { TableId } from "../catalog/types";
import type { Finding, FindingCounts } from "../model/finding";
import type { PackageFacts } from "./package";
import type { CoopSummary } from "../totals/coop";

/** The check of one recognised table (one sheet). */
export interface TableReport {
  sheet: string;
  table: TableId;
  /** Official title (T4/T5 with the year filled when known). */
  title: string;
  /** Excel 1-based row of the last header row. */
  headerRow: number;
  /** Data rows (continuation rows included). */
  rows: number;
  /** Records (a numbered row with its continuation rows). */
  records: number;
  /** Exact sums (万元) of every `sum: true` column found, keyed by official header. */
  totals: Record<string, number>;
  /** Findings of this table, sorted by row then column. */
  findings: Finding[];
  /** Enterprise named in the `企业名称：` / `项目申报企业（单位）（公章）：` line. */
  enterprise?: string;
  /** Year of T4/T5 (title or sheet name). */
  year?: number;
  /** Figures added by a rule family's totals extension (totals/index.ts `totalsExtensions`). */
  extra?: Record<string, unknown>;
}

/** The check of one workbook. */
export interface WorkbookReport {
  file: string;
  tables: TableReport[];
  /** File- and workbook-level findings, and the findings of sheets not recognised as a table. */
  findings: Finding[];
  /** Sheets that hold no table of the notice and gave no finding (empty, or no table-like rows), in sheet order. */
  otherSheets?: string[];
  /** Over every finding of the workbook (tables and file level). */
  counts: FindingCounts;
  /** Year analysis of the 协作配套 lists (T4/T5), when the workbook has such a sheet (totals/coop.ts). */
  coop?: CoopSummary;
  /** What the workbook brings to its enterprise's application package (core/check/package.ts); set by `checkWorkbook`. */
  package?: PackageFacts;
}
