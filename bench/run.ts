/**
 * `npm run bench`: how fast `techfund check` is, against the floor of a bare SheetJS parse of the same files.
 *
 * Cases: a generated T1 (新增贷款明细表) of 10,000 and of 100,000 rows, and 200 generated workbooks of the mix a city
 * reviewer receives (bench/generate.ts). Each measurement runs in a fresh Node process (so that its peak memory is its
 * own) on this program bundled as the CLI is bundled (scripts/cli-bundle.js): one warm-up run, then the median of the
 * timed runs. The ratio check/裸解析 comes from a third process that runs the floor and the check in turn (after a full
 * garbage collection each): the median of the pairs' ratios. This machine's speed drifts by up to 2× over seconds
 * (other machines share its processors): measured in separate processes, floor and check could each fall in a fast or
 * a slow spell, and their ratio would say more about the machine than about the program.
 * - 裸解析 (floor), check, 读取, 校验: see bench/measure.ts (the measuring process);
 * Targets (issue 3): 10,000-row validation ≤ 50 ms; check ≤ 1.3 × bare parse.
 *
 * Options: `--case t1-10000|t1-100000|workbooks-200|merge-1000|recheck` (repeatable) to run some cases only; `--profile` to write V8 CPU
 * profiles of the check runs (`--cpu-prof`) into a temporary folder whose path it prints (open them in Chrome DevTools
 * or speedscope).
 */
import { spawnSync } from "child_process";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { bundleFile } from "../scripts/cli-bundle";
import { loanWorkbook, receivedWorkbooks } from "./generate";
import type { CheckResult, PairResult, ParseResult } from "./measure";
import { mergeBenchmark } from "./merge";
import { recheckBenchmark } from "./recheck";
import { median } from "./stats";

/** A benchmark case: what to generate, how many timed runs, and how many pairs (floor, then check) for the ratio. */
interface Case {
  name: string;
  label: string;
  runs: number;
  pairs: number;
  /** Writes the case's files into `dir`; returns the path given to `check` and the number of data rows. */
  generate(dir: string): Promise<{ target: string; rows: number }>;
}

const CASES: Case[] = [
  {
    name: "t1-10000",
    label: "T1 10,000 行",
    runs: 7,
    pairs: 9,
    generate: async (dir) =>
      writeOne(dir, "t1-10000.xlsx", loanWorkbook(10_000), 10_000),
  },
  {
    name: "t1-100000",
    label: "T1 100,000 行",
    runs: 2,
    pairs: 2,
    generate: async (dir) =>
      writeOne(dir, "t1-100000.xlsx", loanWorkbook(100_000), 100_000),
  },
  {
    name: "workbooks-200",
    label: "200 个工作簿",
    runs: 7,
    pairs: 15,
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
 * This program as one bundle built like the CLI's (scripts/cli-bundle.js), so that the measuring processes run the
 * code as `techfund` runs it, not each TypeScript file loaded through tsx.
 */
function measuringProgram(): string {
  // Inside node_modules, where the bundle finds its dependencies.
  const out = path.join(
    __dirname,
    "..",
    "node_modules",
    ".cache",
    "techfund-bench",
    "bench.js",
  );
  bundleFile(path.join(__dirname, "measure.ts"), out);
  return out;
}

/** Runs one measurement in a fresh Node process (`--expose-gc`; `--cpu-prof` when profiling) and returns its JSON result. */
function child<T>(
  program: string,
  kind: "parse" | "check" | "pairs",
  target: string,
  runs: number,
  profileDir?: string,
): T {
  const args = [
    ...(profileDir ? ["--cpu-prof", "--cpu-prof-dir", profileDir] : []),
    "--expose-gc",
    program,
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
  const program = measuringProgram();
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
      const parse = child<ParseResult>(program, "parse", target, c.runs);
      const check = child<CheckResult>(
        program,
        "check",
        target,
        c.runs,
        profileDir,
      );
      process.stderr.write(
        `测量 ${c.label} 的 check/裸解析（${c.pairs} 对，交替运行）…\n`,
      );
      const pairs = child<PairResult>(program, "pairs", target, c.pairs);
      const ratio = median(pairs.ratios);
      const cpuRatio = median(pairs.cpuRatios);
      const spread = `${Math.min(...pairs.ratios).toFixed(2)}–${Math.max(...pairs.ratios).toFixed(2)}`;
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
        `${c.label}：check ≤ 1.3 × 裸解析 —— ${pass(ratio <= 1.3)}（${ratio.toFixed(2)}×，${pairs.ratios.length} 对交替运行的中位数，各对 ${spread}；按 CPU 时间 ${cpuRatio.toFixed(2)}×）`,
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

orchestrate(process.argv.slice(2)).catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
