/** Calendar dates as people type them, and Excel date serials. No time zones anywhere: only y/m/d arithmetic. */
import type { Cell } from "../model/grid";
import { unreadable } from "./cell";
import type { ParseNote, ParseReason } from "./reasons";
import { compact, toHalfWidth } from "./text";
import type { CalendarDate, Parsed } from "./types";

const MS_PER_DAY = 86_400_000;
/** Days in 400 Gregorian years: shifting a year by 400 keeps weekdays and leap years. */
const DAYS_PER_400_YEARS = 146_097;
/** Largest serial Excel shows as a date: 9999-12-31 in the 1900 system. */
const MAX_SERIAL_1900 = 2_958_465;

/** Days in month `m` (1–12) of year `y` (proleptic Gregorian). */
function daysInMonth(y: number, m: number): number {
  return m === 2
    ? y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)
      ? 29
      : 28
    : [4, 6, 9, 11].includes(m)
      ? 30
      : 31;
}

/** True when `d` is a real calendar date with year 1–9999 (2024-02-30 and 1900-02-29 are not). */
export function isValidDate(d: CalendarDate): boolean {
  return (
    Number.isInteger(d.y) &&
    Number.isInteger(d.m) &&
    Number.isInteger(d.d) &&
    d.y >= 1 &&
    d.y <= 9999 &&
    d.m >= 1 &&
    d.m <= 12 &&
    d.d >= 1 &&
    d.d <= daysInMonth(d.y, d.m)
  );
}

/** Days since 1970-01-01 (negative before), computed with `Date.UTC`, so independent of the machine's time zone. */
export function dayNumber(d: CalendarDate): number {
  // Date.UTC reads years 0–99 as 1900–1999: compute 400 years later and shift back.
  const shift = d.y >= 0 && d.y < 100 ? 400 : 0;
  return (
    Math.round(Date.UTC(d.y + shift, d.m - 1, d.d) / MS_PER_DAY) -
    (shift ? DAYS_PER_400_YEARS : 0)
  );
}

/** Days a `Date` can hold either side of 1970-01-01: beyond them it is invalid (NaN fields). */
const DATE_RANGE_DAYS = 100_000_000;

/**
 * Inverse of {@link dayNumber}: the proleptic Gregorian date of day `n`, as `new Date(n * MS_PER_DAY)` gives it in UTC
 * (NaN fields beyond its range), by whole-number arithmetic (H. Hinnant's `civil_from_days`): every date cell of a
 * workbook passes here, and a `Date` with three getters costs several times as much.
 */
function fromDayNumber(n: number): CalendarDate {
  if (!(Math.abs(n) <= DATE_RANGE_DAYS)) return { y: NaN, m: NaN, d: NaN };
  // Days since 0000-03-01, in 400-year eras that start on a 1 March.
  const z = n + 719_468;
  const era = Math.floor(z / DAYS_PER_400_YEARS);
  const dayOfEra = z - era * DAYS_PER_400_YEARS;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear =
    dayOfEra -
    (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  // Months from March (0) to February (11).
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const d = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yearOfEra + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

/** Days from `a` to `b` (`b − a`): `daysBetween(2024-03-05, 2024-03-06) === 1`. */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return dayNumber(b) - dayNumber(a);
}

/** Negative when `a` is before `b`, 0 when equal, positive after (usable with `Array.prototype.sort`). */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

/** `2024年3月5日` — the notice's way of writing a date. */
export function formatDate(d: CalendarDate): string {
  return `${d.y}年${d.m}月${d.d}日`;
}

/** `2024-03-05` (ISO 8601). */
export function isoDate(d: CalendarDate): string {
  return `${pad(d.y, 4)}-${pad(d.m, 2)}-${pad(d.d, 2)}`;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

const EPOCH_1904 = dayNumber({ y: 1904, m: 1, d: 1 });
/** Serial 1 = 1900-01-01, so serial 0 is the day before. */
const EPOCH_1900 = dayNumber({ y: 1899, m: 12, d: 31 });

/**
 * Excel date serial → calendar date; a fraction (time of day) is ignored.
 * 1900 system: 1 = 1900-01-01, 59 = 1900-02-28, 60 = the non-existent 1900-02-29 Excel keeps from Lotus 1-2-3 (returned
 * as `{y:1900,m:2,d:29}`, which {@link isValidDate} rejects), 61 = 1900-03-01, 45356 = 2024-03-05.
 * 1904 system: 0 = 1904-01-01, 43894 = 2024-03-05.
 */
export function serialToDate(serial: number, date1904: boolean): CalendarDate {
  const whole = Math.floor(serial);
  if (date1904) return fromDayNumber(EPOCH_1904 + whole);
  if (whole === 60) return { y: 1900, m: 2, d: 29 };
  return fromDayNumber(EPOCH_1900 + (whole > 60 ? whole - 1 : whole));
}

/** Calendar date → Excel date serial (inverse of {@link serialToDate}; `{1900,2,29}` → 60 in the 1900 system). */
export function dateToSerial(d: CalendarDate, date1904: boolean): number {
  if (date1904) return dayNumber(d) - EPOCH_1904;
  if (d.y === 1900 && d.m === 2 && d.d === 29) return 60;
  const days = dayNumber(d) - EPOCH_1900;
  return days >= 60 ? days + 1 : days;
}

/** Why y/m/d typed as `text` is not a date, or undefined when it is one. */
function invalidReason(text: string, d: CalendarDate): ParseReason | undefined {
  if (d.m < 1 || d.m > 12) return { code: "DATE-MONTH", text, month: d.m };
  if (d.d < 1) return { code: "DATE-DAY", text, day: d.d };
  const days = daysInMonth(d.y, d.m);
  return d.d > days
    ? { code: "DATE-MONTH-DAYS", text, y: d.y, m: d.m, days }
    : undefined;
}

/** Text forms, tried on the half-width text without white space. */
const DATE_FORMS: readonly RegExp[] = [
  /^([1-9]\d{3})([./-])(\d{1,2})\2(\d{1,2})$/, // 2024.3.5, 2024/3/5, 2024-03-05
  /^([1-9]\d{3})(年)(\d{1,2})月(\d{1,2})日?$/, // 2024年3月5日
  /^([1-9]\d{3})()(\d{2})(\d{2})$/, // 20240305
];
/** A time of day after the date (`2024-3-5 00:00:00`, `2024-03-05T08:30`), ignored. */
const TIME_SUFFIX = /(?:\s+|T)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;

/**
 * A date typed as text: `2024.3.5`, `2024/3/5`, `2024-03-05`, `2024.03.05`, `2024年3月5日`, `2024年03月05日`,
 * `20240305`, with spaces anywhere and full-width digits; a trailing time (`2024-3-5 00:00:00`) is ignored, with a
 * note when it is not midnight. ok:false for other text and for dates that do not exist (2024-02-30).
 */
export function parseDateText(s: string): Parsed<CalendarDate> {
  let text = toHalfWidth(s).trim();
  let note: ParseNote | undefined;
  const time = TIME_SUFFIX.exec(text);
  if (time) {
    text = text.slice(0, time.index);
    if (Number(time[1]) + Number(time[2]) + Number(time[3] ?? 0) > 0)
      note = { code: "DATE-TIME-IGNORED", time: time[0].trim() };
  }
  const flat = compact(text);
  for (const form of DATE_FORMS) {
    const m = form.exec(flat);
    if (!m) continue;
    const value = { y: Number(m[1]), m: Number(m[3]), d: Number(m[4]) };
    const invalid = invalidReason(s.trim(), value);
    if (invalid) return { ok: false, reason: invalid };
    return note ? { ok: true, value, note } : { ok: true, value };
  }
  return { ok: false, reason: { code: "DATE-TEXT", text: s.trim() } };
}

/** True when a number format shows a date (`yyyy"年"m"月"d"日"`, `m/d/yy`, `[$-F800]`, `yyyy/m/d`). */
function isDateFormat(z: string | undefined): boolean {
  if (!z) return false;
  if (/年|\[\$-F800\]/i.test(z)) return true;
  // Outside quoted text, brackets ([Red], [DBNum1]) and escapes, y or d only appears as a date code.
  return /[yd]/i.test(z.replace(/"[^"]*"|\[[^\]]*\]|\\./g, ""));
}

/**
 * A date cell.
 *
 * - `cell.date` (ISO, set by the reader for date-formatted cells) → that date;
 * - a number → an 8-digit `20240305` typed as a number is read as that date; otherwise an Excel serial in the
 *   workbook's date system (`date1904`), with a note (`DATE-FROM-SERIAL`: 按日期序列号45356读作2024年3月5日) unless the cell's format is a
 *   date format; serial 60 of the 1900 system (the fake 1900-02-29) and serials outside 1900–9999 are refused;
 * - text → {@link parseDateText}.
 *
 * Blank cell → ok:false `CELL-EMPTY`; error value → ok:false `CELL-ERROR`.
 */
export function readDate(
  cell: Cell | undefined,
  date1904: boolean,
): Parsed<CalendarDate> {
  const bad = unreadable(cell, "date");
  if (bad !== undefined) return { ok: false, reason: bad };
  const { v, date, z } = cell!;
  if (date) {
    const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
    const value = iso && {
      y: Number(iso[1]),
      m: Number(iso[2]),
      d: Number(iso[3]),
    };
    if (value && isValidDate(value)) return { ok: true, value };
  }
  if (typeof v !== "number") return parseDateText(String(v));
  if (Number.isInteger(v) && v >= 10_000_000 && v <= 99_999_999) {
    // No date serial has 8 digits: this is 20240305 typed as a number.
    const read = parseDateText(String(v));
    return read.ok
      ? {
          ok: true,
          value: read.value,
          note: { code: "DATE-FROM-DIGITS", value: v, date: read.value },
        }
      : read;
  }
  const min = date1904 ? 0 : 1;
  const max = date1904 ? MAX_SERIAL_1900 - 1462 : MAX_SERIAL_1900;
  if (v < min || v >= max + 1)
    return { ok: false, reason: { code: "DATE-NUMBER", value: v } };
  const value = serialToDate(v, date1904);
  if (!isValidDate(value))
    return { ok: false, reason: { code: "DATE-1900-02-29", serial: v } };
  return isDateFormat(z)
    ? { ok: true, value }
    : {
        ok: true,
        value,
        note: { code: "DATE-FROM-SERIAL", serial: v, date: value },
      };
}
