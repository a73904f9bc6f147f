/**
 * The 审核结果 sheet written into the workbook: its content for a known workbook (a T1 with a 2023 提款时间), links
 * to the cells, explanations, print setup; re-running replaces only our own sheet, recognised by its mark.
 */
import { createCheckOperations } from "../../src/excel/check/operations";
import { readOpenWorkbook } from "../../src/excel/check/read";
import { checkWorkbook } from "../../src/core/check/engine";
import { workbookOf } from "../helpers/rows";
import {
  type FakeExcel,
  FakeExcel as Fake,
  installCheckFake,
  uninstallCheckFake,
} from "./checkFake";
import { DRAWN_2023, GOOD, SHEET, t1 } from "./checkT1";
import { REVIEW_SHEET_TITLE } from "../../src/core/check/ownSheets";

afterEach(uninstallCheckFake);

const NOW = () => new Date(2025, 2, 1, 10, 0, 0);

/** The values of a sheet's rows, as text, up to column I. */
function rowsOf(fake: FakeExcel, sheet: string): string[][] {
  const s = fake.sheet(sheet);
  let last = 0;
  for (const k of s.cells.keys())
    last = Math.max(last, Number(k.split(",")[0]));
  return Array.from({ length: last + 1 }, (_, r) =>
    Array.from({ length: 9 }, (_, c) =>
      String(s.cells.get(`${r},${c}`)?.value ?? ""),
    ),
  );
}

describe("审核结果 sheet", () => {
  it("lists the enterprise, date, tables, counts and each finding with a link to its cell", async () => {
    const wb = workbookOf(t1([GOOD, DRAWN_2023]));
    const fake = installCheckFake(Fake.of(wb));
    const ops = createCheckOperations({ now: NOW });
    const report = await ops.checkWorkbook();
    const explanation = {
      sheet: SHEET,
      cell: "G6",
      rule: "LOAN-DRAW-YEAR",
      text: "（错误不能说明；此处只为测试说明列）",
      time: "2025-03-01T02:00:00.000Z",
    };
    const syncs = fake.syncs;
    const name = await ops.writeReviewSheet(report, [explanation]);
    expect(name).toBe("审核结果");
    // Read the names, draw under a temporary name, swap, events back on.
    expect(fake.syncs - syncs).toBe(4);
    expect(fake.active).toBe("审核结果");
    // Our events were off while we wrote: the live check sees no change of ours.
    expect(fake.ownEvents).toEqual([]);

    const rows = rowsOf(fake, name);
    expect(rows[0]![0]).toBe(REVIEW_SHEET_TITLE);
    // T1 names the enterprise in its 企业名称 column (no 企业名称 line): the report shows it.
    expect(rows[1]![0]).toBe("企业名称：阳泉市东方新材料有限公司");
    expect(rows[2]![0]).toBe("文件：测试.xlsx");
    expect(rows[3]![0]).toBe("审核日期：2025年3月1日");
    const { errors, warnings, infos } = report.counts;
    expect(rows[4]![0]).toBe(
      `共发现：错误 ${errors} 个，警告 ${warnings} 个，提示 ${infos} 个`,
    );
    expect(rows[6]!.slice(0, 7)).toEqual([
      "工作表",
      "表格",
      "行数",
      "合计（万元）",
      "错误",
      "警告",
      "提示",
    ]);
    expect(rows[7]!.slice(0, 3)).toEqual([
      SHEET,
      "省级重点产业链链上企业2024年度新增贷款明细表",
      "2",
    ]);
    expect(rows[7]![3]).toBe(
      "2024年度新增贷款金额 2000万元；2024年利息实际发生额 34.6916万元",
    );

    const header = rows.findIndex((r) => r[0] === "文件" && r[2] === "单元格");
    expect(rows[header]).toEqual([
      "文件",
      "工作表",
      "单元格",
      "列名",
      "级别",
      "规则",
      "说明",
      "通知依据",
      "企业核实性说明",
    ]);
    const g6 = rows.findIndex(
      (r) => r[2] === "G6" && r[5] === "LOAN-DRAW-YEAR",
    );
    expect(rows[g6]!.slice(0, 6)).toEqual([
      "测试.xlsx",
      SHEET,
      "G6",
      "贷款提款时间",
      "错误",
      "LOAN-DRAW-YEAR",
    ]);
    expect(rows[g6]![8]).toBe(explanation.text);
    const link = fake.sheet(name).cells.get(`${g6},2`)!;
    expect(link.formula).toBe(`=HYPERLINK("#'${SHEET}'!G6","G6")`);
    // One row per finding, in the report's order.
    const findings = [
      ...report.findings,
      ...report.tables.flatMap((t) => t.findings),
    ];
    expect(
      rows.slice(header + 1, header + 1 + findings.length).map((r) => r[5]),
    ).toEqual(findings.map((f) => f.rule));

    const page = fake.sheet(name).page;
    expect([page.orientation, page.paperSize, page.zoom]).toEqual([
      "Landscape",
      "A4",
      { horizontalFitToPages: 1, verticalFitToPages: 0 },
    ]);
    expect(page.headersFooters.defaultForAllPages.centerFooter).toBe(
      "第 &P 页，共 &N 页",
    );
    // Texts are written as text.
    expect(fake.sheet(name).cells.get(`${g6},6`)!.numberFormat).toBe("@");
  });

  it("is not data: checking the workbook afterwards gives the same findings", async () => {
    const wb = workbookOf(t1([GOOD, DRAWN_2023]));
    installCheckFake(Fake.of(wb));
    const ops = createCheckOperations({ now: NOW });
    const report = await ops.checkWorkbook();
    await ops.writeReviewSheet(report, []);
    expect(await ops.checkWorkbook()).toEqual(report);
    // A file reader sees the sheet (no marks reach SheetJS readers); the engine skips it by its title.
    const open = await Excel.run((c) => readOpenWorkbook(c));
    expect(
      checkWorkbook({ ...open.workbook, sheets: [...open.workbook.sheets] }),
    ).toEqual(report);
  });

  it("re-running replaces only our own sheet; a user's sheet named 审核结果 is never touched", async () => {
    const fake = Fake.of(workbookOf(t1([GOOD, DRAWN_2023])));
    fake.addSheet("审核结果", [["用户自己的审核记录"]]);
    installCheckFake(fake);
    const ops = createCheckOperations({ now: NOW });
    const report = await ops.checkWorkbook();
    const first = await ops.writeReviewSheet(report, []);
    expect(first).toBe("审核结果(2)");
    const second = await ops.writeReviewSheet(report, []);
    expect(second).toBe("审核结果(2)");
    expect(fake.sheets.map((s) => s.name)).toEqual([
      SHEET,
      "审核结果",
      "审核结果(2)",
    ]);
    expect(fake.cell("审核结果", "A1")?.value).toBe("用户自己的审核记录");
    expect(fake.names.filter((n) => n.name === "TECHFUND_REVIEW_V1")).toEqual([
      expect.objectContaining({ formula: "='审核结果(2)'!$A$1" }),
    ]);
    // Our sheet renamed by the user is still recognised by its mark and replaced.
    fake.sheet("审核结果(2)").name = "上次审核";
    fake.names.find((n) => n.name === "TECHFUND_REVIEW_V1")!.formula =
      "='上次审核'!$A$1";
    expect(await ops.writeReviewSheet(report, [])).toBe("审核结果(2)");
    expect(fake.sheets.map((s) => s.name)).toEqual([
      SHEET,
      "审核结果",
      "审核结果(2)",
    ]);
  });
});

describe("审核结果 after the user deleted it, and when Excel refuses the batch", () => {
  it("cleans the mark left as #REF! and writes 审核结果 again under its own name, without (2), (3)…", async () => {
    const fake = installCheckFake(Fake.of(workbookOf(t1([GOOD, DRAWN_2023]))));
    const ops = createCheckOperations({ now: NOW });
    const report = await ops.checkWorkbook();
    expect(await ops.writeReviewSheet(report, [])).toBe("审核结果");
    // The user deletes the sheet: the mark now refers to #REF!.
    fake.sheets = fake.sheets.filter((s) => s.name !== "审核结果");
    for (const n of fake.names)
      if (n.name === "TECHFUND_REVIEW_V1") n.formula = "=#REF!$A$1";
    for (let i = 0; i < 2; i++)
      expect(await ops.writeReviewSheet(report, [])).toBe("审核结果");
    expect(fake.sheets.map((s) => s.name)).toEqual([SHEET, "审核结果"]);
    expect(fake.names.filter((n) => n.name === "TECHFUND_REVIEW_V1")).toEqual([
      expect.objectContaining({ formula: "='审核结果'!$A$1" }),
    ]);
  });

  it("leaves the workbook as it was (our earlier 审核结果 included) when Excel refuses a command half-way", async () => {
    const fake = installCheckFake(Fake.of(workbookOf(t1([GOOD, DRAWN_2023]))));
    const ops = createCheckOperations({ now: NOW });
    const report = await ops.checkWorkbook();
    await ops.writeReviewSheet(report, []);
    const before = fake.snapshot();
    const names = JSON.stringify(fake.names);
    fake.failNext = {
      code: "InvalidArgument",
      when: (op) => op === "page.paperSize",
    };
    await expect(ops.writeReviewSheet(report, [])).rejects.toMatchObject({
      code: "InvalidArgument",
      message:
        "生成审核结果失败：Excel 不接受本次写入的参数（数据格式或范围不符）。工作簿未被修改。",
    });
    expect(fake.snapshot()).toBe(before);
    expect(JSON.stringify(fake.names)).toBe(names);
  });
});
