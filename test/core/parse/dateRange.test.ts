import * as fc from "fast-check";
import type { Cell } from "../../../src/core/model/grid";
import {
  type CalendarDate,
  formatDate,
  isoDate,
  parseDateRangeText as parseDateRangeTextCoded,
  readDateRange as readDateRangeCoded,
} from "../../../src/core/parse";
import { calendarDate, toFullWidthDigits, worded } from "./helpers";

/** parseDateRangeText, its note and reason worded by the catalog (helpers.ts). */
const parseDateRangeText = worded(parseDateRangeTextCoded);
/** readDateRange, its note and reason worded by the catalog (helpers.ts). */
const readDateRange = worded(readDateRangeCoded);

const cell = (v: Cell["v"], extra: Partial<Cell> = {}): Cell =>
  Object.freeze({ v, ...extra });
const RANGE = { start: { y: 2024, m: 3, d: 5 }, end: { y: 2025, m: 3, d: 4 } };

describe("parseDateRangeText", () => {
  it.each([
    ["2024年3月5日—2025年3月4日"], // em dash, as in the notice
    ["2024年3月5日——2025年3月4日"], // two em dashes
    ["2024年3月5日–2025年3月4日"], // en dash
    ["2024年3月5日-2025年3月4日"],
    ["2024年3月5日至2025年3月4日"], // 保单起止时间: x年x月x日至x年x月x日
    ["2024年3月5日到2025年3月4日"],
    ["2024.3.5~2025.3.4"],
    ["2024.3.5～2025.3.4"],
    ["2024.3.5－2025.3.4"], // full-width hyphen
    ["2024-03-05-2025-03-04"], // hyphenated ISO dates around a hyphen
    ["2024-03-05 - 2025-03-04"],
    ["2024-3-5—2025-3-4"],
    ["20240305-20250304"],
    ["2024/3/5 至 2025/3/4"],
    [" 2024 年 3 月 5 日 — 2025 年 3 月 4 日 "],
    ["２０２４年３月５日—２０２５年３月４日"],
    ["自2024年3月5日起至2025年3月4日止"],
    ["2024-03-05 00:00:00至2025-03-04 00:00:00"],
  ])("reads %s", (text) => {
    expect(parseDateRangeText(text)).toEqual({ ok: true, value: RANGE });
  });

  it("does not check the order (the rules do)", () => {
    expect(parseDateRangeText("2025.3.4-2024.3.5")).toEqual({
      ok: true,
      value: { start: RANGE.end, end: RANGE.start },
    });
  });

  it("passes the dates' notes on", () => {
    expect(parseDateRangeText("2024-03-05 08:00至2025-03-04")).toEqual({
      ok: true,
      value: RANGE,
      note: "已忽略时间部分08:00",
    });
  });

  it("refuses text that is not two dates", () => {
    const reason = (s: string) =>
      `“${s}”不是可识别的起止日期，请写成如2024年3月5日—2025年3月4日`;
    expect(parseDateRangeText("2024年3月5日")).toEqual({
      ok: false,
      reason: reason("2024年3月5日"),
    });
    expect(parseDateRangeText("2024年3月5日—长期")).toEqual({
      ok: false,
      reason: reason("2024年3月5日—长期"),
    });
    expect(parseDateRangeText("2024年3月5日 2025年3月4日")).toMatchObject({
      ok: false,
    }); // no separator
    expect(parseDateRangeText("2024年2月30日—2025年3月4日")).toMatchObject({
      ok: false,
    });
    expect(parseDateRangeText("三年")).toEqual({
      ok: false,
      reason: reason("三年"),
    });
  });

  it("reads random ranges written with random forms and separators", () => {
    const pad = (n: number) => String(n).padStart(2, "0");
    const forms: ((d: CalendarDate) => string)[] = [
      (d) => `${d.y}.${d.m}.${d.d}`,
      (d) => `${d.y}/${d.m}/${d.d}`,
      (d) => `${d.y}-${pad(d.m)}-${pad(d.d)}`,
      (d) => `${d.y}-${d.m}-${d.d}`,
      formatDate,
      isoDate,
      (d) => `${d.y}${pad(d.m)}${pad(d.d)}`,
      (d) => toFullWidthDigits(formatDate(d)),
    ];
    const separators = ["—", "——", "–", "-", "~", "～", "至", "到", "－"];
    const spaces = fc.constantFrom("", " ", "  ", "\u3000");
    fc.assert(
      fc.property(
        calendarDate,
        calendarDate,
        fc.constantFrom(...forms),
        fc.constantFrom(...forms),
        fc.constantFrom(...separators),
        spaces,
        spaces,
        (start, end, f1, f2, sep, sp1, sp2) => {
          const text = `${f1(start)}${sp1}${sep}${sp2}${f2(end)}`;
          expect(parseDateRangeText(text)).toEqual({
            ok: true,
            value: { start, end },
          });
        },
      ),
    );
  });
});

describe("readDateRange", () => {
  it("reads a text cell", () => {
    expect(readDateRange(cell("2024年3月5日—2025年3月4日"), false)).toEqual({
      ok: true,
      value: RANGE,
    });
  });

  it("says when the cell holds a single date", () => {
    const single =
      "单元格只有一个日期（2024年3月5日），应填写起止日期，如2024年3月5日—2025年3月4日";
    expect(readDateRange(cell(45356), false)).toEqual({
      ok: false,
      reason: single,
    });
    expect(readDateRange(cell(43894), true)).toEqual({
      ok: false,
      reason: single,
    });
    expect(readDateRange(cell(45356, { date: "2024-03-05" }), false)).toEqual({
      ok: false,
      reason: single,
    });
    expect(readDateRange(cell("2024.3.5"), false)).toEqual({
      ok: false,
      reason: single,
    });
  });

  it("says why other cells are no range", () => {
    expect(readDateRange(cell(-5), false)).toEqual({
      ok: false,
      reason: "数字-5不是起止日期，请填写如2024年3月5日—2025年3月4日",
    });
    expect(readDateRange(cell("一年"), false)).toEqual({
      ok: false,
      reason: "“一年”不是可识别的起止日期，请写成如2024年3月5日—2025年3月4日",
    });
    expect(readDateRange(undefined, false)).toEqual({
      ok: false,
      reason: "单元格为空",
    });
    expect(readDateRange(cell(null, { e: "#N/A" }), false)).toEqual({
      ok: false,
      reason: "单元格显示错误值#N/A",
    });
  });
});
