/**
 * The exported templates in a real spreadsheet program: numbers are typed into the data rows (only
 * cell values are added to the sheet XML; formulas, styles and everything else stay as written),
 * LibreOffice opens the files, recalculates and saves them as CSV, and the 合计 cells must show the
 * sums computed by hand.
 */
import * as XLSX from "@e965/xlsx";
import { promises as fs } from "fs";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import * as os from "os";
import * as path from "path";
import { writeTemplateWorkbook } from "../../src/xlsx/template";
import { recalcToCsv, resaveAsXlsx } from "../helpers/libreoffice";
import { typeCells } from "../helpers/typeCells";

describe("templates opened in LibreOffice", () => {
  let t1: string[][];
  let t4: string[][];
  beforeAll(async () => {
    const dir = await fs.mkdtemp(
      path.join(os.tmpdir(), "techfund-template-lo-"),
    );
    try {
      const loan = path.join(dir, "loan.xlsx");
      const leader = path.join(dir, "leader2024.xlsx");
      // T1: 合计 in row 4, data rows 5–24; D = 2024年度新增贷款金额, M = 2024年利息实际发生额.
      await fs.writeFile(
        loan,
        await typeCells(await writeTemplateWorkbook("loan-interest"), {
          D5: 100.5,
          D6: 200.25,
          D7: 0.0001,
          M5: 1.5,
          M24: 2.25,
        }),
      );
      // T4 (2024): data rows 5–24, 合 计 in row 25; J = 合同金额, L = 已开发票金额.
      await fs.writeFile(
        leader,
        await typeCells(
          await writeTemplateWorkbook("leader-suppliers", { years: [2024] }),
          {
            J5: 500,
            J24: 1000.5,
            L5: 499.99,
            L7: 0.01,
          },
        ),
      );
      [t1, t4] = (await recalcToCsv([loan, leader])) as [
        string[][],
        string[][],
      ];
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
    // One soffice run for both files: about 2 s on an idle machine, much more on a loaded one.
  }, 180_000);

  it("T1: the 合计 row sums 100.5 + 200.25 + 0.0001 = 300.7501 and 1.5 + 2.25 = 3.75 (last data row included)", () => {
    expect(t1[0]![0]).toBe("省级重点产业链链上企业2024年度新增贷款明细表");
    expect(t1[2]!.slice(0, 4)).toEqual([
      "序号",
      "企业名称",
      "所属省级重点产业链",
      "2024年度新增贷款金额",
    ]);
    expect(t1[3]![0]).toBe("合计");
    expect(t1[3]![3]).toBe("300.7501");
    expect(t1[3]![12]).toBe("3.75");
    expect(t1[4]![3]).toBe("100.5");
  });

  it("T4 2024: the 合 计 row sums 500 + 1000.5 = 1500.5 and 499.99 + 0.01 = 500, with the dash kept", () => {
    expect(t4[0]![0]).toBe("“链主”企业2024年度协作配套企业清单");
    expect(t4[24]![0]).toBe("合 计");
    expect(t4[24]![9]).toBe("1500.5");
    expect(t4[24]![10]).toBe("—");
    expect(t4[24]![11]).toBe("500");
  });

  it("keeps the marks (one per year sheet), the hidden list sheet and the list names when LibreOffice saves the file", async () => {
    const dir = await fs.mkdtemp(
      path.join(os.tmpdir(), "techfund-template-lo-"),
    );
    try {
      const file = path.join(dir, "leader.xlsx");
      await fs.writeFile(file, await writeTemplateWorkbook("leader-suppliers"));
      const [saved] = await resaveAsXlsx([file]);
      const wb = XLSX.read(saved!, { type: "buffer" });
      const names = wb.Workbook!.Names!;
      const marks = names
        .filter((n) => n.Name === "TECHFUND_leader_suppliers_V1")
        .map((n) => `${n.Sheet}:${n.Ref.replace(/'/g, "")}`);
      expect(marks.sort()).toEqual([
        "0:链主协作配套企业清单2022!$A$1",
        "1:链主协作配套企业清单2023!$A$1",
        "2:链主协作配套企业清单2024!$A$1",
      ]);
      expect(wb.Workbook!.Sheets!.map((s) => [s.name, s.Hidden])).toEqual([
        ["链主协作配套企业清单2022", 0],
        ["链主协作配套企业清单2023", 0],
        ["链主协作配套企业清单2024", 0],
        ["techfund_lists", 1],
      ]);
      expect(
        names.find((n) => n.Name === "TFLIST_chain")!.Ref.replace(/'/g, ""),
      ).toBe("techfund_lists!$A$2:$A$17");
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  }, 180_000);
});

describe("a T1 template with 150 rows typed below the header (no row limit)", () => {
  let csv: string[][];
  let bytes: Uint8Array;
  beforeAll(async () => {
    const dir = await fs.mkdtemp(
      path.join(os.tmpdir(), "techfund-template-lo-"),
    );
    try {
      bytes = await writeTemplateWorkbook("loan-interest");
      // Rows 5–154: 2024年度新增贷款金额 = the row number (5 + 6 + … + 154 = 11,925).
      const typed: Record<string, number> = {};
      for (let r = 5; r <= 154; r++) typed[`D${r}`] = r;
      const file = path.join(dir, "loan150.xlsx");
      await fs.writeFile(file, await typeCells(bytes, typed));
      [csv] = (await recalcToCsv([file])) as [string[][]];
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  }, 180_000);

  it("LibreOffice recalculates the 合计 over all 150 rows: (5 + 154) × 150 / 2 = 11925", () => {
    expect(csv[3]![0]).toBe("合计");
    expect(csv[3]![3]).toBe("11925");
    expect(csv[153]![3]).toBe("154");
  });

  it("the number formats and dropdowns reach the last typed row (and 1,000 rows below the header)", async () => {
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    const sqrefs = [
      ...xml.matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g),
    ].map((m) => m[1]!);
    expect(sqrefs).toContain("C5:C1004");
    expect(sqrefs).toContain("D5:D1004");
    // Column D carries the 万元 format for rows typed below the drawn ones (a column style).
    expect(xml).toMatch(/<col min="4" max="4"[^>]* style="\d+"/);
  });
});

/**
 * T4/T5 growing past their 20 prepared rows: the user inserts rows (Excel: 插入 → 工作表行) right above the 合 计 row
 * — where Excel does not widen a `SUM(J5:J24)` — and right under the header. ExcelJS's `spliceRows` moves the rows
 * as Excel's insertion does and leaves formula texts alone; Excel would change none of the 合计 formulas either (their
 * only fixed reference, the header row, lies above every insertion). LibreOffice then recalculates.
 */
describe.each([
  // T4 2024: 合同金额 J, 已开发票金额 L; T5 2024: 合同金额 H, 已开具发票金额 J.
  { id: "leader-suppliers" as const, first: "J", second: "L" },
  { id: "member-transactions" as const, first: "H", second: "J" },
])("$id with rows inserted above its 合 计 row", ({ id, first, second }) => {
  let csv: string[][];
  let formulas: unknown[];
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      Buffer.from(await writeTemplateWorkbook(id, { years: [2024] })) as never,
    );
    const ws = wb.worksheets[0]!;
    // 30 rows above the 合 计 (row 25 → 55), then 2 under the header (row 5): data rows 5–56, 合 计 in row 57.
    ws.spliceRows(25, 0, ...Array.from({ length: 30 }, () => []));
    ws.spliceRows(5, 0, [], []);
    for (let r = 5; r <= 56; r++) ws.getCell(`${first}${r}`).value = r;
    ws.getCell(`${second}5`).value = 1;
    ws.getCell(`${second}30`).value = 2;
    ws.getCell(`${second}56`).value = 4;
    formulas = [first, second].map((c) => ws.getCell(`${c}57`).value);
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "techfund-insert-lo-"));
    try {
      const file = path.join(dir, `${id}.xlsx`);
      await wb.xlsx.writeFile(file);
      [csv] = (await recalcToCsv([file])) as [string[][]];
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  }, 180_000);

  it("the 合 计 formulas moved with their row, unchanged", () => {
    expect(formulas).toEqual([
      { formula: `SUM(${first}4:INDEX(${first}:${first},ROW()-1))` },
      { formula: `SUM(${second}4:INDEX(${second}:${second},ROW()-1))` },
    ]);
  });

  it("LibreOffice sums all 52 rows, the inserted ones included: 5 + 6 + … + 56 = 1586 and 1 + 2 + 4 = 7", () => {
    const total = csv[56]!;
    expect(total[0]).toBe("合 计");
    const col = (letter: string) => letter.charCodeAt(0) - 65;
    expect(total[col(first)]).toBe("1586");
    expect(total[col(second)]).toBe("7");
    expect(csv[4]![col(first)]).toBe("5");
    expect(csv[55]![col(first)]).toBe("56");
  });
});
