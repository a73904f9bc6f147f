/**
 * Merge benchmark (issue 5): `techfund merge` of 1,000 generated small workbooks — each a 项目情况表 with one row, as
 * enterprises send them — against the floor of a bare SheetJS parse of the same files. Each measurement runs in a
 * fresh Node process (its peak memory is its own): one warm-up run, then the median of the timed runs.
 * - 裸解析 (floor): `fs.readFile` + `XLSX.read(bytes, {type: "buffer"})` with SheetJS's default options, per file;
 * - merge: the whole command in-process, `main(["merge", folder, "-o", out, "--json"])` (walk, read, SHA-256,
 *   recognise, check, merge, MERGE-* rules, write the merged workbook, JSON).
 * Targets (issue 5): under 60 s and under 1 GB of peak memory (RSS).
 *
 * Run alone: `npx tsx bench/merge.ts [--files N] [--runs N]`; `npm run bench` runs it after the check cases.
 */
import { spawnSync } from "child_process";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import * as XLSX from "@e965/xlsx";
import type { MergeJson } from "../src/cli/commands/merge";
import { main } from "../src/cli/main";
import { getTable } from "../src/core/catalog/tables";

/** Valid 情况表 rows (所在市, 所在县, 申报专项, 申报方向, 项目名称, 性质, 行业分类, 所属行业) taken in turn. */
const PROJECTS: readonly string[][] = [
  [
    "太原市",
    "小店区",
    "企业增量提质专项",
    "链上企业协作配套奖励",
    "链上企业协作配套奖励（高端装备制造产业链）",
    "民营企业",
    "战略性新兴产业",
    "高端装备制造",
  ],
  [
    "晋城市",
    "泽州县",
    "企业增量提质专项",
    "制造业营收进档奖励",
    "制造业营收进档奖励（传统装备制造）",
    "地方国企",
    "传统优势产业",
    "传统装备制造",
  ],
  [
    "忻州市",
    "定襄县",
    "企业增量提质专项",
    "链上企业协作配套奖励",
    "链上企业协作配套奖励（高端装备制造产业链）",
    "民营企业",
    "战略性新兴产业",
    "高端装备制造",
  ],
  [
    "大同市",
    "平城区",
    "企业增量提质专项",
    "制造业营收进档奖励",
    "制造业营收进档奖励（传统装备制造）",
    "民营企业",
    "传统优势产业",
    "传统装备制造",
  ],
];

/** One 情况表 workbook with one row (title, enterprise line, header, row), as SheetJS writes it. */
function infoWorkbook(i: number): Uint8Array {
  const table = getTable("project-info");
  const [
    city,
    county,
    special,
    direction,
    project,
    nature,
    category,
    industry,
  ] = PROJECTS[i % PROJECTS.length]!;
  const name = `${city}示例${i + 1}号制造有限公司`;
  const phone = `138${String(10_000_000 + i).slice(-8)}`;
  const ws = XLSX.utils.aoa_to_sheet([
    [table.title],
    [`项目申报企业（单位）（公章）：${name}`],
    table.columns.map((c) => c.header),
    [
      1,
      city,
      county,
      "",
      name,
      special,
      direction,
      project,
      nature,
      category,
      industry,
      `联系人 ${phone}`,
    ],
  ]);
  ws["!merges"] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: 11 } }];
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, table.sheetName);
  return XLSX.write(wb, {
    type: "buffer",
    bookType: "xlsx",
    compression: true,
  }) as Uint8Array;
}

/** Peak resident memory of this process so far, in MB. */
let sampledRss = 0;
function sampleRss(): void {
  sampledRss = Math.max(sampledRss, process.memoryUsage().rss);
}
function peakMb(): number {
  return Math.max(process.resourceUsage().maxRSS * 1024, sampledRss) / 2 ** 20;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Times of `runs` runs of `fn` after one warm-up run (ms), sampling memory after each. */
async function timed(
  runs: number,
  fn: (run: number) => Promise<void>,
): Promise<number[]> {
  await fn(0);
  sampleRss();
  const times: number[] = [];
  for (let i = 1; i <= runs; i++) {
    const t0 = performance.now();
    await fn(i);
    times.push(performance.now() - t0);
    sampleRss();
  }
  return times;
}

interface Measured {
  ms: number;
  peakMb: number;
  rows?: number;
  merged?: number;
}

/** Child process: the bare parse, or the merge command (output into `out`/run-N/). */
async function measure(
  kind: string,
  folder: string,
  out: string,
  runs: number,
): Promise<Measured> {
  if (kind === "parse") {
    const files = (await fs.readdir(folder))
      .sort()
      .map((f) => path.join(folder, f));
    const times = await timed(runs, async () => {
      for (const f of files)
        XLSX.read(await fs.readFile(f), { type: "buffer" });
    });
    return { ms: median(times), peakMb: peakMb() };
  }
  let json = "";
  const io = { out: (t: string) => void (json = t), err: () => {} };
  const times = await timed(runs, async (run) => {
    await main(
      [
        "merge",
        folder,
        "-o",
        path.join(out, `run-${run}`, "申报汇总表.xlsx"),
        "--json",
      ],
      io,
    );
  });
  const result = JSON.parse(json) as MergeJson;
  return {
    ms: median(times),
    peakMb: peakMb(),
    rows: result.rows.summary,
    merged: result.log.filter((e) => e.status === "已合并").length,
  };
}

/** Runs one measurement in a fresh Node process and returns its result. */
function child(
  kind: "parse" | "merge",
  folder: string,
  out: string,
  runs: number,
): Measured {
  const args = [
    "--require",
    require.resolve("tsx/cjs"),
    __filename,
    "--child",
    kind,
    folder,
    out,
    String(runs),
  ];
  const r = spawnSync(process.execPath, args, {
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  if (r.status !== 0)
    throw new Error(`合并基准测试子进程失败（${kind}）：\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").pop()!) as Measured;
}

/**
 * The merge benchmark: generates `files` one-row 情况表 workbooks in a temporary folder, measures the bare parse and
 * the merge, and returns the report lines (Chinese). The temporary folder is removed afterwards.
 * @param options.files number of workbooks (default 1,000); options.runs timed runs after the warm-up (default 2)
 */
export async function mergeBenchmark(
  options: { files?: number; runs?: number } = {},
): Promise<string[]> {
  const count = options.files ?? 1000;
  const runs = options.runs ?? 2;
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "techfund-bench-merge-"));
  try {
    const folder = path.join(dir, "收件");
    await fs.mkdir(folder);
    for (let i = 0; i < count; i++)
      await fs.writeFile(
        path.join(folder, `${String(i + 1).padStart(4, "0")}-情况表.xlsx`),
        infoWorkbook(i),
      );
    const parse = child("parse", folder, dir, runs);
    const merge = child("merge", folder, path.join(dir, "out"), runs);
    const ratio = merge.ms / parse.ms;
    const fast = merge.ms < 60_000;
    const small = merge.peakMb < 1024;
    return [
      `合并 ${count} 个工作簿（每个一张情况表、一行），预热 1 次后 ${runs} 次取中位数：`,
      `  裸解析 ${parse.ms.toFixed(0)} ms（峰值内存 ${parse.peakMb.toFixed(0)} MB）`,
      `  merge  ${merge.ms.toFixed(0)} ms（峰值内存 ${merge.peakMb.toFixed(0)} MB），merge/裸解析 ${ratio.toFixed(2)}×，` +
        `已合并 ${merge.merged} 个文件，申报汇总表 ${merge.rows} 行`,
      `  目标：60 秒以内 —— ${fast ? "达标" : "未达标"}；内存 1 GB 以内 —— ${small ? "达标" : "未达标"}`,
    ];
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const argv = process.argv.slice(2);
  const opt = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? Number(argv[i + 1]) : undefined;
  };
  const done =
    argv[0] === "--child"
      ? measure(argv[1]!, argv[2]!, argv[3]!, Number(argv[4])).then(
          (m) => void process.stdout.write(`${JSON.stringify(m)}\n`),
        )
      : mergeBenchmark({
          ...(opt("--files") !== undefined ? { files: opt("--files")! } : {}),
          ...(opt("--runs") !== undefined ? { runs: opt("--runs")! } : {}),
        }).then((lines) => console.log(lines.join("\n")));
  done.catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
