import { getTable } from "../../src/core/catalog";
import { mergeFiles, type MergeResult } from "../../src/core/merge";
import { rangeAddress } from "../../src/core/template";
import {
  createMergeOperations,
  mergedRowsBlock,
  writeMergedSheets,
} from "../../src/excel/writeMerged";
import { tableSheet, workbookOf } from "../helpers/sheet";
import { infoRow } from "../taskpane/workbench/fakes";
import {
  type AddedSheet,
  installFakeExcel,
  project,
  rangesAt,
  uninstallFakeExcel,
} from "./insertFake";

afterEach(uninstallFakeExcel);

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

function sheetNamed(added: AddedSheet[], name: string): AddedSheet {
  const s = added.find((a) => a.name === name);
  if (!s)
    throw new Error(`no sheet ${name}: ${added.map((a) => a.name).join(", ")}`);
  return s;
}

describe("writeMergedSheets", () => {
  it("adds 申报汇总表, 合并日志 and 审核结果 as new sheets in one run with two syncs; taken names get a suffix", async () => {
    const fake = installFakeExcel(["Sheet1", "申报汇总表"]);
    const sheets = await writeMergedSheets(merged());
    expect(sheets).toEqual(["申报汇总表(2)", "合并日志", "审核结果"]);
    expect(fake.added.map((s) => s.name)).toEqual([
      "techfund_lists",
      "申报汇总表(2)",
      "合并日志",
      "审核结果",
    ]);
    expect([fake.runs(), fake.syncs()]).toEqual([1, 2]);
    expect(fake.touchedExisting).toEqual([]);
    expect(sheetNamed(fake.added, "申报汇总表(2)").mock.activated).toBe(true);
  });

  it("writes received values with range.values, every text cell formatted as text (@) — never as a formula", async () => {
    const fake = installFakeExcel(["Sheet1"]);
    const result = merged();
    await writeMergedSheets(result);
    const sheet = sheetNamed(fake.added, "申报汇总表");
    const { layout } = result.summary;
    const n = getTable("application-summary").columns.length;
    const first = layout.dataRows.first;
    const address = rangeAddress({
      s: { r: first, c: 0 },
      e: { r: first + 1, c: n - 1 },
    });
    // drawLayout styles the same block first; the data write is the range call that sets values.
    const block = rangesAt(sheet, address).find((m) => "values" in m);
    expect(
      Object.keys(block).filter((k) =>
        ["numberFormat", "values", "formulas"].includes(k),
      ),
    ).toEqual(["numberFormat", "values"]);
    // Row 2 came from 乙.xlsx (太原市 晋源区 after 小店区).
    const columns = getTable("application-summary").columns.map((c) => c.key);
    for (const [key, text] of Object.entries(PAYLOADS)) {
      const c = columns.indexOf(key);
      expect([key, block.values[1][c], block.numberFormat[1][c]]).toEqual([
        key,
        text,
        "@",
      ]);
    }
    expect(block.values.map((r: unknown[]) => r[0])).toEqual([1, 2]);
    // The layout's own formulas leave the data rows empty: no received value goes through range.formulas.
    const cells = project(sheet);
    for (let c = 0; c < n; c++)
      expect(cells.get(`${first + 1},${c}`)?.formula).toBe("");
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
    const fake = installFakeExcel([]);
    await writeMergedSheets(merged());
    const log = sheetNamed(fake.added, "合并日志");
    const whole = log.ranges.find((r) => Array.isArray(r.mock.values))!.mock;
    expect(whole.values[0]).toEqual([
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
    expect(whole.values.map((r: unknown[]) => [r[0], r[3], r[4]])).toEqual([
      ["文件", "状态", "取用行数"],
      ["甲.xlsx", "已合并", 1],
      ["乙.xlsx", "有错误仍合并", 1],
      ["坏.xlsx", "无法读取", 0],
      ["合计：3 个文件", "", 2],
    ]);
    expect(whole.numberFormat[1].slice(3, 6)).toEqual([
      "@",
      "General",
      "General",
    ]);
    // 乙 (有错误仍合并) and 坏 (无法读取) are 错误 rows, next to each other: one red fill over both.
    expect(rangesAt(log, "A3:I4").map((m) => m.format.fill.color)).toEqual([
      "#FDE2E2",
    ]);
    expect(log.mock.freezePanes.frozenRows).toBe(1);
    expect(log.mock.autoFilter.appliedTo).toBe("range:A1:I5");
    const review = sheetNamed(fake.added, "审核结果");
    const header = review.ranges.find((r) => Array.isArray(r.mock.values))!.mock
      .values[0];
    expect(header).toEqual([
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

  it("says in Chinese when Excel refuses the batch or is too old", async () => {
    installFakeExcel([], [], { failOnSync: 2 });
    await expect(writeMergedSheets(merged())).rejects.toThrow(
      /^写入合并结果失败：InvalidArgument/,
    );
    uninstallFakeExcel();
    installFakeExcel([], [], { excelApi19: false });
    await expect(
      createMergeOperations().writeMerged(merged()),
    ).rejects.toMatchObject({
      name: "OperationError",
      code: "ExcelTooOld",
      message: expect.stringContaining("ExcelApi 1.9"),
    });
  });
});
