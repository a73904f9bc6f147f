import * as fc from "fast-check";
import { Decimal } from "decimal.js";
import type { Cell } from "../../../src/core/model/grid";
import {
  ExactSum,
  readInteger as readIntegerCoded,
  readNumber as readNumberCoded,
  readPercent as readPercentCoded,
  round,
  sumExact,
} from "../../../src/core/parse";
import { worded } from "./helpers";

/** readInteger, its note and reason worded by the catalog (helpers.ts). */
const readInteger = worded(readIntegerCoded);
/** readNumber, its note and reason worded by the catalog (helpers.ts). */
const readNumber = worded(readNumberCoded);
/** readPercent, its note and reason worded by the catalog (helpers.ts). */
const readPercent = worded(readPercentCoded);

const cell = (v: Cell["v"], extra: Partial<Cell> = {}): Cell =>
  Object.freeze({ v, ...extra });

describe("readNumber", () => {
  it("returns a number cell as stored, without a note", () => {
    expect(readNumber(cell(1234.56))).toEqual({ ok: true, value: 1234.56 });
    expect(readNumber(cell(-3))).toEqual({ ok: true, value: -3 });
  });

  it("reads plain text without a note", () => {
    expect(readNumber(cell("12"))).toEqual({ ok: true, value: 12 });
    expect(readNumber(cell(" 12 "))).toEqual({ ok: true, value: 12 });
    expect(readNumber(cell("-3"))).toEqual({ ok: true, value: -3 });
    expect(readNumber(cell("0.5"))).toEqual({ ok: true, value: 0.5 });
  });

  it("reads thousands separators and full-width digits, saying how", () => {
    expect(readNumber(cell("1,234.56"))).toEqual({
      ok: true,
      value: 1234.56,
      note: "文本“1,234.56”按数字1234.56读取",
    });
    expect(readNumber(cell("１２３４.５"))).toEqual({
      ok: true,
      value: 1234.5,
      note: "文本“１２３４.５”按数字1234.5读取",
    });
    expect(readNumber(cell("1 234.5"))).toEqual({
      ok: true,
      value: 1234.5,
      note: "文本“1 234.5”按数字1234.5读取",
    });
    expect(readNumber(cell("1,234,567"))).toMatchObject({
      ok: true,
      value: 1234567,
    });
    expect(readNumber(cell("－３"))).toMatchObject({ ok: true, value: -3 });
  });

  it("drops a 万元 unit with a note", () => {
    expect(readNumber(cell("12万元"))).toEqual({
      ok: true,
      value: 12,
      note: "已去掉单位“万元”，按12万元读取",
    });
    expect(readNumber(cell("12.5 万"))).toEqual({
      ok: true,
      value: 12.5,
      note: "已去掉单位“万”，按12.5万元读取",
    });
  });

  it("refuses a yuan or 亿元 amount instead of guessing", () => {
    expect(readNumber(cell("3.5元"))).toEqual({
      ok: false,
      reason: "“3.5元”的单位是“元”，本栏单位为万元，请换算为万元后只填数字",
    });
    expect(readNumber(cell("1亿元"))).toMatchObject({ ok: false });
  });

  it("refuses other text", () => {
    expect(readNumber(cell("(3)"))).toEqual({
      ok: false,
      reason: "“(3)”不是数字",
    });
    expect(readNumber(cell("约12"))).toEqual({
      ok: false,
      reason: "“约12”不是数字",
    });
    expect(readNumber(cell("12 34"))).toEqual({
      ok: false,
      reason: "“12 34”中的千分位分隔符位置不对，无法确定数值",
    });
    expect(readNumber(cell("1,2"))).toMatchObject({ ok: false });
    expect(readNumber(cell("万元"))).toMatchObject({ ok: false });
  });

  it("says why a blank, error or logical cell has no number", () => {
    expect(readNumber(undefined)).toEqual({ ok: false, reason: "单元格为空" });
    expect(readNumber(cell(null))).toEqual({ ok: false, reason: "单元格为空" });
    expect(readNumber(cell("  "))).toEqual({ ok: false, reason: "单元格为空" });
    expect(readNumber(cell(null, { e: "#REF!" }))).toEqual({
      ok: false,
      reason: "单元格显示错误值#REF!",
    });
    expect(readNumber(cell(true))).toEqual({
      ok: false,
      reason: "单元格是逻辑值TRUE，不是数字",
    });
  });

  it("reads n.toLocaleString('en-US') back as n for decimals with up to 4 places", () => {
    const decimal = fc
      .tuple(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.integer({ min: 0, max: 4 }),
      )
      .map(([units, places]) => units / 10 ** places);
    fc.assert(
      fc.property(decimal, (n) => {
        const read = readNumber(
          cell(n.toLocaleString("en-US", { maximumFractionDigits: 4 })),
        );
        return read.ok && read.value === n;
      }),
    );
  });
});

describe("readInteger", () => {
  it("accepts whole numbers, 12.0 included", () => {
    expect(readInteger(cell(12))).toEqual({ ok: true, value: 12 });
    expect(readInteger(cell("12.0"))).toEqual({ ok: true, value: 12 });
    expect(readInteger(cell("1,200"))).toMatchObject({ ok: true, value: 1200 });
  });

  it("refuses fractions and passes other failures through", () => {
    expect(readInteger(cell(12.5))).toEqual({
      ok: false,
      reason: "应为整数，填写的是12.5",
    });
    expect(readInteger(cell("十二"))).toEqual({
      ok: false,
      reason: "“十二”不是数字",
    });
  });
});

describe("readPercent", () => {
  it("reads a percent-formatted number as percent, with a note", () => {
    expect(readPercent(cell(0.0345, { z: "0.00%" }))).toEqual({
      ok: true,
      value: 3.45,
      note: "单元格为百分比格式，按3.45%读取",
    });
    // 0.0435 * 100 is 4.3500000000000005 in floating point: the decimal product is 4.35.
    expect(readPercent(cell(0.0435, { z: "0%" }))).toMatchObject({
      ok: true,
      value: 4.35,
    });
  });

  it("keeps a plain number as stored, 0.0345 included (LOAN-RATE-RANGE reports it)", () => {
    expect(readPercent(cell(3.45))).toEqual({ ok: true, value: 3.45 });
    expect(readPercent(cell(0.0345))).toEqual({ ok: true, value: 0.0345 });
    expect(readPercent(cell(0.0345, { z: "0.0000" }))).toEqual({
      ok: true,
      value: 0.0345,
    });
  });

  it("reads percent text", () => {
    expect(readPercent(cell("3.45%"))).toEqual({ ok: true, value: 3.45 });
    expect(readPercent(cell("3.45％"))).toEqual({ ok: true, value: 3.45 });
    expect(readPercent(cell(" 3.45 % "))).toEqual({ ok: true, value: 3.45 });
    expect(readPercent(cell("3.45"))).toEqual({ ok: true, value: 3.45 });
  });

  it("refuses other text and empty cells", () => {
    expect(readPercent(cell("百分之三"))).toEqual({
      ok: false,
      reason: "“百分之三”不是百分数",
    });
    expect(readPercent(cell("%"))).toMatchObject({ ok: false });
    expect(readPercent(undefined)).toEqual({ ok: false, reason: "单元格为空" });
    expect(readPercent(cell(null, { e: "#DIV/0!" }))).toEqual({
      ok: false,
      reason: "单元格显示错误值#DIV/0!",
    });
  });
});

describe("sumExact and round", () => {
  it("adds decimals exactly", () => {
    expect(sumExact([0.1, 0.2])).toBe(0.3);
    expect(sumExact([1234.56, 0.01, -0.57])).toBe(1234);
    expect(sumExact([])).toBe(0);
  });

  it("rounds half away from zero on the decimal value", () => {
    expect(round(1.005, 2)).toBe(1.01);
    expect(round(2.5, 0)).toBe(3);
    expect(round(-2.5, 0)).toBe(-3);
    expect(round(1.2344, 3)).toBe(1.234);
    expect(round(0.1 + 0.2, 4)).toBe(0.3);
  });

  it("sums random 2-decimal amounts to the integer-cents sum / 100", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e11, max: 1e11 })), (cents) => {
        const exact = cents.reduce((a, b) => a + b, 0) / 100;
        return sumExact(cents.map((c) => c / 100)) === exact;
      }),
    );
  });

  it("gives decimal.js's exact sum for any numbers: 0–8 decimals, large, tiny, fractions (fast path and fallback)", () => {
    // The reference: decimal.js as sumExact has always used it (40 significant digits).
    const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
    const decimalSum = (xs: number[]) =>
      xs.reduce((s, x) => s.plus(x), new D(0)).toNumber();
    const typed = fc
      .tuple(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.integer({ min: 0, max: 8 }),
      )
      .map(([n, k]) => n / 10 ** k);
    const any = fc.double({
      noNaN: true,
      noDefaultInfinity: true,
      min: -1e15,
      max: 1e15,
    });
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            typed,
            any,
            fc.constantFrom(1 / 3, 0.1, 999999999.999999, 1e9),
          ),
        ),
        (xs) => {
          return sumExact(xs) === decimalSum(xs);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("ExactSum", () => {
  const unasked = (): number[] => {
    throw new Error("asked for the numbers");
  };

  it("keeps 0.1 + 0.2 + 1234.56 − 0.2 as 1234.66, without asking for the numbers", () => {
    const sum = new ExactSum();
    for (const n of [0.1, 0.2, 1234.56]) sum.add(n);
    sum.remove(0.2);
    expect(sum.value(unasked)).toBe(1234.66);
  });

  it("asks for the numbers when one is off the fast path (7 decimals, 10^9)", () => {
    const sum = new ExactSum();
    sum.add(0.1234567);
    sum.add(1);
    expect(sum.value(() => [0.1234567, 1])).toBe(1.1234567);
    sum.remove(0.1234567);
    expect(sum.value(unasked)).toBe(1);
    sum.add(1e9);
    expect(sum.value(() => [1, 1e9])).toBe(1000000001);
  });

  it("equals sumExact of the numbers kept after any adds and removes", () => {
    const amount = fc.oneof(
      fc
        .tuple(
          fc.integer({ min: -1e12, max: 1e12 }),
          fc.integer({ min: 0, max: 7 }),
        )
        .map(([n, k]) => n / 10 ** k),
      fc.constantFrom(1 / 3, 999999999.999999, 1e9, 5e15),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(amount, fc.boolean())), (steps) => {
        const sum = new ExactSum();
        const kept: number[] = [];
        for (const [n, remove] of steps) {
          const i = kept.indexOf(n);
          if (remove && i >= 0) {
            kept.splice(i, 1);
            sum.remove(n);
          } else {
            kept.push(n);
            sum.add(n);
          }
          expect(sum.value(() => kept)).toBe(sumExact(kept));
        }
      }),
      { numRuns: 500 },
    );
  });
});
