/**
 * Fill helpers for fillers: plans of the cells to write, shown to the user before anything is
 * written. Pure: the adapter writes a plan in one batch (src/excel/check/fill.ts), and leaves alone any cell whose
 * value changed since the plan was made.
 *
 * - 计算天数与利息 ({@link planInterestFill}, T1 only): fills ONLY empty 2024年实际付息天数 and 2024年利息实际发生额 cells.
 *   天数 = 止息日 − 起息日 (算头不算尾: 2024-03-05 to 2024-09-02 is 181 days; the notice gives no convention, LOAN-DAYS
 *   also accepts one day more). 利息 = 金额 × 利率% × 天数 ÷ 360 (万元, banks' 日利率 = 年利率 ÷ 360), rounded half up to
 *   4 decimals: 1000 × 3.45 % × 181 ÷ 360 = 17.3458. A cell holding a formula is never empty.
 * - 重排序号 ({@link planRenumber}): 序号 1..n over the records of the table (continuation rows keep an empty 序号).
 */
import { Decimal } from "decimal.js";

import { a1, type CellValue, isBlank } from "../model/grid";
import { daysBetween } from "../parse";
import { dateOf, num, type DataRow, type TableContext } from "../model/table";

/** One cell a fill plan writes. */
export interface FillChange {
  sheet: string;
  /** A1 address without the sheet name (`L6`). */
  cell: string;
  /** 0-based grid row and column. */
  row: number;
  col: number;
  /** Value now in the cell (null when empty). */
  before: CellValue;
  /** Value the plan writes (days, 万元, 序号). */
  after: number;
}

/** A plan: what will be written where; `notes` say which rows were left alone and why (Chinese, `第6行：…`). */
export interface FillPlan {
  sheet: string;
  kind: "interest" | "renumber";
  changes: FillChange[];
  notes: string[];
}

/** Day-count basis of the interest: 360 days a year (日利率 = 年利率 ÷ 360). */
export const INTEREST_DAY_BASIS = 360;

const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

/** Interest in 万元: principal (万元) × rate (%) × days ÷ 360, rounded half up to 4 decimals. */
export function interestOf(
  principal: number,
  ratePercent: number,
  days: number,
): number {
  return new D(principal)
    .times(ratePercent)
    .div(100)
    .times(days)
    .div(INTEREST_DAY_BASIS)
    .toDecimalPlaces(4)
    .toNumber();
}

/** True when a plan may write the cell: nothing in it and no formula. */
function writable(row: DataRow, key: string): boolean {
  const cell = row.cells[key];
  return isBlank(cell) && cell?.f === undefined && !row.merged[key];
}

function change(
  ctx: TableContext,
  row: DataRow,
  key: string,
  after: number,
): FillChange {
  const col = ctx.columns[key]!;
  return {
    sheet: ctx.sheet.name,
    cell: a1(row.row, col),
    row: row.row,
    col,
    before: row.cells[key]?.v ?? null,
    after,
  };
}

/**
 * 计算天数与利息 for a T1 table (see the module comment for the formulas).
 * @param ctx a recognised 省级重点产业链链上企业2024年度新增贷款明细表
 * @returns the cells to write (days before interest, row by row) and notes for rows with an empty cell that could not
 *   be computed (dates, amount or rate missing or unreadable)
 * @throws Error (Chinese) when the table is not T1 or lacks the 天数 / 利息 columns
 */
export function planInterestFill(ctx: TableContext): FillPlan {
  if (ctx.table.id !== "loan-interest")
    throw new Error(
      `工作表“${ctx.sheet.name}”不是新增贷款明细表，无法计算天数与利息。`,
    );
  if (ctx.columns.days === undefined || ctx.columns.interest === undefined)
    throw new Error(
      `工作表“${ctx.sheet.name}”缺少“2024年实际付息天数”或“2024年利息实际发生额”列，无法计算天数与利息。`,
    );
  const changes: FillChange[] = [];
  const notes: string[] = [];
  for (const row of ctx.rows) {
    const line = `第${row.row + 1}行`;
    let days = num(row, "days");
    if (writable(row, "days")) {
      const start = dateOf(row, "accrualStart");
      const end = dateOf(row, "accrualEnd");
      const n = start && end ? daysBetween(start, end) : undefined;
      if (n === undefined)
        notes.push(`${line}：起息日或止息日为空或无法识别，未计算天数。`);
      else if (n < 1 || n > 366)
        notes.push(
          `${line}：止息日减起息日为${n}天，不在1～366天之间，未计算天数。`,
        );
      else {
        days = n;
        changes.push(change(ctx, row, "days", n));
      }
    }
    if (!writable(row, "interest")) continue;
    const principal = num(row, "principal");
    const rate = num(row, "rate");
    if (days === undefined || principal === undefined || rate === undefined)
      notes.push(`${line}：贷款金额、利率或天数为空或无法识别，未计算利息。`);
    else if (rate < 0.5 || rate > 15)
      notes.push(
        `${line}：贷款利率${rate}不在0.5%～15%之间（请按百分数填写，如3.45），未计算利息。`,
      );
    else
      changes.push(
        change(ctx, row, "interest", interestOf(principal, rate, days)),
      );
  }
  return { sheet: ctx.sheet.name, kind: "interest", changes, notes };
}

/**
 * 重排序号: numbers the records 1..n in row order; only cells whose 序号 differs are written.
 * @param ctx a recognised table with a 序号 column
 * @returns the cells to write; notes for 序号 cells holding a formula (left alone)
 * @throws Error (Chinese) when the table has no 序号 column
 */
export function planRenumber(ctx: TableContext): FillPlan {
  if (ctx.columns.seq === undefined)
    throw new Error(`工作表“${ctx.sheet.name}”没有“序号”列，无法重排序号。`);
  const changes: FillChange[] = [];
  const notes: string[] = [];
  let n = 0;
  for (const row of ctx.rows) {
    if (row.continuation) continue;
    n++;
    const cell = row.cells.seq;
    if (cell?.f !== undefined) {
      notes.push(`第${row.row + 1}行：序号是公式，未修改。`);
      continue;
    }
    if (row.merged.seq || (cell?.v === n && !cell.e)) continue;
    changes.push(change(ctx, row, "seq", n));
  }
  return { sheet: ctx.sheet.name, kind: "renumber", changes, notes };
}
