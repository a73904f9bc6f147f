/**
 * The file jobs themselves (see protocol.ts), run by the Web Worker (worker.ts) or, when no worker can be started,
 * on the page (client.ts). Browser APIs only (Blob, crypto.subtle): no DOM, no Node.
 *
 * A check job reads and checks files one by one (the same engine as `techfund check`); a merge job reads every file,
 * computes its size and SHA-256, merges (core/merge, as `techfund merge`) and writes the merged workbook
 * (xlsx/merge.ts). A file that cannot be read is a result (无法读取 with the reason), never a failed job.
 */
import { mergeFiles, type MergeInput } from "../../core/merge";
import { type FileCheck, reviewLayout } from "../../core/review";
import { checkWorkbook } from "../../core/rules/engine";
import { writeMergedWorkbook } from "../../xlsx/merge";
import { readWorkbook } from "../../xlsx/read";
import { writeReviewWorkbook } from "../../xlsx/report";
import { formFile } from "../../xlsx/forms";
import { templateFileName, writeTemplateWorkbook } from "../../xlsx/template";
import { TEXT } from "../text.zh";
import type {
  Job,
  JobEvent,
  JobOp,
  JobOutputs,
  MergeOutcome,
} from "./protocol";
import { sha256Hex } from "./sha256";

/** A job's output and the buffers it may hand over without copying (postMessage transfer list). */
export interface JobDone<K extends JobOp = JobOp> {
  output: JobOutputs[K];
  transfer: ArrayBuffer[];
}

/** The bytes of a picked file, or the Chinese reason they cannot be read (moved, deleted, locked). */
async function bytesOf(file: File): Promise<Uint8Array | { error: string }> {
  try {
    return new Uint8Array(await file.arrayBuffer());
  } catch {
    return { error: TEXT.fileNotReadable(file.name) };
  }
}

/** Reads and checks one file; never throws (an unexpected failure becomes the file's error). */
async function checkOne(
  file: File,
  index: number,
  emit: (e: JobEvent) => void,
): Promise<FileCheck> {
  emit({ type: "progress", index, stage: "reading" });
  const bytes = await bytesOf(file);
  if ("error" in bytes)
    return { file: file.name, status: "unreadable", error: bytes.error };
  const read = readWorkbook(bytes, file.name);
  if (!read.ok)
    return { file: file.name, status: "unreadable", error: read.error.message };
  emit({ type: "progress", index, stage: "checking" });
  try {
    return {
      file: file.name,
      status: "ok",
      report: checkWorkbook(read.workbook),
    };
  } catch (e) {
    return {
      file: file.name,
      status: "unreadable",
      error: TEXT.checkFailed(file.name, errorText(e)),
    };
  }
}

/** Reads one file for the merge: size, SHA-256 and workbook, or why it cannot be read. */
async function mergeInput(file: File): Promise<MergeInput> {
  const bytes = await bytesOf(file);
  if ("error" in bytes)
    return {
      fileName: file.name,
      read: { ok: false, error: { message: bytes.error } },
    };
  return {
    fileName: file.name,
    size: bytes.length,
    sha256: await sha256Hex(bytes),
    read: readWorkbook(bytes, file.name),
  };
}

async function merge(
  job: Extract<Job, { op: "merge" }>,
  emit: (e: JobEvent) => void,
): Promise<JobDone<"merge">> {
  const inputs: MergeInput[] = [];
  for (const [index, file] of job.files.entries()) {
    emit({ type: "progress", index, stage: "reading" });
    inputs.push(await mergeInput(file));
    emit({ type: "progress", index, stage: "done" });
  }
  emit({ type: "merging" });
  const result = mergeFiles(
    inputs,
    job.unit === undefined ? {} : { unit: job.unit },
  );
  const output: MergeOutcome = { result };
  if (!job.workbook) return { output, transfer: [] };
  const workbook = await writeMergedWorkbook(result);
  return {
    output: { result, workbook },
    transfer: [workbook.buffer as ArrayBuffer],
  };
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Runs a job.
 * @param job what to do (protocol.ts)
 * @param emit called with each file's progress (and, for a check job, each file's check as soon as it is known)
 * @returns the job's output (see {@link JobOutputs}) and its transferable buffers
 * @throws Error only on a programming error (the merged rows do not read back, ExcelJS fails): the caller reports it
 */
export async function runJob(
  job: Job,
  emit: (e: JobEvent) => void,
): Promise<JobDone> {
  switch (job.op) {
    case "check": {
      const checks: FileCheck[] = [];
      for (const [index, file] of job.files.entries()) {
        const check = await checkOne(file, index, emit);
        checks.push(check);
        emit({ type: "checked", index, check });
        emit({ type: "progress", index, stage: "done" });
      }
      return { output: checks, transfer: [] };
    }
    case "merge":
      return merge(job, emit);
    case "review": {
      const bytes = await writeReviewWorkbook(reviewLayout(job.checks));
      return { output: bytes, transfer: [bytes.buffer as ArrayBuffer] };
    }
    case "forms": {
      const out = await formFile(job);
      return { output: out, transfer: [out.bytes.buffer as ArrayBuffer] };
    }
    case "templates": {
      const bytes = await writeTemplateWorkbook(job.tables);
      const fileName =
        job.tables.length === 1
          ? templateFileName(job.tables[0]!)
          : TEXT.templatesFileName;
      return {
        output: { fileName, bytes },
        transfer: [bytes.buffer as ArrayBuffer],
      };
    }
  }
}
