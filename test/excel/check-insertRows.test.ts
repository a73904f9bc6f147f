/**
 * T4 growing past its 20 prepared rows in Excel, on the strict fake: the template is inserted by the add-in, the user
 * inserts rows right above the 合 计 row (where Excel does not widen a `SUM(J5:J24)`) and fills some of them, Excel
 * recalculates the 合计 (the fake does not compute formulas: the test puts in the value Excel shows), and 检查 reads
 * the formula's text: it sums every data row, so no TOTAL-RANGE; a plain SUM over the prepared rows would be one.
 */
import { getTable } from "../../src/core/catalog";
import { layoutTemplate } from "../../src/core/template";
import { createCheckOperations } from "../../src/excel/check/operations";
import { insertTemplate } from "../../src/excel/insertTemplate";
import { FakeExcel, installCheckFake, uninstallCheckFake } from "./checkFake";

afterEach(uninstallCheckFake);

const SHEET = layoutTemplate(getTable("leader-suppliers"), {
  year: 2024,
}).sheetName;

/** A T4 2024 inserted by the add-in, 30 rows inserted above its 合 计 (row 25 → 55), 合同金额 in rows 5, 30 and 54. */
async function grown(): Promise<FakeExcel> {
  const fake = installCheckFake(new FakeExcel());
  fake.addSheet("Sheet1");
  await insertTemplate("leader-suppliers", { years: [2024] });
  expect(fake.cell(SHEET, "A25")?.value).toBe("合 计");
  fake.insertRows(SHEET, 24, 30);
  fake.edit(SHEET, "J5", [[100]]);
  fake.edit(SHEET, "J30", [[200]]);
  fake.edit(SHEET, "J54", [[300]]);
  return fake;
}

describe("T4 with rows inserted above its 合 计 row, in Excel", () => {
  it("the 合 计 row moved to row 55 with its formula unchanged, which sums rows 4–54", async () => {
    const fake = await grown();
    expect(fake.cell(SHEET, "A55")?.value).toBe("合 计");
    expect(fake.cell(SHEET, "J55")?.formula).toBe(
      "=SUM(J4:INDEX(J:J,ROW()-1))",
    );
  });

  it("检查 finds no TOTAL-RANGE and no TOTAL-MISMATCH when Excel shows 100 + 200 + 300 = 600", async () => {
    const fake = await grown();
    fake.cell(SHEET, "J55")!.value = 600;
    const report = await createCheckOperations().checkWorkbook();
    const rules = report.tables.flatMap((t) => t.findings.map((f) => f.rule));
    expect(rules).not.toContain("TOTAL-RANGE");
    expect(rules).not.toContain("TOTAL-MISMATCH");
  });

  it("a plain SUM(J5:J24) of a hand-made sheet, which Excel does not widen for rows inserted at row 25, is TOTAL-RANGE", async () => {
    const fake = installCheckFake(new FakeExcel());
    fake.addSheet("Sheet1");
    await insertTemplate("leader-suppliers", { years: [2024] });
    fake.cell(SHEET, "J25")!.formula = "=SUM(J5:J24)";
    fake.insertRows(SHEET, 24, 30);
    fake.edit(SHEET, "J5", [[100]]);
    fake.edit(SHEET, "J30", [[200]]);
    fake.edit(SHEET, "J54", [[300]]);
    fake.cell(SHEET, "J55")!.value = 100;
    const report = await createCheckOperations().checkWorkbook();
    const found = report.tables
      .flatMap((t) => t.findings)
      .filter((f) => f.rule.startsWith("TOTAL-"));
    expect(found).toEqual([
      expect.objectContaining({
        rule: "TOTAL-RANGE",
        sheet: SHEET,
        cell: "J55",
        severity: "error",
        message: expect.stringContaining("没有合计第30～54行中的2行数据"),
      }),
    ]);
  });
});
