/**
 * In-process figures of the core, in CPU time of this thread's process (`process.cpuUsage`, less sensitive than wall
 * time to the other programs sharing the machine): the validation of a 10,000-row T1 already read (`checkWorkbook`
 * on the grid), and the live re-check of one edited row of it (core/check/recheck.ts `recheckRows`). Medians after one
 * warm-up. Run alone: `npx tsx bench/core.ts T1.xlsx`; `npm run bench` runs it on the corpus's big T1.
 */
import { readFileSync } from "fs";
import * as path from "path";
import type { Workbook } from "../src/core/model/grid";
import { liveWorkbook, recheckRows } from "../src/core/check/recheck";
import { checkWorkbook } from "../src/core/check/engine";
import { readWorkbook } from "../src/xlsx/read";
import { median } from "./stats";

/** Targets, CPU ms: validation of a 10,000-row T1, and a one-row re-check of it. */
export const CORE_TARGETS = { validateMs: 50, recheckMs: 5 } as const;

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
export function coreFigures(
  file: string,
  runs = 9,
): { rows: number; validateMs: number; recheckMs: number } {
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
  };
}

/**
 * CPU milliseconds to read the workbook in `file` and check it, once, in this process: what `check` does for one file
 * (its reading process and the check), without the start-up and the output, and whatever else runs on the machine.
 */
export function readAndCheckMs(file: string): number {
  return cpu(() => checkWorkbook(grid(file)));
}

if (require.main === module) {
  const file = process.argv[2];
  if (!file) throw new Error("用法：npx tsx bench/core.ts T1.xlsx");
  console.log(JSON.stringify(coreFigures(file)));
}
