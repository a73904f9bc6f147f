/** mergeFiles (core): rows taken, order, 序号, layout, 合并日志 and findings mapped back to their files. */
import { getTable } from "../../../src/core/catalog/tables";
import { cellText, type Sheet } from "../../../src/core/model/grid";
import { mergeFiles, type MergeInput } from "../../../src/core/merge";
import { checkWorkbook } from "../../../src/core/check/engine";
import {
  dateCell,
  loanRow,
  sheetFromRows,
  tableSheet,
  workbookOf,
  type CellInput,
} from "../../helpers/sheet";

/** A clean 情况表 row (values of ../shared/samples/project-info-1.xlsx) with overrides. */
function infoRow(
  enterpriseName: string,
  over: Record<string, CellInput> = {},
): Record<string, CellInput> {
  return {
    seq: 1,
    city: "晋城市",
    county: "泽州县",
    enterpriseName,
    special: "企业增量提质专项",
    // A direction that needs no detail table, so that PACKAGE-TABLES stays out of these tests.
    direction: "产业链人才培养奖励",
    projectName: "产业链人才培养奖励（高端装备制造产业链）",
    nature: "民营企业",
    category: "战略性新兴产业",
    industry: "高端装备制造",
    contact: "冯工 13835610011",
    ...over,
  };
}

function infoSheet(rows: Record<string, CellInput>[]): Sheet {
  return tableSheet("project-info", rows);
}

const SHA = (n: number) => n.toString(16).padStart(64, "0");

function input(fileName: string, sheets: Sheet[], n = 1): MergeInput {
  return {
    fileName,
    size: 1000 + n,
    sha256: SHA(n),
    read: { ok: true, workbook: workbookOf(sheets, fileName) },
  };
}

function unreadable(fileName: string, message: string): MergeInput {
  return {
    fileName,
    size: 0,
    sha256: SHA(0xe3b0),
    read: { ok: false, error: { message } },
  };
}

/** The merged rows as [序号, 所在市, 所在县, 企业名称, source file, source row]. */
function rowsOf(r: ReturnType<typeof mergeFiles>): (string | number)[][] {
  return r.summary.rows.map((x) => [
    x.seq,
    cellText(x.cells[1]),
    cellText(x.cells[2]),
    cellText(x.cells[4]),
    x.source.file,
    x.source.row,
  ]);
}

describe("mergeFiles", () => {
  it("orders rows by 所在市 (official order), 所在县 (official order), file name, then row, and numbers them 1..n", () => {
    const r = mergeFiles([
      input(
        "b.xlsx",
        [infoSheet([infoRow("乙", { city: "太原市", county: "迎泽区" })])],
        1,
      ),
      input("a.xlsx", [infoSheet([infoRow("甲")])], 2),
      input(
        "c.xlsx",
        [
          infoSheet([
            infoRow("丙", { city: "太原市", county: "迎泽区" }),
            infoRow("丁", { seq: 2, city: "太原", county: "小店区" }),
          ]),
        ],
        3,
      ),
      input(
        "0.xlsx",
        [infoSheet([infoRow("戊", { city: "忻州市", county: "定襄县" })])],
        4,
      ),
    ]);
    expect(rowsOf(r)).toEqual([
      [1, "太原", "小店区", "丁", "c.xlsx", 5],
      [2, "太原市", "迎泽区", "乙", "b.xlsx", 4],
      [3, "太原市", "迎泽区", "丙", "c.xlsx", 4],
      [4, "晋城市", "泽州县", "甲", "a.xlsx", 4],
      [5, "忻州市", "定襄县", "戊", "0.xlsx", 4],
    ]);
    // The 序号 cell holds the new number; every other cell is the received one.
    expect(r.summary.rows.map((x) => x.cells[0])).toEqual(
      [1, 2, 3, 4, 5].map((v) => ({ v })),
    );
    expect(r.summary.rows.map((x) => x.row)).toEqual([3, 4, 5, 6, 7]);
  });

  it("draws the 附件3 layout: title, 审核单位 line with the unit, the official header, one data row per merged row", () => {
    const r = mergeFiles(
      [
        input("a.xlsx", [
          infoSheet([infoRow("甲"), infoRow("乙", { seq: 2 })]),
        ]),
      ],
      { unit: " 晋城市工业和信息化局 " },
    );
    const { layout, sheet } = r.summary;
    const def = getTable("application-summary");
    const text = (row: number) =>
      (sheet.rows[row] ?? []).map((c) => cellText(c));
    expect(text(0)).toEqual([def.title]);
    expect(text(1)).toEqual(["审核单位（公章）：晋城市工业和信息化局"]);
    expect(text(2)).toEqual(def.columns.map((c) => c.header));
    expect(layout.dataRows).toEqual({ first: 3, last: 4 });
    expect(layout.lastRow).toBe(4);
    expect(layout.sheetName).toBe("申报汇总表");
    expect(sheet.mark).toEqual({ tableId: "application-summary", version: 1 });
    // Our checker reads the merged sheet back as the 申报汇总表 with the unit and both rows.
    const back = checkWorkbook(workbookOf([sheet]));
    expect(back.tables.map((t) => [t.table, t.rows])).toEqual([
      ["application-summary", 2],
    ]);
  });

  it("without rows, the 汇总表 still has the official frame with one empty data row", () => {
    const r = mergeFiles([unreadable("x.xlsx", "文件为空：x.xlsx")]);
    expect(r.summary.rows).toEqual([]);
    expect(r.summary.layout.dataRows).toEqual({ first: 3, last: 3 });
    expect(cellText(r.summary.sheet.rows[1]?.[0])).toBe("审核单位（公章）：");
    expect(r.exempt).toBeUndefined();
  });

  it("logs every input: 已合并, 有错误仍合并, 未识别到情况表 (no table; an empty table) and 无法读取 with the reason", () => {
    const other = sheetFromRows("说明", [["请于3月底前报送"]]);
    const empty = tableSheet("project-info", [], { name: "空表" });
    const r = mergeFiles([
      input("ok.xlsx", [infoSheet([infoRow("甲")])], 1),
      input(
        "bad.xlsx",
        [infoSheet([infoRow("乙", { special: "不存在的专项" })])],
        2,
      ),
      input("other.xlsx", [other], 3),
      input("empty.xlsx", [empty], 4),
      unreadable(
        "broken.xlsx",
        "文件已损坏：broken.xlsx（无法读出其中的表格）",
      ),
    ]);
    expect(
      r.log.map((e) => [
        e.file,
        e.size,
        e.sha256,
        e.status,
        e.summaryRows,
        e.reason,
      ]),
    ).toEqual([
      ["ok.xlsx", 1001, SHA(1), "已合并", 1, undefined],
      ["bad.xlsx", 1002, SHA(2), "有错误仍合并", 1, undefined],
      [
        "other.xlsx",
        1003,
        SHA(3),
        "未识别到情况表",
        0,
        "未找到项目情况表、申报汇总表或“免申即享”申报表",
      ],
      [
        "empty.xlsx",
        1004,
        SHA(4),
        "未识别到情况表",
        0,
        "工作表“空表”中没有填写数据的行",
      ],
      [
        "broken.xlsx",
        0,
        SHA(0xe3b0),
        "无法读取",
        0,
        "文件已损坏：broken.xlsx（无法读出其中的表格）",
      ],
    ]);
    expect(r.log[0]!.counts).toEqual({ errors: 0, warnings: 0, infos: 0 });
    expect(r.log[1]!.counts.errors).toBe(1);
    expect(r.log[0]!.sheets).toEqual(["项目情况表"]);
    // Rows out = rows taken from the readable files.
    expect(r.summary.rows.map((x) => x.source.file)).toEqual([
      "bad.xlsx",
      "ok.xlsx",
    ]);
    // A notes sheet gives no finding (its file's reason says why nothing was taken); the failing cell is located in
    // its file.
    expect(
      r.findings.map((f) => [f.file, f.sheet, f.cell, f.rule, f.severity]),
    ).toEqual([["bad.xlsx", "项目情况表", "F4", "INFO-SPECIAL", "error"]]);
    expect(r.counts).toEqual({ errors: 1, warnings: 0, infos: 0 });
    expect(r.checks.map((c) => [c.file, c.status])).toEqual([
      ["ok.xlsx", "ok"],
      ["bad.xlsx", "ok"],
      ["other.xlsx", "ok"],
      ["empty.xlsx", "ok"],
      ["broken.xlsx", "unreadable"],
    ]);
  });

  it("an unexpected failure while checking one file is that file's 无法读取 reason; the others merge", () => {
    // A workbook without its sheet list stands for any program error inside recognition or the rules.
    const broken = {
      fileName: "怪.xlsx",
      sheets: null as unknown as Sheet[],
      date1904: false,
    };
    const r = mergeFiles([
      {
        fileName: "怪.xlsx",
        size: 5,
        sha256: SHA(5),
        read: { ok: true, workbook: broken },
      },
      input("a.xlsx", [infoSheet([infoRow("甲")])], 1),
    ]);
    expect(r.log.map((e) => [e.file, e.status, e.summaryRows])).toEqual([
      ["怪.xlsx", "无法读取", 0],
      ["a.xlsx", "已合并", 1],
    ]);
    expect(r.log[0]!.reason).toMatch(/^检查时程序内部错误：怪\.xlsx（.+）$/);
    expect(r.checks[0]).toMatchObject({
      file: "怪.xlsx",
      status: "unreadable",
    });
  });

  it("merges a byte-identical copy (same SHA-256) once: the copy is logged 重复文件 naming the first file", () => {
    const r = mergeFiles([
      input("a.xlsx", [infoSheet([infoRow("甲")])], 7),
      input("副本.xlsx", [infoSheet([infoRow("甲")])], 7),
    ]);
    expect(
      r.log.map((e) => [e.file, e.status, e.summaryRows, e.reason]),
    ).toEqual([
      ["a.xlsx", "已合并", 1, undefined],
      [
        "副本.xlsx",
        "重复文件",
        0,
        "与“a.xlsx”内容完全相同（SHA-256 相同），只合并一次",
      ],
    ]);
    expect(r.summary.rows).toHaveLength(1);
    expect(r.findings.filter((f) => f.rule === "MERGE-DUP")).toEqual([]);
  });

  it("an excluded file (修改版 kept, old file out) is logged 已排除 with the reason and gives no row and no finding", () => {
    const old = input(
      "甲-旧.xlsx",
      [infoSheet([infoRow("甲", { special: "不存在的专项" })])],
      1,
    );
    const r = mergeFiles([
      { ...old, excluded: "按 --exclude 不纳入汇总" },
      input("甲-修改版.xlsx", [infoSheet([infoRow("甲")])], 2),
    ]);
    expect(
      r.log.map((e) => [e.file, e.status, e.summaryRows, e.reason]),
    ).toEqual([
      ["甲-旧.xlsx", "已排除", 0, "按 --exclude 不纳入汇总"],
      ["甲-修改版.xlsx", "已合并", 1, undefined],
    ]);
    expect(r.summary.rows.map((x) => x.source.file)).toEqual([
      "甲-修改版.xlsx",
    ]);
    expect(r.counts.errors).toBe(0);
    expect(r.checks.map((c) => c.file)).toEqual(["甲-修改版.xlsx"]);
  });

  it("a 错误 in a detail table of the file (贷款明细表) makes a clean 情况表's file 有错误仍合并", () => {
    const loanInfo = infoRow("阳泉市东方新材料有限公司", {
      city: "阳泉市",
      county: "平定县",
      direction: "产业链贷款贴息",
      projectName: "产业链贷款贴息（碳基新材料产业链）",
      industry: "新材料",
    });
    const r = mergeFiles([
      input(
        "clean.xlsx",
        [infoSheet([loanInfo]), tableSheet("loan-interest", [loanRow(1)])],
        1,
      ),
      input(
        "bad.xlsx",
        [
          infoSheet([
            { ...loanInfo, enterpriseName: "阳泉市西方新材料有限公司" },
          ]),
          tableSheet("loan-interest", [
            loanRow(1, {
              enterpriseName: "阳泉市西方新材料有限公司",
              drawdownDate: dateCell("2023-11-30"),
            }),
          ]),
        ],
        2,
      ),
    ]);
    expect(
      r.log.map((e) => [e.file, e.status, e.summaryRows, e.counts.errors]),
    ).toEqual([
      ["clean.xlsx", "已合并", 1, 0],
      ["bad.xlsx", "有错误仍合并", 1, 1],
    ]);
    expect(
      r.findings
        .filter((f) => f.severity === "error")
        .map((f) => [f.file, f.sheet, f.cell, f.rule]),
    ).toEqual([["bad.xlsx", "新增贷款明细表", "G5", "LOAN-DRAW-YEAR"]]);
    expect(r.counts.errors).toBe(1);
    expect(r.packages.map((g) => [g.enterprise, g.files])).toEqual([
      ["阳泉市东方新材料有限公司", [0]],
      ["阳泉市西方新材料有限公司", [1]],
    ]);
  });

  it("MERGE-DUP across two files: one finding on the later row, located in its file, naming the other file", () => {
    const r = mergeFiles([
      input("甲公司.xlsx", [infoSheet([infoRow("晋城市甲机械有限公司")])], 1),
      input("转报.xlsx", [infoSheet([infoRow("晋城市甲机械有限公司")])], 2),
    ]);
    const dup = r.findings.filter((f) => f.rule === "MERGE-DUP");
    expect(dup).toEqual([
      {
        file: "转报.xlsx",
        sheet: "项目情况表",
        cell: "E4",
        row: 4,
        column: "企业（单位）名称",
        severity: "warning",
        rule: "MERGE-DUP",
        message:
          "“晋城市甲机械有限公司”的同一申报方向、同一项目名称与第4行重复。（合并后见“申报汇总表”第5行；第4行来自“甲公司.xlsx”工作表“项目情况表”第4行）",
        source: "附件3",
        merged: { sheet: "申报汇总表", cell: "E5", row: 5 },
        related: { file: "甲公司.xlsx", input: 0, sheet: "项目情况表", row: 4 },
      },
    ]);
    expect(r.log.map((e) => e.counts.warnings)).toEqual([0, 1]);
  });

  it("MERGE-* findings within one file are reported once (on the merged table), not again by the file's own check", () => {
    const r = mergeFiles([
      input("a.xlsx", [infoSheet([infoRow("甲"), infoRow("甲", { seq: 2 })])]),
    ]);
    expect(r.findings.map((f) => [f.rule, f.cell, f.merged?.cell])).toEqual([
      ["MERGE-DUP", "E5", "E5"],
    ]);
  });

  it("MERGE-CITY: with --unit, a row of another city is a 警告 at its 所在市 cell; without a unit, nothing", () => {
    const files = [
      input("a.xlsx", [infoSheet([infoRow("甲")])], 1),
      input(
        "b.xlsx",
        [infoSheet([infoRow("乙", { city: "太原市", county: "小店区" })])],
        2,
      ),
    ];
    const withUnit = mergeFiles(files, { unit: "晋城市工业和信息化局" });
    expect(
      withUnit.findings.map((f) => [
        f.rule,
        f.severity,
        f.file,
        f.cell,
        f.merged?.cell,
      ]),
    ).toEqual([["MERGE-CITY", "warning", "b.xlsx", "B4", "B4"]]);
    expect(mergeFiles(files).findings).toEqual([]);
  });

  it("takes 免申即享 rows (附件4 sheets, and the enterprise's 申报表 without 序号) into the 免申即享汇总表", () => {
    const demo = {
      city: "太原市",
      county: "小店区",
      enterpriseName: "太原市丙科技有限公司",
      demonstrationApplied: "绿色工厂",
      demo2024_1: "绿色工厂",
      demonstrationCount: 1,
      demonstrationCum_1: "绿色工厂（2024年）",
      nature: "民营企业",
      industry: "新材料",
      contact: "赵敏 13700000003",
    };
    const summary = tableSheet("exempt-summary", [{ seq: 1, ...demo }], {
      lines: ["审核单位（公章）：小店区工信局"],
    });
    const application = tableSheet(
      "exempt-summary",
      [
        {
          ...demo,
          city: "大同市",
          county: "平城区",
          enterpriseName: "大同市丁有限公司",
        },
      ],
      {
        headers: { seq: null },
        lines: ["企业名称：（公章）"],
        title: "“免申即享”申报表",
      },
    );
    const r = mergeFiles(
      [
        input("县汇总.xlsx", [summary], 1),
        input("丁.xlsx", [application], 2),
        input("甲.xlsx", [infoSheet([infoRow("甲")])], 3),
      ],
      {
        unit: "太原市工业和信息化局",
      },
    );
    expect(r.exempt?.sheetName).toBe("免申即享汇总表");
    expect(
      r.exempt?.rows.map((x) => [x.seq, cellText(x.cells[4]), x.source.file]),
    ).toEqual([
      [1, "太原市丙科技有限公司", "县汇总.xlsx"],
      [2, "大同市丁有限公司", "丁.xlsx"],
    ]);
    expect(r.exempt?.layout.headerRows).toEqual({ first: 2, last: 3 });
    expect(r.exempt?.rows[0]!.row).toBe(4);
    // The 申报表 has no 序号 column: no source cell for it.
    expect(r.exempt?.rows[1]!.sourceCells.slice(0, 2)).toEqual([
      undefined,
      "A5",
    ]);
    expect(r.log.map((e) => [e.summaryRows, e.exemptRows, e.sheets])).toEqual([
      [0, 1, ["免申即享申报汇总表"]],
      [0, 1, ["免申即享申报汇总表"]],
      [1, 0, ["项目情况表"]],
    ]);
    expect(cellText(r.exempt?.sheet.rows[1]?.[0])).toBe(
      "审核单位（公章）：太原市工业和信息化局",
    );
  });

  it("takes values as stored: a formula's cached value, text starting with = + - @, numbers with their format, errors", () => {
    const row = infoRow("甲", {
      devZone: { v: "高新区", f: 'CONCAT("高新","区")' },
      projectName: '=HYPERLINK("http://x","y")',
      nature: "+cmd|' /C calc'!A0",
      category: "-2+3",
      industry: "@SUM(1)",
      contact: { v: 13835610011, z: "0" },
      county: { v: null, e: "#N/A" },
    });
    const r = mergeFiles([input("a.xlsx", [infoSheet([row])])]);
    const cells = r.summary.rows[0]!.cells;
    expect(cells.slice(2, 4)).toEqual([
      { v: null, e: "#N/A" },
      { v: "高新区" },
    ]);
    expect(cells.slice(7)).toEqual([
      { v: '=HYPERLINK("http://x","y")' },
      { v: "+cmd|' /C calc'!A0" },
      { v: "-2+3" },
      { v: "@SUM(1)" },
      { v: 13835610011, z: "0" },
    ]);
  });

  it("a date of a 1904-system workbook keeps its day in the merged (1900-system) table", () => {
    const row = infoRow("甲", {
      devZone: { v: 43000, z: "yyyy-mm-dd", date: "2021-09-23" },
    });
    const wb = workbookOf([infoSheet([row])], "mac.xlsx", true);
    const r = mergeFiles([
      {
        fileName: "mac.xlsx",
        size: 1,
        sha256: SHA(1),
        read: { ok: true, workbook: wb },
      },
    ]);
    expect(r.summary.rows[0]!.cells[3]).toEqual({
      v: 44462,
      z: "yyyy-mm-dd",
      date: "2021-09-23",
    });
  });
});
