/**
 * Live re-check benchmark (issue 4): the core's time to re-check one edited row of a T1 (新增贷款明细表) of 1,000 and
 * 10,000 rows (core/recheck.ts `recheckRows`: the row rules of that row, the table rules, the workbook rules), the
 * one-off cost of preparing live checking after a full check (`liveWorkbook`), and the full-workbook 审核 in the
 * core (`checkWorkbook` on a grid already read). The grids come from generated files (bench/generate.ts) read by
 * the file reader, as the add-in's reader would give them. Medians of timed runs after one warm-up, in-process.
 * Target: a re-check of one row within 100 ms of core time, so that the pane updates within about half a second
 * after Excel's round trip.
 *
 * Run alone: `npx tsx bench/recheck.ts`.
 */
import { performance } from "perf_hooks";
import type { Workbook } from "../src/core/grid";
import { liveWorkbook, recheckRows } from "../src/core/recheck";
import { checkWorkbook } from "../src/core/rules/engine";
import { readWorkbook } from "../src/xlsx/read";
import { loanWorkbook } from "./generate";

/** Target of one row's re-check, core time (ms). */
const TARGET_MS = 100;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

function grid(rows: number): Workbook {
  const read = readWorkbook(loanWorkbook(rows), `t1-${rows}.xlsx`);
  if (!read.ok) throw new Error(read.error.message);
  return read.workbook;
}

/** Measures one table size; returns the report line and whether the target is met. */
function measure(rows: number, runs: number): { line: string; met: boolean } {
  const wb = grid(rows);
  checkWorkbook(wb); // warm-up
  const full = median(
    Array.from({ length: runs }, () => time(() => checkWorkbook(wb))),
  );
  let live = liveWorkbook(wb);
  const prepare = median(
    Array.from({ length: Math.min(runs, 5) }, () =>
      time(() => (live = liveWorkbook(wb))),
    ),
  );
  const sheet = wb.sheets[0]!;
  const table = live.tables[0]!.ctx;
  const row = table.rows[Math.floor(table.rows.length / 2)]!.row;
  const col = table.columns.interest!;
  const original = sheet.rows[row]![col];
  const edits = Array.from({ length: 21 }, (_, i) => {
    sheet.rows[row]![col] = i % 2 === 0 ? { v: 0 } : original;
    return time(() => recheckRows(live, sheet.name, [row]));
  });
  const one = median(edits.slice(1));
  return {
    line:
      `  T1 ${rows.toLocaleString("en-US")} 行：审核（全部规则）${full.toFixed(1)} ms；` +
      `实时检查准备 ${prepare.toFixed(1)} ms；单行复检 ${one.toFixed(2)} ms`,
    met: one <= TARGET_MS,
  };
}

/** The benchmark's report lines (Chinese). */
export function recheckBenchmark(): string[] {
  const results = [measure(1_000, 9), measure(10_000, 5)];
  return [
    "实时检查（核心，已读入的网格；预热 1 次后取中位数）：",
    ...results.map((r) => r.line),
    `  目标：单行复检 ${TARGET_MS} ms 以内 —— ${results.every((r) => r.met) ? "达标" : "未达标"}`,
  ];
}

if (require.main === module) console.log(recheckBenchmark().join("\n"));
