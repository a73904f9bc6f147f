/** Date ranges such as 借款时限, 保单起止时间, 融资租赁起止时间: `2024年3月5日—2025年3月4日`. */
import type { Cell } from "../model/grid";
import { unreadable } from "./cell";
import { parseDateText, readDate } from "./date";
import type { ParseNote } from "./reasons";
import { toHalfWidth } from "./text";
import type { DateRange, Parsed } from "./types";

/**
 * Separators between the two dates: em dashes (one or two), en dash, horizontal bar, hyphen, tilde, wave dash, 至, 到.
 * A hyphen may also be inside an ISO date, so every occurrence is tried and only splits where both sides are dates count.
 */
const SEPARATOR = /—+|-+|~+|[–―〜]|至|到/g;

/**
 * A date range typed as text: two dates in any of {@link parseDateText}'s forms around one separator (`—`, `——`, `–`,
 * `-`, `~`, `～`, `至`, `到`), spaces anywhere: `2024年3月5日—2025年3月4日`, `2024.3.5至2025.3.4`,
 * `2024-03-05-2025-03-04`, `自2024年3月5日起至2025年3月4日止`. The range's order is not checked here (the rules
 * report an end before the start).
 * ok:false (`RANGE-TEXT`) when no split gives two dates, or (`RANGE-AMBIGUOUS`) when more than one does.
 */
export function parseDateRangeText(s: string): Parsed<DateRange> {
  // 自2024年3月5日起至2025年3月4日止: the words around the dates are part of the usual way of writing a period.
  const text = toHalfWidth(s).trim().replace(/^自/, "").replace(/止$/, "");
  const found: { value: DateRange; note?: ParseNote }[] = [];
  for (const sep of text.matchAll(SEPARATOR)) {
    const start = parseDateText(text.slice(0, sep.index).replace(/起\s*$/, ""));
    const end = parseDateText(text.slice(sep.index + sep[0].length));
    if (!start.ok || !end.ok) continue;
    const value = { start: start.value, end: end.value };
    const parts = [start.note, end.note].filter((n) => n !== undefined);
    found.push(
      parts.length > 0
        ? { value, note: { code: "RANGE-PARTS", parts } }
        : { value },
    );
  }
  if (found.length === 1) return { ok: true, ...found[0]! };
  return {
    ok: false,
    reason: {
      code: found.length > 1 ? "RANGE-AMBIGUOUS" : "RANGE-TEXT",
      text: s.trim(),
    },
  };
}

/**
 * A date-range cell (see {@link parseDateRangeText}). A single date (a date cell, a serial in the workbook's date
 * system `date1904`, or one date as text) is not a range: ok:false `RANGE-SINGLE` with the date read.
 * Blank cell → ok:false `CELL-EMPTY`; error value → ok:false `CELL-ERROR`.
 */
export function readDateRange(
  cell: Cell | undefined,
  date1904: boolean,
): Parsed<DateRange> {
  const bad = unreadable(cell, "dateRange");
  if (bad !== undefined) return { ok: false, reason: bad };
  const range =
    typeof cell!.v === "string" && !cell!.date
      ? parseDateRangeText(cell!.v)
      : undefined;
  if (range?.ok) return range;
  const single = readDate(cell, date1904);
  if (single.ok) {
    return { ok: false, reason: { code: "RANGE-SINGLE", date: single.value } };
  }
  return (
    range ?? {
      ok: false,
      reason: { code: "RANGE-NUMBER", value: cell!.v as number | string },
    }
  );
}
