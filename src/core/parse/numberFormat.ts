/**
 * Number formats and date serials as spreadsheet programs store them: which formats show a date, and the calendar
 * date of a serial. Used by both readers (xlsx/read.ts for files, excel/check/read.ts for the open workbook).
 */
import { isoDate, isValidDate, serialToDate } from "./date";

/**
 * True when a number format shows a calendar date (year, month or day), not only a number or a time of day:
 * `yyyy"年"m"月"d"日"`, `m/d/yy`, `mmm-yy` → true; `h"时"mm"分"`, `[h]:mm:ss`, `0.00%`, `0"年"` → false.
 * Quoted text, escaped characters, `[…]` sections and AM/PM markers are not format codes; `m` is minutes right
 * after an hour code or before a seconds code, months otherwise.
 */
export function formatShowsDate(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"|\\.|[_*].|\[[^\]]*\]/g, "")
    .replace(/AM\/PM|A\/P|上午\/下午/gi, "");
  if (/[yd]/i.test(bare)) return true;
  const units = bare.match(/h+|m+|s+/gi) ?? [];
  return units.some(
    (u, i) =>
      /^m/i.test(u) &&
      !/^h/i.test(units[i - 1] ?? "") &&
      !/^s/i.test(units[i + 1] ?? ""),
  );
}

/**
 * Calendar date `YYYY-MM-DD` of an Excel date serial in the workbook's date system, independent of the time zone
 * (the fraction, a time of day, is ignored): 45356 → `2024-03-05` (1900 system), 43894 → `2024-03-05` (1904
 * system, 1462 days less). Undefined where Excel shows no real date: before serial 1 (1900) or 0 (1904), the
 * non-existent 1900-02-29 (serial 60), after 9999-12-31.
 */
export function serialDate(
  serial: number,
  date1904: boolean,
): string | undefined {
  if (!Number.isFinite(serial) || Math.floor(serial) < (date1904 ? 0 : 1))
    return undefined;
  const date = serialToDate(serial, date1904);
  return isValidDate(date) ? isoDate(date) : undefined;
}
