/**
 * A T1 typed with its header split over two rows, as PDF-to-Excel converters and WPS write it (`所属省级重点` over
 * `产业链`, `2024 年度新增` over `贷款金额`), saved by LibreOffice as .csv and as .xlsx: recognised as one header, and
 * the data gets only the findings it deserves (tables.md "All tables", TABLE-COLUMNS). Two clean loans and one whose
 * 用途 is 偿还他行贷款: exactly one 错误, LOAN-PURPOSE-EXCLUDED on that row's 用途 cell.
 */
import * as XLSX from "@e965/xlsx";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import type { Finding } from "../../src/core/model/finding";
import { checkWorkbook } from "../../src/core/check/engine";
import { readWorkbook } from "../../src/xlsx/read";
import { convertWithLibreOffice, resaveAsXlsx } from "../helpers/libreoffice";

const TOP = [
  "序号",
  "企业名称",
  "所属省级重点",
  "2024 年度新增",
  "借款银行名称",
  "借款合同编号",
  "贷款提款时间",
  "借款时限",
  "2024年借款起息日",
  "2024年借款止息日",
  "贷款利率",
  "2024年实际付息",
  "2024年利息实际",
  "对应付息流水或利息",
  "2024年度新增贷款",
];
const BOTTOM = [
  "",
  "",
  "产业链",
  "贷款金额",
  "",
  "",
  "",
  "",
  "（以借款借据为准）",
  "（以借款借据为准）",
  "（%）",
  "天数",
  "发生额",
  "单所在页码",
  "用途",
];

/** 1000 万元 at 3.45 % for 340 days: 1000 × 3.45 % × 340 / 360 = 32.5833 万元. */
function loan(seq: number, purpose: string): (string | number)[] {
  return [
    seq,
    "阳泉市东方新材料有限公司",
    "碳基新材料产业链",
    1000,
    "中国工商银行股份有限公司阳泉分行",
    `GH-${seq}`,
    "2024年1月16日",
    "2024年1月16日—2026年1月15日",
    "2024年1月16日",
    "2024年12月20日",
    3.45,
    340,
    32.5833,
    String(seq + 10),
    purpose,
  ];
}

const GRID: (string | number)[][] = [
  ["省级重点产业链链上企业2024年度新增贷款明细表"],
  ["单位：万元"],
  TOP,
  BOTTOM,
  ["合计", "", "", 3000, "", "", "", "", "", "", "", "", 97.7499],
  loan(1, "碳纤维原丝生产线设备购置"),
  loan(2, "偿还他行贷款"),
  loan(3, "补充流动资金"),
];

function brief(findings: readonly Finding[]) {
  return findings.map((f) => ({
    cell: f.cell,
    rule: f.rule,
    severity: f.severity,
  }));
}

describe("a T1 with a two-row header, saved by LibreOffice", () => {
  let csv: Buffer;
  let xlsx: Buffer;
  beforeAll(async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "techfund-split-"));
    try {
      const source = path.join(dir, "两行表头.xlsx");
      const wb = XLSX.utils.book_new();
      XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(GRID), "Sheet1");
      await fs.writeFile(
        source,
        XLSX.write(wb, { type: "buffer", bookType: "xlsx" }),
      );
      csv = (
        await convertWithLibreOffice(
          [source],
          "csv:Text - txt - csv (StarCalc):44,34,76,1",
          "csv",
        )
      )[0]!;
      xlsx = (await resaveAsXlsx([source]))[0]!;
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  }, 180_000);

  it.each([
    ["csv", () => csv],
    ["xlsx", () => xlsx],
  ])("the .%s is one T1 with its 15 columns and 3 rows", (ext, bytes) => {
    const read = readWorkbook(new Uint8Array(bytes()), `两行表头.${ext}`);
    if (!read.ok) throw new Error(read.error.message);
    const report = checkWorkbook(read.workbook);
    expect(report.findings).toEqual([]);
    expect(report.tables).toHaveLength(1);
    const t = report.tables[0]!;
    expect(t.table).toBe("loan-interest");
    expect(t.headerRow).toBe(4);
    expect(t.rows).toBe(3);
    // Only what the data deserves: the repaid loan, and nothing about columns or empty cells.
    expect(brief(t.findings.filter((f) => f.severity !== "info"))).toEqual([
      { cell: "O7", rule: "LOAN-PURPOSE-EXCLUDED", severity: "error" },
    ]);
    expect(t.findings.some((f) => f.rule === "TABLE-COLUMNS")).toBe(false);
    expect(t.findings.some((f) => f.rule === "ROW-REQUIRED")).toBe(false);
  });
});
