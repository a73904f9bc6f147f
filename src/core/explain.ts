/**
 * Explanations (核实性说明, issue 4 part 6): a short text a filler attaches to a 警告 to say the value is right.
 * Stored in the workbook so they travel with the file; reviewers see them in 审核结果.
 */

/** One explanation of one finding: the finding is identified by sheet, cell and rule code. */
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
  severity: "错误" | "警告" | "提示",
): string | undefined {
  if (severity === "错误")
    return "错误不能通过说明解除，请修改表格中的数据。";
  if (severity === "提示") return "提示仅供参考，无需填写说明。";
  const t = text.trim();
  if (t.length < EXPLANATION_MIN_LENGTH)
    return `说明至少 ${EXPLANATION_MIN_LENGTH} 个字，请写明数据为什么是对的（例如依据哪份借据、合同或流水）。`;
  let rest = t.replace(/[\s，。、,.;；:：!！?？…～~\-—()（）「」“”"']/g, "");
  // Longest phrases first, so 经核实无误 is removed whole rather than leaving 经.
  for (const phrase of [...BOILERPLATE_EXPLANATIONS].sort((a, b) => b.length - a.length))
    rest = rest.split(phrase).join("");
  if (rest === "")
    return `“${t}”没有说明原因。请写明数据为什么是对的（例如依据哪份借据、合同或流水）。`;
  return undefined;
}
