/**
 * `npm run bench`: how fast `techfund check` is, against the floor of a bare SheetJS parse of the same files.
 *
 * Cases: a generated T1 (新增贷款明细表) of 10,000 and of 100,000 rows, and 200 generated workbooks of the mix a city
 * reviewer receives (bench/generate.ts). Each measurement runs in a fresh Node process (so that its peak memory is its
 * own): one warm-up run, then the median of the timed runs.
 * - 裸解析 (floor): `fs.readFile` + `XLSX.read(bytes, {type: "buffer"})` with SheetJS's default options, per file;
 * - check: the whole command in-process, `main(["check", path, "--json"])` (walk, read, recognise, every rule, JSON);
 * - 读取: readWorkbook (xlsx/read.ts: SheetJS with our options + the grid); 校验: checkWorkbook on an already-read grid.
 * Targets (issue 3): 10,000-row validation ≤ 50 ms; check ≤ 1.3 × bare parse.
 *
 * Options: `--case t1-10000|t1-100000|workbooks-200|merge-1000|recheck` (repeatable) to run some cases only; `--profile` to write V8 CPU
 * profiles of the check runs (`--cpu-prof`) into a temporary folder whose path it prints (open them in Chrome DevTools
 * or speedscope).
 */
import { spawnSync } from "child_process";
import { promises as fs, readFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import * as XLSX from "@e965/xlsx";
import { main } from "../src/cli/main";
import type { CheckJson } from "../src/cli/commands/check";
import { checkWorkbook } from "../src/core/rules/engine";
import { readWorkbook } from "../src/xlsx/read";
import { loanWorkbook, receivedWorkbooks } from "./generate";
import { mergeBenchmark } from "./merge";
import { recheckBenchmark } from "./recheck";

/** A benchmark case: what to generate, and how many timed runs. */
interface Case {
  name: string;
  label: string;
  runs: number;
  /** Writes the case's files into `dir`; returns the path given to `check` and the number of data rows. */
  generate(dir: string): Promise<{ target: string; rows: number }>;
}

const CASES: Case[] = [
  {
    name: "t1-10000",
    label: "T1 10,000 行",
    runs: 7,
    generate: async (dir) =>
      writeOne(dir, "t1-10000.xlsx", loanWorkbook(10_000), 10_000),
  },
  {
    name: "t1-100000",
    label: "T1 100,000 行",
    runs: 2,
    generate: async (dir) =>
      writeOne(dir, "t1-100000.xlsx", loanWorkbook(100_000), 100_000),
  },
  {
    name: "workbooks-200",
    label: "200 个工作簿",
    runs: 7,
    generate: async (dir) => {
      const folder = path.join(dir, "收件");
      await fs.mkdir(folder);
      const { files, rows } = receivedWorkbooks(200);
      for (const [name, bytes] of files)
        await fs.writeFile(path.join(folder, name), bytes);
      return { target: folder, rows };
    },
  },
];

async function writeOne(
  dir: string,
  name: string,
  bytes: Uint8Array,
  rows: number,
) {
  const target = path.join(dir, name);
  await fs.writeFile(target, bytes);
  return { target, rows };
}

/**
 * What a measuring process reports: medians of the timed runs in wall-clock ms and in CPU ms of the process
 * (`process.cpuUsage`, user + system: less sensitive to other programs running on the machine); memory in MB.
 */
interface ParseResult {
  ms: number;
  cpuMs: number;
  peakMb: number;
}
interface CheckResult extends ParseResult {
  readMs: number;
  validateMs: number;
  validateCpuMs: number;
  files: number;
  errors: number;
  warnings: number;
  infos: number;
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? sorted[mid]!
    : (sorted[mid - 1]! + sorted[mid]!) / 2;
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

/** Child process: the bare SheetJS parse of the files (the floor). */
async function measureParse(
  target: string,
  runs: number,
): Promise<ParseResult> {
  const files = await filesOf(target);
  const times = await timed(runs, async () => {
    for (const f of files) XLSX.read(await fs.readFile(f), { type: "buffer" });
  });
  return { ms: median(times.wall), cpuMs: median(times.cpu), peakMb: peakMb() };
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

/** Runs one measurement in a fresh Node process (with `--cpu-prof` when profiling) and returns its JSON result. */
function child<T>(
  kind: "parse" | "check",
  target: string,
  runs: number,
  profileDir?: string,
): T {
  const args = [
    "--require",
    require.resolve("tsx/cjs"),
    ...(profileDir ? ["--cpu-prof", "--cpu-prof-dir", profileDir] : []),
    __filename,
    "--child",
    kind,
    target,
    String(runs),
  ];
  const r = spawnSync(process.execPath, args, {
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  if (r.status !== 0)
    throw new Error(`基准测试子进程失败（${kind} ${target}）：\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").pop()!) as T;
}

/** Display width of a text in a terminal (CJK characters take two columns). */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\uffff]/.test(ch) ? 2 : 1;
  return w;
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) =>
    Math.max(...rows.map((r) => width(r[c] ?? ""))),
  );
  return rows
    .map((r) =>
      r
        .map((cell, c) =>
          c === 0
            ? cell + " ".repeat(widths[c]! - width(cell))
            : " ".repeat(widths[c]! - width(cell)) + cell,
        )
        .join("  "),
    )
    .join("\n");
}

const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));

async function orchestrate(argv: string[]): Promise<void> {
  const only = argv.flatMap((a, i) => (argv[i - 1] === "--case" ? [a] : []));
  const cases =
    only.length > 0 ? CASES.filter((c) => only.includes(c.name)) : CASES;
  const profileDir = argv.includes("--profile")
    ? await fs.mkdtemp(path.join(os.tmpdir(), "techfund-bench-profiles-"))
    : undefined;
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "techfund-bench-"));
  const header = [
    "场景",
    "数据行",
    "文件",
    "裸解析 ms",
    "check ms",
    "check/裸解析",
    "行/秒",
    "读取 ms",
    "校验 ms",
    "CPU：裸解析/check/校验 ms",
    "CPU 比值",
    "峰值内存 MB（裸解析/check）",
  ];
  const loadBefore = os.loadavg()[0]!;
  const lines: string[][] = [header];
  const verdicts: string[] = [];
  try {
    for (const c of cases) {
      process.stderr.write(`生成 ${c.label}…\n`);
      const { target, rows } = await c.generate(dir);
      process.stderr.write(`测量 ${c.label}（${c.runs} 次，取中位数）…\n`);
      const parse = child<ParseResult>("parse", target, c.runs);
      const check = child<CheckResult>("check", target, c.runs, profileDir);
      const ratio = check.ms / parse.ms;
      const cpuRatio = check.cpuMs / parse.cpuMs;
      lines.push([
        c.label,
        rows.toLocaleString("en-US"),
        String(check.files),
        ms(parse.ms),
        ms(check.ms),
        `${ratio.toFixed(2)}×`,
        Math.round((rows / check.ms) * 1000).toLocaleString("en-US"),
        ms(check.readMs),
        ms(check.validateMs),
        `${ms(parse.cpuMs)} / ${ms(check.cpuMs)} / ${ms(check.validateCpuMs)}`,
        `${cpuRatio.toFixed(2)}×`,
        `${parse.peakMb.toFixed(0)} / ${check.peakMb.toFixed(0)}`,
      ]);
      const pass = (ok: boolean) => (ok ? "达标" : "未达标");
      verdicts.push(
        `${c.label}：check ≤ 1.3 × 裸解析 —— ${pass(ratio <= 1.3)}（${ratio.toFixed(2)}×；按 CPU 时间 ${cpuRatio.toFixed(2)}×）`,
      );
      if (c.name === "t1-10000") {
        verdicts.push(
          `T1 10,000 行校验 ≤ 50 ms —— ${pass(check.validateMs <= 50)}（${ms(check.validateMs)} ms；CPU ${ms(check.validateCpuMs)} ms）`,
        );
      }
      verdicts.push(
        `  （发现：错误 ${check.errors}，警告 ${check.warnings}，提示 ${check.infos}）`,
      );
    }
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
  if (cases.length > 0) {
    const load = `${loadBefore.toFixed(1)} → ${os.loadavg()[0]!.toFixed(1)}`;
    console.log(
      `\nNode ${process.version}，${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}，系统负载 ${load}；预热 1 次后取中位数\n`,
    );
    console.log(table(lines));
    console.log(`\n目标：\n${verdicts.join("\n")}`);
    if (profileDir) console.log(`\nCPU 性能剖析文件：${profileDir}`);
  }
  // The merge of 1,000 received workbooks (issue 5, bench/merge.ts): `--case merge-1000` runs it alone.
  if (only.length === 0 || only.includes("merge-1000"))
    console.log(`\n${(await mergeBenchmark()).join("\n")}`);
  // The live re-check of one edited row (issue 4, bench/recheck.ts): `--case recheck` runs it alone.
  if (only.length === 0 || only.includes("recheck"))
    console.log(`\n${recheckBenchmark().join("\n")}`);
}

async function measure(
  kind: string,
  target: string,
  runs: number,
): Promise<void> {
  const result =
    kind === "parse"
      ? await measureParse(target, runs)
      : await measureCheck(target, runs);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

const argv = process.argv.slice(2);
const done =
  argv[0] === "--child"
    ? measure(argv[1]!, argv[2]!, Number(argv[3]))
    : orchestrate(argv);
done.catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
