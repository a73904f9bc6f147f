/** T1 interest against 10 万元 (附件1 六(一)) as the totals card shows it. */
import type { TableReport } from "../../../src/core/check/report";
import { interestAgainstMinimum } from "../../../src/core/totals/interestMinimum";
import type { LoanTotals } from "../../../src/core/totals/loan";

function loanReport(
  interest2024: number,
  interestWithoutExcluded = interest2024,
): TableReport {
  const extra: LoanTotals = {
    interest2024,
    interestWithoutExcluded,
    minimum: 10,
    reachesMinimum: interest2024 >= 10,
    notIn2024Rows: [],
    excludedRows: [],
  };
  return {
    sheet: "新增贷款明细表",
    table: "loan-interest",
    title: "省级重点产业链链上企业2024年度新增贷款明细表",
    headerRow: 4,
    rows: 1,
    records: 1,
    totals: {},
    findings: [],
    extra,
  };
}

describe("interestAgainstMinimum", () => {
  it("113.3331 万元 reaches 10 万元, nothing short", () => {
    expect(interestAgainstMinimum(loanReport(113.3331, 100))).toEqual({
      interest: 113.3331,
      interestWithoutExcluded: 100,
      minimum: 10,
      reached: true,
      shortBy: 0,
    });
  });

  it("exactly 10 万元 reaches it", () => {
    expect(interestAgainstMinimum(loanReport(10))?.reached).toBe(true);
  });

  it("7.5 万元 is 2.5 万元 short; 9.8765 is 0.1235 short exactly (not 0.12349999…)", () => {
    expect(interestAgainstMinimum(loanReport(7.5))).toMatchObject({
      reached: false,
      shortBy: 2.5,
    });
    expect(interestAgainstMinimum(loanReport(9.8765))?.shortBy).toBe(0.1235);
  });

  it("is undefined for other tables and for a report without the extension", () => {
    expect(
      interestAgainstMinimum({ ...loanReport(20), table: "insurance-credit" }),
    ).toBeUndefined();
    expect(
      interestAgainstMinimum({ ...loanReport(20), extra: undefined }),
    ).toBeUndefined();
  });
});
