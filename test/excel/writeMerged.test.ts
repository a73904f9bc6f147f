import { getTable } from "../../src/core/catalog";
import { mergeFiles, type MergeResult } from "../../src/core/merge";
import { parseA1 } from "../../src/core/model/grid";
import {
  createMergeOperations,
  mergedRowsBlock,
  writeMergedSheets,
} from "../../src/excel/writeMerged";
import { tableSheet, workbookOf } from "../helpers/sheet";
import { infoRow } from "../taskpane/workbench/fakes";
import {
  FakeExcel,
  type FakeSheet,
  installCheckFake,
  uninstallCheckFake,
} from "./checkFake";

afterEach(uninstallCheckFake);

/** A strict fake workbook with these sheets. */
function workbook(sheets: string[]): FakeExcel {
  const fake = installCheckFake(new FakeExcel());
  for (const name of sheets) fake.addSheet(name);
  return fake;
}

/** Value, formula and number format of a cell (A1). */
function cellAt(sheet: FakeSheet, address: string) {
  const { r, c } = parseA1(address);
  return sheet.cells.get(`${r},${c}`);
}

const PAYLOADS = {
  projectName: '=HYPERLINK("http://example.com","点击")',
  contact: "+cmd|' /C calc'!A0",
  devZone: "-1+1",
  enterpriseName: "@SUM(A1)",
  // A long digit string: entered as a number it would lose its last digits.
  nature: "123456789012345678",
};

/** A merge of two received 项目情况表, the second with formula-like texts and a long digit string. */
function merged(): MergeResult {
  const file = (name: string, row: Record<string, unknown>) => ({
    fileName: name,
    read: {
      ok: true as const,
      workbook: workbookOf([tableSheet("project-info", [row as never])], name),
    },
  });
  return mergeFiles([
    file("甲.xlsx", infoRow()),
    file("乙.xlsx", infoRow({ ...PAYLOADS, county: "晋源区" })),
    {
      fileName: "坏.xlsx",
      read: { ok: false, error: { message: "文件已损坏：坏.xlsx" } },
    },
  ]);
}

describe("writeMergedSheets", () => {
  it("adds 申报汇总表, 合并日志 and 审核结果 as new sheets in one run (a read, one write, events back on); taken names get a suffix", async () => {
    const fake = workbook(["Sheet1", "申报汇总表"]);
    fake.sheet("申报汇总表").cells.set("0,0", { value: "用户的表" });
    const before = fake.snapshot();
    const sheets = await writeMergedSheets(merged());
    expect(sheets).toEqual(["申报汇总表(2)", "合并日志", "审核结果"]);
    expect(fake.sheets.map((s) => s.name)).toEqual([
      "Sheet1",
      "申报汇总表",
      "techfund_lists",
      "申报汇总表(2)",
      "合并日志",
      "审核结果",
    ]);
    expect([fake.runs, fake.syncs]).toEqual([1, 3]);
    const after = JSON.parse(fake.snapshot()) as unknown[];
    expect(JSON.stringify(after.slice(0, 2))).toBe(before);
    expect(fake.active).toBe("申报汇总表(2)");
    expect(fake.ownEvents).toEqual([]);
  });

  it("writes received values with range.values, every text cell formatted as text (@) — never as a formula", async () => {
    const fake = workbook(["Sheet1"]);
    const result = merged();
    await writeMergedSheets(result);
    const sheet = fake.sheet("申报汇总表");
    const first = result.summary.layout.dataRows.first;
    const n = getTable("application-summary").columns.length;
    // Row 2 came from 乙.xlsx (太原市 晋源区 after 小店区): formula-like texts stay text.
    const columns = getTable("application-summary").columns.map((c) => c.key);
    for (const [key, text] of Object.entries(PAYLOADS)) {
      const cell = sheet.cells.get(`${first + 1},${columns.indexOf(key)}`);
      expect([key, cell?.value, cell?.formula, cell?.numberFormat]).toEqual([
        key,
        text,
        undefined,
        "@",
      ]);
    }
    expect([0, 1].map((i) => sheet.cells.get(`${first + i},0`)?.value)).toEqual(
      [1, 2],
    );
    for (let c = 0; c < n; c++)
      expect(sheet.cells.get(`${first + 1},${c}`)?.formula).toBeUndefined();
  });

  it("keeps numbers as numbers with their format, and empty cells with the column's format", () => {
    const result = merged();
    const block = mergedRowsBlock(result.summary);
    const formats = new Map(
      result.summary.layout.columnFormats.map((f) => [f.c, f.numFmt]),
    );
    expect(block.values[0]![0]).toBe(1);
    const devZone = getTable("application-summary").columns.findIndex(
      (c) => c.key === "devZone",
    );
    expect([
      block.values[0]![devZone],
      block.numberFormat[0]![devZone],
    ]).toEqual(["", formats.get(devZone) ?? "General"]);
  });

  it("draws the 合并日志 and 审核结果 as tables: header row, numbers as numbers, texts as text, frozen, filtered", async () => {
    const fake = workbook([]);
    await writeMergedSheets(merged());
    const log = fake.sheet("合并日志");
    const row = (r: number, cols: number) =>
      Array.from(
        { length: cols },
        (_, c) => log.cells.get(`${r},${c}`)?.value ?? "",
      );
    expect(row(0, 9)).toEqual([
      "文件",
      "大小（字节）",
      "SHA-256",
      "状态",
      "取用行数",
      "错误",
      "警告",
      "提示",
      "说明",
    ]);
    expect(
      [0, 1, 2, 3, 4].map((r) => [0, 3, 4].map((c) => row(r, 9)[c])),
    ).toEqual([
      ["文件", "状态", "取用行数"],
      ["甲.xlsx", "已合并", 1],
      ["乙.xlsx", "有错误仍合并", 1],
      ["坏.xlsx", "无法读取", 0],
      ["合计：3 个文件", "", 2],
    ]);
    expect([3, 4, 5].map((c) => log.cells.get(`1,${c}`)?.numberFormat)).toEqual(
      ["@", "General", "General"],
    );
    // 乙 (有错误仍合并) and 坏 (无法读取) are 错误 rows, next to each other: filled red.
    for (const a of ["A3", "I4"])
      expect(cellAt(log, a)?.formats?.["fill.color"]).toBe("#FDE2E2");
    expect(cellAt(log, "A2")?.formats?.["fill.color"]).toBeUndefined();
    expect(log.freeze).toBe("rows:1");
    expect(log.autoFilter).toBe("A1:I5");
    const review = fake.sheet("审核结果");
    expect(
      Array.from({ length: 10 }, (_, c) => review.cells.get(`0,${c}`)?.value),
    ).toEqual([
      "文件",
      "工作表",
      "单元格",
      "列名",
      "级别",
      "规则",
      "说明",
      "通知依据",
      "企业核实性说明",
      "说明状态",
    ]);
  });

  it("says in Chinese when Excel refuses the batch (leaving nothing behind) or is too old", async () => {
    const fake = workbook(["Sheet1"]);
    const before = fake.snapshot();
    fake.failNext = {
      code: "InvalidArgument",
      when: (op) => op === "autoFilter",
    };
    await expect(writeMergedSheets(merged())).rejects.toThrow(
      /^写入合并结果失败：Excel 不接受本次写入的参数/,
    );
    expect(fake.snapshot()).toBe(before);
    expect(fake.names).toEqual([]);
    uninstallCheckFake();
    workbook([]).apiMinor = 8;
    await expect(
      createMergeOperations().writeMerged(merged()),
    ).rejects.toMatchObject({
      name: "OperationError",
      code: "ExcelTooOld",
      message: expect.stringContaining("ExcelApi 1.9"),
    });
  });
});
