import * as fc from "fast-check";
import type { Cell } from "../../../src/core/model/grid";
import {
  type CalendarDate,
  compareDates,
  dateToSerial,
  dayNumber,
  daysBetween,
  formatDate,
  isoDate,
  isValidDate,
  parseDateText as parseDateTextCoded,
  readDate as readDateCoded,
  serialToDate,
} from "../../../src/core/parse";
import { calendarDate, toFullWidthDigits, worded } from "./helpers";

/** parseDateText, its note and reason worded by the catalog (helpers.ts). */
const parseDateText = worded(parseDateTextCoded);
/** readDate, its note and reason worded by the catalog (helpers.ts). */
const readDate = worded(readDateCoded);

const cell = (v: Cell["v"], extra: Partial<Cell> = {}): Cell =>
  Object.freeze({ v, ...extra });
const ymd = (y: number, m: number, d: number): CalendarDate => ({ y, m, d });
const MAR5 = ymd(2024, 3, 5);

describe("calendar arithmetic", () => {
  it("validates dates", () => {
    expect(isValidDate(ymd(2024, 2, 29))).toBe(true);
    expect(isValidDate(ymd(2023, 2, 29))).toBe(false);
    expect(isValidDate(ymd(1900, 2, 29))).toBe(false); // 1900 is not a leap year
    expect(isValidDate(ymd(2000, 2, 29))).toBe(true); // 2000 is
    expect(isValidDate(ymd(2024, 4, 31))).toBe(false);
    expect(isValidDate(ymd(2024, 13, 1))).toBe(false);
    expect(isValidDate(ymd(2024, 1, 0))).toBe(false);
    expect(isValidDate(ymd(2024, 1, 1.5))).toBe(false);
  });

  it("counts days from 1970-01-01", () => {
    expect(dayNumber(ymd(1970, 1, 1))).toBe(0);
    expect(dayNumber(ymd(1970, 1, 2))).toBe(1);
    expect(dayNumber(ymd(1969, 12, 31))).toBe(-1);
    // 2024-01-01: 54 years of 365 days + 13 leap days (1972…2020) = 19723.
    expect(dayNumber(ymd(2024, 1, 1))).toBe(19723);
    // Years below 100 are not read as 19xx: year 1 is 719162 days before 1970 (proleptic Gregorian).
    expect(dayNumber(ymd(1, 1, 1))).toBe(-719162);
  });

  it("measures spans and orders dates", () => {
    expect(daysBetween(MAR5, ymd(2024, 3, 6))).toBe(1);
    expect(daysBetween(ymd(2024, 1, 1), ymd(2025, 1, 1))).toBe(366);
    expect(daysBetween(ymd(2024, 12, 21), ymd(2024, 3, 21))).toBe(-275);
    expect(compareDates(MAR5, ymd(2024, 3, 6))).toBeLessThan(0);
    expect(compareDates(ymd(2025, 1, 1), MAR5)).toBeGreaterThan(0);
    expect(compareDates(MAR5, ymd(2024, 3, 5))).toBe(0);
  });

  it("formats dates", () => {
    expect(formatDate(MAR5)).toBe("2024年3月5日");
    expect(isoDate(MAR5)).toBe("2024-03-05");
    expect(isoDate(ymd(24, 12, 31))).toBe("0024-12-31");
  });

  it("orders like dayNumber", () => {
    fc.assert(
      fc.property(
        calendarDate,
        calendarDate,
        (a, b) =>
          Math.sign(compareDates(a, b)) === Math.sign(daysBetween(b, a)),
      ),
    );
  });
});

describe("Excel serials", () => {
  it("reads the 1900 system, its fake 1900-02-29 included", () => {
    expect(serialToDate(1, false)).toEqual(ymd(1900, 1, 1));
    expect(serialToDate(59, false)).toEqual(ymd(1900, 2, 28));
    expect(serialToDate(60, false)).toEqual(ymd(1900, 2, 29));
    expect(serialToDate(61, false)).toEqual(ymd(1900, 3, 1));
    expect(serialToDate(25569, false)).toEqual(ymd(1970, 1, 1));
    // 45292 is 2024-01-01; + 31 (January) + 29 (February) + 4 = 45356.
    expect(serialToDate(45356, false)).toEqual(MAR5);
    expect(serialToDate(45356.75, false)).toEqual(MAR5); // 18:00, ignored
    expect(serialToDate(2958465, false)).toEqual(ymd(9999, 12, 31));
  });

  it("reads the 1904 system (1462 days fewer)", () => {
    expect(serialToDate(0, true)).toEqual(ymd(1904, 1, 1));
    expect(serialToDate(43894, true)).toEqual(MAR5);
  });

  it("writes serials", () => {
    expect(dateToSerial(MAR5, false)).toBe(45356);
    expect(dateToSerial(MAR5, true)).toBe(43894);
    expect(dateToSerial(ymd(1900, 2, 28), false)).toBe(59);
    expect(dateToSerial(ymd(1900, 2, 29), false)).toBe(60);
    expect(dateToSerial(ymd(1900, 3, 1), false)).toBe(61);
  });

  it("gives the dates a UTC Date gives, over all of a Date's range, fractions and NaN beyond it", () => {
    // The day of serial s in the 1904 system is 1904-01-01 + s; 1904-01-01 is day -24107 from 1970-01-01.
    const viaDate = (s: number): CalendarDate => {
      const t = new Date((Math.floor(s) - 24_107) * 86_400_000);
      return {
        y: t.getUTCFullYear(),
        m: t.getUTCMonth() + 1,
        d: t.getUTCDate(),
      };
    };
    const edges = [
      -100_000_000 + 24_107,
      100_000_000 + 24_106,
      100_000_000 + 24_107,
      -100_000_000 + 24_106,
      24_107,
      24_106,
      0,
      -1,
      1e20,
      -1e20,
      NaN,
    ];
    for (const s of edges) expect(serialToDate(s, true)).toEqual(viaDate(s));
    // Leap days and century years, around 1 March, in the years people type.
    for (let s = 0; s < 2957003; s += 97)
      expect(serialToDate(s, true)).toEqual(viaDate(s));
    fc.assert(
      fc.property(fc.double({ min: -1.1e8, max: 1.1e8, noNaN: true }), (s) => {
        expect(serialToDate(s, true)).toEqual(viaDate(s));
      }),
      { numRuns: 2000 },
    );
  });

  it("round-trips serials in both systems", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2958465 }),
        (s) => dateToSerial(serialToDate(s, false), false) === s,
      ),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2957003 }),
        (s) => dateToSerial(serialToDate(s, true), true) === s,
      ),
    );
    fc.assert(
      fc.property(calendarDate, fc.boolean(), (d, date1904) => {
        fc.pre(d.y >= 1904);
        expect(serialToDate(dateToSerial(d, date1904), date1904)).toEqual(d);
      }),
    );
  });
});

describe("parseDateText", () => {
  it.each([
    ["2024.3.5"],
    ["2024/3/5"],
    ["2024-03-05"],
    ["2024-3-5"],
    ["2024.03.05"],
    ["2024年3月5日"],
    ["2024年03月05日"],
    ["2024年3月5"],
    ["2024 年 3 月 5 日"],
    ["２０２４年３月５日"],
    ["２０２４．３．５"],
    ["20240305"],
    ["2024-3-5 00:00:00"],
    [" 2024/03/05 "],
  ])("reads %s as 2024-03-05", (text) => {
    expect(parseDateText(text)).toEqual({ ok: true, value: MAR5 });
  });

  it("ignores a time of day, saying so", () => {
    expect(parseDateText("2024-03-05 08:30:00")).toEqual({
      ok: true,
      value: MAR5,
      note: "已忽略时间部分08:30:00",
    });
    expect(parseDateText("2024-03-05T08:30")).toEqual({
      ok: true,
      value: MAR5,
      note: "已忽略时间部分T08:30",
    });
  });

  it("refuses dates that do not exist", () => {
    expect(parseDateText("2024-02-30")).toEqual({
      ok: false,
      reason: "“2024-02-30”不是有效日期：2024年2月只有29天",
    });
    expect(parseDateText("2023年2月29日")).toEqual({
      ok: false,
      reason: "“2023年2月29日”不是有效日期：2023年2月只有28天",
    });
    expect(parseDateText("2024.13.1")).toEqual({
      ok: false,
      reason: "“2024.13.1”不是有效日期：没有13月",
    });
    expect(parseDateText("2024.3.0")).toEqual({
      ok: false,
      reason: "“2024.3.0”不是有效日期：没有0日",
    });
  });

  it("refuses other text", () => {
    const reason = (s: string) =>
      `“${s}”不是可识别的日期，请填写如2024年3月5日`;
    expect(parseDateText("2024年3月")).toEqual({
      ok: false,
      reason: reason("2024年3月"),
    });
    expect(parseDateText("2024.3/5")).toEqual({
      ok: false,
      reason: reason("2024.3/5"),
    });
    expect(parseDateText("24.3.5")).toEqual({
      ok: false,
      reason: reason("24.3.5"),
    });
    expect(parseDateText("2024-3-5-2025-3-4")).toMatchObject({ ok: false });
    expect(parseDateText("长期")).toEqual({
      ok: false,
      reason: reason("长期"),
    });
  });

  it("parses every written form of a random date back to it", () => {
    const pad = (n: number) => String(n).padStart(2, "0");
    const forms = (d: CalendarDate) => [
      `${d.y}.${d.m}.${d.d}`,
      `${d.y}/${d.m}/${d.d}`,
      `${d.y}-${pad(d.m)}-${pad(d.d)}`,
      `${d.y}.${pad(d.m)}.${pad(d.d)}`,
      `${d.y}年${d.m}月${d.d}日`,
      `${d.y}${pad(d.m)}${pad(d.d)}`,
      formatDate(d),
      isoDate(d),
    ];
    fc.assert(
      fc.property(calendarDate, fc.boolean(), (d, fullWidth) => {
        for (const text of forms(d)) {
          expect(
            parseDateText(fullWidth ? toFullWidthDigits(text) : text),
          ).toEqual({ ok: true, value: d });
        }
      }),
    );
  });
});

describe("readDate", () => {
  it("takes the reader's ISO date", () => {
    expect(readDate(cell(45356, { date: "2024-03-05" }), false)).toEqual({
      ok: true,
      value: MAR5,
    });
  });

  it("reads a bare number as a serial of the workbook's system, saying so", () => {
    expect(readDate(cell(45356), false)).toEqual({
      ok: true,
      value: MAR5,
      note: "按日期序列号45356读作2024年3月5日",
    });
    expect(readDate(cell(43894), true)).toEqual({
      ok: true,
      value: MAR5,
      note: "按日期序列号43894读作2024年3月5日",
    });
    expect(readDate(cell(45356, { z: "General" }), false)).toMatchObject({
      note: "按日期序列号45356读作2024年3月5日",
    });
  });

  it("needs no note when the number format shows a date", () => {
    expect(readDate(cell(45356, { z: 'yyyy"年"m"月"d"日"' }), false)).toEqual({
      ok: true,
      value: MAR5,
    });
    expect(readDate(cell(45356, { z: "m/d/yy" }), false)).toEqual({
      ok: true,
      value: MAR5,
    });
    expect(
      readDate(cell(45356, { z: "[$-F800]dddd, mmmm dd, yyyy" }), false),
    ).toEqual({ ok: true, value: MAR5 });
    expect(readDate(cell(45356, { z: '#,##0.00"元"' }), false)).toMatchObject({
      note: expect.any(String),
    });
  });

  it("reads 20240305 typed as a number", () => {
    expect(readDate(cell(20240305), false)).toEqual({
      ok: true,
      value: MAR5,
      note: "数字20240305按2024年3月5日读取",
    });
    expect(readDate(cell(20240230), false)).toEqual({
      ok: false,
      reason: "“20240230”不是有效日期：2024年2月只有29天",
    });
  });

  it("refuses numbers that are no date", () => {
    expect(readDate(cell(60), false)).toEqual({
      ok: false,
      reason: "日期序列号60对应不存在的1900年2月29日，不是有效日期",
    });
    expect(readDate(cell(0), false)).toEqual({
      ok: false,
      reason: "数字0不是日期，请填写如2024年3月5日",
    });
    expect(readDate(cell(-1), true)).toMatchObject({ ok: false });
    expect(readDate(cell(2958466), false)).toMatchObject({ ok: false });
    expect(readDate(cell(2957004), true)).toMatchObject({ ok: false });
    expect(readDate(cell(0), true)).toMatchObject({
      ok: true,
      value: ymd(1904, 1, 1),
    });
  });

  it("reads text", () => {
    expect(readDate(cell("2024年3月5日"), false)).toEqual({
      ok: true,
      value: MAR5,
    });
    expect(readDate(cell("2024-02-30"), true)).toMatchObject({ ok: false });
  });

  it("says why a blank or error cell has no date", () => {
    expect(readDate(undefined, false)).toEqual({
      ok: false,
      reason: "单元格为空",
    });
    expect(readDate(cell(""), false)).toEqual({
      ok: false,
      reason: "单元格为空",
    });
    expect(readDate(cell(null, { e: "#VALUE!" }), false)).toEqual({
      ok: false,
      reason: "单元格显示错误值#VALUE!",
    });
    expect(readDate(cell(false), false)).toEqual({
      ok: false,
      reason: "单元格是逻辑值FALSE，不是日期",
    });
  });
});
