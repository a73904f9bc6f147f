/**
 * The ports of the task pane (端口): what the UI receives from Excel and from files, and the one way they report
 * failure. The Office.js adapter (src/excel) implements {@link TemplateOperations}, {@link CheckOperations} and
 * {@link MergeOperations}; the file worker (src/taskpane/worker) does the file side. Components receive the
 * operations as props and never call Office.js themselves; tests pass fakes.
 *
 * One result type for every operation: a promise of the value, rejected only with an {@link OperationError} whose
 * `message` is Chinese and meant to be shown as it is, and whose `code` says what failed (an Office.js error code such
 * as `InvalidOperationInCellEditMode`, or one of ours: `NotInExcel`, `ExcelTooOld`, `NotOurSheet`, `NotATable`,
 * `Invalid`, `Unknown`). The UI shows the message; the self-test also shows the code. A plain throw that is not an
 * OperationError is a bug, shown as 发生意外错误.
 *
 * Checking never changes a user's value; only `applyFill` writes into user cells (empty cells only, after the user
 * saw the plan). Pure helpers the pane may call directly: `explanationProblem` (core/review/explanations.ts) to validate an
 * explanation before saving, `countFindings` (core/model/finding.ts), `reportFindings` (core/review/reviewReport.ts).
 */
import type { TableId } from "./core/catalog";
import type { Explanation, ExplanationKey } from "./core/review/explanations";
import type { FillChange, FillPlan } from "./core/fill/fillPlans";
import type { Finding } from "./core/model/finding";
import type { MergeResult } from "./core/merge";
import type { TableReport, WorkbookReport } from "./core/check/report";

export type {
  Explanation,
  ExplanationKey,
  FillChange,
  FillPlan,
  Finding,
  MergeResult,
  TableReport,
  WorkbookReport,
};

/** Why an operation failed: `code` for programs (self-test, tests), `message` in Chinese for the user. */
export class OperationError extends Error {
  override readonly name = "OperationError";
  constructor(
    /** An Office.js error code (`InvalidArgument`, `ItemAlreadyExists`…) or one of ours (see the module comment). */
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** True for an {@link OperationError} (also across realms, by its name and code). */
export function isOperationError(err: unknown): err is OperationError {
  return (
    err instanceof OperationError ||
    (err instanceof Error &&
      err.name === "OperationError" &&
      typeof (err as { code?: unknown }).code === "string")
  );
}

/** 表格模板: inserting official templates into the open workbook. */
export interface TemplateOperations {
  /**
   * Inserts the official template of a table as new worksheet(s), never overwriting a sheet.
   * @param tableId the table (catalog id)
   * @param years for tables with a year in the title (T4/T5): one sheet per year, e.g. [2022, 2023, 2024]
   * @returns the created sheet names (`新增贷款明细表`, or `新增贷款明细表(2)` when the name was taken)
   * @throws OperationError (Chinese message)
   */
  insertTable(tableId: TableId, years?: number[]): Promise<string[]>;
}

/** 合并汇总: writing a merge (computed by the file worker) into the open workbook. */
export interface MergeOperations {
  /**
   * Writes a merge as new sheets (申报汇总表, 免申即享汇总表, 合并日志, 审核结果), never overwriting a sheet; on
   * failure nothing of it is left in the workbook.
   * @returns the created sheet names
   * @throws OperationError (Chinese message)
   */
  writeMerged(result: MergeResult): Promise<string[]>;
}

/** Stops a live check (removes the event handlers); resolves when they are removed. */
export type StopLiveCheck = () => Promise<void>;

/** 检查: the findings pane's operations on the open workbook; every method rejects only with {@link OperationError}. */
export interface CheckOperations {
  /**
   * 检查 / 重新检查 / 审核: reads the whole workbook and runs every rule (the same engine as the CLI).
   * @returns the report: recognised tables (sheet → table, totals in 万元, findings) and, in `findings`, the
   *   file-level findings and those of sheets not recognised (TABLE-COLUMNS says why).
   */
  checkWorkbook(): Promise<WorkbookReport>;

  /**
   * Starts live checking: runs {@link checkWorkbook} once, then re-checks the edited rows of a table about 300 ms
   * after an edit (also after sheet activation and selection change following an edit, for edits Excel does not
   * report). Edits made by this add-in itself do not trigger a re-check.
   * @param onUpdate called with the first report and with every updated report (the whole workbook's)
   * @param onError called with a Chinese message when a re-check fails (live checking goes on)
   * @returns stop(); call it when the pane unmounts or the user turns live checking off
   */
  startLiveCheck(
    onUpdate: (report: WorkbookReport) => void,
    onError?: (message: string) => void,
  ): Promise<StopLiveCheck>;

  /** Activates the sheet and selects the cell (`G6`; '' selects A1). */
  selectCell(sheet: string, cell: string): Promise<void>;

  /**
   * 在表格中标记: marks the cells of these findings (conditional formats: 错误 red, 警告 amber, 提示 blue fill);
   * no cell's value or format changes. Replaces earlier marks of ours. Findings without a cell are skipped.
   */
  markFindings(findings: readonly Finding[]): Promise<void>;
  /** 清除标记: removes only our marks; every cell is left exactly as before marking. */
  clearMarks(): Promise<void>;

  /** Explanations stored in the workbook (our very hidden sheet), in the order saved. */
  listExplanations(): Promise<Explanation[]>;
  /**
   * Saves (adds or replaces, by sheet + cell + rule) an explanation of a 警告.
   * @param severity the finding's severity: a 错误 cannot be explained away, a 提示 needs none
   * @throws Error (Chinese) when `explanationProblem` rejects the text or the severity
   */
  saveExplanation(
    explanation: Explanation,
    severity: Finding["severity"],
  ): Promise<void>;
  /** Removes the explanation of that finding (nothing when there is none). */
  removeExplanation(key: ExplanationKey): Promise<void>;

  /**
   * 计算天数与利息: the plan for a 贷款明细表 sheet — only empty 2024年实际付息天数 / 2024年利息实际发生额 cells, from
   * 起息日/止息日, 金额 and 利率 (see core/fill/fillPlans.ts). Writes nothing.
   * @throws Error (Chinese) when the sheet is not recognised as 省级重点产业链链上企业2024年度新增贷款明细表
   */
  planInterestFill(sheet: string): Promise<FillPlan>;
  /**
   * 重排序号: the plan that renumbers 序号 1..n over the records of a recognised table. Writes nothing.
   * @throws Error (Chinese) when the sheet is not a recognised table with a 序号 column
   */
  planRenumber(sheet: string): Promise<FillPlan>;
  /**
   * Writes a plan in one batch. Cells whose value changed since the plan was made are left alone.
   * @returns the changes actually written
   */
  applyFill(plan: FillPlan): Promise<FillChange[]>;

  /**
   * 审核: writes the 审核结果 sheet (enterprise, date, per-table totals, counts, one row per finding with a link
   * to its cell, explanations; A4 landscape) as a new sheet, replacing only our own earlier one.
   * @returns the sheet's name (`审核结果`, or `审核结果(2)` when a sheet of the user has that name)
   */
  writeReviewSheet(
    report: WorkbookReport,
    explanations: readonly Explanation[],
  ): Promise<string>;
}

/**
 * 申请报告表样 and 资格自检表 (src/excel/formOperations.ts in Excel; the worker job `forms` in the workbench): each
 * resolves with the names of what was made — the new sheets in Excel, the downloaded file in the browser.
 */
export interface FormOperations {
  /** 封面, 承诺书, 现场核查表, 绩效目标表 filled from the 情况表 row (our 情况表 template first when there is none). */
  reportForms(): Promise<string[]>;
  /** The enterprise's “免申即享”申报表. */
  exemptApplication(): Promise<string[]>;
  /**
   * The 资格自检 sheet of a direction with the answers typed (text as typed, by input key of catalog/eligibility.ts).
   * @param chain the 省级重点产业链, for a chain direction's 专班 contact
   */
  eligibility(
    direction: string,
    answers: Readonly<Record<string, string>>,
    chain?: string,
  ): Promise<string[]>;
  /**
   * The 资格自检 answers the open workbook holds (Excel only): its 情况表's 申报方向 (unless `direction` is chosen),
   * 所属行业 and chain, and the 2024 interest of its 新增贷款明细表; undefined when no direction can be checked.
   */
  eligibilityFromWorkbook?(
    direction?: string,
  ): Promise<WorkbookEligibility | undefined>;
}

/** What {@link FormOperations.eligibilityFromWorkbook} found: answers as text, by input key, and each in words. */
export interface WorkbookEligibility {
  direction: string;
  answers: Record<string, string>;
  chain?: string;
  /** `所属行业“钢铁”（项目情况表 K4）`, one per answer and the chain. */
  filled: string[];
}

/** One line of the 加载项自检: what was looked at, whether it works, and what that means, in Chinese. */
export interface SelfTestItem {
  /** What was checked or done (`运行环境`, `ExcelApi 1.13`, `插入表样《新增贷款明细表》`…). */
  name: string;
  /** `passed` works; `missing` a requirement set this Excel lacks; `failed` a step Excel refused; `skipped` not run. */
  status: "passed" | "missing" | "failed" | "skipped";
  /** What it means for the user (Chinese). */
  text: string;
  /** The error code of a failed step (`InvalidArgument`…), as Excel gave it. */
  code?: string;
}

/** The 加载项自检's result: the host, each requirement set the add-in uses, then each operation tried on scratch sheets. */
export interface SelfTestReport {
  host: SelfTestItem;
  requirements: SelfTestItem[];
  steps: SelfTestItem[];
}

/** 加载项自检 (src/excel/selfTest.ts): run in the user's real Excel; it removes the sheets it adds. */
export interface SelfTestOperations {
  run(): Promise<SelfTestReport>;
}
