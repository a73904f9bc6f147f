/** Amounts (万元), integers and percents as people type them, and exact decimal arithmetic. */
import { Decimal } from "decimal.js";
import type { Cell } from "../model/grid";
import { unreadable } from "./cell";
import { toHalfWidth } from "./text";
import type { Parsed } from "./types";

/** Our own Decimal so that nobody's global `Decimal.set` changes our results. */
const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

/** A plain decimal after clean-up: optional sign, digits, optional fraction. */
const PLAIN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
/** Thousands separators (`,` or a space) in groups of three. */
const GROUPED = /^[+-]?\d{1,3}(?:([, ])\d{3})(?:\1\d{3})*(?:\.\d*)?$/;
/** Spaces people use inside numbers: ASCII, no-break, thin, narrow no-break. */
const INNER_SPACE = /[ \u00a0\u2009\u202f]/g;

/**
 * Read a number typed as text: trimmed, full-width digits, thousands separators (`1,234.56`, `1 234.5`).
 * The note (when the text was not already plain) says how it was read.
 */
function parseNumberText(text: string): Parsed<number> {
  const trimmed = toHalfWidth(text).trim();
  const spaced = trimmed.replace(INNER_SPACE, " ");
  let plain = spaced;
  if (GROUPED.test(spaced)) plain = spaced.replace(/[, ]/g, "");
  if (!PLAIN.test(plain)) {
    if (/[, ]/.test(spaced) && PLAIN.test(spaced.replace(/[, ]/g, ""))) {
      return { ok: false, reason: { code: "NUMBER-GROUPING", text } };
    }
    return { ok: false, reason: { code: "NUMBER-TEXT", text } };
  }
  const value = Number(plain);
  return plain === text.trim()
    ? { ok: true, value }
    : { ok: true, value, note: { code: "NUMBER-FROM-TEXT", text, value } };
}

/**
 * A 万元 amount or a plain number.
 *
 * - number cell → the stored number (no note);
 * - text → `1,234.56`, `１２３４.５`, ` 12 `, `1 234.5`, `-3` are read, with a note when the text was not plain;
 *   a trailing `万元`/`万` unit is dropped with a note (`12万元` → 12);
 * - a `元` or `亿元` unit, `(3)`, other text → ok:false, since reading it as 万元 would be a guess.
 *
 * Callers check `isBlank` first; a blank cell gives ok:false `CELL-EMPTY`, an error value ok:false `CELL-ERROR`.
 * @returns the value in the cell's own unit (万元 for amount columns).
 */
export function readNumber(cell: Cell | undefined): Parsed<number> {
  const bad = unreadable(cell, "number");
  if (bad !== undefined) return { ok: false, reason: bad };
  const v = cell!.v;
  if (typeof v === "number") return { ok: true, value: v };
  const text = String(v);
  const unit = /^(.*?)(万元|万|亿元|亿|元)$/.exec(toHalfWidth(text).trim());
  if (!unit) return parseNumberText(text);
  const read = parseNumberText(unit[1]!);
  if (!read.ok) return { ok: false, reason: { code: "NUMBER-TEXT", text } };
  if (unit[2] !== "万元" && unit[2] !== "万") {
    return {
      ok: false,
      reason: { code: "NUMBER-UNIT", text, unit: unit[2]! },
    };
  }
  return {
    ok: true,
    value: read.value,
    note: { code: "NUMBER-UNIT-DROPPED", unit: unit[2], value: read.value },
  };
}

/**
 * A whole number (天数, 人数, 年度…): like {@link readNumber}, and the value must be an integer (`12.0` is 12).
 */
export function readInteger(cell: Cell | undefined): Parsed<number> {
  const read = readNumber(cell);
  if (read.ok && !Number.isInteger(read.value))
    return {
      ok: false,
      reason: { code: "INTEGER-FRACTION", value: read.value },
    };
  return read;
}

/**
 * A percent, as a number of percent (3.45 means 3.45 %): 利率, 费率.
 *
 * - number cell whose format `z` contains `%` → stored 0.0345 is read as 3.45, with a note;
 * - number cell otherwise → as stored (0.0345 stays 0.0345: the rate rule reports a fraction typed as a number);
 * - text `3.45%`, `3.45％`, `3.45` → 3.45 (full-width digits and spaces allowed, as in {@link readNumber}).
 */
export function readPercent(cell: Cell | undefined): Parsed<number> {
  const bad = unreadable(cell, "number");
  if (bad !== undefined) return { ok: false, reason: bad };
  const v = cell!.v;
  if (typeof v === "number") {
    if (!cell!.z?.includes("%")) return { ok: true, value: v };
    const value = new D(v).times(100).toNumber();
    return { ok: true, value, note: { code: "PERCENT-FROM-FORMAT", value } };
  }
  const text = String(v);
  const pct = /^(.*?)%$/.exec(toHalfWidth(text).trim());
  const read = parseNumberText(pct ? pct[1]! : text);
  if (!read.ok) return { ok: false, reason: { code: "PERCENT-TEXT", text } };
  return pct ? { ok: true, value: read.value } : read;
}

/** 10^6: the integer unit of {@link sumExact}'s fast path. */
const MICRO = 1e6;

/**
 * Exact decimal sum (decimal.js): `sumExact([0.1, 0.2]) === 0.3`. Each number is taken as its shortest decimal
 * representation, so amounts typed with 2–6 decimals add up as a person would add them.
 */
export function sumExact(values: readonly number[]): number {
  // Fast path (the same result, without decimal.js): numbers below 10^9 with at most 6 decimals are exact
  // integers of 10^-6, and each such double stands for exactly one 6-decimal number; the integer sum divided once is
  // then the correctly rounded exact sum, as decimal.js gives it. Anything else goes through decimal.js.
  let units = 0;
  for (const n of values) {
    const u = Math.round(n * MICRO);
    if (
      !(Math.abs(n) < 1e9) ||
      u / MICRO !== n ||
      !Number.isSafeInteger(units + u)
    ) {
      return values.reduce((sum, x) => sum.plus(x), new D(0)).toNumber();
    }
    units += u;
  }
  return units / MICRO;
}

/**
 * A {@link sumExact} that numbers join and leave one at a time (a table's column while rows are edited). It keeps the
 * integer total of 10^-6 units of sumExact's fast path; when a number does not fit that path, or the units could
 * exceed what a double holds exactly, {@link ExactSum.value} asks for the numbers and sums them with sumExact, so
 * the value is always the one sumExact gives for the same numbers in the same order.
 */
export class ExactSum {
  private units = 0;
  /** Sum of the units' absolute values: bounds every partial sum, in any order. */
  private size = 0;
  /** Numbers kept that are off the fast path. */
  private slow = 0;
  /** Set once `size` went beyond exact integers: from then on value() always sums afresh. */
  private overflow = false;

  add(n: number): void {
    this.change(n, 1);
  }

  /** Takes out a number added before. */
  remove(n: number): void {
    this.change(n, -1);
  }

  private change(n: number, sign: 1 | -1): void {
    const u = Math.round(n * MICRO);
    if (!(Math.abs(n) < 1e9) || u / MICRO !== n) {
      this.slow += sign;
      return;
    }
    this.units += sign * u;
    this.size += sign * Math.abs(u);
    if (this.size > Number.MAX_SAFE_INTEGER) this.overflow = true;
  }

  /**
   * The exact sum of the numbers kept.
   * @param numbers gives the numbers kept, in the order sumExact would be given them (asked only when the kept
   *   units cannot say).
   */
  value(numbers: () => readonly number[]): number {
    return this.slow === 0 && !this.overflow
      ? this.units / MICRO
      : sumExact(numbers());
  }
}

/**
 * Round to `places` decimals, half away from zero (四舍五入): `round(1.005, 2) === 1.01`, `round(-2.5, 0) === -3`.
 * The number is taken as its shortest decimal representation (1.005, not 1.00499…).
 */
export function round(n: number, places: number): number {
  return new D(n).toDecimalPlaces(places, Decimal.ROUND_HALF_UP).toNumber();
}
