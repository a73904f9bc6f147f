/**
 * Value parsers of the pure core: amounts (万元), integers, percents, dates, date ranges, organisation codes, mobile
 * numbers. Each reads a cell without changing it and returns a {@link Parsed} result whose `note` or `reason` (a code
 * with params, ./reasons.ts; worded by messages/parse.ts) says how the value was read or why it could not be.
 */
export type { CalendarDate, DateRange, OrgCode, Parsed } from "./types";
export type {
  Expected,
  NoteCode,
  NoteParams,
  ParseNote,
  ParseReason,
  ReasonCode,
  ReasonParams,
} from "./reasons";
export { compact, findMobile, isWhiteSpace, toHalfWidth } from "./text";
export {
  ExactSum,
  readInteger,
  readNumber,
  readPercent,
  round,
  sumExact,
} from "./number";
export {
  compareDates,
  dateToSerial,
  dayNumber,
  daysBetween,
  formatDate,
  isoDate,
  isValidDate,
  parseDateText,
  readDate,
  serialToDate,
} from "./date";
export { parseDateRangeText, readDateRange } from "./dateRange";
export {
  creditCodeCheckChar,
  isValidCreditCode,
  isValidOrgCode,
  orgCodeCheckChar,
  readOrgCode,
} from "./orgCode";
