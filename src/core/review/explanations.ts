/**
 * Explanations (核实性说明): a short text a filler attaches to a 警告 to say the value is right.
 * Stored in the workbook so they travel with the file; reviewers see them in 审核结果.
 *
 * Storage: a very hidden sheet of ours, {@link EXPLANATION_SHEET} (check/ownSheets.ts), marked by the sheet-scoped defined name
 * `TECHFUND_EXPLAIN_V1` (Excel) and recognised in a file by its name and header row (the CLI): row 1 is the header
 * 工作表 | 单元格 | 规则 | 说明 | 时间, then one explanation per row, every cell text. Reading those rows back (with zod)
 * is in storedExplanations.ts, which the adapters load only when a workbook has the sheet: most received workbooks
 * were not filled with the add-in and have none.
 */
import type { Severity } from "../model/finding";
import type { Sheet, Workbook } from "../model/grid";
import { findingCovers } from "../check/settle";
import { EXPLANATION_SHEET, isExplanationSheet } from "../check/ownSheets";

/**
 * One explanation of one finding, identified by sheet, cell and rule code. What is read back from a workbook is
 * checked against this shape (storedExplanations.ts `ExplanationSchema`).
 */
export interface Explanation {
  /** Sheet of the finding. */
  sheet: string;
  /** A1 address of the finding without the sheet name (`G6`); '' for a table-level finding. */
  cell: string;
  /** Rule code of the finding (`LOAN-DAYS`). */
  rule: string;
  /** The explanation as the user typed it (trimmed). */
  text: string;
  /** When it was saved, ISO 8601 (`2025-03-01T09:30:00.000Z`). */
  time: string;
}

/** What identifies an explanation: the finding it belongs to. */
export type ExplanationKey = Pick<Explanation, "sheet" | "cell" | "rule">;

/** Minimum length of an explanation, in characters (after trimming). */
export const EXPLANATION_MIN_LENGTH = 6;

/**
 * Boilerplate that says nothing (核实性说明 must say why the value is right): a text made only of these phrases
 * and punctuation is refused. One list, here.
 */
export const BOILERPLATE_EXPLANATIONS: readonly string[] = [
  "核实无误",
  "经核实无误",
  "已核实无误",
  "无误",
  "正确",
  "数据正确",
  "已核实",
  "经核实",
  "没问题",
  "没有问题",
  "无问题",
  "情况属实",
  "属实",
  "确认无误",
  "已确认",
];

/**
 * Why an explanation cannot be saved, in Chinese; undefined when it can.
 * @param text the explanation as typed
 * @param severity the finding's severity: only a 警告 takes an explanation (a 错误 cannot be dismissed, a 提示
 *   needs none)
 */
export function explanationProblem(
  text: string,
  severity: Severity,
): string | undefined {
  if (severity === "error") return "错误不能通过说明解除，请修改表格中的数据。";
  if (severity === "info") return "提示仅供参考，无需填写说明。";
  const t = text.trim();
  if (t.length < EXPLANATION_MIN_LENGTH)
    return `说明至少 ${EXPLANATION_MIN_LENGTH} 个字，请写明数据为什么是对的（例如依据哪份借据、合同或流水）。`;
  let rest = t.replace(/[\s，。、,.;；:：!！?？…～~\-—()（）「」“”"']/g, "");
  // Longest phrases first, so 经核实无误 is removed whole rather than leaving 经.
  for (const phrase of [...BOILERPLATE_EXPLANATIONS].sort(
    (a, b) => b.length - a.length,
  ))
    rest = rest.split(phrase).join("");
  if (rest === "")
    return `“${t}”没有说明原因。请写明数据为什么是对的（例如依据哪份借据、合同或流水）。`;
  return undefined;
}

/** The identity of an explanation as one string (sheet, cell and rule). */
export function explanationKey(k: ExplanationKey): string {
  return `${k.sheet}\u0000${k.cell}\u0000${k.rule}`;
}

/**
 * The rows of the explanation sheet: the header, then one row per explanation (sheet, cell, rule, text, time).
 * Every value is text: the adapter writes the block as text (number format `@`), so `=…` stays text.
 */
export function explanationRows(
  explanations: readonly Explanation[],
): string[][] {
  return [
    [...EXPLANATION_SHEET.header],
    ...explanations.map((e) => [e.sheet, e.cell, e.rule, e.text, e.time]),
  ];
}

/** Our explanation sheet in a workbook read from a file (CLI, 审核工作台), if it has one. */
export function explanationSheetOf(wb: Workbook): Sheet | undefined {
  return wb.sheets.find(isExplanationSheet);
}

/** Adds or replaces (same sheet, cell and rule) an explanation; the list keeps its order, a replaced one moves last. */
export function withExplanation(
  list: readonly Explanation[],
  e: Explanation,
): Explanation[] {
  const key = explanationKey(e);
  return [...list.filter((x) => explanationKey(x) !== key), e];
}

/** The list without the explanation of that finding. */
export function withoutExplanation(
  list: readonly Explanation[],
  k: ExplanationKey,
): Explanation[] {
  const key = explanationKey(k);
  return list.filter((x) => explanationKey(x) !== key);
}

/**
 * How a reviewer reads the explanation of a finding (NBS practice): 已说明 — a 警告 with an explanation that says why
 * (at least {@link EXPLANATION_MIN_LENGTH} characters, not only boilerplate such as 核实无误); 未说明 — a 警告
 * without one, or with a short or boilerplate text; 错误须修改 — a 错误 stays a 错误 whatever its explanation says.
 */
export type ExplanationState = "已说明" | "未说明" | "错误须修改";

/** The explanation of one finding as outputs show it: the text (absent when none was given) and its state. */
export interface FindingExplanation {
  state: ExplanationState;
  text?: string;
  /** When it was saved (ISO 8601). */
  time?: string;
}

/** The state of a finding of `severity` with explanation `text` (see {@link ExplanationState}); undefined for a 提示. */
export function explanationState(
  severity: Severity,
  text: string | undefined,
): ExplanationState | undefined {
  if (severity === "info") return undefined;
  if (severity === "error") return "错误须修改";
  return text !== undefined && explanationProblem(text, "warning") === undefined
    ? "已说明"
    : "未说明";
}

/** A located finding as far as explanations care: sheet, rule, cell and, for a settled repeat, its range. */
interface Explainable {
  sheet: string;
  rule: string;
  severity: Severity;
  cell?: string;
  range?: string;
}

/** True when the explanation belongs to the finding: same sheet and rule, and its cell is the finding's cell or
 * inside the finding's range (after repeats are settled) — or both have no cell. */
function belongsTo(e: ExplanationKey, f: Explainable): boolean {
  if (e.sheet !== f.sheet || e.rule !== f.rule) return false;
  if (e.cell === "") return f.cell === undefined;
  return findingCovers(f, e.cell);
}

/**
 * Pairs findings with the workbook's explanations (核实说明): each finding gets the explanation saved for it (same
 * sheet and rule; same cell, or a cell inside the range of a settled repeat — several explanations inside one range
 * are joined with `；`), and each 警告/错误 its {@link ExplanationState}. Explanations whose finding is gone (the data
 * changed) are returned as `stale`.
 * @returns `explained[i]` for `findings[i]` (undefined for a 错误 or 提示 without explanation), and the stale
 *   explanations in their stored order
 */
export function explainFindings(
  findings: readonly Explainable[],
  explanations: readonly Explanation[],
): { explained: (FindingExplanation | undefined)[]; stale: Explanation[] } {
  const used = new Set<Explanation>();
  const explained = findings.map((f) => {
    const own = explanations.filter((e) => belongsTo(e, f));
    own.forEach((e) => used.add(e));
    const text = own.length > 0 ? own.map((e) => e.text).join("；") : undefined;
    const state = explanationState(f.severity, text);
    // A 错误 or 提示 without an explanation has nothing to show; a 警告 without one is 未说明.
    if (text === undefined && f.severity !== "warning") return undefined;
    const time = own.length > 0 ? own[own.length - 1]!.time : undefined;
    return {
      state: state ?? "已说明",
      ...(text !== undefined ? { text } : {}),
      ...(time !== undefined ? { time } : {}),
    } satisfies FindingExplanation;
  });
  return { explained, stale: explanations.filter((e) => !used.has(e)) };
}
