/**
 * The merged workbook read back by other readers: SheetJS for sheets, cells, types, merges and defined names; the
 * raw sheet XML (JSZip) to prove that no received text became a formula; our own reader and checker for the mark.
 */
import { createHash } from "crypto";
import * as XLSX from "@e965/xlsx";
import JSZip from "jszip";
import { getTable } from "../../src/core/catalog/tables";
import type { Cell } from "../../src/core/model/grid";
import { mergeFiles, type MergeInput } from "../../src/core/merge";
import { checkWorkbook } from "../../src/core/check/engine";
import { writeMergedWorkbook } from "../../src/xlsx/merge";
import { readWorkbook } from "../../src/xlsx/read";
import { tableSheet, workbookOf, type CellInput } from "../helpers/sheet";

const PAYLOADS = [
  '=HYPERLINK("http://x","y")',
  "+cmd|' /C calc'!A0",
  "-2+3",
  "@SUM(1)",
];
const CODE = "911401001234567890";

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
    direction: "链上企业协作配套奖励",
    projectName: "链上企业协作配套奖励（高端装备制造产业链）",
    nature: "民营企业",
    category: "战略性新兴产业",
    industry: "高端装备制造",
    contact: "冯工 13835610011",
    ...over,
  };
}

function input(
  fileName: string,
  rows: Record<string, CellInput>[],
  sheets = [tableSheet("project-info", rows)],
): MergeInput {
  return {
    fileName,
    size: 123,
    // Each file its own hash: the merge takes byte-identical files once.
    sha256: createHash("sha256").update(fileName).digest("hex"),
    read: { ok: true, workbook: workbookOf(sheets, fileName) },
  };
}

const demo = {
  seq: 1,
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

let bytes: Uint8Array;
let wb: XLSX.WorkBook;
let zip: JSZip;
beforeAll(async () => {
  const result = mergeFiles(
    [
      input("甲.xlsx", [
        infoRow("甲", {
          devZone: PAYLOADS[0],
          projectName: PAYLOADS[1],
          nature: PAYLOADS[2],
          industry: PAYLOADS[3],
        }),
      ]),
      input("乙.xlsx", [
        infoRow("乙", {
          devZone: CODE,
          contact: { v: 13835610011, z: "0" } as Cell,
          county: { v: null, e: "#N/A" } as Cell,
        }),
      ]),
      input(
        "县汇总.xlsx",
        [],
        [
          tableSheet("exempt-summary", [demo], {
            lines: ["审核单位（公章）：小店区工信局"],
          }),
        ],
      ),
      {
        fileName: "坏.xlsx",
        size: 10,
        sha256: "cd".repeat(32),
        read: { ok: false, error: { message: "文件已损坏：坏.xlsx" } },
      },
    ],
    { unit: "晋城市工业和信息化局" },
  );
  bytes = await writeMergedWorkbook(result);
  wb = XLSX.read(bytes, {
    type: "array",
    cellFormula: true,
    cellNF: true,
    sheetStubs: true,
  });
  zip = await JSZip.loadAsync(bytes);
});

/** Sheet XML of the n-th sheet (1-based). */
async function sheetXml(n: number): Promise<string> {
  return zip.file(`xl/worksheets/sheet${n}.xml`)!.async("string");
}

/** The `<c r="…">…</c>` element of a cell in a sheet's XML. */
function cellXml(xml: string, address: string): string {
  const m = new RegExp(`<c r="${address}"[^>]*?(?:/>|>[\\s\\S]*?</c>)`).exec(
    xml,
  );
  if (!m) throw new Error(`no cell ${address}`);
  return m[0];
}

function texts(sheet: XLSX.WorkSheet, row: number, width: number): string[] {
  return Array.from({ length: width }, (_, c) =>
    String(sheet[XLSX.utils.encode_cell({ r: row, c })]?.v ?? ""),
  );
}

test("sheets: 申报汇总表, 免申即享汇总表, 合并日志, 审核结果, then the hidden list sheet; each 汇总表 marked", () => {
  expect(wb.SheetNames).toEqual([
    "申报汇总表",
    "免申即享汇总表",
    "统计",
    "合并日志",
    "审核结果",
    "techfund_lists",
  ]);
  const marks = (wb.Workbook?.Names ?? []).filter(
    (n) => n.Name.startsWith("TECHFUND_") && n.Name !== "TECHFUND_LISTS_V1",
  );
  expect(marks.map((n) => [n.Name, n.Sheet, n.Ref])).toEqual([
    ["TECHFUND_application_summary_V1", 0, "'申报汇总表'!$A$1"],
    ["TECHFUND_exempt_summary_V1", 1, "'免申即享汇总表'!$A$1"],
  ]);
});

test("our reader and checker recognise both 汇总表 of the merged file, with their rows and the unit", () => {
  const read = readWorkbook(bytes, "汇总.xlsx");
  if (!read.ok) throw new Error(read.error.message);
  const report = checkWorkbook(read.workbook);
  expect(report.tables.map((t) => [t.sheet, t.table, t.rows])).toEqual([
    ["申报汇总表", "application-summary", 2],
    ["免申即享汇总表", "exempt-summary", 1],
  ]);
});

test("申报汇总表: the exact 附件3 layout with 序号 1..n and the received values", () => {
  const ws = wb.Sheets["申报汇总表"]!;
  const def = getTable("application-summary");
  expect(ws.A1?.v).toBe(def.title);
  expect(ws.A2?.v).toBe("审核单位（公章）：晋城市工业和信息化局");
  expect(texts(ws, 2, 12)).toEqual(def.columns.map((c) => c.header));
  expect(ws["!merges"]?.map((m) => XLSX.utils.encode_range(m))).toEqual([
    "A1:L1",
    "A2:L2",
  ]);
  expect(ws["!ref"]).toBe("A1:L5");
  expect(texts(ws, 3, 12)).toEqual([
    "1",
    "晋城市",
    "泽州县",
    ...PAYLOADS.slice(0, 1),
    "甲",
    "企业增量提质专项",
    "链上企业协作配套奖励",
    PAYLOADS[1],
    PAYLOADS[2],
    "战略性新兴产业",
    PAYLOADS[3],
    "冯工 13835610011",
  ]);
  expect(ws.A4).toMatchObject({ t: "n", v: 1 });
  expect(ws.A5).toMatchObject({ t: "n", v: 2 });
});

test("text starting with = + - @ is a string cell with no formula (SheetJS and the sheet XML)", async () => {
  const ws = wb.Sheets["申报汇总表"]!;
  const xml = await sheetXml(1);
  expect(xml).not.toMatch(/<f[ >]/);
  for (const address of ["D4", "H4", "I4", "K4"]) {
    expect(ws[address]!.t).toBe("s");
    expect(ws[address]!.f).toBeUndefined();
    expect(cellXml(xml, address)).toMatch(/ t="(s|inlineStr)"/);
    expect(ws[address]!.z).toBe("@");
  }
  expect([ws.D4!.v, ws.H4!.v, ws.I4!.v, ws.K4!.v]).toEqual(PAYLOADS);
});

test("an 18-digit code stays text, a number stays a number with its format, an error stays an error", async () => {
  const ws = wb.Sheets["申报汇总表"]!;
  expect(ws.D5).toMatchObject({ t: "s", v: CODE });
  expect(ws.L5).toMatchObject({ t: "n", v: 13835610011, z: "0" });
  expect(ws.C5).toMatchObject({ t: "e" });
  expect(cellXml(await sheetXml(1), "C5")).toContain('t="e"');
});

test("免申即享汇总表: the 附件4 layout with its two header rows and the row", () => {
  const ws = wb.Sheets["免申即享汇总表"]!;
  const def = getTable("exempt-summary");
  expect(ws.A1?.v).toBe(def.title);
  expect(ws.A2?.v).toBe("审核单位（公章）：晋城市工业和信息化局");
  const n = def.columns.length;
  const top = texts(ws, 2, n);
  const sub = texts(ws, 3, n);
  def.columns.forEach((c, i) => {
    if (c.group) expect(sub[i]).toBe(c.header);
    else expect(top[i]).toBe(c.header);
  });
  expect(top[6]).toBe("企业2024年度获批的国家级试点示范名称");
  expect(texts(ws, 4, 5)).toEqual([
    "1",
    "太原市",
    "小店区",
    "",
    "太原市丙科技有限公司",
  ]);
  expect(ws["!ref"]).toBe(`A1:${XLSX.utils.encode_col(n - 1)}5`);
});

test("合并日志: every input with size, SHA-256, status, rows and counts, then the totals", () => {
  const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets["合并日志"]!, {
    header: 1,
    defval: "",
  });
  expect(rows[0]).toEqual([
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
  const sha = (f: string) => createHash("sha256").update(f).digest("hex");
  expect(rows.slice(1).map((r) => r.slice(0, 5))).toEqual([
    ["甲.xlsx", 123, sha("甲.xlsx"), "有错误仍合并", 1],
    ["乙.xlsx", 123, sha("乙.xlsx"), "有错误仍合并", 1],
    ["县汇总.xlsx", 123, sha("县汇总.xlsx"), "已合并", 1],
    ["坏.xlsx", 10, "cd".repeat(32), "无法读取", 0],
    ["合计：4 个文件", "", "", "", 3],
  ]);
  expect(rows[4]![8]).toBe("文件已损坏：坏.xlsx");
});

test("审核结果: one row per finding with its file and source cell; the unreadable file with its reason", () => {
  const rows = XLSX.utils.sheet_to_json<string[]>(wb.Sheets["审核结果"]!, {
    header: 1,
    defval: "",
  });
  expect(rows[0]).toEqual([
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
  const body = rows.slice(1).map((r) => [r[0], r[2], r[4], r[5]]);
  expect(body).toContainEqual(["乙.xlsx", "C4", "错误", "FORMULA-ERROR"]);
  expect(body).toContainEqual(["坏.xlsx", "", "错误", ""]);
});
