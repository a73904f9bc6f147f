/**
 * The 2024 interest of a T1 新增贷款明细表's loans against 10 万元 (附件1 六(一) "申报企业2024年度全部新增贷款产生的利息
 * 不得低于10万元"), a fact of the table (facts/tableFacts.ts): LOAN-INTEREST-MIN (rules/loan.ts) judges it and the
 * table's totals (totals/loan.ts) show it, so both read the same figures, kept current row by row by a live re-check.
 */
import { LOAN_YEAR } from "../catalog/years";
import { excludedLoanPurpose } from "../meaning/loanPurpose";
import {
  dateOf,
  num,
  text,
  type DataRow,
  type TableContext,
} from "../model/table";
import {
  factOf,
  RowItems,
  RowSum,
  type FactKind,
  type RowFact,
} from "./tableFacts";

/** "申报企业2024年度全部新增贷款产生的利息不得低于10万元" (附件1 六(一)), 万元. */
export const MIN_TOTAL_INTEREST = 10;

/** The 2024 interest of a T1's loans (附件1 六(一)): what LOAN-INTEREST-MIN and the table's totals report. */
export interface InterestFigures {
  /** Rows drawn in 2024: those passing LOAN-DRAW-YEAR (no 提款时间 read in another year). */
  counted: number;
  /** Sum of 2024年利息实际发生额 over the rows drawn in 2024, 万元 (readable values, a merged amount once). */
  interest2024: number;
  /** The same sum without the rows LOAN-PURPOSE-EXCLUDED reports as 错误, 万元. */
  interestWithoutExcluded: number;
  /** Excel rows left out of interest2024: 提款时间 not in 2024. */
  notIn2024Rows: number[];
  /** Excel rows drawn in 2024 but left out of interestWithoutExcluded: excluded purpose. */
  excludedRows: number[];
}

/** A row LOAN-PURPOSE-EXCLUDED reports as a 错误 (an excluded purpose named without negation). */
function isExcluded(row: DataRow): boolean {
  const match = excludedLoanPurpose(text(row, "purpose"));
  return match !== undefined && match.negation === undefined;
}

/** A row drawn in 2024: no 提款时间 read in another year (LOAN-DRAW-YEAR passes). */
function drawnIn2024(row: DataRow): boolean {
  const d = dateOf(row, "drawdownDate");
  return d === undefined || d.y === LOAN_YEAR;
}

/** The 2024 interest a row adds to {@link InterestFigures}: drawn in 2024, readable, not a merged copy. */
function interestCounted(row: DataRow): number | undefined {
  if (!drawnIn2024(row) || row.merged.interest) return undefined;
  return num(row, "interest");
}

/** {@link InterestFigures}, kept row by row. Rows are Excel's 1-based row numbers. */
class LoanFigures implements RowFact {
  private drawn = 0;
  private readonly parts: RowFact[];
  private readonly interest: RowSum;
  private readonly withoutExcluded: RowSum;
  private readonly notIn2024 = new RowItems((r) =>
    drawnIn2024(r) ? undefined : r.row + 1,
  );
  private readonly excluded = new RowItems((r) =>
    drawnIn2024(r) && isExcluded(r) ? r.row + 1 : undefined,
  );
  constructor(ctx: TableContext) {
    this.interest = new RowSum(ctx, interestCounted);
    this.withoutExcluded = new RowSum(ctx, (r) =>
      isExcluded(r) ? undefined : interestCounted(r),
    );
    this.parts = [
      this.interest,
      this.withoutExcluded,
      this.notIn2024,
      this.excluded,
    ];
  }
  add(row: DataRow): void {
    if (drawnIn2024(row)) this.drawn++;
    for (const part of this.parts) part.add(row);
  }
  remove(row: DataRow): void {
    if (drawnIn2024(row)) this.drawn--;
    for (const part of this.parts) part.remove(row);
  }
  figures(): InterestFigures {
    return {
      counted: this.drawn,
      interest2024: this.interest.value,
      interestWithoutExcluded: this.withoutExcluded.value,
      notIn2024Rows: [...this.notIn2024.items],
      excludedRows: [...this.excluded.items],
    };
  }
}
const LOAN_FIGURES: FactKind<LoanFigures> = {
  make: (ctx) => new LoanFigures(ctx),
};

/** The {@link InterestFigures} of a T1's current data rows. */
export function interestFigures(ctx: TableContext): InterestFigures {
  return factOf(ctx, LOAN_FIGURES).figures();
}
