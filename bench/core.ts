/**
 * In-process figures of the core, in CPU time of this process (`process.cpuUsage`, less sensitive than wall time to
 * the other programs sharing the machine), medians after one warm-up:
 * - the validation of a 10,000-row T1 already read (`checkWorkbook` on the grid), and the live re-check of one edited
 *   row of it (core/check/recheck.ts `recheckRows`), each beside its target;
 * - the check of each workbook of a folder already read (the corpus's 200 small T1), per file: what `check` spends on
 *   a file after reading it (recognition, rules, settling, the report and the package's facts).
 *
 * It runs from a bundle, as users run the core: `npm run bench` builds it (scripts/build-bench.js) and runs each
 * measure in its own process: `node build/bench/core.js [--json] T1.xlsx`, `… --folder FOLDER`, and
 * `… --read-and-check FILE` (the CPU time of reading and checking one file once). Alone:
 * `node scripts/build-bench.js && node build/bench/core.js T1.xlsx`.
 */
import { readdirSync, readFileSync } from "fs";
import * as path from "path";
import type { Workbook } from "../src/core/model/grid";
import { liveWorkbook, recheckRows } from "../src/core/check/recheck";
import { checkWorkbook } from "../src/core/check/engine";
import { readWorkbook } from "../src/xlsx/read";
import { median } from "./stats";

/** Targets, CPU ms: validation of a 10,000-row T1, and a one-row re-check of it. */
export const CORE_TARGETS = { validateMs: 50, recheckMs: 5 } as const;

/** The figures {@link coreFigures} gives, CPU ms, with the targets. */
export interface CoreFigures {
  rows: number;
  validateMs: number;
  recheckMs: number;
  targets: typeof CORE_TARGETS;
}

/**
 * The figures {@link folderFigures} gives: the files of the folder checked; the mean CPU ms of one file's check in the
 * first pass (as `check` pays it: one pass in a fresh process, the code not yet optimised), and the median over the
 * later passes of that mean.
 */
export interface FolderFigures {
  files: number;
  firstMs: number;
  checkMs: number;
}

/** CPU milliseconds `fn` takes. */
function cpu(fn: () => void): number {
  const c0 = process.cpuUsage();
  fn();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

function grid(file: string): Workbook {
  const read = readWorkbook(readFileSync(file), path.basename(file));
  if (!read.ok) throw new Error(read.error.message);
  return read.workbook;
}

/** The core's figures on the T1 in `file`: medians in CPU ms. */
export function coreFigures(file: string, runs = 9): CoreFigures {
  // A fresh grid for each validation, so that nothing an earlier run left on the sheets helps it.
  const grids = Array.from({ length: runs + 1 }, () => grid(file));
  const validations = grids.map((wb) => cpu(() => checkWorkbook(wb))).slice(1);

  const wb = grids[0]!;
  const live = liveWorkbook(wb);
  const sheet = wb.sheets[0]!;
  const table = live.tables[0]!.ctx;
  const row = table.rows[Math.floor(table.rows.length / 2)]!.row;
  const col = table.columns.interest!;
  const original = sheet.rows[row]![col];
  // Each edit changes the row's 利息 and back, so that every re-check has something to do.
  const edits = Array.from({ length: 2 * runs + 1 }, (_, i) => {
    sheet.rows[row]![col] = i % 2 === 0 ? { v: 0 } : original;
    return cpu(() => recheckRows(live, sheet.name, [row]));
  }).slice(1);
  return {
    rows: table.rows.length,
    validateMs: median(validations),
    recheckMs: median(edits),
    targets: CORE_TARGETS,
  };
}

/**
 * Mean CPU ms of checking one workbook of `folder` (its .xlsx files, read first, fresh for each pass so that nothing
 * an earlier pass left helps): the median over `passes` passes after a warm-up pass.
 */
export function folderFigures(folder: string, passes = 5): FolderFigures {
  const files = readdirSync(folder)
    .filter((f) => f.endsWith(".xlsx"))
    .sort()
    .map((f) => path.join(folder, f));
  const means = Array.from({ length: passes + 1 }, () => {
    const grids = files.map(grid);
    return cpu(() => grids.forEach((wb) => checkWorkbook(wb))) / files.length;
  });
  return {
    files: files.length,
    firstMs: means[0]!,
    checkMs: median(means.slice(1)),
  };
}

/**
 * CPU milliseconds to read the workbook in `file` and check it, once, in this process: what `check` does for one file
 * (its reading process and the check), without the start-up and the output, and whatever else runs on the machine.
 */
export function readAndCheckMs(file: string): number {
  return cpu(() => checkWorkbook(grid(file)));
}

/** Each figure in its own process, so that the code one measure warmed does not speed up another's. */
function main(argv: string[]): void {
  const json = argv.includes("--json");
  const [mode, arg] = argv.filter((a) => a !== "--json");
  const ms = (x: number) => x.toFixed(2);
  if (mode === "--read-and-check" && arg !== undefined) {
    console.log(JSON.stringify({ readAndCheckMs: readAndCheckMs(arg) }));
  } else if (mode === "--folder" && arg !== undefined) {
    const f = folderFigures(arg);
    console.log(
      json
        ? JSON.stringify(f)
        : `${f.files} 个工作簿读取后的检查：每个 ${ms(f.firstMs)} ms CPU（第一遍，如 check），其后各遍 ${ms(f.checkMs)} ms`,
    );
  } else if (mode !== undefined && arg === undefined) {
    const f = coreFigures(mode);
    console.log(
      json
        ? JSON.stringify(f)
        : [
            `T1 ${f.rows} 行校验：${ms(f.validateMs)} ms CPU（目标 ≤ ${f.targets.validateMs} ms）`,
            `单行复检：${ms(f.recheckMs)} ms CPU（目标 ≤ ${f.targets.recheckMs} ms）`,
          ].join("\n"),
    );
  } else {
    throw new Error(
      "用法：node build/bench/core.js [--json] T1.xlsx | --folder 文件夹 | --read-and-check 文件",
    );
  }
}

if (require.main === module) main(process.argv.slice(2));
