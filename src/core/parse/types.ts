/** Results of reading what people type. Parsers never change the user's value: they say how it was read. */
import type { ParseNote, ParseReason } from "./reasons";

/**
 * A parse result: the value and, when it was read in a non-obvious way, a note saying how; or the reason it could
 * not be read. Notes and reasons are codes with params (./reasons.ts), worded by messages/parse.ts.
 */
export type Parsed<T> =
  { ok: true; value: T; note?: ParseNote } | { ok: false; reason: ParseReason };

/** A calendar date, independent of any time zone. `m` 1–12, `d` 1–31. */
export interface CalendarDate {
  y: number;
  m: number;
  d: number;
}

/** A date range such as `2024年3月5日—2025年3月4日` (借款时限, 保单起止时间, 融资租赁起止时间). */
export interface DateRange {
  start: CalendarDate;
  end: CalendarDate;
}

/** Kind of a Chinese organisation code (组织机构代码 GB 11714 or 统一社会信用代码 GB 32100). */
export interface OrgCode {
  kind: "org" | "usc";
  /** Upper-case, without spaces or hyphen. */
  code: string;
}
