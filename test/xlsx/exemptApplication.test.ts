/**
 * The enterprise's “免申即享”申报表 round trip: the exported one-row form is filled as a user would, read back, checked
 * (the DEMO-* rules run on it), and merged into the city's 免申即享汇总表 (附件4).
 */
import * as XLSX from "@e965/xlsx";
import ExcelJS from "exceljs";
import { mergeFiles } from "../../src/core/merge";
import { checkWorkbook } from "../../src/core/check/engine";
import { writeExemptApplication } from "../../src/xlsx/forms";
import { readWorkbook } from "../../src/xlsx/read";

/** Fills row 5 (the form's one data row) of the exported form, keeping everything else as written. */
async function filled(
  values: Record<string, string | number>,
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(
    (await writeExemptApplication()) as unknown as ArrayBuffer,
  );
  const ws = wb.getWorksheet("免申即享申报表")!;
  for (const [address, v] of Object.entries(values))
    ws.getCell(address).value = v;
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

const ROW = {
  A5: "太原市",
  B5: "小店区",
  D5: "太原市丙科技有限公司",
  E5: "绿色工厂",
  F5: "绿色工厂",
  I5: 2,
  J5: "企业技术中心（2021年）",
  K5: "绿色工厂（2024年）",
  M5: "民营企业",
  N5: "新材料",
  O5: "王五 13900001111",
};

describe("“免申即享”申报表", () => {
  it("is one row without 序号 and without the 审核单位 line, with the 附件1 六(七) list on the 试点示范 columns", async () => {
    const wb = XLSX.read(await writeExemptApplication(), { type: "array" });
    const ws = wb.Sheets["免申即享申报表"]!;
    expect(ws.A1!.v).toBe(
      "山西省技术改造专项资金事项类项目（“免申即享”）申报表",
    );
    expect(ws.A2!.v).toBe("项目申报企业（单位）（公章）：");
    expect(ws.A3!.v).toBe("所在市");
    expect(ws["!ref"]).toBe("A1:O5");
    const json = JSON.stringify(wb);
    expect(json).not.toContain("审核单位");
    expect(json).not.toContain("序号");
  });

  it("filled correctly: no DEMO finding; merged into 附件4 as one row numbered 1", async () => {
    const bytes = await filled(ROW);
    const read = readWorkbook(bytes, "丙科技-免申即享申报表.xlsx");
    if (!read.ok) throw new Error(read.error.message);
    const report = checkWorkbook(read.workbook);
    const demo = report.tables
      .flatMap((t) => t.findings)
      .filter((f) => f.rule.startsWith("DEMO-"));
    expect(demo).toEqual([]);
    const merged = mergeFiles(
      [{ fileName: "丙科技-免申即享申报表.xlsx", size: bytes.length, read }],
      {
        unit: "太原市工业和信息化局",
      },
    );
    expect(merged.exempt?.rows).toHaveLength(1);
    expect(merged.log.map((e) => e.status)).toEqual(["已合并"]);
    const row = merged.exempt!.rows[0]!;
    // The 汇总表's columns: 序号 first, then the form's 15 columns in the same order.
    expect(row.cells.map((c) => c?.v)).toEqual([
      1,
      "太原市",
      "小店区",
      undefined,
      "太原市丙科技有限公司",
      "绿色工厂",
      "绿色工厂",
      undefined,
      undefined,
      2,
      "企业技术中心（2021年）",
      "绿色工厂（2024年）",
      undefined,
      "民营企业",
      "新材料",
      "王五 13900001111",
    ]);
  });

  it("filled wrongly: the DEMO-* rules report it on the form's cells", async () => {
    const bytes = await filled({
      ...ROW,
      E5: "绿色工厂、企业技术中心",
      I5: 3,
      K5: "",
    });
    const read = readWorkbook(bytes, "丙科技.xlsx");
    if (!read.ok) throw new Error(read.error.message);
    const found = checkWorkbook(read.workbook)
      .tables.flatMap((t) => t.findings)
      .filter((f) => f.rule.startsWith("DEMO-"))
      .map((f) => [f.rule, f.cell]);
    expect(found).toEqual(
      expect.arrayContaining([
        ["DEMO-ONE-PER-YEAR", "E5"],
        ["DEMO-COUNT", "I5"],
        ["DEMO-CUMULATIVE", "F5"],
      ]),
    );
  });
});
