/**
 * The reading processes of `check` and `merge` (src/cli/pool.ts): the output is the same with any number of processes;
 * a file that exceeds the time or memory limit is reported `文件过大或已损坏` with the reason while every other file
 * goes on; a merge of two good 情况表 and two hostile .xls writes its 合并日志 within 60 s and 1 GB.
 */
import { spawn } from "child_process";
import { promises as fs, readdirSync, readFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import type { CheckJson } from "../../src/cli/commands/checkRun";
import type { MergeJson } from "../../src/cli/commands/mergeRun";
import { main } from "../../src/cli/main";
import { fileTimeLimit, poolLimits, positiveInteger } from "../../src/cli/pool";
import { hostileXls, loopingXls } from "../helpers/hostile";

const REPO = path.resolve(__dirname, "../..");
// Each run starts its reading processes from the TypeScript sources: slow on a busy machine.
jest.setTimeout(300_000);
const SAMPLES = path.resolve(REPO, "../shared/samples");

async function run(
  ...argv: string[]
): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, {
    out: (t) => void (out += t),
    err: (t) => void (err += t),
  });
  return { code, out, err };
}

let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), "techfund-pool-"));
});
afterAll(() => fs.rm(tmp, { recursive: true, force: true }));

describe("the output does not depend on the number of processes", () => {
  it("check of every sample (wild files included): the same text and JSON with 1 and 3 processes", async () => {
    const samples = [
      "loan-handmade.xlsx",
      "project-info-1.xlsx",
      "project-info-3.xls",
    ].map((f) => path.join(SAMPLES, f));
    const one = await run("check", ...samples, "--jobs", "1");
    const three = await run("check", ...samples, "--jobs", "3");
    expect(three.out).toBe(one.out);
    expect(three.code).toBe(one.code);
    for (const f of samples) expect(one.out).toContain(path.basename(f));
    const oneJson = await run("check", SAMPLES, "--json", "-j", "1");
    const threeJson = await run("check", SAMPLES, "--json", "-j", "3");
    expect(threeJson.out).toBe(oneJson.out);
    const files = (JSON.parse(oneJson.out) as CheckJson).files.map(
      (f) => f.file,
    );
    expect(files).toEqual([...files].sort());
    expect(files.length).toBeGreaterThan(20);
  });

  it("merge: the same log and findings with 1 and 2 processes", async () => {
    const one = await run(
      "merge",
      SAMPLES,
      "-o",
      path.join(tmp, "一.xlsx"),
      "--json",
      "--jobs",
      "1",
    );
    const two = await run(
      "merge",
      SAMPLES,
      "-o",
      path.join(tmp, "二.xlsx"),
      "--json",
      "--jobs",
      "2",
    );
    const a = JSON.parse(one.out) as MergeJson;
    const b = JSON.parse(two.out) as MergeJson;
    expect(b.log).toEqual(a.log);
    expect(b.findings).toEqual(a.findings);
    expect(a.log.map((e) => e.file)).toContain(
      path.join(SAMPLES, "project-info-3.xls"),
    );
  });
});

describe("limits", () => {
  it("gives a file 20 s and 2 s more per whole MB by default; --timeout is the limit whatever the size", () => {
    const byDefault = poolLimits({});
    const MB = 2 ** 20;
    expect(fileTimeLimit(byDefault, 0)).toBe(20);
    // The 10,000-row T1 of the bench corpus (841,384 bytes) is under 1 MB.
    expect(fileTimeLimit(byDefault, 841_384)).toBe(20);
    expect(fileTimeLimit(byDefault, MB)).toBe(22);
    // A 100,000-row T1 of about 8.4 MB: 20 + 8 × 2.
    expect(fileTimeLimit(byDefault, 8.4 * MB)).toBe(36);
    const given = poolLimits({ timeout: 10 });
    expect(fileTimeLimit(given, 0)).toBe(10);
    expect(fileTimeLimit(given, 8.4 * MB)).toBe(10);
  });

  it("a file still reading after --timeout seconds is stopped and reported; the others are checked", async () => {
    const bad = path.join(tmp, "损坏.xls");
    await fs.writeFile(bad, loopingXls());
    const good = path.join(SAMPLES, "project-info-1.xlsx");
    // The looping file never ends and keeps its memory small; the good one needs far less than 10 s even on a busy
    // machine.
    const r = await run("check", bad, good, "--json", "--timeout", "10");
    expect(r.code).toBe(2);
    const json = JSON.parse(r.out) as CheckJson;
    expect(json.files).toHaveLength(2);
    expect(json.files[0]).toMatchObject({
      file: bad,
      status: "unreadable",
      error: `文件过大或已损坏：${bad}（读取超过 10 秒仍未完成，已停止读取）`,
    });
    expect(json.files[1]).toMatchObject({ file: good, status: "ok" });
  });

  it("a file needing more than --max-memory is stopped and reported; the process is replaced for the next file", async () => {
    // 200,000 rows of 8 cells: far more than 32 MB once read.
    const big = path.join(tmp, "很大.csv");
    const row =
      "1,山西测试企业有限公司,特钢材料产业链,1000,中国建设银行,HT-001,2024-01-05,购置设备\n";
    await fs.writeFile(big, row.repeat(200_000));
    const good = path.join(SAMPLES, "project-info-2.xlsx");
    const r = await run(
      "check",
      big,
      good,
      "--json",
      "--jobs",
      "1",
      "--max-memory",
      "32",
      "--timeout",
      "600",
    );
    const json = JSON.parse(r.out) as CheckJson;
    expect(json.files[0]).toMatchObject({
      file: big,
      status: "unreadable",
      error: `文件过大或已损坏：${big}（读取所需内存超过 32 MB，已停止读取）`,
    });
    expect(json.files[1]).toMatchObject({ file: good, status: "ok" });
  });

  it("--jobs, --timeout and --max-memory take positive whole numbers only", async () => {
    expect(positiveInteger("3")).toBe(3);
    for (const bad of ["0", "-1", "1.5", "两", ""])
      expect(() => positiveInteger(bad)).toThrow("须为正整数");
    const r = await run("check", SAMPLES, "--jobs", "0");
    expect(r.code).toBe(2);
    expect(r.err).toContain("选项 -j, --jobs <个数> 的取值“0”无效：须为正整数");
  });
});

/** A process's resident memory now and at its peak (kB), or undefined once it has ended. */
function procStatus(pid: number): { rssKb: number; hwmKb: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    return {
      rssKb: Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0),
      hwmKb: Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0),
    };
  } catch {
    return undefined; // ended between two polls
  }
}

/** A process and all its descendants (Linux's /proc/PID/task/TID/children). */
function processTree(pid: number): number[] {
  const all = [pid];
  for (let i = 0; i < all.length; i++) {
    let tasks: string[] = [];
    try {
      tasks = readdirSync(`/proc/${all[i]}/task`);
    } catch {
      continue;
    }
    for (const tid of tasks) {
      try {
        const children = readFileSync(
          `/proc/${all[i]}/task/${tid}/children`,
          "utf8",
        );
        for (const c of children.split(" ")) if (c.trim()) all.push(Number(c));
      } catch {
        // ended meanwhile
      }
    }
  }
  return all;
}

/** Runs the built CLI as a process; resolves with its exit code, stdout, wall time and peak resident memory of it and its reading processes (MB). */
function measured(args: string[]): Promise<{
  code: number | null;
  out: string;
  seconds: number;
  peakMb: number;
}> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(
      process.execPath,
      [path.join(REPO, "bin/techfund.js"), ...args],
      { stdio: ["ignore", "pipe", "ignore"] },
    );
    let out = "";
    let peakKb = 0;
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    // The resident memory of the program and its reading processes together, polled until it ends; each one's own
    // peak (VmHWM) also counts, so a reader that peaks between two polls is not missed.
    const peaks = new Map<number, number>();
    const poll = setInterval(() => {
      let nowKb = 0;
      for (const pid of processTree(child.pid!)) {
        const status = procStatus(pid);
        if (status === undefined) continue;
        nowKb += status.rssKb;
        peaks.set(pid, Math.max(peaks.get(pid) ?? 0, status.hwmKb));
      }
      const main = peaks.get(child.pid!) ?? 0;
      const reader = Math.max(
        0,
        ...[...peaks].filter(([p]) => p !== child.pid).map(([, kb]) => kb),
      );
      peakKb = Math.max(peakKb, nowKb, main + reader);
    }, 50);
    child.on("error", reject);
    child.on("close", (code) => {
      clearInterval(poll);
      resolve({
        code,
        out,
        seconds: (Date.now() - started) / 1000,
        peakMb: peakKb / 1024,
      });
    });
  });
}

describe("merge of a folder with hostile .xls files", () => {
  it("merges the two good 情况表 and logs the damaged and the looping .xls with their reasons, within 60 s and 1 GB", async () => {
    const inbox = path.join(tmp, "收件");
    await fs.mkdir(inbox);
    for (const f of ["project-info-1.xlsx", "project-info-2.xlsx"])
      await fs.copyFile(path.join(SAMPLES, f), path.join(inbox, f));
    await fs.writeFile(path.join(inbox, "损坏.xls"), hostileXls());
    await fs.writeFile(path.join(inbox, "卡死.xls"), loopingXls());
    const out = path.join(tmp, "汇总.xlsx");

    // The default time limit (20 s) stops the looping file.
    const r = await measured(["merge", inbox, "-o", out, "--json"]);

    expect(r.seconds).toBeLessThan(60);
    expect(r.peakMb).toBeGreaterThan(0);
    expect(r.peakMb).toBeLessThan(1024);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out) as MergeJson;
    expect(json.rows.summary).toBe(2);
    const damaged = path.join(inbox, "损坏.xls");
    const looping = path.join(inbox, "卡死.xls");
    expect(json.log.map((e) => [e.file, e.status, e.reason])).toEqual([
      [path.join(inbox, "project-info-1.xlsx"), "已合并", undefined],
      [path.join(inbox, "project-info-2.xlsx"), "已合并", undefined],
      [
        looping,
        "无法读取",
        `文件过大或已损坏：${looping}（读取超过 20 秒仍未完成，已停止读取）`,
      ],
      [
        damaged,
        "无法读取",
        "文件已损坏：损坏.xls（无法读出其中的表格，请用 Excel 或 WPS 打开并另存为 .xlsx 后再提交）",
      ],
    ]);
    // Named by size and SHA-256 like every other file of the log.
    for (const e of json.log.slice(2)) {
      expect(e.size).toBe(6656);
      expect(e.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
    expect((await fs.stat(out)).size).toBeGreaterThan(0);
  });
});
