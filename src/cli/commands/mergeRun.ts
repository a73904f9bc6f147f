/**
 * `techfund merge <文件或目录…> -o 汇总.xlsx [--unit 审核单位名称] [--json]`: merges the received
 * 项目情况表 into the 申报汇总表 (附件3) and the “免申即享”申报表 into the 免申即享汇总表 (附件4), and writes them with
 * the 合并日志 and the 审核结果 into one workbook (core/merge, xlsx/merge.ts). Folders are walked as by `check`.
 *
 * Output: a Chinese summary (files merged, with errors, not recognised, unreadable, excluded by `--exclude`,
 * byte-identical copies; rows out) with each file's status and findings (progress on stderr); `--json` prints one object on stdout ({@link MergeJson}). Exit 0 when every file was read and
 * no 错误 was found, 1 when some file had 错误 or could not be read, 2 on usage errors (no -o, no input found, an
 * output name not ending with .xlsx) or when the output cannot be written.
 */
import * as path from "path";
import type { MergeOptions } from "./merge";
import type { FindingCounts } from "../../core/model/finding";
import { groupBy } from "../../core/util/groupBy";
import { countsText, severityText } from "../../core/messages/severity";
import type { Workbook } from "../../core/model/grid";
import { findingLine, quotesOnce } from "../findingText";
import {
  type MergeFinding,
  type MergeInput,
  type MergeLogEntry,
  type MergeResult,
  type MergeStatus,
} from "../../core/merge";
import { printableName } from "../../xlsx/fileName";
import {
  CliError,
  collectInputFiles,
  EXIT,
  progress,
  writeNewFile,
  type CliContext,
  type ExitCode,
  type InputFile,
} from "../io";
import { fileBytes } from "../fileBytes";
import { poolLimits, readInWorkers, type PoolLimits } from "../pool";
import { isReportSheet } from "../../core/check/ownSheets";

/** What `techfund merge --json` prints. Findings have the keys of `techfund check --json`, plus `file` (and, for a
 * MERGE-* finding, `merged` and `related`: see core/merge/types.ts). */
export interface MergeJson {
  /** The workbook written. */
  output: string;
  rows: { summary: number; exempt: number };
  log: MergeLogEntry[];
  findings: MergeFindingJson[];
  summary: FindingCounts;
}

/** A merge finding in `--json`: its severity as the Chinese word (错误 / 警告 / 提示), as `techfund check --json`. */
export type MergeFindingJson = Omit<MergeFinding, "severity"> & {
  severity: ReturnType<typeof severityText>;
};

/**
/**
 * A workbook this tool wrote (a merge result, or the 审核结果 of `check --report`), saved into an inbox: merging it
 * again would count its rows twice.
 */
function isOwnOutput(workbook: Workbook): boolean {
  return workbook.sheets.some(isReportSheet);
}

/**
 * The inputs of the command line, in order, each once; a path that cannot be collected is a failed input. A file
 * named by `--exclude` (by path, or by file name when that name is unique among the inputs) is marked excluded. Our
 * own earlier outputs found among them are left out with a line saying so.
 * @throws CliError (exit 2) when no input is found, or an `--exclude` names no input
 */
async function inputsOf(
  cli: CliContext,
  paths: readonly string[],
  exclude: readonly string[],
  limits: PoolLimits,
): Promise<MergeInput[]> {
  const seen = new Set<string>();
  const found: { path: string; shown: string }[] = [];
  const failed: MergeInput[] = [];
  for (const p of paths) {
    try {
      for (const f of await collectInputFiles([p], (skipped, reason) =>
        cli.io.err(`已跳过 ${skipped}：${reason}\n`),
      )) {
        if (seen.has(f.path)) continue;
        seen.add(f.path);
        found.push(f);
      }
    } catch (e) {
      if (!(e instanceof CliError)) throw e;
      failed.push({
        fileName: printableName(p),
        read: { ok: false, error: { message: e.message } },
      });
    }
  }
  if (found.length === 0)
    throw new CliError(
      `没有找到可合并的表格文件：${paths.map(printableName).join("、")}`,
    );
  const excluded = excludedPaths(found, exclude);
  const inputs: MergeInput[] = [...failed];
  // Read in the reading processes; results come back in input order, so the merge does not depend on their number.
  await readInWorkers("read", found, limits, failedRead, (i, input) => {
    const f = found[i]!;
    progress(cli.io, `正在读取（${i + 1}/${found.length}）：${f.shown}`);
    if (input.read.ok && isOwnOutput(input.read.workbook)) {
      cli.io.err(
        `已跳过 ${f.shown}：这是本工具生成的合并结果或审核结果（含“合并日志”或“审核结果”工作表），不是收到的申报文件\n`,
      );
      return;
    }
    if (excluded.has(f.path)) {
      cli.io.err(`按 --exclude 不纳入汇总：${f.shown}\n`);
      input.excluded = "按 --exclude 不纳入汇总";
    }
    inputs.push(input);
  });
  progress(cli.io, "");
  return inputs;
}

/**
 * The input of a file whose reading process ended without a result: its size and SHA-256 when its bytes can be read
 * (the 合并日志 names every file by them), and the reason.
 */
function failedRead(file: InputFile, reason: string): MergeInput {
  const bytes = fileBytes(file.path, file.shown);
  const known =
    "message" in bytes ? {} : { size: bytes.size, sha256: bytes.sha256 };
  return {
    fileName: file.shown,
    ...known,
    read: { ok: false, error: { message: reason } },
  };
}

/**
 * The absolute paths `--exclude` names: each value is a path (relative to the working folder) or the bare name of
 * exactly one input file.
 * @throws CliError (exit 2) when a value names no input, or a bare name several
 */
function excludedPaths(
  found: readonly { path: string; shown: string }[],
  exclude: readonly string[],
): Set<string> {
  const out = new Set<string>();
  for (const x of exclude) {
    const abs = path.resolve(x);
    const byPath = found.filter((f) => f.path === abs);
    const byName = found.filter((f) => path.basename(f.path) === x);
    const hit = byPath.length > 0 ? byPath : byName;
    if (hit.length === 0)
      throw new CliError(`--exclude 指定的文件不在合并的文件中：${x}`);
    if (hit.length > 1)
      throw new CliError(
        `--exclude ${x} 对应多个文件（${hit.map((f) => f.shown).join("、")}），请写出路径`,
      );
    out.add(hit[0]!.path);
  }
  return out;
}

/** The output path: must end with .xlsx. @throws CliError (exit 2) otherwise */
function outputPath(out: string): string {
  if (path.extname(out).toLowerCase() !== ".xlsx")
    throw new CliError(`合并结果文件须以 .xlsx 结尾：${out}`);
  return path.resolve(out);
}

/** Exit code of a merge: 1 when a file could not be read or a 错误 was found, else 0. */
export function mergeExitCode(result: MergeResult): ExitCode {
  const unreadable = result.log.some((e) => e.status === "无法读取");
  return unreadable || result.counts.errors > 0 ? EXIT.findings : EXIT.ok;
}

/** The `--json` object of a merge written to `output`. */
export function mergeJson(result: MergeResult, output: string): MergeJson {
  return {
    output,
    rows: {
      summary: result.summary.rows.length,
      exempt: result.exempt?.rows.length ?? 0,
    },
    log: result.log,
    findings: result.findings.map((f) => ({
      ...f,
      severity: severityText(f.severity),
    })),
    summary: result.counts,
  };
}

const STATUSES: readonly MergeStatus[] = [
  "已合并",
  "有错误仍合并",
  "未识别到情况表",
  "无法读取",
  "已排除",
  "重复文件",
];

/** The text output: one block per file, then the totals. */
export function mergeText(result: MergeResult, output: string): string {
  const lines: string[] = [];
  const byFile = groupBy(result.findings, (f) => f.file);
  for (const e of result.log) {
    const rows = e.summaryRows + e.exemptRows;
    const detail =
      e.status === "无法读取" ||
      e.status === "已排除" ||
      e.status === "重复文件"
        ? e.reason
        : `取用 ${rows} 行；${countsText(e.counts)}${e.reason ? `；${e.reason}` : ""}`;
    lines.push(`[${e.status}] ${e.file}：${detail}`);
    // The notice's words once per file, with the first finding that rests on them.
    const quoteLine = quotesOnce();
    for (const f of byFile.get(e.file) ?? []) {
      lines.push(`    ${findingLine(f)}`);
      const quote = quoteLine(f);
      if (quote !== undefined) lines.push(`        ${quote}`);
    }
  }
  const count = (s: MergeStatus) =>
    result.log.filter((e) => e.status === s).length;
  const exempt = result.exempt
    ? `，${result.exempt.sheetName} ${result.exempt.rows.length} 行`
    : "";
  lines.push(
    "",
    `共 ${result.log.length} 个文件：${STATUSES.map((s) => `${s} ${count(s)} 个`).join("，")}`,
    `合并结果：${result.summary.sheetName} ${result.summary.rows.length} 行${exempt}；${countsText(result.counts)}`,
    `已写入：${output}`,
  );
  return `${lines.join("\n")}\n`;
}

/**
 * Runs `techfund merge` with the arguments and options commander parsed (merge.ts).
 * @returns the exit code (see the module comment)
 */
export async function run(
  cli: CliContext,
  paths: string[],
  options: MergeOptions,
): Promise<ExitCode> {
  const out = outputPath(options.out);
  const inputs = await inputsOf(
    cli,
    paths,
    options.exclude ?? [],
    poolLimits(options),
  );
  // The merge and its rules, and ExcelJS, are loaded only now: the main process of `--version` or `check` never needs them.
  const { mergeFiles } = await import("../../core/merge");
  const result = mergeFiles(
    inputs,
    options.unit !== undefined ? { unit: options.unit } : {},
  );
  const { writeMergedWorkbook } = await import("../../xlsx/merge");
  const bytes = await writeMergedWorkbook(result);
  const written = await writeNewFile(
    path.dirname(out),
    path.basename(out),
    bytes,
  );
  cli.io.out(
    options.json
      ? `${JSON.stringify(mergeJson(result, written), null, 2)}\n`
      : mergeText(result, written),
  );
  return mergeExitCode(result);
}
