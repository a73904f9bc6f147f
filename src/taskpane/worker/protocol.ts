/**
 * The jobs the file processor runs off the UI thread (文件处理：读取、检查、合并), and the messages between the page
 * and the Web Worker. Every value here survives structured cloning (files are `File` objects: cloning one passes a
 * reference, not its bytes).
 *
 * A checked file's findings stay where they were computed (the worker): the page receives a small summary per file
 * and asks for the findings one page at a time, so that a file with 100,000 findings never crosses to the page whole.
 * Each file has a key the page chose; jobs about a file carry the `File` too, so that a worker started afresh (the
 * previous one crashed or timed out) reads it again instead of failing.
 */
import type { TableId } from "../../core/catalog/types";
import type { FindingExplanation } from "../../core/review/explanations";
import type {
  Finding,
  FindingCounts,
  Severity,
} from "../../core/model/finding";
import type { MergeResult } from "../../core/merge";
import type { ReturnListEntry } from "../../core/review/returnList";

/** A file the page holds, with the key it chose for it. */
export interface KeyedFile {
  key: number;
  file: File;
}

/** Which page of a file's findings to give: `limit` findings from `offset`, of the severities shown. */
export interface FindingsQuery {
  offset: number;
  limit: number;
  severities: Severity[];
}

/**
 * A job: check one file; give a page of its findings; forget files; merge files (and write the merged workbook);
 * write a 审核结果 workbook or the 差错清单 workbooks; write templates; write one of the notice's forms.
 */
export type Job =
  | ({ op: "check" } & KeyedFile)
  | ({ op: "findings" } & KeyedFile & FindingsQuery)
  | { op: "forget"; keys: number[] }
  | {
      op: "merge";
      files: File[];
      /** Indexes in `files` of the files kept out of the 汇总表 (不纳入汇总): logged, not read. */
      excluded?: number[];
      /**
       * Files whose check stopped the worker (it died or ran out of time on them), by index in `files`: logged as
       * 无法读取 with `reason` (their error card's text), not read again.
       */
      stopped?: { index: number; reason: string }[];
      unit?: string;
      workbook: boolean;
    }
  | { op: "review"; files: KeyedFile[] }
  | { op: "returns"; files: KeyedFile[]; unit?: string }
  /** Reads the items of a 差错清单 the reviewer sent back (the 检查 tab lists them beside the enterprise's workbook). */
  | { op: "returnItems"; file: File }
  | { op: "templates"; tables: TableId[] }
  | {
      op: "forms";
      form: "report-forms" | "exempt-application" | "eligibility";
      direction?: string;
      answers?: Record<string, string>;
      chain?: string;
      /** The cover's 申报日期 (`二〇二六年二月`). */
      date?: string;
    };

/** The outcome of a merge job: the merge, and the merged workbook's bytes when asked for. */
export interface MergeOutcome {
  result: MergeResult;
  /** The .xlsx file (申报汇总表, 免申即享汇总表, 合并日志, 审核结果), when the job asked for `workbook`. */
  workbook?: Uint8Array;
}

/**
 * A finding as the workbench lists it: with the enterprise's explanation stored in the workbook and its state
 * (core/review/explanations.ts: a 警告 is 已说明 or 未说明 — too short or boilerplate counts as 未说明; a 错误 stays 错误须修改).
 */
export interface ShownFinding extends Finding {
  explanation?: FindingExplanation;
}

/** A recognised table of a checked file, as the overview and the file's page show it. */
export interface TableSummary {
  sheet: string;
  title: string;
  rows: number;
  /** Exact sums in 万元, keyed by official header. */
  totals: Record<string, number>;
}

/** Status of a checked file (as in the 审核结果 汇总 sheet). */
export type FileStatusText = "无法读取" | "有错误" | "未识别到表格" | "无错误";

/** What the page keeps of a checked file. */
export interface FileSummary {
  file: string;
  status: FileStatusText;
  /** Why the file could not be read (Chinese, names the file), for 无法读取. */
  error?: string;
  counts: FindingCounts;
  tables: TableSummary[];
  /** Enterprises named in the file (企业名称 lines, 项目情况表 rows), each once. */
  enterprises: string[];
  /** 申报方向 of the file's 项目情况表 rows, each once. */
  directions: string[];
  /** 警告 with an explanation that counts (已说明) and without one (未说明). */
  explained: { yes: number; no: number };
}

/** A page of a file's findings. */
export interface FindingsPage {
  /** Findings of the severities asked for. */
  total: number;
  items: ShownFinding[];
}

/** One 差错清单 workbook (one per enterprise). */
export interface ReturnList {
  fileName: string;
  bytes: Uint8Array;
}

/** What each job gives back. */
export interface JobOutputs {
  check: FileSummary;
  findings: FindingsPage;
  forget: null;
  merge: MergeOutcome;
  /** The 审核结果 .xlsx file. */
  review: Uint8Array;
  returns: ReturnList[];
  /** The 差错清单's items, or why the file is not one (Chinese, names the file). */
  returnItems: { items: ReturnListEntry[] } | { error: string };
  /** The templates .xlsx file and its name (the official title, see xlsx/template.ts `templateFileName`). */
  templates: { fileName: string; bytes: Uint8Array };
  /** A form's .xlsx file and its name. */
  forms: { fileName: string; bytes: Uint8Array };
}

export type JobOp = Job["op"];

/** Where one file of a job is: being read, being checked, finished. */
export type FileStage = "reading" | "checking" | "done";

/** What a job reports while it runs: a file's stage (`index` in the job's files), the merge step (merge jobs). */
export type JobEvent =
  { type: "progress"; index: number; stage: FileStage } | { type: "merging" };

/** Page → worker. */
export interface WorkerRequest {
  id: number;
  job: Job;
}

/**
 * Worker → page: `ready` once its script runs (an error before it means the script did not load); then an event of
 * job `id`, its output, or why it failed (a programming error, in Chinese).
 */
export type WorkerResponse =
  | { type: "ready" }
  | { id: number; type: "event"; event: JobEvent }
  | { id: number; type: "done"; output: JobOutputs[JobOp] }
  | { id: number; type: "failed"; message: string };
