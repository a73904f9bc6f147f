/**
 * 合并 (merge): the shapes of the merge of received files into the 申报汇总表 (附件3) and the “免申即享”申报汇总表
 * (附件4), and of its 合并日志 (merge log). Seed: 正文 二(二), 二(三)1; 附件3; 附件4.
 */
import type { Finding, FindingCounts } from "../model/finding";
import type { Cell, Sheet, Workbook } from "../model/grid";
import type { PackageGroup } from "../check/package";
import type { Explanation } from "../review/explanations";
import type { FileCheck } from "../review/reviewReport";
import type { TemplateLayout } from "../template";

/** One received file, as the adapter read it (the core has no file system and no hash function). */
export interface MergeInput {
  /** File name as the user knows it (the CLI: the path as given or found in a folder given). */
  fileName: string;
  /** Size in bytes; undefined when the file's bytes could not be read at all. */
  size?: number;
  /** SHA-256 of the file's bytes, 64 lowercase hex digits; undefined when the bytes could not be read. */
  sha256?: string;
  /** The reader's outcome (xlsx/read.ts `ReadResult` fits): the workbook, or why it could not be read (Chinese). */
  read:
    | { ok: true; workbook: Workbook }
    | { ok: false; error: { message: string } };
  /**
   * Set when the reviewer keeps the file out of the 汇总表 (CLI `--exclude`, the workbench's 不纳入汇总): why, in
   * Chinese (logged as the reason of status 已排除). The file is not checked and gives no row.
   */
  excluded?: string;
  /**
   * The explanations (核实说明) stored in the workbook, read by the adapter with it (xlsx/explanations.ts); none when
   * absent. They are shown beside their findings in the 审核结果 sheet.
   */
  explanations?: readonly Explanation[];
}

/** Options of the merge. */
export interface MergeOptions {
  /** 审核单位名称, written after `审核单位（公章）：` (MERGE-CITY compares each row's 所在市 with its city). */
  unit?: string;
}

/**
 * Status of a file in the 合并日志: 已合并 (rows taken, no 错误 in any of its tables); 有错误仍合并 (rows taken, but a
 * table of the file — the 情况表 or a detail table — has a 错误); 未识别到情况表 (no row to take); 无法读取; 已排除 (kept
 * out by the reviewer); 重复文件 (byte-identical to an earlier file, which was merged instead).
 */
export type MergeStatus =
  | "已合并"
  | "有错误仍合并"
  | "未识别到情况表"
  | "无法读取"
  | "已排除"
  | "重复文件";

/** One line of the 合并日志: every input file has one, in input order. */
export interface MergeLogEntry {
  file: string;
  /** Bytes (see {@link MergeInput.size}). */
  size?: number;
  sha256?: string;
  status: MergeStatus;
  /**
   * Why the file could not be read, or why nothing was taken from it (Chinese); notes such as 内容相同; what Excel
   * cannot store of its values (`工作表“Sheet1”L4（项目联系人及手机）长 40000 个字符，超过 Excel 单元格上限…`).
   */
  reason?: string;
  /** Rows taken into the 申报汇总表 (from 项目情况表 and 申报汇总表 sheets). */
  summaryRows: number;
  /** Rows taken into the 免申即享汇总表. */
  exemptRows: number;
  /** Sheets rows were taken from. */
  sheets: string[];
  /** Counts of the file's findings (all its tables, the package rules, and the MERGE-* findings on its rows). */
  counts: FindingCounts;
  /** The enterprise of the file's package (core/check/package.ts), when its tables name one. */
  enterprise?: string;
}

/** Where a merged row came from. */
export interface RowSource {
  file: string;
  /** 0-based index of the input (two inputs may have the same name). */
  input: number;
  sheet: string;
  /** Excel row number (1-based) in the source sheet. */
  row: number;
}

/** One row of a merged table. */
export interface MergedRow {
  /** 序号 given in the merged table (1..n). */
  seq: number;
  /** 0-based grid row in the merged sheet. */
  row: number;
  source: RowSource;
  /** Cells in the merged table's column order; `cells[0]` is the new 序号; undefined for an empty cell. */
  cells: (Cell | undefined)[];
  /** A1 address of the source cell of each column (undefined where the source has no such column). */
  sourceCells: (string | undefined)[];
}

/** A merged table: its official layout with one data row per merged row, the rows, and the sheet as a grid. */
export interface MergedTable {
  tableId: "application-summary" | "exempt-summary";
  /** Sheet name in the merged workbook (申报汇总表 / 免申即享汇总表). */
  sheetName: string;
  /** The official layout (title, `审核单位（公章）：<unit>` line, header), with `rows.length` data rows (at least 1). */
  layout: TemplateLayout;
  rows: MergedRow[];
  /** The merged sheet as our reader reads it back (layout texts and the rows' cells; marked with the table). */
  sheet: Sheet;
}

/**
 * A finding of the merge. `file`, `sheet`, `cell` and `row` locate it in the received file. A MERGE-* finding, made on
 * the merged table, also carries `merged` (its place in the merged sheet) and, when it names another row, `related`
 * (where that row came from).
 */
export interface MergeFinding extends Finding {
  file: string;
  merged?: { sheet: string; cell?: string; row: number };
  related?: RowSource;
}

/** The outcome of a merge. */
export interface MergeResult {
  /** The 申报汇总表 (always present, possibly with no rows). */
  summary: MergedTable;
  /** The 免申即享汇总表, when some file holds “免申即享” rows. */
  exempt?: MergedTable;
  /** One entry per input, in input order. */
  log: MergeLogEntry[];
  /** Every finding, file by file in input order (each file's own findings, then the MERGE-* findings on its rows). */
  findings: MergeFinding[];
  /** Counts over all findings. */
  counts: FindingCounts;
  /** Per checked input (not 已排除 or 重复文件), its check as the 审核结果 layout (core/review/reviewReport.ts) takes it. */
  checks: FileCheck[];
  /** The merged files grouped by enterprise (core/check/package.ts); indexes are input indexes. */
  packages: PackageGroup[];
}
