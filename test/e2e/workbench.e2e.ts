/**
 * End-to-end: the built task pane (npm run build:e2e) served by a plain static server on localhost, opened in real
 * Chromium (Debian's /usr/bin/chromium, or CHROMIUM_PATH) as a reviewer would open it without Excel — the 审核工作台.
 * Files are given to the page's file input, results are read from the page, downloads are read back with SheetJS.
 * Screenshots go to test-artifacts/e2e/. Every request the page makes must stay on localhost.
 */
import * as fs from "fs";
import type { AddressInfo } from "net";
import * as os from "os";
import * as path from "path";
import * as XLSX from "@e965/xlsx";
import {
  chromium,
  type BrowserContext,
  type Download,
  type Locator,
  type Page,
} from "playwright-core";
import { createStaticServer } from "../../scripts/serve-static";

const ROOT = path.resolve(__dirname, "../..");
// E2E_BUILD: another build to test (e.g. a production build in dist/).
const BUILD = path.resolve(
  ROOT,
  process.env.E2E_BUILD ?? "test-artifacts/e2e-build",
);
const SHOTS = path.join(ROOT, "test-artifacts", "e2e");
const SAMPLES = path.resolve(ROOT, "../shared/samples");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** Waits for work in the page (reading, checking, merging a few small files). */
const WAIT = { timeout: 60_000 };

const server = createStaticServer(BUILD);
let tmp: string;
let context: BrowserContext;
let page: Page;
let baseUrl: string;
const requests: string[] = [];
const workers: string[] = [];

beforeAll(async () => {
  if (!fs.existsSync(path.join(BUILD, "taskpane.html")))
    throw new Error(
      `${BUILD} 中没有构建结果：请用 npm run test:e2e 运行（先构建再测试）。`,
    );
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "techfund-e2e-"));
  fs.mkdirSync(path.join(tmp, "home"));
  fs.mkdirSync(SHOTS, { recursive: true });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://localhost:${(server.address() as AddressInfo).port}`;
  // A new profile in a temporary folder, and HOME there too: nothing of the machine's own Chromium is used.
  context = await chromium.launchPersistentContext(path.join(tmp, "profile"), {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
    env: { ...process.env, HOME: path.join(tmp, "home") },
    acceptDownloads: true,
    locale: "zh-CN",
    viewport: { width: 1280, height: 900 },
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on("request", (r) => requests.push(r.url()));
  page.on("worker", (w) => workers.push(w.url()));
  await page.goto(`${baseUrl}/taskpane.html`);
});

afterAll(async () => {
  await context?.close();
  await new Promise((resolve) => server.close(resolve));
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

/** The card of a file in the workbench. */
function card(name: string): Locator {
  return page.getByRole("region", { name, exact: true });
}

/** Waits until the card of `name` shows its status (the check is done). */
async function checked(name: string, status: string): Promise<Locator> {
  const c = card(name);
  await c.getByText(status, { exact: true }).first().waitFor(WAIT);
  return c;
}

/** The text of each body row of a table. */
async function rowTexts(table: Locator): Promise<string[][]> {
  const rows = table.locator("tbody tr");
  const out: string[][] = [];
  for (let i = 0; i < (await rows.count()); i++)
    out.push(
      (await rows.nth(i).locator("td").allInnerTexts()).map((t) => t.trim()),
    );
  return out;
}

/** Clicks, waits for the download it starts, and reads the file as a SheetJS workbook. */
async function download(
  click: () => Promise<void>,
): Promise<{ file: Download; book: XLSX.WorkBook }> {
  const [file] = await Promise.all([
    page.waitForEvent("download", WAIT),
    click(),
  ]);
  const target = path.join(tmp, `${Date.now()}-${file.suggestedFilename()}`);
  await file.saveAs(target);
  return { file, book: XLSX.read(fs.readFileSync(target), { type: "buffer" }) };
}

function sheetRows(book: XLSX.WorkBook, name: string): unknown[][] {
  const sheet = book.Sheets[name];
  if (!sheet)
    throw new Error(`no sheet ${name} in ${book.SheetNames.join(", ")}`);
  return XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, defval: "" });
}

async function clear(): Promise<void> {
  await page.getByRole("button", { name: "清空" }).click();
  await page.getByText(/已载入 \d+ 个文件/).waitFor({ state: "detached" });
}

describe("审核工作台 in Chromium (no Office)", () => {
  it("opens in browser mode, says files stay local, and never loads office.js", async () => {
    await page.getByRole("heading", { name: "审核工作台" }).waitFor(WAIT);
    await page.getByText("浏览器模式：审核工作台").waitFor();
    await page
      .getByText("文件只在本机浏览器中处理，不会上传到任何服务器。")
      .waitFor();
    expect(requests.filter((u) => u.includes("office-js"))).toEqual([]);
    expect(await page.evaluate(() => "Office" in window)).toBe(false);
  });

  it("checks loan-handmade.xlsx: G6 LOAN-DRAW-YEAR and O7 LOAN-PURPOSE-EXCLUDED (错误), totals 3800 and 113.3331", async () => {
    await page
      .locator('input[type="file"]')
      .setInputFiles(path.join(SAMPLES, "loan-handmade.xlsx"));
    const c = await checked("loan-handmade.xlsx", "有错误");
    await c
      .getByText(
        "工作表“新增贷款明细表”：省级重点产业链链上企业2024年度新增贷款明细表（3 行）",
      )
      .waitFor();
    const text = await c.innerText();
    expect(text).toContain("2024年度新增贷款金额 3800万元");
    expect(text).toContain("2024年利息实际发生额 113.3331万元");

    const table = c.getByRole("table", {
      name: "loan-handmade.xlsx 的检查结果",
    });
    const rows = await rowTexts(table);
    // Columns: 级别, 工作表, 单元格, 列名, 规则, 说明, 通知依据.
    const errors = rows.filter((r) => r[0] === "错误").map((r) => [r[2], r[4]]);
    expect(errors).toEqual([
      ["G6", "LOAN-DRAW-YEAR"],
      ["O7", "LOAN-PURPOSE-EXCLUDED"],
    ]);
    expect(rows.find((r) => r[2] === "G6")?.[3]).toBe("贷款提款时间");
    await page.screenshot({
      path: path.join(SHOTS, "01-loan-findings.png"),
      fullPage: true,
    });

    // The severity filter: without 错误, G6 is no longer listed.
    await c.getByRole("checkbox", { name: /^错误（2）$/ }).uncheck();
    expect((await rowTexts(table)).some((r) => r[2] === "G6")).toBe(false);
    await c.getByRole("checkbox", { name: /^错误（2）$/ }).check();

    // 审核结果.xlsx of this file, read back: its findings sheet lists G6.
    const { file, book } = await download(() =>
      c.getByRole("button", { name: "下载审核结果.xlsx" }).click(),
    );
    expect(file.suggestedFilename()).toBe("loan-handmade-审核结果.xlsx");
    const review = sheetRows(book, "审核结果");
    expect(review[0]).toEqual([
      "文件",
      "工作表",
      "单元格",
      "列名",
      "级别",
      "规则",
      "说明",
      "通知依据",
      "企业核实性说明",
      "说明状态",
    ]);
    expect(
      review
        .slice(1)
        .filter((r) => r[4] === "错误")
        .map((r) => [r[2], r[5]]),
    ).toEqual([
      ["G6", "LOAN-DRAW-YEAR"],
      ["O7", "LOAN-PURPOSE-EXCLUDED"],
    ]);
  });

  it("merges the three 项目情况表 samples into 汇总表.xlsx (序号 1..3); a broken and an empty file are 无法读取", async () => {
    await clear();
    const broken = path.join(tmp, "损坏的文件.xlsx");
    fs.writeFileSync(
      broken,
      Buffer.from("PK\u0003\u0004 this is not a workbook"),
    );
    const empty = path.join(tmp, "空文件.xlsx");
    fs.writeFileSync(empty, "");
    const samples = [
      "project-info-1.xlsx",
      "project-info-2.xlsx",
      "project-info-3.xls",
    ];
    await page
      .locator('input[type="file"]')
      .setInputFiles([
        ...samples.map((f) => path.join(SAMPLES, f)),
        broken,
        empty,
      ]);
    for (const f of samples) await checked(f, "无错误");
    const brokenCard = await checked("损坏的文件.xlsx", "无法读取");
    expect(await brokenCard.innerText()).toContain(
      "文件已损坏：损坏的文件.xlsx",
    );
    expect(
      await (await checked("空文件.xlsx", "无法读取")).innerText(),
    ).toContain("文件为空：空文件.xlsx");

    await page.getByRole("textbox", { name: /审核单位/ }).fill("测试审核单位");
    const { file, book } = await download(() =>
      page.getByRole("button", { name: "合并为申报汇总表" }).click(),
    );
    expect(file.suggestedFilename()).toBe("汇总表.xlsx");

    const summary = sheetRows(book, "申报汇总表");
    expect(summary[0]?.[0]).toBe("山西省技术改造专项资金事项类项目申报汇总表");
    expect(summary[1]?.[0]).toBe("审核单位（公章）：测试审核单位");
    const header = summary.findIndex((r) => r[0] === "序号");
    expect(summary[header]?.[4]).toBe("企业（单位）名称");
    const data = summary
      .slice(header + 1)
      .filter((r) => r.some((v) => v !== ""));
    // Ordered by 所在市 in the official order: 太原市, 晋城市, 忻州市.
    expect(data.map((r) => [r[0], r[1], r[4]])).toEqual([
      [1, "太原市", "山西晋阳现代医药有限公司"],
      [2, "晋城市", "晋城市丹河精密机械有限公司"],
      [3, "忻州市", "忻州市定襄法兰制造有限公司"],
    ]);

    const log = sheetRows(book, "合并日志");
    const status = Object.fromEntries(log.slice(1).map((r) => [r[0], r[3]]));
    expect(status).toMatchObject({
      "project-info-1.xlsx": "已合并",
      "project-info-2.xlsx": "已合并",
      "project-info-3.xls": "已合并",
      "损坏的文件.xlsx": "无法读取",
      "空文件.xlsx": "无法读取",
    });
    expect(String(log[1]?.[2])).toMatch(/^[0-9a-f]{64}$/);

    // The page shows the same 合并日志.
    const pageLog = await rowTexts(
      page.getByRole("table", { name: "合并日志" }),
    );
    expect(pageLog.filter((r) => r[3] === "无法读取").map((r) => r[0])).toEqual(
      ["损坏的文件.xlsx", "空文件.xlsx"],
    );
    await page.getByText("申报汇总表 3 行", { exact: true }).first().waitFor();
    await page.screenshot({
      path: path.join(SHOTS, "02-merge.png"),
      fullPage: true,
    });
  });

  it("载入示例文件 loads and checks the demo workbooks", async () => {
    await clear();
    await page.getByRole("button", { name: "载入示例文件" }).click();
    const loan = await checked("示例-贷款明细表.xlsx", "有错误");
    await checked("示例-项目情况表-大同.xlsx", "无错误");
    await checked("示例-项目情况表-长治.xlsx", "无错误");
    const rows = await rowTexts(
      loan.getByRole("table", { name: "示例-贷款明细表.xlsx 的检查结果" }),
    );
    expect(
      rows.filter((r) => r[0] === "错误").map((r) => [r[2], r[4]]),
    ).toEqual([
      ["G6", "LOAN-DRAW-YEAR"],
      ["O7", "LOAN-PURPOSE-EXCLUDED"],
    ]);
    await page.screenshot({
      path: path.join(SHOTS, "03-demo.png"),
      fullPage: true,
    });
  });

  it("ran the files in a Web Worker and made no request beyond localhost", () => {
    expect(workers.length).toBeGreaterThan(0);
    const outside = requests.filter((u) => {
      const url = new URL(u);
      if (url.protocol === "blob:" || url.protocol === "data:") return false;
      return !["localhost", "127.0.0.1"].includes(url.hostname);
    });
    expect(outside).toEqual([]);
    expect(requests.length).toBeGreaterThan(0);
  });
});
