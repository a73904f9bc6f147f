/** Fill plans (计算天数与利息, 重排序号) computed by hand from the notice's T1 layout. */
import {
  interestOf,
  planInterestFill,
  planRenumber,
} from "../../../src/core/fill/fillPlans";
import { recognizeSheet } from "../../../src/core/recognize";
import type { TableContext } from "../../../src/core/model/table";
import { noticeSheet, type RowSpec } from "../../helpers/rows";
import { formulaCell } from "../../helpers/sheet";
import { GOOD } from "../../excel/checkT1";

function table(
  id: "loan-interest" | "insurance-credit",
  rows: RowSpec[],
): TableContext {
  const r = recognizeSheet(noticeSheet(id, { rows }), false);
  if (!r.ok) throw new Error("not recognised");
  return r.table;
}

describe("interestOf", () => {
  it("is 金额 × 利率% × 天数 ÷ 360, rounded half up to 4 decimals (万元)", () => {
    expect(interestOf(1000, 3.45, 181)).toBe(17.3458); // 34.5 × 181 / 360 = 17.345833…
    expect(interestOf(500, 3.1, 90)).toBe(3.875);
    expect(interestOf(1, 3.6, 1)).toBe(0.0001); // 0.0001 exactly
    expect(interestOf(3, 3, 2)).toBe(0.0005); // 0.0005 exactly
    expect(interestOf(1, 1, 18)).toBe(0.0005); // 0.0005 (half up of 0.00050)
    expect(interestOf(7, 1, 9)).toBe(0.0018); // 0.00175 → 0.0018
  });
});

describe("planInterestFill", () => {
  it("fills only the empty 天数 (止息日 − 起息日) and 利息 cells", () => {
    const plan = planInterestFill(
      table("loan-interest", [
        { ...GOOD, days: null, interest: null },
        {
          ...GOOD,
          contractNo: "B",
          accrualStart: "2024年1月1日",
          accrualEnd: "2024年12月31日",
          days: null,
        },
        {
          ...GOOD,
          contractNo: "C",
          interest: null,
          rate: { v: 0.0345, z: "0.00%" },
        },
      ]),
    );
    expect(plan.kind).toBe("interest");
    expect(
      plan.changes.map((c) => [c.cell, c.row, c.col, c.before, c.after]),
    ).toEqual([
      ["L5", 4, 11, null, 181],
      ["M5", 4, 12, null, 17.3458],
      ["L6", 5, 11, null, 365], // 2024-01-01 → 2024-12-31: 365 days (2024 has 366; 算头不算尾)
      ["M7", 6, 12, null, 17.3458], // 0.0345 in a % cell reads as 3.45
    ]);
    expect(plan.notes).toEqual([]);
  });

  it("leaves formulas and explains rows it cannot compute", () => {
    const plan = planInterestFill(
      table("loan-interest", [
        { ...GOOD, interest: formulaCell("D5*K5*L5/36000", "") },
        {
          ...GOOD,
          contractNo: "B",
          accrualEnd: "2024年3月1日",
          days: null,
          interest: null,
        },
        { ...GOOD, contractNo: "C", rate: 0.0345, interest: null },
      ]),
    );
    expect(plan.changes).toEqual([]);
    expect(plan.notes).toEqual([
      "第6行：止息日减起息日为-4天，不在1～366天之间，未计算天数。",
      "第6行：贷款金额、利率或天数为空或无法识别，未计算利息。",
      "第7行：贷款利率0.0345不在0.5%～15%之间（请按百分数填写，如3.45），未计算利息。",
    ]);
  });

  it("refuses other tables", () => {
    expect(() =>
      planInterestFill(
        table("insurance-credit", [
          { enterpriseName: "甲公司", projectName: "乙项目" },
        ]),
      ),
    ).toThrow(
      "工作表“保险增信补贴明细表”不是新增贷款明细表，无法计算天数与利息。",
    );
  });
});

describe("planRenumber", () => {
  it("numbers records 1..n and writes only the cells that differ", () => {
    const plan = planRenumber(
      table("loan-interest", [
        { ...GOOD, seq: 1 },
        { ...GOOD, contractNo: "B", seq: 5 },
        { ...GOOD, contractNo: "C", seq: null },
        { ...GOOD, contractNo: "D", seq: 4 },
      ]),
    );
    expect(plan.changes.map((c) => [c.cell, c.before, c.after])).toEqual([
      ["A6", 5, 2],
      ["A7", null, 3],
    ]);
  });

  it("keeps continuation rows (T2) without a number", () => {
    const ins = {
      enterpriseName: "甲公司",
      projectName: "乙项目",
      loanAmount: 100,
    };
    const plan = planRenumber(
      table("insurance-credit", [
        { ...ins, seq: 2 },
        { ...ins, seq: null },
        { ...ins, seq: 1 },
      ]),
    );
    expect(plan.changes.map((c) => [c.cell, c.before, c.after])).toEqual([
      ["A5", 2, 1],
      ["A7", 1, 2],
    ]);
  });
});
