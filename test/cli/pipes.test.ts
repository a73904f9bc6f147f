/**
 * The built program (bin/techfund.js) with its output piped into another process: a reader that stops early
 * (`| head`) ends nothing but the output — no EPIPE error, every file still written — and a reader that takes it all
 * gets it all, even when it is far larger than a pipe holds (the program ends only once its output is written).
 */
import { type ChildProcess, spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { getTable, titleFor } from "../../src/core/catalog/tables";

const REPO = path.resolve(__dirname, "../..");
const BIN = path.join(REPO, "bin/techfund.js");

/** What a finished process left: its exit code, and what it wrote on stderr. */
interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/**
 * Runs `techfund args` with its stdout connected straight to the stdin of `reader` (a pipe between the two processes,
 * as a shell makes for `techfund … | reader`).
 * @returns both processes' ends, and what the reader printed
 */
async function piped(
  args: string[],
  reader: string[],
): Promise<{ cli: Ended; reader: Ended; read: string }> {
  const sink = spawn(reader[0]!, reader.slice(1), {
    stdio: ["pipe", "pipe", "pipe"],
  });
  const cli = spawn(process.execPath, [BIN, ...args], {
    cwd: REPO,
    stdio: ["ignore", sink.stdin, "pipe"],
  });
  // The pipe's write end now belongs to the CLI; the reader sees its end when the CLI closes it.
  sink.stdin.destroy();
  const ended = (child: ChildProcess, out?: string[]) => {
    let stderr = "";
    child.stderr!.setEncoding("utf8");
    child.stderr!.on("data", (d: string) => (stderr += d));
    child.stdout?.setEncoding("utf8");
    child.stdout?.on("data", (d: string) => out?.push(d));
    return new Promise<Ended>((resolve) =>
      child.on("close", (code, signal) => resolve({ code, signal, stderr })),
    );
  };
  const read: string[] = [];
  const [c, r] = await Promise.all([ended(cli), ended(sink, read)]);
  return { cli: c, reader: r, read: read.join("") };
}

/** A 项目情况表 as CSV: title, 项目申报企业 line, header, then `n` rows of one enterprise (项目0 … 项目n-1). */
function projectCsv(n: number): string {
  const table = getTable("project-info");
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const rows = [
    [titleFor(table)],
    ...table.lines.map((l) => [l]),
    table.columns.map((c) => c.header),
    ...Array.from({ length: n }, (_, i) => [
      String(i + 1),
      "太原市",
      "小店区",
      "",
      "太原某某有限公司",
      "企业增量提质专项",
      "两化融合管理体系贯标",
      `项目${i}`,
      "民营企业",
      "战略性新兴产业",
      "高端装备制造",
      "冯工",
    ]),
  ];
  return rows.map((r) => r.map(quote).join(",")).join("\r\n");
}

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "techfund-pipes-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

test("techfund check DIR --json | head -c 100: the first 100 bytes, then a quiet end (no EPIPE)", async () => {
  // 2,000 rows: about 1.4 MB of JSON, far more than the pipe holds when head has gone.
  fs.writeFileSync(path.join(dir, "情况表.csv"), projectCsv(2000));
  const r = await piped(["check", dir, "--json"], ["head", "-c", "100"]);
  expect(Buffer.byteLength(r.read)).toBe(100);
  expect(r.read.startsWith('{\n  "files": [\n')).toBe(true);
  expect(r.reader.code).toBe(0);
  // Exit 1: the rows have 错误 (INFO-DIRECTION); what matters is a normal end, not a crash.
  expect(r.cli).toEqual({
    code: 1,
    signal: null,
    stderr: expect.not.stringMatching(/EPIPE|Error|错误/),
  });
}, 120_000);

test("techfund template --all -o DIR | head -n 1: one line shown, a quiet end, and every template still written", async () => {
  const out = path.join(dir, "模板");
  const r = await piped(["template", "--all", "-o", out], ["head", "-n", "1"]);
  expect(r.read).toBe(
    `${path.join(out, "省级重点产业链链上企业2024年度新增贷款明细表.xlsx")}\n`,
  );
  expect(r.cli).toEqual({ code: 0, signal: null, stderr: "" });
  // The 11 tables of the notice's 附件 (see test/cli/template.test.ts), each written although nobody read its line.
  expect(fs.readdirSync(out)).toHaveLength(11);
}, 120_000);

test("techfund check of 50,000 rows --json piped into another process: the whole JSON arrives", async () => {
  fs.writeFileSync(path.join(dir, "五万行.csv"), projectCsv(50_000));
  const parse = `let s = ""; process.stdin.setEncoding("utf8");
    process.stdin.on("data", (d) => (s += d)).on("end", () => {
      const j = JSON.parse(s), t = j.files[0].tables[0], last = t.findings[t.findings.length - 1];
      process.stdout.write(JSON.stringify({ bytes: Buffer.byteLength(s), rows: t.rows, last: [last.cell, last.message] }));
    });`;
  // A generous time limit: the shared test machine may be slow; the point is the output, not the speed.
  const r = await piped(
    ["check", dir, "--json", "--timeout", "300"],
    [process.execPath, "-e", parse],
  );
  expect(r.cli.code).toBe(1);
  expect(r.reader.stderr).toBe("");
  const got = JSON.parse(r.read) as {
    bytes: number;
    rows: number;
    last: [string, string];
  };
  expect(got.rows).toBe(50_000);
  // The last row is row 50,003 (title, 项目申报企业 line and header above the 50,000 rows): its finding is the last.
  expect(got.last).toEqual([
    "H50003",
    "申报方向为两化融合管理体系贯标时，项目名称应填写“两化融合管理体系贯标评定（A级）”或“两化融合管理体系贯标评定（AA级）”或“两化融合管理体系贯标评定（AAA级）”，现为“项目49999”。",
  ]);
  // Megabytes: far more than a pipe holds (64 KB), which is what an early exit delivered.
  expect(got.bytes).toBeGreaterThan(30_000_000);
}, 300_000);
