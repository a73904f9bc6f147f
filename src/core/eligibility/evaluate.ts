/**
 * 资格自检 evaluation: the conditions of a 申报方向 (catalog/eligibility.ts) applied to the figures the enterprise
 * typed. Pure and exact (decimal arithmetic: an increase of exactly 3亿元 meets "3亿元以上"). Each condition gets
 * 符合 / 不符合 / 待核实 (a figure missing or unreadable, or an answer not given) and a Chinese reason that shows
 * the computed figure beside the notice's number.
 */
import { Decimal } from "decimal.js";
import {
  ELIGIBILITY_INPUTS,
  eligibilityFor,
  eligibilityInput,
  type Condition,
  type Metric,
  type Test,
} from "../catalog/eligibility";
import { enumKey, matchEnum } from "../catalog/match";
import type { Cell } from "../model/grid";
import { reasonText } from "../messages/parse";
import {
  formatDate,
  isoDate,
  readDate,
  readNumber,
  readPercent,
} from "../parse";

const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

/** 符合: the condition holds; 不符合: it does not; 待核实: not decidable from what was typed. */
export type Verdict = "符合" | "不符合" | "待核实";

/** What the enterprise typed, by input key (catalog/eligibility.ts), as cells (a form's text is `{ v: text }`). */
export type Answers = Readonly<Partial<Record<string, Cell>>>;

/** The outcome of one condition. */
export interface ConditionResult {
  condition: Condition;
  verdict: Verdict;
  /** Why, in Chinese, with the computed figure when there is one. */
  reason: string;
  /** The computed figure (万元, %, 万吨…), when the test computes one. */
  value?: number;
}

/** The outcome for a direction: each condition (general ones first) and the overall verdict. */
export interface EligibilityResult {
  direction: string;
  special: string;
  results: ConditionResult[];
  /** 不符合 when any condition fails, else 待核实 when any is undecided, else 符合. */
  overall: Verdict;
  note?: string;
}

/** A figure with thousands separators and at most 2 decimals: 1234.5 → `1,234.5`, 30000 → `30,000`. */
export function formatFigure(n: number): string {
  return n.toLocaleString("en-US", { maximumFractionDigits: 2 });
}

function blank(cell: Cell | undefined): boolean {
  return (
    cell === undefined ||
    cell.v === null ||
    (typeof cell.v === "string" && cell.v.trim() === "")
  );
}

/** A typed number: ok with its value, or the Chinese reason it is missing or unreadable. */
function figure(
  answers: Answers,
  key: string,
): { ok: true; value: number } | { ok: false; reason: string } {
  const input = eligibilityInput(key);
  const cell = answers[key];
  if (blank(cell)) return { ok: false, reason: `请填写“${input.label}”` };
  const read = input.kind === "percent" ? readPercent(cell) : readNumber(cell);
  return read.ok
    ? read
    : { ok: false, reason: `“${input.label}”：${reasonText(read.reason)}` };
}

function metricValue(
  m: Metric,
  answers: Answers,
): { ok: true; value: Decimal } | { ok: false; reason: string } {
  const keys =
    "input" in m
      ? [m.input]
      : "diff" in m
        ? m.diff
        : "growth" in m
          ? m.growth
          : [m.overMax[0], ...m.overMax[1]];
  const values: Decimal[] = [];
  const missing: string[] = [];
  const rank = (reason: string) =>
    ELIGIBILITY_INPUTS.findIndex((i) => reason.includes(`“${i.label}”`));
  for (const k of keys) {
    const f = figure(answers, k);
    if (f.ok) values.push(new D(f.value));
    else missing.push(f.reason);
  }
  // Said in the order the form asks for them (2023 before 2024).
  if (missing.length > 0)
    return {
      ok: false,
      reason: missing.sort((x, y) => rank(x) - rank(y)).join("；"),
    };
  const [a, b] = values as [Decimal, Decimal];
  if ("input" in m) return { ok: true, value: a };
  if ("diff" in m) return { ok: true, value: a.minus(b) };
  if ("growth" in m) {
    if (!b.gt(0))
      return {
        ok: false,
        reason: `“${eligibilityInput(m.growth[1]).label}”须大于0，才能计算增速`,
      };
    return { ok: true, value: a.minus(b).div(b).times(100) };
  }
  return { ok: true, value: a.minus(D.max(...values.slice(1))) };
}

function yesAnswer(cell: Cell | undefined): "是" | "否" | undefined {
  if (blank(cell)) return undefined;
  const t = String(cell!.v).trim();
  if (t === "是" || t === "√" || t === "符合") return "是";
  if (t === "否" || t === "×" || t === "不符合") return "否";
  return undefined;
}

/** Shows a percent or another figure; more decimals when two decimals would hide which side of the line it is. */
function shown(value: Decimal, min: number): string {
  const two = value.toDecimalPlaces(2).toNumber();
  if (two === min && !value.eq(min))
    return value.toSignificantDigits(12).toString();
  return formatFigure(two);
}

function decide(
  test: Test,
  answers: Answers,
  date1904: boolean,
): Omit<ConditionResult, "condition"> {
  switch (test.kind) {
    case "yes": {
      const label = eligibilityInput(test.input).label;
      const a = yesAnswer(answers[test.input]);
      if (a === "是") return { verdict: "符合", reason: `已确认：${label}` };
      if (a === "否")
        return { verdict: "不符合", reason: `填写为“否”：${label}` };
      return {
        verdict: "待核实",
        reason: `请确认是否${label}（选择“是”或“否”）`,
      };
    }
    case "atLeast": {
      const m = metricValue(test.metric, answers);
      if (!m.ok) return { verdict: "待核实", reason: m.reason };
      const ok = m.value.gte(test.min);
      const value = m.value.toNumber();
      const figureText = `${test.metricLabel}为${shown(m.value, test.min)}${test.unit}`;
      const line = `${formatFigure(test.min)}${test.unit}`;
      return ok
        ? { verdict: "符合", value, reason: `${figureText}，达到${line}` }
        : { verdict: "不符合", value, reason: `${figureText}，低于${line}` };
    }
    case "onOrAfter": {
      const label = eligibilityInput(test.input).label;
      const cell = answers[test.input];
      if (blank(cell)) return { verdict: "待核实", reason: `请填写“${label}”` };
      const read = readDate(cell, date1904);
      if (!read.ok)
        return {
          verdict: "待核实",
          reason: `“${label}”：${reasonText(read.reason)}`,
        };
      const [y, m, d] = test.date.split("-").map(Number) as [
        number,
        number,
        number,
      ];
      const line = formatDate({ y, m, d });
      return isoDate(read.value) >= test.date
        ? {
            verdict: "符合",
            reason: `${label}为${formatDate(read.value)}，在${line}以后（含当日）`,
          }
        : {
            verdict: "不符合",
            reason: `${label}为${formatDate(read.value)}，早于${line}`,
          };
    }
    case "oneOf": {
      const input = eligibilityInput(test.input);
      const cell = answers[test.input];
      if (blank(cell))
        return { verdict: "待核实", reason: `请选择“${input.label}”` };
      const typed = String(cell!.v).trim();
      const found =
        input.kind === "programme"
          ? test.values.find((v) => enumKey(typed).includes(enumKey(v)))
          : matchEnum(typed, test.values);
      return found
        ? {
            verdict: "符合",
            reason: `${input.label}“${typed}”在通知所列范围内`,
          }
        : {
            verdict: "不符合",
            reason: `${input.label}“${typed}”不在通知所列范围内（${test.values.join("、")}）`,
          };
    }
  }
}

/** The overall verdict of a list of verdicts. */
export function overallVerdict(verdicts: readonly Verdict[]): Verdict {
  if (verdicts.includes("不符合")) return "不符合";
  if (verdicts.includes("待核实")) return "待核实";
  return "符合";
}

/**
 * Applies the conditions of `direction` (正文 一 for all, then the direction's own, 附件1/附件2) to `answers`.
 * @param direction a 申报方向 of the notice, or 试点示范奖励
 * @param answers the typed figures by input key; amounts in 万元, percents as percent numbers (15 means 15 %)
 * @param date1904 the date system of date serials in `answers` (Excel cells)
 * @returns undefined when `direction` is not a direction of the notice
 */
export function evaluateEligibility(
  direction: string,
  answers: Answers,
  date1904 = false,
): EligibilityResult | undefined {
  const e = eligibilityFor(direction);
  if (!e) return undefined;
  const results = [...e.general, ...e.conditions].map((condition) => ({
    condition,
    ...decide(condition.test, answers, date1904),
  }));
  return {
    direction,
    special: e.special,
    results,
    overall: overallVerdict(results.map((r) => r.verdict)),
    ...(e.note ? { note: e.note } : {}),
  };
}
