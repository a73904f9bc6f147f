/**
 * The measuring process of `npm run bench` (bench/run.ts starts it, bundled as the CLI is bundled, once per
 * measurement): `node bench.js parse|check|pairs TARGET RUNS` prints one JSON line with the medians.
 * - parse: `fs.readFile` + `XLSX.read(bytes, {type: "buffer"})` with SheetJS's default options, per file (the floor);
 * - check: the whole command in-process, `main(["check", path, "--json"])`, then its two core steps apart: 读取
 *   (readWorkbook) and 校验 (checkWorkbook on an already-read grid);
 * - pairs: parse and check in turn, for the ratio of the two (see measurePairs).
 */
import { promises as fs, readFileSync } from "fs";
import * as path from "path";
import * as XLSX from "@e965/xlsx";
import { main } from "../src/cli/main";
import type { CheckJson } from "../src/cli/commands/check";
import { checkWorkbook } from "../src/core/rules/engine";
import { readWorkbook } from "../src/xlsx/read";
import { median } from "./stats";

/**
 * What a measuring process reports: medians of the timed runs in wall-clock ms and in CPU ms of the process
 * (`process.cpuUsage`, user + system: less sensitive to other programs running on the machine); memory in MB.
 */
export interface ParseResult {
  ms: number;
  cpuMs: number;
  peakMb: number;
}
export interface CheckResult extends ParseResult {
  readMs: number;
  validateMs: number;
  validateCpuMs: number;
  files: number;
  errors: number;
  warnings: number;
  infos: number;
}

/** Peak resident memory of this process so far, in MB (also sampled from memoryUsage().rss). */
let sampledRss = 0;
function sampleRss(): void {
  sampledRss = Math.max(sampledRss, process.memoryUsage().rss);
}
function peakMb(): number {
  return Math.max(process.resourceUsage().maxRSS * 1024, sampledRss) / 2 ** 20;
}

/** The spreadsheet files of a case's target (a file, or a folder's .xlsx files). */
async function filesOf(target: string): Promise<string[]> {
  const stat = await fs.stat(target);
  if (!stat.isDirectory()) return [target];
  return (await fs.readdir(target))
    .filter((f) => f.endsWith(".xlsx"))
    .sort()
    .map((f) => path.join(target, f));
}

/** Wall-clock and CPU milliseconds of runs. */
interface Times {
  wall: number[];
  cpu: number[];
}

/** Measures one run of `fn` into `times`. */
async function timeRun(
  times: Times,
  fn: () => Promise<void> | void,
): Promise<void> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await fn();
  times.wall.push(performance.now() - t0);
  const c = process.cpuUsage(c0);
  times.cpu.push((c.user + c.system) / 1000);
  sampleRss();
}

/** Timed runs of `fn` after one warm-up run. */
async function timed(
  runs: number,
  fn: () => Promise<void> | void,
): Promise<Times> {
  await fn();
  sampleRss();
  const times: Times = { wall: [], cpu: [] };
  for (let i = 0; i < runs; i++) await timeRun(times, fn);
  return times;
}

/** A full garbage collection (the measuring processes run with `--expose-gc`); the pairs start with one each. */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** The floor: each file read and parsed by SheetJS with its default options. */
async function parseAll(files: readonly string[]): Promise<void> {
  for (const f of files) XLSX.read(await fs.readFile(f), { type: "buffer" });
}

/** Child process: the bare SheetJS parse of the files (the floor). */
async function measureParse(
  target: string,
  runs: number,
): Promise<ParseResult> {
  const files = await filesOf(target);
  const times = await timed(runs, () => parseAll(files));
  return { ms: median(times.wall), cpuMs: median(times.cpu), peakMb: peakMb() };
}

/** Per pair of runs (the floor, then check), check's time over the floor's: wall-clock and CPU. */
export interface PairResult {
  ratios: number[];
  cpuRatios: number[];
}

/**
 * Child process: the floor and the whole `check` command in turn, `runs` pairs after one warm-up pair,
 * each run after a full garbage collection. The two runs of a pair meet the machine in the same second (its speed
 * drifts by up to 2× over seconds here), and neither pays for the other's garbage.
 */
async function measurePairs(target: string, runs: number): Promise<PairResult> {
  const files = await filesOf(target);
  const io = { out: () => {}, err: () => {} };
  const result: PairResult = { ratios: [], cpuRatios: [] };
  for (let i = 0; i <= runs; i++) {
    const floor: Times = { wall: [], cpu: [] };
    const check: Times = { wall: [], cpu: [] };
    collectGarbage();
    await timeRun(floor, () => parseAll(files));
    collectGarbage();
    await timeRun(check, async () => {
      await main(["check", target, "--json"], io);
    });
    if (i === 0) continue;
    result.ratios.push(check.wall[0]! / floor.wall[0]!);
    result.cpuRatios.push(check.cpu[0]! / floor.cpu[0]!);
  }
  return result;
}

/** Child process: the whole `check` command, then its two core steps apart (read; validate an already-read grid). */
async function measureCheck(
  target: string,
  runs: number,
): Promise<CheckResult> {
  let out = "";
  const io = { out: (t: string) => void (out = t), err: () => {} };
  const times = await timed(runs, async () => {
    await main(["check", target, "--json"], io);
  });
  const peak = peakMb();
  const json = JSON.parse(out) as CheckJson;

  const files = await filesOf(target);
  const bytes = files.map((f) => readFileSync(f));
  const read = () =>
    bytes.map((b, i) => readWorkbook(b, path.basename(files[i]!)));
  const readTimes = await timed(runs, () => void read());
  const validateTimes: Times = { wall: [], cpu: [] };
  for (let i = 0; i <= runs; i++) {
    // A fresh grid each run, so that nothing cached on the sheets from an earlier run helps; run 0 warms up.
    const books = read().flatMap((r) => (r.ok ? [r.workbook] : []));
    const validate = () => void books.forEach((wb) => checkWorkbook(wb));
    if (i === 0) validate();
    else await timeRun(validateTimes, validate);
  }
  return {
    ms: median(times.wall),
    cpuMs: median(times.cpu),
    peakMb: peak,
    readMs: median(readTimes.wall),
    validateMs: median(validateTimes.wall),
    validateCpuMs: median(validateTimes.cpu),
    files: json.files.length,
    ...json.summary,
  };
}

async function measure(kind: string, target: string, runs: number) {
  const result =
    kind === "parse"
      ? await measureParse(target, runs)
      : kind === "pairs"
        ? await measurePairs(target, runs)
        : await measureCheck(target, runs);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

const [kind, target, runs] = process.argv.slice(2);
measure(kind!, target!, Number(runs)).catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
