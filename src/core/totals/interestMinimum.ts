/**
 * The T1 interest total against 10 万元 as the totals card shows it (附件1 六(一) "申报企业2024年度全部新增贷款产生的
 * 利息不得低于10万元"): reached, or short by how much. The figures come from the loan totals extension
 * (totals/loan.ts, in `TableReport.extra`).
 */
import { Decimal } from "decimal.js";
import type { TableId } from "../catalog/types";
import type { LoanTotals } from "./loan";

/** The interest of a 新增贷款明细表 against the minimum; amounts in 万元. */
export interface InterestAgainstMinimum {
  /** 2024 interest of the loans drawn in 2024 (LoanTotals.interest2024). */
  interest: number;
  /** The same without the loans of an excluded purpose (LoanTotals.interestWithoutExcluded). */
  interestWithoutExcluded: number;
  /** 10 万元. */
  minimum: number;
  /** interest ≥ minimum. */
  reached: boolean;
  /** minimum − interest (exact decimal), 0 when reached. */
  shortBy: number;
}

/**
 * The interest figure of a table report against 10 万元.
 * @param report a table's report (check/report.ts `TableReport`): its table and its totals extension
 * @returns undefined for a table other than 省级重点产业链链上企业2024年度新增贷款明细表, or a report without the extension
 */
export function interestAgainstMinimum(report: {
  table: TableId;
  extra?: Record<string, unknown>;
}): InterestAgainstMinimum | undefined {
  if (report.table !== "loan-interest" || !report.extra) return undefined;
  const x = report.extra as LoanTotals;
  const reached = x.interest2024 >= x.minimum;
  return {
    interest: x.interest2024,
    interestWithoutExcluded: x.interestWithoutExcluded,
    minimum: x.minimum,
    reached,
    shortBy: reached
      ? 0
      : new Decimal(x.minimum).minus(x.interest2024).toNumber(),
  };
}
