/**
 * What a reading process does with one input file (src/cli/worker.ts runs these; src/cli/pool.ts hands them out):
 * `check` reads and checks a workbook, `read` reads one for the merge. Both never throw: a file that cannot be read
 * gives a result whose Chinese message names the file. This module loads SheetJS and the rules: the main process of
 * the CLI imports only its types.
 */
import * as path from "path";
import type { MergeInput } from "../core/merge";
import type { FileCheck } from "../core/review/reviewReport";
import { checkWorkbook } from "../core/check/engine";
import type { CoopListSummary } from "../core/totals/coop";
import { readWorkbookFile } from "../xlsx/node";
import { printableName } from "../xlsx/fileName";
import { readWorkbook } from "../xlsx/read";
import { storedExplanations } from "../xlsx/explanations";

/** A checked file and, when it holds 协作配套 lists, their year analysis (shown in the text output). */
export interface Checked {
  check: FileCheck;
  coop: CoopListSummary[];
}

/**
 * Reads and checks one file (`techfund check`).
 * @param filePath path to read
 * @param shown the name shown in the output (the path as given)
 */
export async function checkFile(
  filePath: string,
  shown: string,
): Promise<Checked> {
  const read = await readWorkbookFile(filePath);
  if (!read.ok)
    return {
      check: { file: shown, status: "unreadable", error: read.error.message },
      coop: [],
    };
  try {
    const report = checkWorkbook(read.workbook);
    const coop = [report.coop?.leader, report.coop?.member].filter(
      (a): a is CoopListSummary => a !== undefined,
    );
    // The explanations (核实说明) the enterprise stored with the add-in, shown beside their findings.
    const explanations = await storedExplanations(read.workbook);
    return {
      check: {
        file: shown,
        status: "ok",
        report,
        ...(explanations.length > 0 ? { explanations } : {}),
      },
      coop,
    };
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return {
      check: {
        file: shown,
        status: "unreadable",
        error: `检查时程序内部错误：${shown}（${reason}）`,
      },
      coop: [],
    };
  }
}

/**
 * Reads one input file for the merge (`techfund merge`): its bytes, size, SHA-256, workbook and the explanations
 * stored in it. A file that cannot be read gives a failed read whose Chinese message names the file.
 * @param filePath path to read
 * @param shown the name shown in the log and the findings (the path as given)
 */
export async function readMergeInput(
  filePath: string,
  shown: string,
): Promise<MergeInput> {
  // Loaded here, not with this module: a reader of `check` never hashes (and never loads crypto).
  const { fileBytes } = await import("./fileBytes");
  const bytes = fileBytes(filePath, shown);
  if ("message" in bytes)
    return { fileName: shown, read: { ok: false, error: bytes } };
  const { data, size, sha256 } = bytes;
  const read = readWorkbook(data, printableName(path.basename(filePath)));
  const explanations = read.ok ? await storedExplanations(read.workbook) : [];
  return {
    fileName: shown,
    size,
    sha256,
    read,
    ...(explanations.length > 0 ? { explanations } : {}),
  };
}

/** The jobs a reading process does, by name, with what each gives back. */
export const TASKS = { check: checkFile, read: readMergeInput } as const;
export type TaskKind = keyof typeof TASKS;
export type TaskResult<K extends TaskKind> = Awaited<
  ReturnType<(typeof TASKS)[K]>
>;
