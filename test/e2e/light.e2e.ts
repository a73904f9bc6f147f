/**
 * End-to-end: what the task pane costs and what it allows, in Chromium —
 * - a light start: no SheetJS or ExcelJS request before a file is picked (the chunk report, chunks.json, says which
 *   files hold them), SheetJS when one is, ExcelJS when a workbook is written; no module in two chunks;
 * - the CSP of the served page (header and meta): no eval, no inline or foreign script, no wildcard CORS, and no
 *   violation while files are checked;
 * - a 50,000-row file: the page never blocks more than 200 ms (long-task observer) and the first page of findings
 *   shows within a second of the worker's answer;
 * - a worker stuck on a file: that file's error card after the time limit, the next file checked by a new worker.
 */
import * as fs from "fs";
import * as path from "path";
import * as XLSX from "@e965/xlsx";
import { contentSecurityPolicy } from "../../scripts/csp";
import {
  BUILD,
  checked,
  cspViolations,
  evalInPage,
  openFile,
  recordCspViolations,
  SAMPLES,
  shot,
  startSession,
  WAIT,
  type Session,
} from "./harness";

interface ChunkReport {
  initialGzip: number;
  duplicated: string[];
  chunks: { files: string[]; packages: string[]; loads: string }[];
}

const report = () =>
  JSON.parse(
    fs.readFileSync(path.join(BUILD, "chunks.json"), "utf8"),
  ) as ChunkReport;
/** The script files holding an npm package (per the build's chunk report). */
const filesOf = (pkg: string) =>
  report()
    .chunks.filter((c) => c.packages.includes(pkg))
    .flatMap((c) => c.files);
const LONG = { timeout: 240_000 };

let s: Session;
const requests: string[] = [];

beforeAll(async () => {
  s = await startSession();
  s.context.on("request", (r) =>
    requests.push(new URL(r.url()).pathname.slice(1)),
  );
  await recordCspViolations(s.page);
  await s.page.addInitScript(() => {
    (window as unknown as { longTasks: number[] }).longTasks = [];
  });
});

afterAll(async () => s?.close());

/** A 新增贷款明细表 of `rows` rows made from loan-handmade.xlsx's three rows (two of them 错误 each time). */
function bigLoanFile(rows: number): string {
  const book = XLSX.read(
    fs.readFileSync(path.join(SAMPLES, "loan-handmade.xlsx")),
    { type: "buffer" },
  );
  const name = book.SheetNames[0]!;
  const grid = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[name]!, {
    header: 1,
    defval: null,
    raw: true,
  });
  const first = grid.findIndex((r) => r[0] === 1);
  const data = grid.slice(first).filter((r) => typeof r[0] === "number");
  const out = grid.slice(0, first);
  for (let i = 0; i < rows; i++)
    out.push([i + 1, ...data[i % data.length]!.slice(1)]);
  const big = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(big, XLSX.utils.aoa_to_sheet(out), name);
  const file = path.join(s.tmp, `贷款明细-${rows}行.xlsx`);
  XLSX.writeFile(big, file, { bookSST: true, compression: true });
  return file;
}

describe("a light task pane", () => {
  it("fetches no SheetJS or ExcelJS before a file is picked; SheetJS when one is read, ExcelJS when one is written", async () => {
    const sheetjs = filesOf("@e965/xlsx");
    const exceljs = filesOf("exceljs");
    expect(sheetjs.length).toBeGreaterThan(0);
    expect(exceljs.length).toBeGreaterThan(0);
    expect(report().duplicated).toEqual([]);
    const { page } = s;
    const response = await page.goto(`${s.baseUrl}/taskpane.html`);
    await page.getByRole("heading", { name: "审核工作台" }).waitFor(WAIT);
    await page.waitForLoadState("networkidle");
    expect(
      requests.filter((f) => sheetjs.includes(f) || exceljs.includes(f)),
    ).toEqual([]);

    // The CSP header of the served page, as our static server sends it; no CORS header.
    const headers = response!.headers();
    expect(headers["content-security-policy"]).toBe(contentSecurityPolicy());
    expect(headers["access-control-allow-origin"]).toBeUndefined();

    await page
      .locator('input[type="file"]')
      .setInputFiles(path.join(SAMPLES, "loan-handmade.xlsx"));
    await checked(page, "loan-handmade.xlsx", "有错误");
    expect(sheetjs.every((f) => requests.includes(f))).toBe(true);
    expect(requests.filter((f) => exceljs.includes(f))).toEqual([]);

    const card = await openFile(page, "loan-handmade.xlsx");
    const [file] = await Promise.all([
      page.waitForEvent("download", WAIT),
      card.getByRole("button", { name: "下载审核结果.xlsx" }).click(),
    ]);
    expect(file.suggestedFilename()).toBe("loan-handmade-审核结果.xlsx");
    expect(exceljs.every((f) => requests.includes(f))).toBe(true);
    await card.getByRole("button", { name: "返回文件概览" }).click();
  });

  it("keeps its CSP in force: the meta tag, no eval, no injected inline script, no violation in normal use", async () => {
    const { page } = s;
    const meta = await page
      .locator('meta[http-equiv="Content-Security-Policy"]')
      .getAttribute("content");
    expect(meta).toBe(contentSecurityPolicy());
    expect(meta).toContain("script-src 'self';");
    expect(meta).toContain("connect-src 'self'");
    expect(await cspViolations(page)).toEqual([]);
    expect(await evalInPage(page)).toBe("EvalError");
    const ran = await page.evaluate(async () => {
      const el = document.createElement("script");
      el.textContent = "window.injected = true";
      document.body.appendChild(el);
      const remote = document.createElement("script");
      remote.src = "https://example.com/x.js";
      const blocked = new Promise<boolean>((resolve) => {
        remote.onerror = () => resolve(true);
        remote.onload = () => resolve(false);
      });
      document.body.appendChild(remote);
      return {
        inline: (window as unknown as { injected?: boolean }).injected === true,
        remoteBlocked: await blocked,
      };
    });
    expect(ran).toEqual({ inline: false, remoteBlocked: true });
    const violations = await cspViolations(page);
    // Each refusal was reported: the eval, the inline script, the foreign script. The page has the policy twice (the
    // server's header and the meta tag): Chromium reports a refusal once per policy.
    expect(
      violations.filter((v) => v.endsWith(" eval")).length,
    ).toBeGreaterThanOrEqual(1);
    expect(
      [
        ...new Set(violations.filter((v) => v.startsWith("script-src-elem "))),
      ].sort(),
    ).toEqual([
      "script-src-elem https://example.com/x.js",
      "script-src-elem inline",
    ]);
    expect(requests.some((f) => f.includes("example.com"))).toBe(false);
  });
});

describe("a 50,000-row file", () => {
  it("never blocks the page more than 200 ms; its first page of findings shows within a second of the worker's answer", async () => {
    const { page } = s;
    const file = bigLoanFile(50_000);
    await page.evaluate(() => {
      const w = window as unknown as { longTasks: number[] };
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.longTasks.push(e.duration);
      }).observe({ type: "longtask" });
    });
    await page.locator('input[type="file"]').setInputFiles(file);
    const name = path.basename(file);
    await checked(page, name, "有错误", LONG);
    const start = Date.now();
    const card = await openFile(page, name);
    const table = card.getByRole("table", { name: `${name} 的检查结果` });
    await table.locator("tbody tr").first().waitFor(WAIT);
    const firstPage = Date.now() - start;
    // Repeats of one problem are settled into one finding with its range: at most one page of rows.
    const shown = await table.locator("tbody tr").count();
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThanOrEqual(100);
    await shot(page, "11-50000-rows.png");
    const longTasks = await page.evaluate(
      () => (window as unknown as { longTasks: number[] }).longTasks,
    );
    expect(Math.max(0, ...longTasks)).toBeLessThan(200);
    expect(firstPage).toBeLessThan(1000);
    await card.getByRole("button", { name: "返回文件概览" }).click();
  }, 300_000);
});

describe("a worker stuck on a file", () => {
  it("gives that file an error card after the time limit; the next file is checked by a new worker", async () => {
    const { page } = s;
    const worker = page.workers()[0]!;
    expect(worker).toBeTruthy();
    // The worker busy forever, as on a file SheetJS loops on.
    void worker
      .evaluate(() => {
        for (;;);
      })
      .catch(() => undefined);
    const stuck = path.join(s.tmp, "卡住的文件.xlsx");
    fs.copyFileSync(path.join(SAMPLES, "project-info-1.xlsx"), stuck);
    await page.locator('input[type="file"]').setInputFiles(stuck);
    await checked(page, "卡住的文件.xlsx", "无法读取", LONG);
    const card = await openFile(page, "卡住的文件.xlsx");
    await card
      .getByText(
        "文件过大或已损坏：卡住的文件.xlsx（处理超过 60 秒，已停止，其他文件不受影响）",
      )
      .waitFor();
    await shot(page, "12-stuck-worker.png");
    await card.getByRole("button", { name: "返回文件概览" }).click();
    await page
      .locator('input[type="file"]')
      .setInputFiles(path.join(SAMPLES, "project-info-2.xlsx"));
    await checked(page, "project-info-2.xlsx", "无错误");
    // The page itself stayed alive and the earlier results are still there.
    await checked(page, "loan-handmade.xlsx", "有错误");
  }, 300_000);
});
