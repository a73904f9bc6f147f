/**
 * End-to-end: the one-file 审核工作台 (dist/workbench.html, scripts/build-workbench.js) copied alone into an empty
 * folder, as a reviewer copies it to a USB stick, and opened from disk (file://) in Chromium with every network
 * request refused: it checks a sample file, with its file worker started from the page's own text, under its CSP.
 */
import * as fs from "fs";
import * as path from "path";
import { pathToFileURL } from "url";
import {
  BUILD,
  checked,
  cspViolations,
  downloadForm,
  evalInPage,
  openFile,
  recordCspViolations,
  REPORT_FORM_SHEETS,
  rowTexts,
  SAMPLES,
  shot,
  startSession,
  WAIT,
  type Session,
} from "./harness";

let s: Session;
const requests: string[] = [];
let url: string;

beforeAll(async () => {
  s = await startSession({ serve: false });
  const folder = path.join(s.tmp, "U盘");
  fs.mkdirSync(folder);
  fs.copyFileSync(
    path.join(BUILD, "workbench.html"),
    path.join(folder, "workbench.html"),
  );
  expect(fs.readdirSync(folder)).toEqual(["workbench.html"]);
  url = pathToFileURL(path.join(folder, "workbench.html")).href;
  // No network: anything but the file itself and the page's own blob: URLs is refused.
  await s.context.route("**/*", (route) => {
    const u = route.request().url();
    return u === url || u.startsWith("blob:") || u.startsWith("data:")
      ? route.continue()
      : route.abort();
  });
  s.page.on("request", (r) => requests.push(r.url()));
  await recordCspViolations(s.page);
  await s.page.goto(url);
});

afterAll(async () => s?.close());

describe("one-file workbench.html opened from disk", () => {
  it("checks loan-handmade.xlsx offline in a blob: worker: G6 and O7 are 错误", async () => {
    const { page } = s;
    const workers: string[] = [];
    page.on("worker", (w) => workers.push(w.url()));
    await page.getByRole("heading", { name: "审核工作台" }).waitFor(WAIT);
    // No sample files next to a lone HTML file: no button that would fail.
    expect(
      await page.getByRole("button", { name: "载入示例文件" }).count(),
    ).toBe(0);
    await page
      .locator('input[type="file"]')
      .setInputFiles(path.join(SAMPLES, "loan-handmade.xlsx"));
    await checked(page, "loan-handmade.xlsx", "有错误");
    const card = await openFile(page, "loan-handmade.xlsx");
    const table = card.getByRole("table", {
      name: "loan-handmade.xlsx 的检查结果",
    });
    await table.waitFor(WAIT);
    // Column 级别与位置: 级别, then 工作表 and 单元格.
    const errors = (await rowTexts(table))
      .map((r) => r[0]!.split("\n"))
      .filter((c) => c[0] === "错误")
      .map((c) => c[1]);
    expect(errors).toEqual(["新增贷款明细表 G6", "新增贷款明细表 O7"]);
    expect(workers.every((w) => w.startsWith("blob:"))).toBe(true);
    expect(workers.length).toBeGreaterThan(0);
    await shot(page, "10-onefile-file-url.png");
  });

  it("makes the notice's forms offline too: the 申请报告表样 download holds the 情况表 and the four forms", async () => {
    const forms = await downloadForm(s, "封面、承诺书、现场核查表、绩效目标表");
    expect(forms.book.SheetNames.slice(0, 5)).toEqual(REPORT_FORM_SHEETS);
  });

  it("asked for nothing beyond itself, and its CSP (meta) forbids eval and any other script", async () => {
    const { page } = s;
    expect(
      requests.filter(
        (u) => u !== url && !u.startsWith("blob:") && !u.startsWith("data:"),
      ),
    ).toEqual([]);
    const csp = await page
      .locator('meta[http-equiv="Content-Security-Policy"]')
      .getAttribute("content");
    expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/]+=*'(;|$)/);
    expect(csp).toContain("connect-src 'self'");
    expect(await cspViolations(page)).toEqual([]);
    expect(await evalInPage(page)).toBe("EvalError");
    const injected = await page.evaluate(() => {
      const el = document.createElement("script");
      el.textContent = "window.injected = true";
      document.body.appendChild(el);
      return (window as unknown as { injected?: boolean }).injected === true;
    });
    expect(injected).toBe(false);
  });
});
