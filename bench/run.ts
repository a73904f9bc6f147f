/**
 * `npm run bench`: how fast `techfund` is as a user runs it — whole processes, `node bin/techfund.js check DIR --json
 * > /dev/null` — against the floor `../shared/bench/bench-floor.mjs` (SheetJS parsing every file into row arrays in
 * one thread, nothing else), on the corpus `../shared/bench/make-bench-corpus.mjs` makes (200 hand-made-style T1
 * workbooks of 30 rows, and one T1 of 10,000 rows). The CLI is built first (scripts/build-cli.js), so the figures are
 * those of the current sources.
 *
 * The runs are interleaved: each round runs the floor and every contender once, in an order that turns each round,
 * so that a slow spell of this shared machine falls on all of them; a ratio is the median over the rounds of the
 * round's ratio. Wall time from the outside, CPU time over all threads (user + system) from the inside
 * (bench/usage-hook.js). Anchors: openpyxl's read-only load (bench/openpyxl-read.py) when a Python with openpyxl is
 * installed, LibreOffice `--convert-to csv` when `soffice` is (said so when absent). Then the merge of 1,000 情况表
 * (whole process, peak memory), the check of one enterprise's T1 of 100,000 rows (whole process, made as the corpus
 * makes its big T1), the start-up, and the core's in-process figures (bench/core.ts, run from its bundle
 * build/bench/core.js, each measure in its own process) in CPU time.
 *
 * Options: `--rounds N` (default 7; at least 7 for figures to report), `--corpus DIR` (reuse a corpus made earlier),
 * `--case workbooks|big|anchors|merge|rows|startup|core` (repeatable) to run some parts only.
 */
import { spawnSync } from "child_process";
import {
  existsSync,
  mkdirSync,
  promises as fs,
  readdirSync,
  symlinkSync,
} from "fs";
import * as os from "os";
import * as path from "path";
import { buildBench } from "../scripts/build-bench";
import { buildCli } from "../scripts/build-cli";
import type { CoreFigures, FolderFigures } from "./core";
import { writeInfoFiles } from "./merge";
import { runProcess, type Run } from "./processes";
import { median } from "./stats";

const REPO = path.resolve(__dirname, "..");
const SHARED_BENCH = path.resolve(REPO, "../shared/bench");
const CLI = path.join(REPO, "bin", "techfund.js");
const NODE = process.execPath;
/**
 * The time limit per file is wall time: on this shared machine a busy spell can stretch a normal file past the 20 s
 * default. The bench measures speed, not the limit (test/cli/pool.test.ts tests that).
 */
const NO_TIME_LIMIT = ["--timeout", "600"];

/** The issue's targets: ratios to the single-thread floor, anchors, merge, start-up. */
const TARGETS = {
  oneJob: 1.3,
  twoJobs: 0.8,
  libreOfficeTimes: 7,
  mergeSeconds: 60,
  mergeMb: 1024,
  checkThousandMb: 400,
  /** One enterprise's T1 of 100,000 rows, `check` as a whole process, in wall time: well under a minute (half). */
  hundredThousandRowsSeconds: 30,
  versionMs: 250,
  firstReadMs: 350,
} as const;

interface Options {
  rounds: number;
  corpus?: string;
  cases: string[];
}

function parseOptions(argv: string[]): Options {
  const value = (name: string) =>
    argv.flatMap((a, i) => (argv[i - 1] === name ? [a] : []));
  return {
    rounds: Number(value("--rounds")[0] ?? 7),
    corpus: value("--corpus")[0],
    cases: value("--case"),
  };
}

/** A contender of a round: a name and how to run it once. */
interface Contender {
  name: string;
  run(): Run;
}

/**
 * `rounds` rounds of every contender once, the order turned by one each round (a, b, c; b, c, a; …).
 * @returns each contender's runs, by name
 */
function interleaved(
  contenders: Contender[],
  rounds: number,
  label: string,
): Map<string, Run[]> {
  const runs = new Map(contenders.map((c) => [c.name, [] as Run[]]));
  for (let r = 0; r < rounds; r++) {
    process.stderr.write(`  ${label}：第 ${r + 1}/${rounds} 轮\n`);
    for (let k = 0; k < contenders.length; k++) {
      const c = contenders[(r + k) % contenders.length]!;
      runs.get(c.name)!.push(c.run());
    }
  }
  return runs;
}

/** Median over the rounds of a/b (wall and CPU). */
function ratios(a: Run[], b: Run[]): { wall: number; cpu?: number } {
  const wall = median(a.map((x, i) => x.wallMs / b[i]!.wallMs));
  const both = a.every((x, i) => x.cpuMs && b[i]!.cpuMs);
  return both
    ? { wall, cpu: median(a.map((x, i) => x.cpuMs! / b[i]!.cpuMs!)) }
    : { wall };
}

const ms = (x: number | undefined) =>
  x === undefined ? "—" : x >= 100 ? x.toFixed(0) : x.toFixed(1);
const times = (x: number | undefined) =>
  x === undefined ? "—" : `${x.toFixed(2)}×`;
const verdict = (ok: boolean) => (ok ? "达标" : "未达标");

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

/** A Python 3 that has openpyxl, or undefined. */
function pythonWithOpenpyxl(): string | undefined {
  for (const python of ["python3", "/usr/bin/python3"]) {
    const r = spawnSync(python, ["-c", "import openpyxl"], { stdio: "ignore" });
    if (r.status === 0) return python;
  }
  return undefined;
}

/** `soffice` when LibreOffice is installed, or undefined. */
function soffice(): string | undefined {
  const r = spawnSync("soffice", ["--version"], { stdio: "ignore" });
  return r.status === 0 ? "soffice" : undefined;
}

/** Rows of the one-enterprise T1 of the `rows` case. */
const MANY_ROWS = 100_000;

/**
 * The T1 of {@link MANY_ROWS} rows of one enterprise under `dir` (`rows-100000/big-100000.xlsx`), made by the shared
 * corpus script as it makes its big T1 (no small files), unless an earlier run left it there.
 */
function manyRowsFile(dir: string): string {
  const out = path.join(dir, `rows-${MANY_ROWS}`);
  const file = path.join(out, `big-${MANY_ROWS}.xlsx`);
  if (existsSync(file)) return file;
  process.stderr.write(`生成 T1 ${MANY_ROWS.toLocaleString("en-US")} 行…\n`);
  const r = spawnSync(
    NODE,
    [
      path.join(SHARED_BENCH, "make-bench-corpus.mjs"),
      out,
      "0",
      "30",
      String(MANY_ROWS),
    ],
    { cwd: REPO, stdio: ["ignore", "ignore", "inherit"] },
  );
  if (r.status !== 0) throw new Error("生成语料失败");
  return file;
}

/**
 * The corpus's workbooks in two folders, every other file in each (`halves/1`, `halves/2`, links to `files/`), made
 * once: what two reading processes would each read.
 */
function halves(dir: string): string[] {
  const out = [1, 2].map((i) => path.join(dir, "halves", String(i)));
  if (out.every((d) => existsSync(d))) return out;
  const files = path.join(dir, "files");
  const names = readdirSync(files)
    .filter((f) => f.endsWith(".xlsx"))
    .sort();
  out.forEach((d) => mkdirSync(d, { recursive: true }));
  names.forEach((f, i) =>
    symlinkSync(path.join(files, f), path.join(out[i % 2]!, f)),
  );
  return out;
}

/** The corpus of the shared bench scripts: `files/` (200 workbooks) and `big-10000.xlsx`. */
async function corpus(dir: string | undefined): Promise<string> {
  if (dir !== undefined) return path.resolve(dir);
  const out = await fs.mkdtemp(path.join(os.tmpdir(), "techfund-bench-"));
  process.stderr.write(`生成语料（${out}）…\n`);
  const r = spawnSync(
    NODE,
    [path.join(SHARED_BENCH, "make-bench-corpus.mjs"), out],
    { cwd: REPO, stdio: ["ignore", "ignore", "inherit"] },
  );
  if (r.status !== 0) throw new Error("生成语料失败");
  return out;
}

async function orchestrate(argv: string[]): Promise<void> {
  const options = parseOptions(argv);
  const wanted = (name: string) =>
    options.cases.length === 0 || options.cases.includes(name);
  process.stderr.write("构建 techfund（build/cli）…\n");
  buildCli();
  const coreBench = buildBench();
  /** One measure of the bundled bench/core.ts, in its own process: its JSON output. */
  const core = <T>(...args: string[]): T => {
    const r = spawnSync(NODE, [coreBench, "--json", ...args], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    });
    if (r.status !== 0)
      throw new Error(`${coreBench} ${args.join(" ")} 失败（${r.status}）`);
    return JSON.parse(r.stdout) as T;
  };
  const dir = await corpus(options.corpus);
  const files = path.join(dir, "files");
  const big = path.join(dir, "big-10000.xlsx");
  const fileCount = readdirSync(files).filter((f) =>
    f.endsWith(".xlsx"),
  ).length;
  const loadBefore = os.loadavg()[0]!;

  const floor = (target: string): Contender => ({
    name: "裸解析",
    run: () =>
      runProcess(NODE, [path.join(SHARED_BENCH, "bench-floor.mjs"), target], {
        node: true,
        cwd: REPO,
      }),
  });
  /** The floor in two processes at once, each reading half the files: the most two cores give here. */
  const splitFloor = (targets: string[]): Contender => ({
    name: "裸解析 2 进程各读一半",
    run: () => ({
      ...runProcess(
        NODE,
        [
          path.join(__dirname, "floor-split.js"),
          path.join(SHARED_BENCH, "bench-floor.mjs"),
          ...targets,
        ],
        { node: true, cwd: REPO },
      ),
      // The peak of the waiting process only, not of its children: not shown.
      maxRssMb: undefined,
    }),
  });
  const check = (target: string, jobs: number): Contender => ({
    name: `check ${jobs} 线程`,
    run: () =>
      runProcess(
        NODE,
        [
          CLI,
          "check",
          target,
          "--json",
          "--jobs",
          String(jobs),
          ...NO_TIME_LIMIT,
        ],
        { node: true, cwd: REPO, okStatus: [0, 1] },
      ),
  });

  const rows: string[][] = [
    [
      "场景",
      "进程",
      "墙钟 ms",
      "CPU ms",
      "峰值内存 MB",
      "比裸解析（墙钟）",
      "比裸解析（CPU）",
    ],
  ];
  const verdicts: string[] = [];
  const addRows = (label: string, runs: Map<string, Run[]>, base: Run[]) => {
    for (const [name, rs] of runs) {
      const r = ratios(rs, base);
      rows.push([
        label,
        name,
        ms(median(rs.map((x) => x.wallMs))),
        rs.every((x) => x.cpuMs !== undefined)
          ? ms(median(rs.map((x) => x.cpuMs!)))
          : "—",
        rs.every((x) => x.maxRssMb !== undefined)
          ? ms(median(rs.map((x) => x.maxRssMb!)))
          : "—",
        times(r.wall),
        times(r.cpu),
      ]);
    }
  };

  if (wanted("workbooks")) {
    process.stderr.write(`测量 ${fileCount} 个工作簿…\n`);
    const runs = interleaved(
      [floor(files), check(files, 1), check(files, 2), splitFloor(halves(dir))],
      options.rounds,
      `${fileCount} 个工作簿`,
    );
    const base = runs.get("裸解析")!;
    addRows(`${fileCount} 个工作簿`, runs, base);
    const one = ratios(runs.get("check 1 线程")!, base);
    const two = ratios(runs.get("check 2 线程")!, base);
    const split = ratios(runs.get("裸解析 2 进程各读一半")!, base);
    verdicts.push(
      `check ${fileCount} 个工作簿，1 线程 ≤ ${TARGETS.oneJob}× 裸解析 —— ${verdict(one.wall <= TARGETS.oneJob)}（墙钟 ${times(one.wall)}，CPU ${times(one.cpu)}）`,
      `check ${fileCount} 个工作簿，2 线程 ≤ ${TARGETS.twoJobs}× 裸解析 —— ${verdict(two.wall <= TARGETS.twoJobs)}（墙钟 ${times(two.wall)}；本机 ${os.availableParallelism()} 核，与其他程序共用；裸解析本身分 2 进程各读一半为 ${times(split.wall)}，即本机两核所能）`,
    );
  }

  if (wanted("big")) {
    process.stderr.write("测量 T1 10,000 行…\n");
    // The floor script reads the .xlsx files directly in a folder: the corpus folder holds only the big one.
    const runs = interleaved(
      [floor(dir), check(big, 1)],
      options.rounds,
      "T1 10,000 行",
    );
    addRows("T1 10,000 行", runs, runs.get("裸解析")!);
  }

  if (wanted("anchors")) {
    const python = pythonWithOpenpyxl();
    const lo = soffice();
    const contenders: Contender[] = [check(files, 1), check(files, 2)];
    if (python)
      contenders.push({
        name: "openpyxl 只读",
        run: () =>
          runProcess(python, [path.join(__dirname, "openpyxl-read.py"), files]),
      });
    else verdicts.push("openpyxl：本机没有装有 openpyxl 的 Python 3，未测");
    if (python) {
      process.stderr.write("测量 openpyxl 只读…\n");
      const runs = interleaved(contenders, options.rounds, "openpyxl");
      const base = runs.get("openpyxl 只读")!;
      addRows(`${fileCount} 个工作簿（对 openpyxl）`, runs, base);
      const r = ratios(runs.get("check 1 线程")!, base);
      verdicts.push(
        `check 快于 openpyxl 只读读取 —— ${verdict(r.wall < 1)}（1 线程为其 ${times(r.wall)}）`,
      );
    }
    if (lo) {
      process.stderr.write("测量 LibreOffice 转换为 CSV（3 轮）…\n");
      const profile = await fs.mkdtemp(path.join(os.tmpdir(), "techfund-lo-"));
      const out = path.join(profile, "out");
      const inputs = readdirSync(files)
        .filter((f) => f.endsWith(".xlsx"))
        .map((f) => path.join(files, f));
      const runs = interleaved(
        [
          check(files, 1),
          {
            name: "LibreOffice 转 CSV",
            run: () =>
              runProcess(
                lo,
                [
                  `-env:UserInstallation=file://${profile}/lo`,
                  "--headless",
                  "--norestore",
                  "--convert-to",
                  "csv",
                  "--outdir",
                  out,
                  ...inputs,
                ],
                {},
              ),
          },
        ],
        3,
        "LibreOffice",
      );
      await fs.rm(profile, { recursive: true, force: true });
      const lr = ratios(
        runs.get("LibreOffice 转 CSV")!,
        runs.get("check 1 线程")!,
      );
      rows.push([
        `${fileCount} 个工作簿（对 LibreOffice，3 轮）`,
        "LibreOffice 转 CSV",
        ms(median(runs.get("LibreOffice 转 CSV")!.map((x) => x.wallMs))),
        "—",
        "—",
        "",
        "",
      ]);
      verdicts.push(
        `check ≥ ${TARGETS.libreOfficeTimes}× 快于 LibreOffice 转 CSV —— ${verdict(lr.wall >= TARGETS.libreOfficeTimes)}（LibreOffice 用时为 check 1 线程的 ${times(lr.wall)}，3 轮中位数）`,
      );
    } else verdicts.push("LibreOffice：本机没有 soffice，未测");
  }

  if (wanted("merge")) {
    const inbox = path.join(dir, "merge-1000");
    if (!existsSync(inbox)) {
      process.stderr.write("生成 1,000 个情况表…\n");
      await writeInfoFiles(inbox, 1000);
    }
    process.stderr.write("测量 merge 与 check 1,000 个文件（3 轮）…\n");
    const outDir = await fs.mkdtemp(path.join(os.tmpdir(), "techfund-merge-"));
    let n = 0;
    const runs = interleaved(
      [
        {
          name: "merge",
          run: () =>
            runProcess(
              NODE,
              [
                CLI,
                "merge",
                inbox,
                "-o",
                path.join(outDir, `汇总-${++n}.xlsx`),
                "--json",
              ],
              { node: true, cwd: REPO, okStatus: [0, 1] },
            ),
        },
        {
          name: "check",
          run: () =>
            runProcess(
              NODE,
              [CLI, "check", inbox, "--json", ...NO_TIME_LIMIT],
              {
                node: true,
                cwd: REPO,
                okStatus: [0, 1],
              },
            ),
        },
      ],
      3,
      "1,000 个文件",
    );
    await fs.rm(outDir, { recursive: true, force: true });
    for (const [name, rs] of runs)
      rows.push([
        "1,000 个情况表",
        name,
        ms(median(rs.map((x) => x.wallMs))),
        ms(median(rs.map((x) => x.cpuMs!))),
        ms(Math.max(...rs.map((x) => x.maxRssMb!))),
        "",
        "",
      ]);
    const merge = runs.get("merge")!;
    const wall = median(merge.map((x) => x.wallMs)) / 1000;
    const peak = Math.max(...merge.map((x) => x.maxRssMb!));
    const checkPeak = Math.max(...runs.get("check")!.map((x) => x.maxRssMb!));
    verdicts.push(
      `merge 1,000 个工作簿 < ${TARGETS.mergeSeconds} s 且 < ${TARGETS.mergeMb} MB —— ${verdict(wall < TARGETS.mergeSeconds && peak < TARGETS.mergeMb)}（${wall.toFixed(1)} s，峰值 ${peak.toFixed(0)} MB）`,
      `check 1,000 个文件峰值内存 < ${TARGETS.checkThousandMb} MB —— ${verdict(checkPeak < TARGETS.checkThousandMb)}（${checkPeak.toFixed(0)} MB）`,
    );
  }

  if (wanted("rows")) {
    const file = manyRowsFile(dir);
    const label = `T1 ${MANY_ROWS.toLocaleString("en-US")} 行（一家企业）`;
    process.stderr.write(`测量 ${label}（3 轮）…\n`);
    // Against the floor on the same file (its folder holds only it), so that a busy machine shows in both.
    const runs = interleaved(
      [floor(path.dirname(file)), check(file, 1)],
      3,
      label,
    );
    const base = runs.get("裸解析")!;
    const checks = runs.get("check 1 线程")!;
    const wall = median(checks.map((x) => x.wallMs)) / 1000;
    // The whole process in wall time: the file is read in a reading process, whose CPU time and memory the usage hook
    // does not see. The CPU time of the work itself (reading and checking), in this process, beside it.
    const work = core<{ readAndCheckMs: number }>(
      "--read-and-check",
      file,
    ).readAndCheckMs;
    rows.push(
      [
        `${label}，3 轮`,
        "裸解析",
        ms(median(base.map((x) => x.wallMs))),
        ms(median(base.map((x) => x.cpuMs!))),
        ms(median(base.map((x) => x.maxRssMb!))),
        "",
        "",
      ],
      [
        `${label}，3 轮`,
        "check 1 线程",
        ms(wall * 1000),
        "—",
        "—",
        times(ratios(checks, base).wall),
        "",
      ],
      [label, "进程内读取并检查", "", ms(work), "", "", ""],
    );
    verdicts.push(
      `check ${label}，整个进程 < ${TARGETS.hundredThousandRowsSeconds} s（远低于 1 分钟）—— ${verdict(wall < TARGETS.hundredThousandRowsSeconds)}（${wall.toFixed(1)} s，3 轮中位数，为裸解析的 ${times(ratios(checks, base).wall)}；读取并检查用 CPU ${(work / 1000).toFixed(1)} s）`,
    );
  }

  if (wanted("startup")) {
    process.stderr.write("测量启动…\n");
    const version = Array.from({ length: Math.max(7, options.rounds) }, () =>
      runProcess(NODE, [CLI, "--version"], { node: true, cwd: REPO }),
    );
    const first = Array.from({ length: Math.max(7, options.rounds) }, () =>
      runProcess(
        NODE,
        [CLI, "check", big, "--json", "--jobs", "1", ...NO_TIME_LIMIT],
        {
          node: true,
          cwd: REPO,
          okStatus: [0, 1],
        },
      ),
    );
    const v = median(version.map((x) => x.wallMs));
    const f = median(first.map((x) => x.startupMs!));
    rows.push(
      [
        "启动",
        "--version",
        ms(v),
        ms(median(version.map((x) => x.cpuMs!))),
        "",
        "",
        "",
      ],
      ["启动", "check 读到第一个文件", ms(f), "", "", "", ""],
    );
    verdicts.push(
      `techfund --version < ${TARGETS.versionMs} ms —— ${verdict(v < TARGETS.versionMs)}（${ms(v)} ms）`,
      `check 从启动到读第一个文件 < ${TARGETS.firstReadMs} ms —— ${verdict(f < TARGETS.firstReadMs)}（${ms(f)} ms）`,
    );
  }

  if (wanted("core")) {
    process.stderr.write("测量核心（进程内）…\n");
    const f = core<CoreFigures>(big);
    const small = core<FolderFigures>("--folder", files);
    rows.push(
      [
        `核心：T1 ${f.rows.toLocaleString("en-US")} 行校验（目标 ≤ ${f.targets.validateMs}）`,
        "进程内",
        "",
        ms(f.validateMs),
        "",
        "",
        "",
      ],
      [
        `核心：T1 ${f.rows.toLocaleString("en-US")} 行单行复检（目标 ≤ ${f.targets.recheckMs}）`,
        "进程内",
        "",
        ms(f.recheckMs),
        "",
        "",
        "",
      ],
      [
        `核心：${small.files} 个工作簿每个的检查（第一遍 / 其后）`,
        "进程内",
        "",
        `${small.firstMs.toFixed(2)} / ${small.checkMs.toFixed(2)}`,
        "",
        "",
        "",
      ],
    );
    verdicts.push(
      `T1 10,000 行校验 ≤ ${f.targets.validateMs} ms CPU —— ${verdict(f.validateMs <= f.targets.validateMs)}（${ms(f.validateMs)} ms）`,
      `T1 10,000 行单行复检 ≤ ${f.targets.recheckMs} ms CPU —— ${verdict(f.recheckMs <= f.targets.recheckMs)}（${ms(f.recheckMs)} ms）`,
    );
  }

  const load = `${loadBefore.toFixed(1)} → ${os.loadavg()[0]!.toFixed(1)}`;
  console.log(
    `\nNode ${process.version}，${os.availableParallelism()} × ${os.cpus()[0]?.model ?? "CPU"}，系统负载 ${load}；` +
      `交替运行 ${options.rounds} 轮，取中位数（比值为各轮比值的中位数）；语料 ${dir}\n`,
  );
  console.log(table(rows));
  console.log(`\n目标：\n${verdicts.map((v) => `  ${v}`).join("\n")}`);
  if (options.corpus === undefined)
    await fs.rm(dir, { recursive: true, force: true });
}

orchestrate(process.argv.slice(2)).catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
