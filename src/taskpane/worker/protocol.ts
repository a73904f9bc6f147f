/**
 * The jobs the file processor runs off the UI thread (文件处理：读取、检查、合并), and the messages between the page
 * and the Web Worker. Every value here survives structured cloning (files are `File` objects: cloning one passes a
 * reference, not its bytes).
 */
import type { TableId } from "../../core/catalog/types";
import type { MergeResult } from "../../core/merge";
import type { FileCheck } from "../../core/review";

/** A job: check files; merge files (and write the merged workbook); write a 审核结果 workbook; write templates. */
export type Job =
  | { op: "check"; files: File[] }
  | { op: "merge"; files: File[]; unit?: string; workbook: boolean }
  | { op: "review"; checks: FileCheck[] }
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

/** What each job gives back. */
export interface JobOutputs {
  /** One check per file, in the order given. */
  check: FileCheck[];
  merge: MergeOutcome;
  /** The 审核结果 .xlsx file. */
  review: Uint8Array;
  /** The templates .xlsx file and its name (the official title, see xlsx/template.ts `templateFileName`). */
  templates: { fileName: string; bytes: Uint8Array };
  /** A form's .xlsx file and its name. */
  forms: { fileName: string; bytes: Uint8Array };
}

export type JobOp = Job["op"];

/** Where one file of a job is: being read, being checked, finished. */
export type FileStage = "reading" | "checking" | "done";

/** What a job reports while it runs: a file's stage, a file's check (check jobs), the merge step (merge jobs). */
export type JobEvent =
  | { type: "progress"; index: number; stage: FileStage }
  | { type: "checked"; index: number; check: FileCheck }
  | { type: "merging" };

/** Page → worker. */
export interface WorkerRequest {
  id: number;
  job: Job;
}

/** Worker → page: an event of job `id`, its output, or why it failed (a programming error, in Chinese). */
export type WorkerResponse =
  | { id: number; type: "event"; event: JobEvent }
  | { id: number; type: "done"; output: JobOutputs[JobOp] }
  | { id: number; type: "failed"; message: string };
