/**
 * Regression on ../shared/samples/loan-handmade.xlsx (a T1 made by hand from the notice: title with spaces, wrapped
 * headers, 合计 on top with SUM formulas). expected.json: G6 LOAN-DRAW-YEAR 错误, O7 LOAN-PURPOSE-EXCLUDED 错误, and no
 * other 错误; totals 3800 and 113.3331 万元.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { severityText } from "../../../src/core/messages";
import { checkWorkbook } from "../../../src/core/check/engine";
import { readWorkbook } from "../../../src/xlsx/read";

const SAMPLES = path.resolve(__dirname, "../../../../shared/samples");

function check() {
  const file = "loan-handmade.xlsx";
  const read = readWorkbook(readFileSync(path.join(SAMPLES, file)), file);
  if (!read.ok) throw new Error(read.error.message);
  return checkWorkbook(read.workbook);
}

describe("loan-handmade.xlsx", () => {
  const report = check();
  const findings = [
    ...report.findings,
    ...report.tables.flatMap((t) => t.findings),
  ];

  it("has exactly the 错误 of expected.json", () => {
    const expected = JSON.parse(
      readFileSync(path.join(SAMPLES, "expected.json"), "utf8"),
    )["loan-handmade.xlsx"];
    const errors = findings
      .filter((f) => f.severity === "error")
      .map((f) => ({
        cell: f.cell,
        rule: f.rule,
        severity: severityText(f.severity),
      }));
    expect(errors).toEqual(expected.findings);
  });

  it("reports nothing else from the LOAN rules: the 10 万元 threshold holds with and without the excluded row", () => {
    // Row 5: 2000 × 3.45 % × 340 / 360 = 65.1667; row 6 (drawn 2023-11-30, not counted): 1000 × 3.65 % × 355 / 360 =
    // 35.9931; row 7 (偿还股东借款): 800 × 3.3 % × 166 / 360 = 12.1733. Drawn in 2024: 65.1667 + 12.1733 = 77.34 ≥ 10;
    // without row 7: 65.1667 ≥ 10: LOAN-INTEREST-MIN holds both ways and says nothing.
    const loan = findings.filter(
      (f) => f.rule.startsWith("LOAN-") && f.severity !== "error",
    );
    expect(loan).toEqual([]);
  });

  it("computes the totals and the T1 interest figures", () => {
    const table = report.tables[0]!;
    expect(table.totals).toEqual({
      "2024年度新增贷款金额": 3800,
      "2024年利息实际发生额": 113.3331,
    });
    expect(table.extra).toEqual({
      interest2024: 77.34,
      interestWithoutExcluded: 65.1667,
      minimum: 10,
      reachesMinimum: true,
      notIn2024Rows: [6],
      excludedRows: [7],
    });
  });
});
