/** The 审核结果 workbook writer (xlsx/report.ts): written with ExcelJS, read back with ExcelJS and with our SheetJS reader. */
import ExcelJS from "exceljs";
import type { ReviewLayout } from "../../src/core/review/reviewReport";
import { readWorkbook } from "../../src/xlsx/read";
import {
  externalLinkFormula,
  writeReviewWorkbook,
} from "../../src/xlsx/report";

const layout: ReviewLayout = {
  summary: {
    name: "汇总",
    columns: [
      { header: "文件", width: 30 },
      { header: "错误", width: 7 },
    ],
    rows: [{ cells: ["收件/贷款.xlsx", 2] }],
  },
  findings: {
    name: "审核结果",
    columns: [
      { header: "文件", width: 26 },
      { header: "工作表", width: 16 },
      { header: "单元格", width: 9 },
      { header: "说明", width: 70, wrap: true },
    ],
    rows: [
      {
        cells: [
          "收件/贷款.xlsx",
          "新增贷款明细表",
          {
            text: "G6",
            link: {
              file: "收件/贷款.xlsx",
              sheet: "新增贷款明细表",
              cell: "G6",
            },
          },
          "贷款提款时间为2023年11月30日",
        ],
        severity: "error",
      },
      {
        cells: ['=HYPERLINK("http://x")', "+1", "-1", "@SUM(A1)"],
        severity: "warning",
      },
    ],
  },
};

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

describe("writeReviewWorkbook", () => {
  it("writes 汇总 then 审核结果, header in row 1, values as given; reads back with our reader", async () => {
    const bytes = await writeReviewWorkbook(layout, {
      linkPath: () => "../收件/贷款.xlsx",
    });
    const wb = await load(bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["汇总", "审核结果"]);
    const summary = wb.getWorksheet("汇总")!;
    expect(summary.getRow(1).values).toEqual([undefined, "文件", "错误"]);
    expect(summary.getCell("A2").value).toBe("收件/贷款.xlsx");
    expect(summary.getCell("B2").value).toBe(2);

    const read = readWorkbook(bytes, "审核结果.xlsx");
    if (!read.ok) throw new Error(read.error.message);
    const rows = read.workbook.sheets[1]!.rows;
    expect(rows[1]!.map((c) => c?.v)).toEqual([
      "收件/贷款.xlsx",
      "新增贷款明细表",
      "G6",
      "贷款提款时间为2023年11月30日",
    ]);
  });

  it("links the cell with HYPERLINK to the checked file's sheet and cell, the address as its text", async () => {
    const wb = await load(
      await writeReviewWorkbook(layout, {
        linkPath: () => "../收件/贷款.xlsx",
      }),
    );
    const ws = wb.getWorksheet("审核结果")!;
    expect(ws.getCell("C2").value).toEqual({
      formula: `HYPERLINK("[../收件/贷款.xlsx]'新增贷款明细表'!G6","G6")`,
      result: "G6",
    });
    expect(ws.getCell("C2").font.underline).toBe(true);
  });

  it("without a link path, the cell holds the address text only", async () => {
    const wb = await load(await writeReviewWorkbook(layout));
    expect(wb.getWorksheet("审核结果")!.getCell("C2").value).toBe("G6");
  });

  it("text starting with = + - @ stays text (format @), never a formula", async () => {
    const bytes = await writeReviewWorkbook(layout);
    const read = readWorkbook(bytes, "审核结果.xlsx");
    if (!read.ok) throw new Error(read.error.message);
    const sheetJsRow = read.workbook.sheets[1]!.rows[2]!;
    expect(sheetJsRow.map((c) => [c?.v, c?.f])).toEqual([
      ['=HYPERLINK("http://x")', undefined],
      ["+1", undefined],
      ["-1", undefined],
      ["@SUM(A1)", undefined],
    ]);
    const wb = await load(bytes);
    const ws = wb.getWorksheet("审核结果")!;
    for (const [i, text] of [
      '=HYPERLINK("http://x")',
      "+1",
      "-1",
      "@SUM(A1)",
    ].entries()) {
      expect(ws.getCell(3, i + 1).type).toBe(ExcelJS.ValueType.String);
      expect(ws.getCell(3, i + 1).value).toBe(text);
      expect(ws.getCell(3, i + 1).numFmt).toBe("@");
    }
  });

  it("A4 landscape one page wide, header repeated and frozen, autofilter, page numbers, 错误/警告 rows coloured", async () => {
    const wb = await load(await writeReviewWorkbook(layout));
    const ws = wb.getWorksheet("审核结果")!;
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: "1:1",
    });
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.autoFilter).toBe("A1:D1");
    expect(ws.headerFooter.oddFooter).toBe("&C第 &P 页，共 &N 页");
    expect(ws.getCell("A1").font.bold).toBe(true);
    expect(ws.getColumn(4).width).toBe(70);
    expect(ws.getCell("D2").alignment.wrapText).toBe(true);
    expect(ws.getCell("A2").fill).toMatchObject({
      fgColor: { argb: "FFFDE2E2" },
    });
    expect(ws.getCell("A3").fill).toMatchObject({
      fgColor: { argb: "FFFFF4CE" },
    });
  });
});

describe("externalLinkFormula", () => {
  const link = { file: "a.xlsx", sheet: "新增贷款明细表", cell: "G6" };

  it("doubles ' in the sheet name and \" in the literal, so names cannot become formula code", () => {
    expect(
      externalLinkFormula(
        '收件/"甲".xlsx',
        { ...link, sheet: "O'Neil表" },
        "G6",
      ),
    ).toBe(`HYPERLINK("[收件/""甲"".xlsx]'O''Neil表'!G6","G6")`);
  });

  it("gives no link for a path with [ or ], or a reference over 255 characters", () => {
    expect(
      externalLinkFormula("收件/[2024]贷款.xlsx", link, "G6"),
    ).toBeUndefined();
    expect(
      externalLinkFormula(`${"长".repeat(240)}.xlsx`, link, "G6"),
    ).toBeUndefined();
    expect(
      externalLinkFormula(`${"长".repeat(200)}.xlsx`, link, "G6"),
    ).toBeDefined();
  });
});
