/**
 * End-to-end: the built task pane served on localhost and opened in real Chromium as a reviewer opens it without
 * Excel — the 审核工作台: the overview of files, one file's findings with the enterprise's explanations, 审核结果 and
 * 差错清单 downloads, remove and 不纳入汇总, the merge preview, at 1366×768 and at task-pane width (320 px).
 * Every request the page makes must stay on localhost.
 */
import * as fs from "fs";
import * as path from "path";
import {
  checked,
  countyWarnings,
  download,
  openFile,
  overviewRow,
  rowTexts,
  SAMPLES,
  sheetRows,
  shot,
  startSession,
  WAIT,
  type Session,
} from "./harness";
import { RETURN_LIST_HEADER } from "../helpers/returnList";

let s: Session;
const requests: string[] = [];
const workers: string[] = [];

beforeAll(async () => {
  s = await startSession();
  s.page.on("request", (r) => requests.push(r.url()));
  s.page.on("worker", (w) => workers.push(w.url()));
  await s.page.goto(`${s.baseUrl}/taskpane.html`);
});

afterAll(async () => s?.close());

const input = () => s.page.locator('input[type="file"]');

async function clear(): Promise<void> {
  await s.page.getByRole("button", { name: "清空" }).click();
  await s.page
    .getByRole("table", { name: "文件概览" })
    .waitFor({ state: "detached" });
}

describe("审核工作台 in Chromium (no Office)", () => {
  it("opens in browser mode with no developer's note, says files stay local, and never loads office.js", async () => {
    const { page } = s;
    await page.getByRole("heading", { name: "审核工作台" }).waitFor(WAIT);
    await page
      .getByText("文件只在本机浏览器中处理，不会上传到任何服务器。")
      .waitFor();
    expect(await page.locator("body").innerText()).not.toMatch(
      /未在 Office 中运行|Office 初始化/,
    );
    expect(requests.filter((u) => u.includes("office-js"))).toEqual([]);
    expect(await page.evaluate(() => "Office" in window)).toBe(false);
  });

  it("checks loan-handmade.xlsx: the overview row, then its findings (G6, O7 错误 first), totals, 审核结果 and 差错清单", async () => {
    const { page } = s;
    await input().setInputFiles(path.join(SAMPLES, "loan-handmade.xlsx"));
    const row = await checked(page, "loan-handmade.xlsx", "有错误");
    expect(await row.innerText()).toContain("错误 2 · 警告 0");
    const card = await openFile(page, "loan-handmade.xlsx");
    await card
      .getByText(
        "工作表“新增贷款明细表”：省级重点产业链链上企业2024年度新增贷款明细表（3 行）",
      )
      .waitFor();
    const text = await card.innerText();
    expect(text).toContain("2024年度新增贷款金额 3800万元");
    expect(text).toContain("2024年利息实际发生额 113.3331万元");
    const table = card.getByRole("table", {
      name: "loan-handmade.xlsx 的检查结果",
    });
    await table.waitFor(WAIT);
    const rows = await rowTexts(table);
    // Columns: 级别与位置 (级别, 工作表 单元格, 列名), 说明 (message, rule · 依据).
    const errors = rows.filter((r) => r[0]!.startsWith("错误"));
    expect(errors.map((r) => r[0]!.split("\n")[1])).toEqual([
      "新增贷款明细表 G6",
      "新增贷款明细表 O7",
    ]);
    expect(errors[0]![0]).toContain("贷款提款时间");
    expect(
      errors.map((r) => /([A-Z]+(?:-[A-Z0-9]+)+)/.exec(r[1]!)?.[1]),
    ).toEqual(["LOAN-DRAW-YEAR", "LOAN-PURPOSE-EXCLUDED"]);
    // The notice's words are folded under 通知原文 (closed: the message does not repeat them); opened, they show.
    expect(errors[0]![1]).not.toContain("新增贷款须于2024年当年提款并付息");
    await table.getByText("通知原文").first().click();
    await table.getByText("“新增贷款须于2024年当年提款并付息”").waitFor(WAIT);
    await shot(page, "01-loan-findings-1366.png");

    // The severity filter: without 错误, G6 is no longer listed.
    await card.getByRole("checkbox", { name: /^错误（2）$/ }).uncheck();
    await table.getByText("新增贷款明细表 G6").waitFor({ state: "detached" });
    await card.getByRole("checkbox", { name: /^错误（2）$/ }).check();

    const [review] = await download(s, () =>
      card.getByRole("button", { name: "下载审核结果.xlsx" }).click(),
    );
    expect(review!.name).toBe("loan-handmade-审核结果.xlsx");
    const findings = sheetRows(review!.book, "审核结果");
    expect(findings[0]).toEqual([
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
      findings
        .slice(1)
        .filter((r) => r[4] === "错误")
        .map((r) => [r[2], r[5]]),
    ).toEqual([
      ["G6", "LOAN-DRAW-YEAR"],
      ["O7", "LOAN-PURPOSE-EXCLUDED"],
    ]);
    expect(findings.find((r) => r[5] === "LOAN-DRAW-YEAR")![7]).toBe(
      "附件1 六(一)：“新增贷款须于2024年当年提款并付息”",
    );

    const [back] = await download(s, () =>
      card.getByRole("button", { name: "下载差错清单" }).click(),
    );
    expect(back!.name).toBe("差错清单_阳泉市东方新材料有限公司.xlsx");
    const list = sheetRows(back!.book, "差错清单");
    const head = list.findIndex((r) => r[0] === "序号");
    expect(list[head]).toEqual(RETURN_LIST_HEADER);
    expect(list.slice(head + 1).map((r) => [r[2], r[3], r[5], r[8]])).toEqual([
      ["新增贷款明细表", "G6", "错误", ""],
      ["新增贷款明细表", "O7", "错误", ""],
    ]);
    await card.getByRole("button", { name: "返回文件概览" }).click();
  });

  it("shows each 警告's explanation from the workbook: 已说明 beside a real one, 未说明 for 核实无误", async () => {
    const { page } = s;
    await clear();
    // Two rows in 泽州县 under 太原市: one INFO-COUNTY finding for C4:C5 (settled repeats), explained; the second row
    // repeats the first (MERGE-DUP on E5), "explained" by boilerplate.
    const file = countyWarnings(
      path.join(s.tmp, "情况表-有说明.xlsx"),
      "山西测试科技有限公司",
      [
        [
          "项目情况表",
          "C4",
          "INFO-COUNTY",
          "企业注册在泽州县，生产基地在太原市小店区",
        ],
        ["项目情况表", "E5", "MERGE-DUP", "核实无误"],
      ],
    );
    await input().setInputFiles(file);
    const row = await checked(page, "情况表-有说明.xlsx", "无错误");
    expect(await row.innerText()).toContain("警告已说明 1，未说明 1");
    const card = await openFile(page, "情况表-有说明.xlsx");
    const table = card.getByRole("table", {
      name: "情况表-有说明.xlsx 的检查结果",
    });
    await table.waitFor(WAIT);
    const rows = (await rowTexts(table)).filter((r) =>
      r[0]!.startsWith("警告"),
    );
    const at = (cell: string) =>
      rows.find((r) => r[0]!.split("\n")[1] === `项目情况表 ${cell}`)?.[1];
    expect(at("C4:C5")).toContain(
      "已说明：企业注册在泽州县，生产基地在太原市小店区",
    );
    expect(at("E5")).toContain("未说明：核实无误");
    await shot(page, "04-explanations-1366.png");
    await card.getByRole("button", { name: "返回文件概览" }).click();
  });

  it("lists many files in one overview: filter, sort, group by enterprise; remove a file; keep one out of the merge; preview, then download", async () => {
    const { page } = s;
    await clear();
    const broken = path.join(s.tmp, "损坏的文件.xlsx");
    fs.writeFileSync(
      broken,
      Buffer.from("PK\u0003\u0004 this is not a workbook"),
    );
    const empty = path.join(s.tmp, "空文件.xlsx");
    fs.writeFileSync(empty, "");
    const samples = [
      "project-info-1.xlsx",
      "project-info-2.xlsx",
      "project-info-3.xls",
    ];
    await input().setInputFiles([
      ...samples.map((f) => path.join(SAMPLES, f)),
      broken,
      empty,
    ]);
    for (const f of samples) await checked(page, f, "无错误");
    await checked(page, "损坏的文件.xlsx", "无法读取");
    await checked(page, "空文件.xlsx", "无法读取");
    const overview = page.getByRole("table", { name: "文件概览" });
    // Sorted by status: what cannot be read first.
    const first = (await rowTexts(overview)).map((r) => r[0]!.split("\n")[0]);
    expect(first.slice(0, 2).sort()).toEqual([
      "损坏的文件.xlsx",
      "空文件.xlsx",
    ]);
    await shot(page, "05-overview-1366.png");

    await page
      .getByRole("combobox", { name: "排序" })
      .selectOption("enterprise");
    const grouped = (await rowTexts(overview)).map((r) => r[0]!.split("\n")[0]);
    expect(grouped).toContain("晋城市丹河精密机械有限公司（1 个文件）");
    await page.getByRole("textbox", { name: "查找文件或企业" }).fill("丹河");
    expect((await rowTexts(overview)).map((r) => r[0]!.split("\n")[0])).toEqual(
      ["晋城市丹河精密机械有限公司（1 个文件）", "project-info-1.xlsx"],
    );
    await page.getByRole("textbox", { name: "查找文件或企业" }).fill("");
    await page.getByRole("combobox", { name: "状态" }).selectOption("无法读取");
    expect((await rowTexts(overview)).filter((r) => r.length > 1)).toHaveLength(
      2,
    );
    await page.getByRole("combobox", { name: "状态" }).selectOption("");

    await page.getByRole("button", { name: "移除 损坏的文件.xlsx" }).click();
    await overviewRow(page, "损坏的文件.xlsx").waitFor({ state: "detached" });
    await page
      .getByRole("switch", { name: "project-info-2.xlsx：纳入汇总" })
      .uncheck();
    await page.getByText("1 个文件不纳入汇总").waitFor();

    await page.getByRole("textbox", { name: /审核单位/ }).fill("测试审核单位");
    await page.getByRole("button", { name: "预览汇总" }).click();
    const preview = page.getByRole("table", { name: "汇总预览：申报汇总表" });
    await preview.waitFor(WAIT);
    // Ordered by 所在市 in the official order: 太原市 (project-info-3), 晋城市 (project-info-1); project-info-2 kept out.
    expect((await rowTexts(preview)).map((r) => [r[0], r[1], r[4]])).toEqual([
      ["1", "太原市", "山西晋阳现代医药有限公司"],
      ["2", "晋城市", "晋城市丹河精密机械有限公司"],
    ]);
    await page.getByText("不纳入汇总：project-info-2.xlsx").waitFor();
    const pageLog = await rowTexts(
      page.getByRole("table", { name: "合并日志" }),
    );
    expect(pageLog.filter((r) => r[3] === "无法读取").map((r) => r[0])).toEqual(
      ["空文件.xlsx"],
    );
    await shot(page, "06-merge-preview-1366.png");

    const [merged] = await download(s, () =>
      page.getByRole("button", { name: "下载汇总表.xlsx" }).click(),
    );
    expect(merged!.name).toBe("汇总表.xlsx");
    const summary = sheetRows(merged!.book, "申报汇总表");
    expect(summary[1]?.[0]).toBe("审核单位（公章）：测试审核单位");
    const header = summary.findIndex((r) => r[0] === "序号");
    expect(
      summary
        .slice(header + 1)
        .filter((r) => r.some((v) => v !== ""))
        .map((r) => r[4]),
    ).toEqual(["山西晋阳现代医药有限公司", "晋城市丹河精密机械有限公司"]);
    const log = sheetRows(merged!.book, "合并日志");
    expect(String(log[1]?.[2])).toMatch(/^[0-9a-f]{64}$/);
    expect(log.find((r) => r[0] === "project-info-2.xlsx")?.[3]).toBe("已排除");
  });

  it("载入示例文件 loads and checks the sample workbooks", async () => {
    const { page } = s;
    await clear();
    await page.getByRole("button", { name: "载入示例文件" }).click();
    await checked(page, "示例-贷款明细表.xlsx", "有错误");
    await checked(page, "示例-项目情况表-大同.xlsx", "无错误");
    await checked(page, "示例-项目情况表-长治.xlsx", "无错误");
    await shot(page, "03-samples-1366.png");
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

describe("审核工作台 at task-pane width (320 px)", () => {
  let narrow: Session;
  beforeAll(async () => {
    narrow = await startSession({ viewport: { width: 320, height: 800 } });
    await narrow.page.goto(`${narrow.baseUrl}/taskpane.html`);
  });
  afterAll(async () => narrow?.close());

  /** Width of the page's content: more than the window means the reviewer must scroll sideways. */
  const pageWidth = () =>
    narrow.page.evaluate(() => document.documentElement.scrollWidth);

  it("shows the overview and a file's findings without sideways scrolling; 说明 stays on screen", async () => {
    const { page } = narrow;
    await page.getByRole("button", { name: "载入示例文件" }).click();
    await checked(page, "示例-贷款明细表.xlsx", "有错误");
    await checked(page, "示例-项目情况表-长治.xlsx", "无错误");
    expect(await pageWidth()).toBeLessThanOrEqual(320);
    await shot(page, "07-overview-320.png");
    const card = await openFile(page, "示例-贷款明细表.xlsx");
    const table = card.getByRole("table", {
      name: "示例-贷款明细表.xlsx 的检查结果",
    });
    await table.waitFor(WAIT);
    expect(await pageWidth()).toBeLessThanOrEqual(320);
    const header = table.getByRole("columnheader", { name: "说明" });
    const box = await header.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(320);
    await shot(page, "08-findings-320.png");
  });
});
