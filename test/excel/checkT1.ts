/**
 * T1 (新增贷款明细表) sheets for the checking tests, laid out as the notice prints it (test/helpers/rows.ts): title,
 * 单位：万元, header (row 3), 合计 (row 4), data from row 5. Columns: A序号 B企业名称 C所属省级重点产业链 D金额 E银行
 * F合同编号 G提款时间 H借款时限 I起息日 J止息日 K利率 L天数 M利息 N页码 O用途.
 */
import type { Sheet } from "../../src/core/model/grid";
import { GOOD_LOAN, noticeSheet, type RowSpec } from "../helpers/rows";

/** A clean loan: 181 days, 17.3458 万元 (test/helpers/rows.ts). */
export const GOOD: RowSpec = GOOD_LOAN;

/** The same loan drawn on 2023-11-30: LOAN-DRAW-YEAR (错误) on its 贷款提款时间. */
export const DRAWN_2023: RowSpec = {
  ...GOOD,
  contractNo: "GH-YQ-2023-0101",
  drawdownDate: "2023年11月30日",
  term: "2023年11月30日—2025年11月29日",
};

export const SHEET = "新增贷款明细表";

/** A T1 sheet of these rows (序号 1..n). */
export function t1(rows: RowSpec[], name = SHEET): Sheet {
  return noticeSheet("loan-interest", { name, rows });
}

/** `n` clean loans with distinct contract numbers (for size tests). */
export function manyLoans(n: number): RowSpec[] {
  return Array.from({ length: n }, (_, i): RowSpec => ({
    ...GOOD,
    contractNo: `GH-YQ-2024-${String(i).padStart(5, "0")}`,
  }));
}
