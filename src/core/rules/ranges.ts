/**
 * Row checks of date columns shared by T1–T3 (../shared/spec/tables.md): a date that must fall in the subsidised year
 * (提款时间, 签订日期) and a period written as a range (借款期限, 保险期限, 租赁期限). A merged cell is reported once,
 * on its area's first cell.
 */
import { cellText } from "../model/grid";
import { compareDates, formatDate } from "../parse";
import type { DateRange } from "../parse";
import { type Emit } from "./types";
import {
  dateOf,
  rangeOf,
  type DataRow,
  type TableContext,
} from "../model/table";

/** The year the notice subsidises ("2024年度"). */
const YEAR = 2024;

/** A row check with the params type `P` of its rule's issues. */
export type RowCheck<P extends object, K extends string> = (
  row: DataRow<K>,
  table: TableContext<K>,
  emit: Emit<P, K>,
) => void;

/** Params of a {@link yearCheck} issue: the date as the notice writes it. */
export interface YearParams {
  date: string;
}

/**
 * Row check: the date in column `key` falls in 2024; else an issue with params `{ date }` (YYYY-MM-DD shown as the
 * notice writes it). Seed: 附件1 六(一)–(三), 附件2 三(二)5.
 */
export function yearCheck<K extends string>(key: K): RowCheck<YearParams, K> {
  return (row, _table, emit) => {
    if (row.merged[key]) return;
    const d = dateOf(row, key);
    if (d && d.y !== YEAR)
      emit({ row: row.row, col: key, params: { date: formatDate(d) } });
  };
}

/** Params of a {@link periodCheck} issue; `F` the further check's own cases. */
export type PeriodParams<F extends { kind: string }> =
  | { kind: "unreadable"; value: string }
  | { kind: "order"; start: string; end: string }
  | (F & { start: string; end: string });

/**
 * Row check of a period column `key` written as a range (`2024.03.05-2025.03.04`):
 * - `{ kind: "unreadable", value }` for a typed text that is not a range (not an empty cell, an error value or the
 *   notice's example text);
 * - `{ kind: "order", start, end }` when the end is not after the start;
 * - otherwise `{ kind, start, end, ...rest }` when `further(range, row)` returns `{ kind, ...rest }` (a check against
 *   another column of the row, e.g. 签订日期).
 */
export function periodCheck<
  K extends string,
  F extends { kind: string } = never,
>(
  key: NoInfer<K>,
  further?: (range: DateRange, row: DataRow<K>) => F | undefined,
): RowCheck<PeriodParams<F>, K> {
  return (row, _table, emit) => {
    if (row.merged[key]) return;
    const range = rangeOf(row, key);
    if (!range) {
      if (row.unreadable[key] !== undefined)
        emit({
          row: row.row,
          col: key,
          params: {
            kind: "unreadable",
            value: cellText(row.cells[key]).trim(),
          },
        });
      return;
    }
    // Worded only for a finding: most rows have none.
    const dates = () => ({
      start: formatDate(range.start),
      end: formatDate(range.end),
    });
    if (compareDates(range.end, range.start) <= 0) {
      emit({ row: row.row, col: key, params: { kind: "order", ...dates() } });
      return;
    }
    const extra = further?.(range, row);
    if (extra)
      emit({ row: row.row, col: key, params: { ...extra, ...dates() } });
  };
}
