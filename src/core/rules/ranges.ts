/**
 * Row checks of date columns shared by T1–T3 (../shared/spec/tables.md): a date that must fall in the subsidised year
 * (提款时间, 签订日期) and a period written as a range (借款期限, 保险期限, 租赁期限). A merged cell is reported once,
 * on its area's first cell.
 */
import { cellText } from "../grid";
import { compareDates, formatDate } from "../parse";
import type { DateRange } from "../parse";
import type { RawFinding } from "../findings";
import { dateOf, rangeOf, type DataRow, type RuleDef } from "./types";

/** The year the notice subsidises ("2024年度"). */
const YEAR = 2024;

/**
 * Row check: the date in column `key` falls in 2024; else `rule` with params `{ date }` (YYYY-MM-DD shown as the
 * notice writes it). Seed: 附件1 六(一)–(三), 附件2 三(二)5.
 */
export function yearCheck(
  rule: string,
  key: string,
): NonNullable<RuleDef["row"]> {
  return (row, _table, emit) => {
    if (row.merged[key]) return;
    const d = dateOf(row, key);
    if (d && d.y !== YEAR)
      emit({ rule, row: row.row, col: key, params: { date: formatDate(d) } });
  };
}

/**
 * Row check of a period column `key` written as a range (`2024.03.05-2025.03.04`), reported as `rule`:
 * - `{ kind: "unreadable", value }` for a typed text that is not a range (not an empty cell, an error value or the
 *   notice's example text);
 * - `{ kind: "order", start, end }` when the end is not after the start;
 * - otherwise `{ kind, start, end, ...rest }` when `further(range, row)` returns `{ kind, ...rest }` (a check against
 *   another column of the row, e.g. 签订日期).
 */
export function periodCheck(
  rule: string,
  key: string,
  further?: (
    range: DateRange,
    row: DataRow,
  ) => { kind: string; [param: string]: string } | undefined,
): NonNullable<RuleDef["row"]> {
  return (row, _table, emit) => {
    if (row.merged[key]) return;
    const range = rangeOf(row, key);
    if (!range) {
      if (row.unreadable[key] !== undefined)
        emit({
          rule,
          row: row.row,
          col: key,
          params: {
            kind: "unreadable",
            value: cellText(row.cells[key]).trim(),
          },
        });
      return;
    }
    if (compareDates(range.end, range.start) <= 0) {
      emit(rangeFinding(rule, row, key, range, "order"));
      return;
    }
    const extra = further?.(range, row);
    if (extra) {
      const { kind, ...rest } = extra;
      emit(rangeFinding(rule, row, key, range, kind, rest));
    }
  };
}

/** A {@link periodCheck} finding on a readable range: `{ kind, start, end, ...rest }`. */
function rangeFinding(
  rule: string,
  row: DataRow,
  key: string,
  range: DateRange,
  kind: string,
  rest?: Record<string, string>,
): RawFinding {
  return {
    rule,
    row: row.row,
    col: key,
    params: {
      kind,
      start: formatDate(range.start),
      end: formatDate(range.end),
      ...rest,
    },
  };
}
