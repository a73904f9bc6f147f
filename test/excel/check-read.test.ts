/**
 * Reading the open workbook and the full check (审核) in Excel: the same findings as the engine (the CLI's) for the
 * same grid, a fixed number of syncs, and large tables read in requests under 4 MB.
 */
import { checkWorkbook } from "../../src/core/check/engine";
import {
  MAX_REQUEST_BYTES,
  planRequests,
  readOpenWorkbook,
  toCell,
} from "../../src/excel/check/read";
import { createCheckOperations } from "../../src/excel/check/operations";
import { workbookOf, brief } from "../helpers/rows";
import { FakeExcel, installCheckFake, uninstallCheckFake } from "./checkFake";
import { DRAWN_2023, GOOD, manyLoans, SHEET, t1 } from "./checkT1";

afterEach(uninstallCheckFake);

describe("checkWorkbook in Excel", () => {
  it("gives the engine's findings for the same grid: a 2023 提款时间 is LOAN-DRAW-YEAR 错误 at G6", async () => {
    const wb = workbookOf(t1([GOOD, DRAWN_2023]));
    const fake = installCheckFake(FakeExcel.of(wb));
    const report = await createCheckOperations().checkWorkbook();
    expect(report).toEqual(checkWorkbook(wb));
    expect(report.tables[0]!.findings.map(brief)).toContainEqual({
      sheet: SHEET,
      cell: "G6",
      rule: "LOAN-DRAW-YEAR",
      severity: "error",
    });
    // One table within its 50-row sample: 3 syncs (sheets and names; sample; merged areas).
    expect(fake.syncs).toBe(3);
  });

  it("reads formulas, number formats, dates and errors as the file reader does", () => {
    expect(toCell(45356, 45356, 'yyyy"年"m"月"d"日"')).toEqual({
      v: 45356,
      z: 'yyyy"年"m"月"d"日"',
      date: "2024-03-05",
    });
    expect(toCell(17.3458, "=D5*K5*L5/36000", "0.0000")).toEqual({
      v: 17.3458,
      z: "0.0000",
      f: "D5*K5*L5/36000",
    });
    expect(toCell("#REF!", "=#REF!+1", "General")).toEqual({
      v: null,
      e: "#REF!",
      z: "General",
      f: "#REF!+1",
    });
    expect(toCell("", "", "General")).toBeUndefined();
    // A formula showing nothing is still a cell (recognition needs to know it is a formula).
    expect(toCell("", '=IF(D5="","",1)', "General")).toEqual({
      v: "",
      z: "General",
      f: 'IF(D5="","",1)',
    });
    // Text that merely looks like a formula (typed as text) is text.
    expect(toCell("=abc", "=abc", "@")).toEqual({ v: "=abc", z: "@" });
  });

  it("reads a marked template by its mark and skips our own sheets", async () => {
    const wb = workbookOf(t1([GOOD]));
    const fake = FakeExcel.of(wb);
    fake.sheet(SHEET).names.push({
      name: "TECHFUND_loan_interest_V1",
      formula: `='${SHEET}'!$A$1`,
    });
    fake.addSheet("techfund_lists", [
      ["所属省级重点产业链"],
      ["碳基新材料产业链"],
    ]);
    installCheckFake(fake);
    const open = await Excel.run((c) => readOpenWorkbook(c));
    expect(open.workbook.sheets.map((s) => s.name)).toEqual([SHEET]);
    expect(open.workbook.sheets[0]!.mark).toEqual({
      tableId: "loan-interest",
      version: 1,
    });
  });

  it("checks 1,000 rows in at most tables + 3 syncs, each request under 4 MB", async () => {
    const wb = workbookOf(t1(manyLoans(1000)));
    const fake = installCheckFake(FakeExcel.of(wb));
    const report = await createCheckOperations().checkWorkbook();
    expect(report).toEqual(checkWorkbook(wb));
    expect(report.tables[0]!.rows).toBe(1000);
    expect(fake.syncs).toBeLessThanOrEqual(1 + 3);
    for (const r of fake.requests)
      expect(r.bytes).toBeLessThan(MAX_REQUEST_BYTES);
  });

  it("reads a 20,000-row table in blocks, every request under 4 MB, every cell once", async () => {
    const wb = workbookOf(t1(manyLoans(20_000)));
    const fake = installCheckFake(FakeExcel.of(wb));
    const report = await createCheckOperations().checkWorkbook();
    expect(report.tables[0]!.rows).toBe(20_000);
    expect(report.counts).toEqual(checkWorkbook(wb).counts);
    const width = 15;
    const used = 4 + 20_000; // title, 单位, header, 合计, rows
    const blocks = fake.requests.flatMap((r) =>
      r.loads.filter((l) => l.props.includes("values")),
    );
    expect(blocks.length).toBeGreaterThan(2);
    for (const r of fake.requests)
      expect(r.bytes).toBeLessThan(MAX_REQUEST_BYTES);
    // The sample reads 50 rows; the blocks read the rest, without overlap.
    expect(fake.requests.reduce((n, r) => n + r.cells, 0)).toBe(used * width);
    // Syncs: the sheet list, the sample, the merged areas, then one per request of at most 4 MB — whatever the row
    // count, no sync per row: 3 + ⌈bytes / 4 MB⌉ with the estimate's margin. (The strict fake also refuses any request
    // or response over 5 MB, counted as UTF-8 and as escaped JSON.)
    const total = fake.requests.reduce((n, r) => n + r.bytes, 0);
    expect(fake.syncs).toBeLessThanOrEqual(
      3 + Math.ceil((total * 1.3) / MAX_REQUEST_BYTES),
    );
  });
});

describe("Excel versions", () => {
  it("tells the user in Chinese when Excel lacks ExcelApi 1.9, without reading", async () => {
    const fake = FakeExcel.of(workbookOf(t1([GOOD])));
    fake.apiMinor = 8;
    installCheckFake(fake);
    await expect(createCheckOperations().checkWorkbook()).rejects.toThrow(
      "检查失败：您的 Excel 版本不支持 ExcelApi 1.9（数据验证/页面设置），请升级到 Microsoft 365 或使用 Excel 网页版。",
    );
    expect(fake.syncs).toBe(0);
  });

  it("reads merged areas with ExcelApi 1.13, and without them on older Excel", async () => {
    const wb = workbookOf(t1([GOOD]));
    const fake = FakeExcel.of(wb);
    fake.sheet(SHEET).merges = ["A1:O1"];
    installCheckFake(fake);
    let open = await Excel.run((c) => readOpenWorkbook(c));
    expect(open.workbook.sheets[0]!.merges).toEqual([
      { s: { r: 0, c: 0 }, e: { r: 0, c: 14 } },
    ]);
    fake.apiMinor = 12;
    open = await Excel.run((c) => readOpenWorkbook(c));
    expect(open.workbook.sheets[0]!.merges).toEqual([]);
  });
});

describe("planRequests", () => {
  it("packs row blocks of several sheets into requests of at most the limit", () => {
    const requests = planRequests(
      [
        { sheet: "甲", row: 50, col: 0, rows: 100, cols: 5, rowBytes: 10 },
        { sheet: "乙", row: 50, col: 2, rows: 30, cols: 3, rowBytes: 20 },
      ],
      500,
    );
    expect(requests).toEqual([
      [{ sheet: "甲", row: 50, col: 0, rows: 50, cols: 5 }],
      [{ sheet: "甲", row: 100, col: 0, rows: 50, cols: 5 }],
      [{ sheet: "乙", row: 50, col: 2, rows: 25, cols: 3 }],
      [{ sheet: "乙", row: 75, col: 2, rows: 5, cols: 3 }],
    ]);
  });

  it("still reads a row larger than the limit, alone", () => {
    expect(
      planRequests(
        [{ sheet: "甲", row: 0, col: 0, rows: 2, cols: 1, rowBytes: 900 }],
        500,
      ),
    ).toEqual([
      [{ sheet: "甲", row: 0, col: 0, rows: 1, cols: 1 }],
      [{ sheet: "甲", row: 1, col: 0, rows: 1, cols: 1 }],
    ]);
  });
});

describe("merged areas", () => {
  it("reads a received form with 2,400 merged areas (Excel refuses more than 512 in one call) and checks every sheet", async () => {
    const wb = workbookOf(t1([GOOD, DRAWN_2023]));
    const fake = installCheckFake(FakeExcel.of(wb));
    const form = fake.addSheet(
      "收到的表",
      Array.from({ length: 600 }, (_, r) => [
        `第${r + 1}行`,
        "",
        "说明",
        "",
        "甲",
        "",
        "乙",
        "",
      ]),
    );
    form.merges = Array.from({ length: 600 }, (_, r) => [
      `A${r + 1}:B${r + 1}`,
      `C${r + 1}:D${r + 1}`,
      `E${r + 1}:F${r + 1}`,
      `G${r + 1}:H${r + 1}`,
    ]).flat();
    const report = await createCheckOperations().checkWorkbook();
    expect(report.tables[0]!.findings.map(brief)).toContainEqual({
      sheet: SHEET,
      cell: "G6",
      rule: "LOAN-DRAW-YEAR",
      severity: "error",
    });
    const open = await Excel.run((c) => readOpenWorkbook(c));
    const merges = open.workbook.sheets.find(
      (s) => s.name === "收到的表",
    )!.merges;
    expect(merges).toHaveLength(2400);
    expect(merges).toContainEqual({ s: { r: 599, c: 6 }, e: { r: 599, c: 7 } });
  });
});
