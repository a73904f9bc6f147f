/**
 * The four forms filled from a sample 情况表 (project-info-3.xls, as `techfund template report-forms --from` writes
 * them) printed by LibreOffice: one A4 page each, every filled text and the notice's texts whole on its page. The
 * pages are kept as PNG in test-artifacts/forms/ to look at.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { receivedInfo } from "../../src/core/forms/received";
import { readWorkbookFile } from "../../src/xlsx/node";
import { chineseYearMonth, writeReportForms } from "../../src/xlsx/forms";
import {
  A4_LANDSCAPE,
  A4_PORTRAIT,
  keepPngs,
  pageSizes,
  printedText,
  printToPdf,
} from "../helpers/pdf";

const SAMPLES = path.join(__dirname, "..", "..", "..", "shared", "samples");

describe("the forms filled from project-info-3.xls, printed by LibreOffice", () => {
  let tmp: string;
  let pdfFile: string;
  let pages: string[];
  beforeAll(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), "techfund-forms-print-"));
    const read = await readWorkbookFile(
      path.join(SAMPLES, "project-info-3.xls"),
    );
    if (!read.ok) throw new Error(read.error.message);
    const received = receivedInfo(read.workbook);
    if (!received.ok) throw new Error(received.reason);
    const file = path.join(tmp, "申请报告表样.xlsx");
    await fs.writeFile(
      file,
      await writeReportForms({
        info: received.info.values,
        date: chineseYearMonth(2026, 2),
      }),
    );
    pdfFile = await printToPdf(file);
    pages = [];
    for (let p = 1; p <= 5; p++) pages.push(await printedText(pdfFile, p));
  }, 300_000);
  afterAll(async () => {
    await fs.rm(tmp, { recursive: true, force: true });
  });

  it("prints five A4 pages: the 情况表 landscape, each form portrait", async () => {
    const boxes = pageSizes(await fs.readFile(pdfFile));
    expect(boxes).toEqual([
      A4_LANDSCAPE,
      A4_PORTRAIT,
      A4_PORTRAIT,
      A4_PORTRAIT,
      A4_PORTRAIT,
    ]);
  });

  it("封面 shows the sample's row, 支持方式 奖励, the contact split and the 申报日期", () => {
    for (const text of [
      "山西省技术改造专项资金事项类项目",
      "申请报告",
      "项目单位名称：山西晋阳现代医药有限公司",
      "技术创新牵引专项",
      "新药研发和产业化（仿制药）",
      "盐酸二甲双胍缓释片",
      "所属行业：现代医药",
      "支持方式：奖励",
      "联系人：褚经理",
      "联系手机：13613510013",
      "二〇二六年二月",
    ])
      expect({ text, printed: pages[1]!.includes(text) }).toEqual({
        text,
        printed: true,
      });
  });

  it("承诺书 holds the enterprise and the whole 仿制药 promise; 现场核查表 and 绩效目标表 their notice texts", () => {
    const expectOn = (page: number, texts: string[]) => {
      for (const text of texts)
        expect({ page, text, printed: pages[page]!.includes(text) }).toEqual({
          page,
          text,
          printed: true,
        });
    };
    expectOn(2, [
      "承诺书",
      "山西晋阳现代医药有限公司",
      "对于仿制药、医疗器械获得奖励的品种，自取得注册批件（或通过一致性评价）之日起5年内，不得以任何形式转让给非本省注册企业，否则全额退回奖励资金。",
      "市工信局（山西转型综改示范区管委会）审核意见：",
    ]);
    expectOn(3, [
      "山西省技术改造资金事项类项目现场核查表",
      "山西晋阳现代医药有限公司",
      "盐酸二甲双胍缓释片",
      "注：现场核查工作应保留影像资料备查。",
    ]);
    expectOn(4, [
      "省级专项转移支付项目绩效目标表",
      "山西省技术改造专项资金",
      "山西省工业和信息化厅",
      "可持续影响指标",
      "服务对象满意度指标",
    ]);
  });

  it("keeps each page as a PNG to look at (test-artifacts/forms/)", async () => {
    const out = await keepPngs(pdfFile, "forms", "申请报告表样");
    const pngs = (await fs.readdir(out)).filter((f) =>
      f.startsWith("申请报告表样"),
    );
    expect(pngs.sort()).toEqual(
      [1, 2, 3, 4, 5].map((p) => `申请报告表样-${p}.png`),
    );
  });
});
