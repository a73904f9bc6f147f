/**
 * End-to-end: the 资格自检 form and the 申请报告表样 downloads of the built page, in real Chromium, as an enterprise
 * would use them without Excel: pick 制造业营收进档奖励, type 2023 and 2024 revenue, read the verdicts at once, then
 * download the 资格自检表 and the forms and read them back with SheetJS. Screenshot: test-artifacts/e2e/资格自检.png.
 */
import * as fs from "fs";
import type { AddressInfo } from "net";
import * as os from "os";
import * as path from "path";
import * as XLSX from "@e965/xlsx";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { createStaticServer } from "../../scripts/serve-static";

const ROOT = path.resolve(__dirname, "../..");
const BUILD = path.resolve(
  ROOT,
  process.env.E2E_BUILD ?? "test-artifacts/e2e-build",
);
const SHOTS = path.join(ROOT, "test-artifacts", "e2e");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const WAIT = { timeout: 60_000 };

const server = createStaticServer(BUILD);
let tmp: string;
let context: BrowserContext;
let page: Page;
const requests: string[] = [];

beforeAll(async () => {
  if (!fs.existsSync(path.join(BUILD, "taskpane.html")))
    throw new Error(
      `${BUILD} 中没有构建结果：请用 npm run test:e2e 运行（先构建再测试）。`,
    );
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "techfund-e2e-forms-"));
  fs.mkdirSync(path.join(tmp, "home"));
  fs.mkdirSync(SHOTS, { recursive: true });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const baseUrl = `http://localhost:${(server.address() as AddressInfo).port}`;
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
    viewport: { width: 1000, height: 1400 },
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(`${baseUrl}/taskpane.html`);
});

afterAll(async () => {
  await context?.close();
  await new Promise((resolve) => server.close(resolve));
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe("资格自检 in the browser", () => {
  it("an enterprise picks 制造业营收进档奖励, types 2023 and 2024 revenue and sees at once whether it qualifies and why", async () => {
    const form = page.getByRole("region", { name: "资格自检" });
    await form
      .getByRole("combobox", { name: "申报方向" })
      .selectOption("制造业营收进档奖励", WAIT);
    await form.getByLabel("2023年营业收入（万元）").fill("200000");
    await form.getByLabel("2024年营业收入（万元）").fill("235000");
    const increase = form.getByRole("listitem", { name: "营收增量" });
    await increase
      .getByText("2024年营收增量为35,000万元，达到30,000万元")
      .waitFor(WAIT);
    await form
      .getByRole("listitem", { name: "营收增速" })
      .getByText("2024年营收增速为17.5%，达到15%")
      .waitFor(WAIT);
    await form.getByRole("combobox", { name: "所属行业" }).selectOption("食品");
    await form.getByText("总体结论：不符合").waitFor(WAIT);
    await form
      .getByRole("listitem", { name: "所属行业" })
      .getByText("不符合")
      .waitFor(WAIT);
    await form
      .getByText("消费品处 康雁翔 0351-3030017")
      .waitFor(WAIT)
      .catch(() => undefined);
    await form.getByRole("combobox", { name: "所属行业" }).selectOption("钢铁");
    await form.getByText("原材料处 霍丽琴 0351-3030039").waitFor(WAIT);
    await form.screenshot({ path: path.join(SHOTS, "资格自检.png") });

    const [download] = await Promise.all([
      page.waitForEvent("download", WAIT),
      form.getByRole("button", { name: "下载资格自检表.xlsx" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(
      "资格自检（制造业营收进档奖励）.xlsx",
    );
    const wb = XLSX.read(fs.readFileSync((await download.path())!), {
      type: "buffer",
    });
    const cells = Object.values(wb.Sheets["资格自检"]!).map(
      (c) => (c as XLSX.CellObject).v,
    );
    expect(cells).toEqual(
      expect.arrayContaining([
        "制造业营收进档奖励",
        200000,
        235000,
        "钢铁",
        "待核实",
      ]),
    );
  });

  it("downloads the 申请报告表样 and the “免申即享”申报表", async () => {
    const panel = page.getByRole("region", { name: "申请报告表样" });
    const [forms] = await Promise.all([
      page.waitForEvent("download", WAIT),
      panel
        .getByRole("group", { name: "封面、承诺书、现场核查表、绩效目标表" })
        .getByRole("button", { name: "下载" })
        .click(),
    ]);
    const wb = XLSX.read(fs.readFileSync((await forms.path())!), {
      type: "buffer",
    });
    expect(wb.SheetNames.slice(0, 5)).toEqual([
      "项目情况表",
      "封面",
      "承诺书",
      "现场核查表",
      "绩效目标表",
    ]);
    const [exempt] = await Promise.all([
      page.waitForEvent("download", WAIT),
      panel
        .getByRole("group", { name: /免申即享/ })
        .getByRole("button", { name: "下载" })
        .click(),
    ]);
    expect(exempt.suggestedFilename()).toBe(
      "山西省技术改造专项资金事项类项目（“免申即享”）申报表.xlsx",
    );
    expect(requests.every((u) => new URL(u).hostname === "localhost")).toBe(
      true,
    );
  });
});
