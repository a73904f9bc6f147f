/**
 * Every write operation against the strict fake (checkFake.ts): what real Excel refuses (enum values, shapes, data
 * validation limits, sheet names, names, 5 MB) fails here too, and a refused batch leaves the workbook as it was.
 * Workbooks generated with fast-check: wide, merged, Chinese.
 */
import fc from "fast-check";
import { TABLES } from "../../src/core/catalog/tables";
import { mergeFiles } from "../../src/core/merge";
import { checkWorkbook } from "../../src/core/check/engine";
import { createCheckOperations } from "../../src/excel/check/operations";
import { readOpenWorkbook } from "../../src/excel/check/read";
import { insertTemplate } from "../../src/excel/insertTemplate";
import { createTemplateOperations } from "../../src/excel/operations";
import { writeMergedSheets } from "../../src/excel/writeMerged";
import { tableSheet, workbookOf } from "../helpers/sheet";
import { infoRow } from "../taskpane/workbench/fakes";
import { DRAWN_2023, t1 } from "./checkT1";
import { FakeExcel, installCheckFake, uninstallCheckFake } from "./checkFake";

afterEach(uninstallCheckFake);

describe("insert on the strict fake", () => {
  it("inserts every official table (T4/T5 for three years) with valid enums, shapes, validations and names", async () => {
    const fake = installCheckFake(new FakeExcel());
    fake.addSheet("Sheet1");
    for (const table of TABLES)
      await insertTemplate(table.id, { years: [2022, 2023, 2024] });
    const validations = fake.sheets.flatMap((s) => s.validations);
    expect(validations.length).toBeGreaterThan(50);
    expect(fake.sheet("techfund_lists").visibility).toBe("Hidden");
    // Dependent dropdowns refer to their parent column absolutely (no relative anchor).
    const dependent = validations
      .map((v) => (v.rule as { list?: { source: string } })?.list?.source)
      .filter((s) => s?.includes("INDIRECT"));
    expect(dependent.length).toBeGreaterThan(0);
    for (const s of dependent)
      expect(s).toMatch(/INDEX\(\$[A-Z]+:\$[A-Z]+,ROW\(\)\)/);
  });

  it("leaves nothing behind when Excel refuses a command half-way (no sheet, no list sheet, no name)", async () => {
    const fake = installCheckFake(new FakeExcel());
    fake.addSheet("Sheet1", [["用户的数据"]]);
    const before = fake.snapshot();
    fake.failNext = {
      code: "InvalidArgument",
      when: (op) => op === "dataValidation.errorAlert",
    };
    await expect(
      createTemplateOperations().insertTable("loan-interest"),
    ).rejects.toMatchObject({
      name: "OperationError",
      code: "InvalidArgument",
      message: expect.stringMatching(
        /^插入《.*》失败：Excel 不接受本次写入的参数/,
      ),
    });
    expect(fake.snapshot()).toBe(before);
    expect(fake.names).toEqual([]);
    // The next try works and is named without a suffix.
    expect(await insertTemplate("loan-interest")).toEqual(["新增贷款明细表"]);
  });

  it("refuses what Excel refuses: an invalid sheet name, a taken name, an enum outside its union", async () => {
    const fake = installCheckFake(new FakeExcel());
    fake.addSheet("Sheet1");
    const run = (f: (ws: any, ctx: any) => void) =>
      Excel.run(async (ctx: any) => {
        f(ctx.workbook.worksheets.getItem("Sheet1"), ctx);
        await ctx.sync();
      });
    await expect(
      run((_, c) => c.workbook.worksheets.add("a/b")),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(
      run((_, c) => c.workbook.worksheets.add("x".repeat(32))),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(
      run((_, c) => c.workbook.worksheets.add("SHEET1")),
    ).rejects.toMatchObject({ code: "ItemAlreadyExists" });
    await expect(
      run((ws) => (ws.getRange("A1").format.horizontalAlignment = "Middle")),
    ).rejects.toMatchObject({
      code: "InvalidArgument",
    });
    await expect(
      run((ws) => (ws.getRange("A1:B2").values = [[1, 2]])),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(
      run(
        (ws) =>
          (ws.getRange("A1").dataValidation.rule = {
            list: { source: "甲,".repeat(130) },
          }),
      ),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(
      run(
        (ws) =>
          (ws.getRange("A1").dataValidation.prompt = {
            title: "题".repeat(33),
            message: "",
            showPrompt: true,
          }),
      ),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(
      run(
        (ws) =>
          (ws.getRange("A1:A40000").values = Array.from(
            { length: 40000 },
            () => ["中文说明文字".repeat(4)],
          )),
      ),
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    await expect(
      Excel.run(async (ctx: any) => {
        ctx.workbook.worksheets.load("items/name");
        await ctx.sync();
        return ctx.workbook.worksheets.items[0].id;
      }),
    ).rejects.toMatchObject({ code: "PropertyNotLoaded" });
  });
});

describe("merge writing on the strict fake", () => {
  it("writes 申报汇总表, 合并日志 and 审核结果 with the filter over the whole table", async () => {
    const fake = installCheckFake(new FakeExcel());
    fake.addSheet("Sheet1");
    const file = (name: string, county: string) => ({
      fileName: name,
      read: {
        ok: true as const,
        workbook: workbookOf(
          [tableSheet("project-info", [infoRow({ county }) as never])],
          name,
        ),
      },
    });
    const result = mergeFiles([
      file("甲.xlsx", "小店区"),
      file("乙.xlsx", "晋源区"),
    ]);
    const sheets = await writeMergedSheets(result);
    expect(sheets[0]).toBe("申报汇总表");
    const log = fake.sheet("合并日志");
    expect(log.autoFilter).toMatch(/^A1:[A-Z]+\d+$/);
    expect(log.autoFilter).not.toMatch(/^A1:[A-Z]+1$/);
  });
});

describe("checking generated workbooks on the strict fake", () => {
  /** A wide sheet of Chinese text with merged cells in its first rows. */
  const sheetArb = fc.record({
    name: fc.constantFrom("表一", "收到的表", "数据（2024）", "附件2"),
    width: fc.integer({ min: 1, max: 60 }),
    rows: fc.integer({ min: 1, max: 120 }),
    merges: fc.integer({ min: 0, max: 40 }),
    text: fc.string({
      unit: fc.constantFrom("中", "文", "山", "西", "技", "改", "1", " ", "'"),
      minLength: 0,
      maxLength: 12,
    }),
  });

  it("reads and checks exactly what the engine sees, within 5 MB per request", async () => {
    await fc.assert(
      fc.asyncProperty(sheetArb, async (spec) => {
        const fake = installCheckFake(new FakeExcel());
        const s = fake.addSheet(
          spec.name,
          Array.from({ length: spec.rows }, (_, r) =>
            Array.from({ length: spec.width }, (_, c) =>
              c % 3 === 1 ? "" : `${spec.text}${r}-${c}`,
            ),
          ),
        );
        s.merges = Array.from(
          { length: Math.min(spec.merges, spec.rows) },
          (_, r) => `A${r + 1}:B${r + 1}`,
        );
        const report = await createCheckOperations().checkWorkbook();
        const open = await Excel.run((c) => readOpenWorkbook(c));
        expect(report).toEqual(checkWorkbook(open.workbook));
        expect(open.workbook.sheets[0]!.merges).toHaveLength(s.merges.length);
        uninstallCheckFake();
      }),
      { numRuns: 25 },
    );
  });
});

describe("selectCell", () => {
  it("says in Chinese that a hidden sheet must be shown first, instead of Excel's raw error", async () => {
    const fake = installCheckFake(new FakeExcel());
    fake.addSheet("可见");
    fake.addSheet("隐藏的表").visibility = "Hidden";
    await expect(
      createCheckOperations().selectCell("隐藏的表", "B3"),
    ).rejects.toMatchObject({
      code: "SheetHidden",
      message: expect.stringContaining("工作表“隐藏的表”已隐藏"),
    });
    await createCheckOperations().selectCell("可见", "B3");
    expect(fake.selection).toEqual({ sheet: "可见", address: "B3" });
  });

  it("says which sheet this workbook lacks (a 差错清单 of another file), selecting nothing", async () => {
    const fake = installCheckFake(new FakeExcel());
    fake.addSheet("可见");
    await createCheckOperations().selectCell("可见", "A2");
    await expect(
      createCheckOperations().selectCell("新增贷款明细表", "G6"),
    ).rejects.toMatchObject({
      code: "ItemNotFound",
      message:
        "定位单元格失败：本工作簿中没有工作表“新增贷款明细表”。请打开报送的工作簿（差错清单中“文件”一栏），再定位到单元格 G6。",
    });
    expect(fake.selection).toEqual({ sheet: "可见", address: "A2" });
  });
});

describe("10,000 rows within Excel on the web's 5 MB per request (the strict fake refuses more)", () => {
  it("reads a table whose rows below the sample are far longer than the sample: refused syncs are split, every row read", async () => {
    const rows = 10_000;
    const long = "山西省技术改造专项资金".repeat(2); // 22 characters, 132 bytes escaped
    const fake = installCheckFake(new FakeExcel());
    fake.addSheet(
      "收到的表",
      Array.from({ length: rows }, (_, r) =>
        Array.from({ length: 6 }, (_, c) =>
          r < 50 ? `${r}-${c}` : `${long}${r}-${c}`,
        ),
      ),
    );
    const open = await Excel.run((c) => readOpenWorkbook(c));
    const sheet = open.workbook.sheets[0]!;
    expect(sheet.rows).toHaveLength(rows);
    expect(sheet.rows[rows - 1]![5]!.v).toBe(`${long}${rows - 1}-5`);
    expect(sheet.rows[49]![0]!.v).toBe("49-0");
    // The estimate from the short sample planned one request of the rest, which Excel refused (the fake refuses
    // over 5 MB); it was split until each part went through.
    const refused = fake.requests.filter((r) => r.bytes > 5 * 1024 * 1024);
    expect(refused.length).toBeGreaterThan(0);
    expect(fake.requests.length).toBeGreaterThan(refused.length + 3);
  });

  it("writes 审核结果 of 10,000 findings and a merge of 10,000 rows in several requests, nothing refused", async () => {
    const fake = installCheckFake(
      FakeExcel.of(
        workbookOf([
          t1(
            Array.from({ length: 10_000 }, (_, i) => ({
              ...DRAWN_2023,
              contractNo: `GH-YQ-2023-${String(i).padStart(5, "0")}`,
            })),
          ),
        ]),
      ),
    );
    const ops = createCheckOperations();
    const checked = await ops.checkWorkbook();
    // The engine settles the 10,000 equal findings into one; 审核结果 gets them one per row, as distinct findings.
    const [one] = checked.tables[0]!.findings;
    const report = {
      ...checked,
      tables: [
        {
          ...checked.tables[0]!,
          findings: Array.from({ length: 10_000 }, (_, i) => ({
            ...one!,
            cell: `G${i + 5}`,
            row: i + 5,
            range: `G${i + 5}`,
            rows: 1,
            message: `第${i + 5}行：${one!.message}`,
          })),
        },
      ],
    };
    const syncs = fake.syncs;
    expect(await ops.writeReviewSheet(report, [])).toBe("审核结果");
    expect(fake.syncs - syncs).toBeGreaterThan(4);
    const review = fake.sheet("审核结果");
    const links = [...review.cells.values()].filter((c) =>
      c.formula?.startsWith("=HYPERLINK"),
    );
    expect(links.length).toBeGreaterThanOrEqual(10_000);
    expect(fake.ownEvents).toEqual([]);

    const file = (i: number) => ({
      fileName: `企业${i}.xlsx`,
      read: {
        ok: true as const,
        workbook: workbookOf(
          [
            tableSheet("project-info", [
              infoRow({ projectName: `项目${i}的技术改造` }) as never,
            ]),
          ],
          `企业${i}.xlsx`,
        ),
      },
    });
    const result = mergeFiles(
      Array.from({ length: 10_000 }, (_, i) => file(i)),
    );
    const sheets = await writeMergedSheets(result);
    const summary = fake.sheet(sheets[0]!);
    const first = result.summary.layout.dataRows.first;
    expect(summary.cells.get(`${first + 9_999},0`)?.value).toBe(10_000);
  }, 120_000);
});
