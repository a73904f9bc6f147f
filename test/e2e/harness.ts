/**
 * What the end-to-end tests share: the built task pane (npm run build:e2e → test-artifacts/e2e-build, or E2E_BUILD)
 * served by our static server on localhost, real Chromium (Debian's /usr/bin/chromium, or CHROMIUM_PATH) with a new
 * profile in a temporary folder, screenshots in test-artifacts/e2e/, downloads read back with SheetJS.
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
import { countyWarningsBook } from "../helpers/countyWarnings";

export const ROOT = path.resolve(__dirname, "../..");
export const BUILD = path.resolve(
  ROOT,
  process.env.E2E_BUILD ?? "test-artifacts/e2e-build",
);
export const SHOTS = path.join(ROOT, "test-artifacts", "e2e");
export const SAMPLES = path.resolve(ROOT, "../shared/samples");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** Waits for work in the page (reading, checking, merging files on a busy machine). */
export const WAIT = { timeout: 90_000 };

/** A started browser: its context, first page, temporary folder and (when serving) the server's address. */
export interface Session {
  context: BrowserContext;
  page: Page;
  tmp: string;
  baseUrl: string;
  close: () => Promise<void>;
}

/**
 * Starts Chromium (and, unless `serve` is false, the static server over the build).
 * @param viewport the window size (the task pane is 320 px wide; a reviewer's laptop 1366×768)
 */
export async function startSession(
  options: {
    serve?: boolean;
    viewport?: { width: number; height: number };
  } = {},
): Promise<Session> {
  if (!fs.existsSync(path.join(BUILD, "taskpane.html")))
    throw new Error(
      `${BUILD} 中没有构建结果：请用 npm run test:e2e 运行（先构建再测试）。`,
    );
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "techfund-e2e-"));
  fs.mkdirSync(path.join(tmp, "home"));
  fs.mkdirSync(SHOTS, { recursive: true });
  const server =
    options.serve === false ? undefined : createStaticServer(BUILD);
  let baseUrl = "";
  if (server) {
    await new Promise<void>((resolve) =>
      server.listen(0, "127.0.0.1", resolve),
    );
    baseUrl = `http://localhost:${(server.address() as AddressInfo).port}`;
  }
  const context = await chromium.launchPersistentContext(
    path.join(tmp, "profile"),
    {
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
      viewport: options.viewport ?? { width: 1366, height: 768 },
    },
  );
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    tmp,
    baseUrl,
    close: async () => {
      await context.close();
      if (server) await new Promise((resolve) => server.close(resolve));
      fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
}

/** The overview's row of a file. */
export function overviewRow(page: Page, name: string): Locator {
  return page
    .getByRole("table", { name: "文件概览" })
    .getByRole("row")
    .filter({ hasText: name });
}

/** Waits until the overview shows the file's status (its check is done). */
export async function checked(
  page: Page,
  name: string,
  status: string,
  wait = WAIT,
): Promise<Locator> {
  const row = overviewRow(page, name);
  await row.getByText(status, { exact: true }).waitFor(wait);
  return row;
}

/** Opens a file's page from the overview; returns its region. */
export async function openFile(page: Page, name: string): Promise<Locator> {
  await page.getByRole("button", { name: `查看 ${name} 的检查结果` }).click();
  const region = page.getByRole("region", { name, exact: true });
  await region.waitFor(WAIT);
  return region;
}

/** The text of each body row of a table. */
export async function rowTexts(table: Locator): Promise<string[][]> {
  const rows = table.locator("tbody tr");
  const out: string[][] = [];
  for (let i = 0; i < (await rows.count()); i++)
    out.push(
      (await rows.nth(i).locator("td").allInnerTexts()).map((t) => t.trim()),
    );
  return out;
}

/** Clicks, waits for the download(s) it starts, and reads each file as a SheetJS workbook. */
export async function download(
  s: Session,
  click: () => Promise<void>,
  count = 1,
): Promise<{ name: string; book: XLSX.WorkBook }[]> {
  const files: Download[] = [];
  const all = new Promise<void>((resolve) => {
    const on = (d: Download) => {
      files.push(d);
      if (files.length === count) {
        s.page.off("download", on);
        resolve();
      }
    };
    s.page.on("download", on);
  });
  await click();
  await all;
  const out = [];
  for (const file of files) {
    const target = path.join(
      s.tmp,
      `${Date.now()}-${file.suggestedFilename()}`,
    );
    await file.saveAs(target);
    out.push({
      name: file.suggestedFilename(),
      book: XLSX.read(fs.readFileSync(target), { type: "buffer" }),
    });
  }
  return out;
}

/** The sheets of the 申请报告表样 download, in order: the 情况表 the forms refer to, then 附件2 一–四. */
export const REPORT_FORM_SHEETS = [
  "项目情况表",
  "封面",
  "承诺书",
  "现场核查表",
  "绩效目标表",
];

/** Clicks 下载 in a group of the 申请报告表样 panel (`group`: the group's name) and reads the file it downloads. */
export async function downloadForm(
  s: Session,
  group: string | RegExp,
): Promise<{ name: string; book: XLSX.WorkBook }> {
  const [file] = await download(s, () =>
    s.page
      .getByRole("region", { name: "申请报告表样" })
      .getByRole("group", { name: group })
      .getByRole("button", { name: "下载" })
      .click(),
  );
  return file!;
}

/** Before the page loads: records each CSP violation it reports, as `directive blockedURI` ({@link cspViolations}). */
export async function recordCspViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
}

/** The CSP violations the page reported since it loaded ({@link recordCspViolations}). */
export async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(
    () => (window as unknown as { cspViolations: string[] }).cspViolations,
  );
}

/**
 * Makes the page's own code (a timer it runs) call `eval("1 + 1")`: its result, or the name of the error thrown
 * ("EvalError" under a CSP without 'unsafe-eval'). Code run by the test driver itself may eval (DevTools allows it).
 */
export async function evalInPage(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve) =>
        setTimeout(() => {
          try {
            // eslint-disable-next-line no-eval -- the page's CSP must refuse it
            resolve(String(eval("1 + 1")));
          } catch (e) {
            resolve(e instanceof Error ? e.name : String(e));
          }
        }),
      ),
  );
}

export function sheetRows(book: XLSX.WorkBook, name: string): unknown[][] {
  const sheet = book.Sheets[name];
  if (!sheet)
    throw new Error(`no sheet ${name} in ${book.SheetNames.join(", ")}`);
  return XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, defval: "" });
}

/** Saves a screenshot of the whole page under test-artifacts/e2e/. */
export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, name), fullPage: true });
}

/**
 * A 项目情况表 workbook written to `file` whose rows name a 所在县 outside their 所在市 (INFO-COUNTY 警告 on C4,
 * C5…), with our explanation sheet (techfund_说明) holding `explanations` ([sheet, cell, rule, text]) when given.
 */
export function countyWarnings(
  file: string,
  enterprise: string,
  explanations: string[][] = [],
): string {
  XLSX.writeFile(
    countyWarningsBook(
      enterprise,
      explanations.map((e) => [...e, "2025-03-01T09:30:00.000Z"]),
    ),
    file,
  );
  return file;
}
