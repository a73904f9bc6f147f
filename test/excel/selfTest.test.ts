/**
 * 加载项自检 on the strict fake: the host line, each requirement set the add-in uses worded in Chinese (what is
 * missing and what that means), and the real operations on scratch sheets, which leave the workbook as it was.
 */
import { OPTIONAL_EXCEL_API_FEATURES } from "../../src/excel/requirements";
import { runSelfTest } from "../../src/excel/selfTest";
import { FakeExcel, installCheckFake, uninstallCheckFake } from "./checkFake";

afterEach(uninstallCheckFake);

/** A fake workbook with one user sheet. */
function workbook(apiMinor = 14): FakeExcel {
  const fake = installCheckFake(new FakeExcel());
  fake.apiMinor = apiMinor;
  fake.addSheet("我的数据", [
    ["企业名称", "金额"],
    ["甲公司", 12.5],
  ]);
  return fake;
}

describe("加载项自检", () => {
  it("in an Excel with ExcelApi 1.14: every set passes, the scratch steps pass, and the workbook is as it was", async () => {
    const fake = workbook();
    const before = fake.snapshot();
    const names = JSON.stringify(fake.names);
    const report = await runSelfTest();
    expect(report.host).toEqual({
      name: "运行环境",
      status: "passed",
      text: "Excel（Windows 桌面版，版本 16.0.17928.20114）",
    });
    expect(report.requirements.map((r) => [r.name, r.status])).toEqual(
      [
        "1.1",
        "1.2",
        "1.4",
        "1.6",
        "1.7",
        "1.8",
        "1.9",
        "1.9",
        "1.11",
        "1.13",
        "1.14",
      ].map((v) => [`ExcelApi ${v}`, "passed"]),
    );
    expect(report.requirements[1]!.text).toBe(
      "支持：合并单元格（range.merge）",
    );
    expect(report.steps).toEqual([
      {
        name: "插入表样《省级重点产业链链上企业2024年度新增贷款明细表》",
        status: "passed",
        text: "已插入临时工作表“新增贷款明细表”（含下拉列表、合计公式和打印设置）。",
      },
      {
        name: "填写一行数据",
        status: "passed",
        text: "已在 G5 填入贷款提款时间“2023年3月5日”。",
      },
      {
        name: "检查",
        status: "passed",
        text: "识别出临时表格，并在 G5 发现“提款时间不在2024年”的错误（LOAN-DRAW-YEAR），检查正常。",
      },
      {
        name: "删除临时工作表",
        status: "passed",
        text: "已删除 新增贷款明细表（含本次新建的下拉列表数据表及其名称），工作簿恢复原样。",
      },
    ]);
    expect(fake.snapshot()).toBe(before);
    expect(JSON.stringify(fake.names)).toBe(names);
  });

  it("says in Chinese which optional sets are missing and what works differently (ExcelApi 1.10)", async () => {
    workbook(10);
    const report = await runSelfTest();
    const missing = report.requirements.filter((r) => r.status === "missing");
    expect(missing).toEqual([
      {
        name: "ExcelApi 1.11",
        status: "missing",
        text: "本 Excel 不支持 ExcelApi 1.11：您正在编辑单元格时，实时检查会失败后自动重试（不丢失修改）；隐藏或取消隐藏行后不会自动重新检查，请点击“重新检查”。",
      },
      {
        name: "ExcelApi 1.13",
        status: "missing",
        text: "本 Excel 不支持 ExcelApi 1.13：合并单元格只按左上角单元格读取，合并区域中其他行的该栏会被当作空白（可能多报“必填”问题）。",
      },
      {
        name: "ExcelApi 1.14",
        status: "missing",
        text: "本 Excel 不支持 ExcelApi 1.14：更改事件不注明来源，本加载项改由暂停自身事件和写入区域识别自己的写入，功能不受影响。",
      },
    ]);
    expect(missing).toHaveLength(OPTIONAL_EXCEL_API_FEATURES.length);
    // The add-in works without them: the scratch steps still run.
    expect(report.steps.map((s) => s.status)).toEqual([
      "passed",
      "passed",
      "passed",
      "passed",
    ]);
  });

  it("an Excel without ExcelApi 1.9 (Excel 2019 has up to 1.8): the missing required sets say that inserting and checking are refused; no step runs", async () => {
    const fake = workbook(8);
    const before = fake.snapshot();
    const report = await runSelfTest();
    expect(
      report.requirements
        .filter((r) => r.status === "missing")
        .map((r) => r.text),
    ).toEqual([
      "本 Excel 不支持 ExcelApi 1.9：页面设置：纸张、方向、缩放、打印标题、页脚（worksheet.pageLayout）不可用，插入表格、检查和合并汇总都无法使用（需要 ExcelApi 1.9）。",
      expect.stringMatching(/^本 Excel 不支持 ExcelApi 1\.9：实时检查：/),
      expect.stringMatching(/^本 Excel 不支持 ExcelApi 1\.11：/),
      expect.stringMatching(/^本 Excel 不支持 ExcelApi 1\.13：/),
      expect.stringMatching(/^本 Excel 不支持 ExcelApi 1\.14：/),
    ]);
    expect(report.steps).toEqual([
      {
        name: "插入、检查、删除临时工作表",
        status: "skipped",
        text: "未执行：本 Excel 不支持 ExcelApi 1.9。请使用 Microsoft 365、Excel 2021 及以上版本或 Excel 网页版。",
      },
    ]);
    expect(fake.snapshot()).toBe(before);
  });

  it("a step Excel refuses is failed with its code and Chinese text; later steps are skipped and nothing is left behind", async () => {
    const fake = workbook();
    const before = fake.snapshot();
    fake.failNext = {
      code: "InvalidArgument",
      when: (op) => op === "page.paperSize",
    };
    const report = await runSelfTest();
    expect(report.steps).toEqual([
      {
        name: "插入表样《省级重点产业链链上企业2024年度新增贷款明细表》",
        status: "failed",
        code: "InvalidArgument",
        text: "插入《省级重点产业链链上企业2024年度新增贷款明细表》失败：Excel 不接受本次写入的参数（数据格式或范围不符）。工作簿未被修改。",
      },
      { name: "检查", status: "skipped", text: "未执行：上一步未通过。" },
      {
        name: "删除临时工作表",
        status: "passed",
        text: "没有需要删除的临时工作表。",
      },
    ]);
    expect(fake.snapshot()).toBe(before);
  });

  it("keeps a list sheet the workbook already had (and its names); removes only the scratch template", async () => {
    const fake = workbook();
    await runSelfTest();
    // A first run left nothing; now a workbook that has our list sheet from an earlier insert.
    const { insertTemplate } = await import("../../src/excel/insertTemplate");
    await insertTemplate("project-info");
    const before = fake.snapshot();
    const names = JSON.stringify(fake.names);
    const report = await runSelfTest();
    expect(report.steps.at(-1)).toEqual({
      name: "删除临时工作表",
      status: "passed",
      text: "已删除 新增贷款明细表，工作簿恢复原样。",
    });
    expect(fake.snapshot()).toBe(before);
    expect(JSON.stringify(fake.names)).toBe(names);
  });

  it("outside Excel: says so, and checks nothing", async () => {
    const report = await runSelfTest();
    expect(report).toEqual({
      host: {
        name: "运行环境",
        status: "failed",
        text: "未在 Excel 中运行：请在 Excel（桌面版或网页版）中打开本加载项后再自检。",
      },
      requirements: [],
      steps: [],
    });
  });

  it("names the platform of Excel on the web", async () => {
    const fake = workbook();
    fake.diagnostics.platform = "OfficeOnline";
    fake.diagnostics.version = "16.0.19010.41000";
    const report = await runSelfTest();
    expect(report.host.text).toBe("Excel（网页版，版本 16.0.19010.41000）");
  });
});
