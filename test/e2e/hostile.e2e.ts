/**
 * End-to-end: hostile files in the 审核工作台 (Chromium). Two good 情况表 and two fuzzed .xls (test/helpers/hostile.ts)
 * are added together — one whose damaged document properties once took SheetJS 1.4 GB (now refused as 文件已损坏 at
 * once), one SheetJS loops on (stopped by the worker's time limit) — and each bad file becomes an error card naming it
 * with the Chinese reason, the good ones are checked, the page answers clicks throughout, and the merge of the others
 * works: the bad files are in its 合并日志 with their reason (the looping one not read again).
 */
import * as fs from "fs";
import * as path from "path";
import { hostileXls, loopingXls } from "../helpers/hostile";
import {
  checked,
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

/** Time for a bad file to be stopped: the worker's limit (60 s) and a busy machine's slack. */
const STOPPED = { timeout: 240_000 };
const DAMAGED = "属性损坏.xls";
const LOOPING = "读取卡死.xls";
/** Each bad file's error card, as the overview's file page shows it. */
const REASONS: Record<string, string> = {
  [DAMAGED]: `文件已损坏：${DAMAGED}（无法读出其中的表格，请用 Excel 或 WPS 打开并另存为 .xlsx 后再提交）`,
  [LOOPING]: `文件过大或已损坏：${LOOPING}（处理超过 60 秒，已停止，其他文件不受影响）`,
};

let s: Session;

beforeAll(async () => {
  s = await startSession();
  await s.page.goto(`${s.baseUrl}/taskpane.html`);
});

afterAll(async () => s?.close());

it("gives each hostile .xls an error card, checks the good files, stays responsive and merges the others", async () => {
  const { page } = s;
  let crashed = false;
  page.on("crash", () => (crashed = true));
  await page.getByRole("heading", { name: "审核工作台" }).waitFor(WAIT);
  const damaged = path.join(s.tmp, DAMAGED);
  const looping = path.join(s.tmp, LOOPING);
  fs.writeFileSync(damaged, hostileXls());
  fs.writeFileSync(looping, loopingXls());
  await page
    .locator('input[type="file"]')
    .setInputFiles([
      path.join(SAMPLES, "project-info-1.xlsx"),
      damaged,
      looping,
      path.join(SAMPLES, "project-info-2.xlsx"),
    ]);

  // Files are checked in turn: the first good one at once; its page opens.
  await checked(page, "project-info-1.xlsx", "无错误");
  const card1 = await openFile(page, "project-info-1.xlsx");
  await card1.getByRole("button", { name: "返回文件概览" }).click();

  // The damaged file's card opens while the worker is still stuck on the looping one.
  for (const name of [DAMAGED, LOOPING]) {
    await checked(page, name, "无法读取", STOPPED);
    const card = await openFile(page, name);
    await card.getByText(REASONS[name]!).waitFor();
    // The file that stopped the worker is not offered for a 审核结果 (making one would read it again).
    expect(
      await card.getByRole("button", { name: "下载审核结果.xlsx" }).count(),
    ).toBe(name === LOOPING ? 0 : 1);
    if (name === LOOPING) await shot(page, "13-hostile-card.png");
    await card.getByRole("button", { name: "返回文件概览" }).click();
    if (name === DAMAGED)
      expect(
        await overviewRow(page, LOOPING).getByText("无法读取").count(),
      ).toBe(0);
  }
  await checked(page, "project-info-2.xlsx", "无错误");
  await shot(page, "14-hostile-files.png");

  // Still responsive: a click answers at once.
  const started = Date.now();
  await page.getByRole("combobox", { name: "状态" }).selectOption("无法读取");
  const overview = page.getByRole("table", { name: "文件概览" });
  expect(
    (await rowTexts(overview)).map((r) => r[0]!.split("\n")[0]).sort(),
  ).toEqual([LOOPING, DAMAGED].sort());
  expect(Date.now() - started).toBeLessThan(5_000);
  await page.getByRole("combobox", { name: "状态" }).selectOption("");

  // The merge of the others: the two good files merged, the bad ones logged with their reason.
  await page.getByRole("textbox", { name: /审核单位/ }).fill("测试审核单位");
  await page.getByRole("button", { name: "预览汇总" }).click();
  const preview = page.getByRole("table", { name: "汇总预览：申报汇总表" });
  await preview.waitFor(WAIT);
  expect((await rowTexts(preview)).map((r) => r[4]).sort()).toEqual(
    ["晋城市丹河精密机械有限公司", "忻州市定襄法兰制造有限公司"].sort(),
  );
  await shot(page, "15-hostile-merge.png");
  const [merged] = await download(s, () =>
    page.getByRole("button", { name: "下载汇总表.xlsx" }).click(),
  );
  const log = sheetRows(merged!.book, "合并日志");
  const entry = (name: string) => log.find((r) => r[0] === name);
  expect(entry("project-info-1.xlsx")?.[3]).toBe("已合并");
  expect(entry("project-info-2.xlsx")?.[3]).toBe("已合并");
  // Columns: 文件, 大小（字节）, SHA-256, 状态, 取用行数, 错误, 警告, 提示, 说明. The unread file is named by its size
  // and SHA-256 like the others.
  for (const name of [DAMAGED, LOOPING]) {
    const row = entry(name)!;
    expect([row[1], row[3], row[4], row[8]]).toEqual([
      6656,
      "无法读取",
      0,
      REASONS[name],
    ]);
    expect(String(row[2])).toMatch(/^[0-9a-f]{64}$/);
  }
  expect(crashed).toBe(false);
}, 600_000);
