/**
 * The reader's date decisions, independent of the machine's time zone: which number formats show a date, and the
 * calendar date of a serial in the 1900 and 1904 date systems.
 */
import fc from "fast-check";

import { dateToSerial, isoDate } from "../../src/core/parse";
import { formatShowsDate, serialDate } from "../../src/xlsx/read";

describe("serialDate", () => {
  it("known serials of the 1900 system", () => {
    expect(serialDate(45356, false)).toBe("2024-03-05");
    expect(serialDate(45356.75, false)).toBe("2024-03-05"); // 18:00 the same day
    expect(serialDate(1, false)).toBe("1900-01-01");
    expect(serialDate(59, false)).toBe("1900-02-28");
    expect(serialDate(61, false)).toBe("1900-03-01");
    expect(serialDate(43831.0423726852, false)).toBe("2020-01-01");
    expect(serialDate(2958465, false)).toBe("9999-12-31");
  });

  it("the 1904 system counts from 1904-01-01, 1462 days after the 1900 system's serial 0", () => {
    expect(serialDate(0, true)).toBe("1904-01-01");
    expect(serialDate(45356 - 1462, true)).toBe("2024-03-05");
    expect(serialDate(11111, true)).toBe("1934-06-03");
    expect(serialDate(11111, false)).toBe("1930-06-02");
  });

  it("no date where Excel shows none", () => {
    expect(serialDate(60, false)).toBeUndefined(); // the non-existent 1900-02-29
    expect(serialDate(0, false)).toBeUndefined(); // 1900-01-00
    expect(serialDate(0.5, false)).toBeUndefined(); // a time of day only
    expect(serialDate(-1, true)).toBeUndefined();
    expect(serialDate(2958466, false)).toBeUndefined(); // after 9999-12-31
    expect(serialDate(Number.NaN, false)).toBeUndefined();
    expect(serialDate(Number.POSITIVE_INFINITY, true)).toBeUndefined();
  });

  const calendarDate = (min: string, max: string) =>
    fc
      .date({
        min: new Date(`${min}T00:00:00Z`),
        max: new Date(`${max}T00:00:00Z`),
        noInvalidDate: true,
      })
      .map((t) => ({
        y: t.getUTCFullYear(),
        m: t.getUTCMonth() + 1,
        d: t.getUTCDate(),
      }));
  const timeOfDay = fc.double({ min: 0, max: 0.99998, noNaN: true });

  it("date → serial → date round-trips in the 1900 system, whatever the time of day", () => {
    fc.assert(
      fc.property(
        calendarDate("1900-03-01", "9999-12-31"),
        timeOfDay,
        (d, time) => {
          expect(serialDate(dateToSerial(d, false) + time, false)).toBe(
            isoDate(d),
          );
        },
      ),
    );
  });

  it("date → serial → date round-trips in the 1904 system", () => {
    fc.assert(
      fc.property(
        calendarDate("1904-01-01", "9999-12-31"),
        timeOfDay,
        (d, time) => {
          expect(serialDate(dateToSerial(d, true) + time, true)).toBe(
            isoDate(d),
          );
        },
      ),
    );
  });

  it("the same day is 1462 serials apart in the two systems", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1462, max: 2958465 }), (serial1900) => {
        expect(serialDate(serial1900 - 1462, true)).toBe(
          serialDate(serial1900, false),
        );
      }),
    );
  });
});

describe("formatShowsDate", () => {
  it.each([
    'yyyy"年"m"月"d"日"',
    "yyyy\\年m\\月d\\日",
    '[DBNum1][$-804]yyyy"年"m"月"d"日"',
    "m/d/yy",
    "yyyy/m/d",
    "yyyy-m-d h:mm",
    "yyyy-mm-dd;@",
    "YYYY-MM-DD",
    "d-mmm",
    "mmm-yy",
    "mmmmm",
    'm"月"d"日"',
    "[$-F800]dddd, mmmm dd, yyyy",
    "yyyy/m/d\\ h:mm\\ AM/PM",
  ])("%s shows a date", (code) => {
    expect(formatShowsDate(code)).toBe(true);
  });

  it.each([
    "General",
    "@",
    "0",
    "0.00",
    "#,##0.00_ ",
    "0.00%",
    "0.00E+00",
    '"￥"#,##0.00;"￥"\\-#,##0.00',
    '_("$"* #,##0.00_);_("$"* \\(#,##0.00\\);_("$"* "-"??_);_(@_)',
    '0"年"',
    '0"天"',
    "h:mm",
    "h:mm:ss AM/PM",
    "[h]:mm:ss",
    "mm:ss",
    "mmss.0",
    'h"时"mm"分"',
    '上午/下午h"时"mm"分"ss"秒"',
    '[DBNum1]上午/下午h"时"mm"分"',
    "[Red]0.00",
  ])("%s does not", (code) => {
    expect(formatShowsDate(code)).toBe(false);
  });
});
