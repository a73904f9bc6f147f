/**
 * T1 totals extension (附件1 六(一) "申报企业2024年度全部新增贷款产生的利息不得低于10万元"): the 2024 interest of the
 * loans drawn in 2024, with and without the loans whose 用途 names an excluded purpose, against 10 万元.
 */
import { interestFigures, MIN_TOTAL_INTEREST } from "../facts/loanInterest";
import type { TableContext } from "../model/table";

/** The figures of {@link loanTotals}. Amounts in 万元, rows are Excel's 1-based row numbers. (A type, not an
 * interface, so that it fits `totalsExtensions`' `Record<string, unknown>`.) */
export type LoanTotals = {
  /** Sum of 2024年利息实际发生额 over the rows drawn in 2024 (those passing LOAN-DRAW-YEAR). */
  interest2024: number;
  /** The same sum without the rows LOAN-PURPOSE-EXCLUDED reports as 错误. */
  interestWithoutExcluded: number;
  /** 10 万元. */
  minimum: number;
  /** interest2024 ≥ 10 万元. */
  reachesMinimum: boolean;
  /** Rows left out of interest2024: 提款时间 not in 2024. */
  notIn2024Rows: number[];
  /** Rows left out of interestWithoutExcluded: excluded purpose. */
  excludedRows: number[];
};

/** The interest total of a 新增贷款明细表 against 10 万元 (see {@link LoanTotals}), from the table's interest figures (facts/loanInterest.ts). */
export function loanTotals(ctx: TableContext): LoanTotals {
  const f = interestFigures(ctx);
  return {
    interest2024: f.interest2024,
    interestWithoutExcluded: f.interestWithoutExcluded,
    minimum: MIN_TOTAL_INTEREST,
    reachesMinimum: f.interest2024 >= MIN_TOTAL_INTEREST,
    notIn2024Rows: f.notIn2024Rows,
    excludedRows: f.excludedRows,
  };
}
