/**
 * The file jobs themselves (see protocol.ts), run by the Web Worker (worker.ts) or, when no worker can be started,
 * on the page (client.ts). Browser APIs only (Blob, crypto.subtle): no DOM, no Node.
 *
 * A check job reads and checks one file (the same engine as `techfund check`) and keeps its findings here, keyed by
 * the page's key; the page gets a summary and asks for pages of findings. A merge job reads every file, computes its
 * size and SHA-256, merges (core/merge, as `techfund merge`) and writes the merged workbook (xlsx/merge.ts). A file
 * that cannot be read is a result (无法读取 with the reason), never a failed job.
 *
 * SheetJS (reading) and ExcelJS (writing) are loaded on first use: the task pane starts without them.
 */
import type { Severity } from "../../core/model/finding";
import { mergeFiles, type MergeInput } from "../../core/merge";
import {
  fileStatus,
  explainedFindings,
  reviewLayout,
  type FileCheck,
} from "../../core/review/reviewReport";
import { checkWorkbook } from "../../core/check/engine";
import { TEXT } from "../text.zh";
import { fileFacts } from "./facts";
import type {
  FileSummary,
  FindingsPage,
  FindingsQuery,
  Job,
  JobEvent,
  JobOp,
  JobOutputs,
  KeyedFile,
  MergeOutcome,
  ShownFinding,
} from "./protocol";
import { returnLists } from "./returns";
import {
  returnItemsFromSheet,
  type ReturnListEntry,
} from "../../core/review/returnList";
import { sha256Hex } from "./sha256";
import type { ReadResult } from "../../xlsx/read";
import { storedExplanations } from "../../xlsx/explanations";

/** A job's output and the buffers it may hand over without copying (postMessage transfer list). */
export interface JobDone<K extends JobOp = JobOp> {
  output: JobOutputs[K];
  transfer: ArrayBuffer[];
}

/** A checked file as kept here: its check, its findings with explanations, its summary. */
interface Kept {
  check: FileCheck;
  findings: ShownFinding[];
  summary: FileSummary;
}

/** Checked files by the page's key. */
const kept = new Map<number, Kept>();

/** The bytes of a picked file, or the Chinese reason they cannot be read (moved, deleted, locked). */
async function bytesOf(file: File): Promise<Uint8Array | { error: string }> {
  try {
    return new Uint8Array(await file.arrayBuffer());
  } catch {
    return { error: TEXT.fileNotReadable(file.name) };
  }
}

/** A file's bytes read as a workbook; SheetJS is loaded with the first file read (the page's first script has none). */
async function readBytes(bytes: Uint8Array, name: string): Promise<ReadResult> {
  const { readWorkbook } = await import(
    /* webpackChunkName: "read" */ "../../xlsx/read"
  );
  return readWorkbook(bytes, name);
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The findings of a check, each with the workbook's explanation of it and its state (core/review/reviewReport.ts). */
function shownFindings(check: FileCheck): ShownFinding[] {
  if (check.status !== "ok") return [];
  return explainedFindings(check).findings.map(({ finding, explanation }) =>
    explanation ? { ...finding, explanation } : finding,
  );
}

function summaryOf(
  check: FileCheck,
  findings: readonly ShownFinding[],
  facts: ReturnType<typeof fileFacts>,
): FileSummary {
  const base = { file: check.file, status: fileStatus(check), ...facts };
  if (check.status !== "ok")
    return {
      ...base,
      error: check.error,
      counts: { errors: 0, warnings: 0, infos: 0 },
      tables: [],
      explained: { yes: 0, no: 0 },
    };
  const warnings = findings.filter((f) => f.severity === "warning");
  const yes = warnings.filter((f) => f.explanation?.state === "已说明").length;
  return {
    ...base,
    counts: check.report.counts,
    tables: check.report.tables.map(({ sheet, title, rows, totals }) => ({
      sheet,
      title,
      rows,
      totals,
    })),
    explained: { yes, no: warnings.length - yes },
  };
}

/**
 * The items of a 差错清单 file: the first sheet that reads as one (core/review/returnList.ts), or the Chinese reason the file
 * is not one (unreadable, or no sheet with the 差错清单's title and columns).
 */
async function returnItemsOf(
  file: File,
): Promise<{ items: ReturnListEntry[] } | { error: string }> {
  const bytes = await bytesOf(file);
  if ("error" in bytes) return bytes;
  const read = await readBytes(bytes, file.name);
  if (!read.ok) return { error: read.error.message };
  for (const sheet of read.workbook.sheets) {
    const items = returnItemsFromSheet(sheet);
    if (items) return { items };
  }
  return { error: TEXT.notReturnList(file.name) };
}

/** Reads and checks one file and keeps it; never throws (an unexpected failure becomes the file's error). */
async function checkOne(
  { key, file }: KeyedFile,
  emit: (e: JobEvent) => void,
): Promise<Kept> {
  emit({ type: "progress", index: 0, stage: "reading" });
  const keep = (
    check: FileCheck,
    facts: { enterprises: string[]; directions: string[] } = {
      enterprises: [],
      directions: [],
    },
  ) => {
    const findings = shownFindings(check);
    const entry = {
      check,
      findings,
      summary: summaryOf(check, findings, facts),
    };
    kept.set(key, entry);
    emit({ type: "progress", index: 0, stage: "done" });
    return entry;
  };
  const bytes = await bytesOf(file);
  if ("error" in bytes)
    return keep({ file: file.name, status: "unreadable", error: bytes.error });
  const read = await readBytes(bytes, file.name);
  if (!read.ok)
    return keep({
      file: file.name,
      status: "unreadable",
      error: read.error.message,
    });
  emit({ type: "progress", index: 0, stage: "checking" });
  try {
    const report = checkWorkbook(read.workbook);
    return keep(
      {
        file: file.name,
        status: "ok",
        report,
        explanations: await storedExplanations(read.workbook),
      },
      fileFacts(read.workbook, report),
    );
  } catch (e) {
    return keep({
      file: file.name,
      status: "unreadable",
      error: TEXT.checkFailed(file.name, errorText(e)),
    });
  }
}

/** The kept check of a file, checking it again when this worker does not hold it (a new worker after a crash). */
async function keptOf(f: KeyedFile): Promise<Kept> {
  return kept.get(f.key) ?? checkOne(f, () => undefined);
}

/** One page of a kept file's findings, of the severities asked for. */
async function findingsPage(
  job: KeyedFile & FindingsQuery,
): Promise<FindingsPage> {
  const { findings } = await keptOf(job);
  const shown = new Set<Severity>(job.severities);
  const visible =
    shown.size === 3 ? findings : findings.filter((f) => shown.has(f.severity));
  return {
    total: visible.length,
    items: visible.slice(job.offset, job.offset + job.limit),
  };
}

/** Reads one file for the merge: size, SHA-256 and workbook, or why it cannot be read. */
function mergeInput(file: File): Promise<MergeInput> {
  return hashedInput(file, (bytes) => readBytes(bytes, file.name));
}

/** A file not read for the merge, with why: its size and SHA-256 (hashing does not parse it), and the reason. */
function unreadInput(file: File, reason: string): Promise<MergeInput> {
  return hashedInput(file, async () => ({
    ok: false,
    error: { message: reason },
  }));
}

/**
 * A merge input with the file's size and SHA-256, `read` of its bytes and the explanations stored in it; a file that
 * cannot be read says why.
 */
async function hashedInput(
  file: File,
  read: (bytes: Uint8Array) => Promise<MergeInput["read"]>,
): Promise<MergeInput> {
  const bytes = await bytesOf(file);
  if ("error" in bytes)
    return {
      fileName: file.name,
      read: { ok: false, error: { message: bytes.error } },
    };
  const sha256 = await sha256Hex(bytes);
  const result = await read(bytes);
  const explanations = result.ok
    ? await storedExplanations(result.workbook)
    : [];
  return {
    fileName: file.name,
    size: bytes.length,
    sha256,
    read: result,
    ...(explanations.length > 0 ? { explanations } : {}),
  };
}

async function merge(
  job: Extract<Job, { op: "merge" }>,
  emit: (e: JobEvent) => void,
): Promise<JobDone<"merge">> {
  const inputs: MergeInput[] = [];
  const excluded = new Set(job.excluded ?? []);
  const stopped = new Map((job.stopped ?? []).map((s) => [s.index, s.reason]));
  for (const [index, file] of job.files.entries()) {
    emit({ type: "progress", index, stage: "reading" });
    const reason = stopped.get(index);
    // A file kept out by the reviewer is not read: the 合并日志 lists it as 已排除 with the reason. A file that stopped
    // the worker when checked would stop this merge too: it is logged with that reason, unread.
    inputs.push(
      excluded.has(index)
        ? {
            fileName: file.name,
            size: file.size,
            read: { ok: false, error: { message: TEXT.excludedReason } },
            excluded: TEXT.excludedReason,
          }
        : reason !== undefined
          ? await unreadInput(file, reason)
          : await mergeInput(file),
    );
    emit({ type: "progress", index, stage: "done" });
  }
  emit({ type: "merging" });
  const result = mergeFiles(
    inputs,
    job.unit === undefined ? {} : { unit: job.unit },
  );
  const output: MergeOutcome = { result };
  if (!job.workbook) return { output, transfer: [] };
  const { writeMergedWorkbook } = await import(
    /* webpackChunkName: "write" */ "../../xlsx/merge"
  );
  const workbook = await writeMergedWorkbook(result);
  return {
    output: { result, workbook },
    transfer: [workbook.buffer as ArrayBuffer],
  };
}

/**
 * Runs a job.
 * @param job what to do (protocol.ts)
 * @param emit called with each file's progress
 * @returns the job's output (see {@link JobOutputs}) and its transferable buffers
 * @throws Error only on a programming error (the merged rows do not read back, ExcelJS fails): the caller reports it
 */
export async function runJob(
  job: Job,
  emit: (e: JobEvent) => void,
): Promise<JobDone> {
  switch (job.op) {
    case "check":
      return { output: (await checkOne(job, emit)).summary, transfer: [] };
    case "findings":
      return { output: await findingsPage(job), transfer: [] };
    case "forget":
      for (const key of job.keys) kept.delete(key);
      return { output: null, transfer: [] };
    case "merge":
      return merge(job, emit);
    case "review": {
      const checks = await Promise.all(
        job.files.map(async (f) => (await keptOf(f)).check),
      );
      const { writeReviewWorkbook } = await import(
        /* webpackChunkName: "write" */ "../../xlsx/report"
      );
      const bytes = await writeReviewWorkbook(reviewLayout(checks));
      return { output: bytes, transfer: [bytes.buffer as ArrayBuffer] };
    }
    case "forms": {
      const { formFile } = await import(
        /* webpackChunkName: "write" */ "../../xlsx/forms"
      );
      const out = await formFile(job);
      return { output: out, transfer: [out.bytes.buffer as ArrayBuffer] };
    }
    case "returns": {
      const files = await Promise.all(job.files.map(keptOf));
      const lists = await returnLists(
        files.map((k) => ({
          check: k.check,
          enterprises: k.summary.enterprises,
        })),
        job.unit ?? "",
      );
      return {
        output: lists,
        transfer: lists.map((l) => l.bytes.buffer as ArrayBuffer),
      };
    }
    case "returnItems":
      return { output: await returnItemsOf(job.file), transfer: [] };
    case "templates": {
      const { templateFileName, writeTemplateWorkbook } = await import(
        /* webpackChunkName: "write" */ "../../xlsx/template"
      );
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
