/**
 * The words of the severities and of their counts: every output (CLI text and `--json`, 审核结果, 差错清单, task pane,
 * workbench) shows a severity by these words; inside the core a severity is a code (core/model/finding.ts). A module of
 * its own so that the task pane's texts can word severities without loading the message catalog.
 */
import type { FindingCounts, Severity } from "../model/finding";

/** The notice's readers' word for each severity. */
export const SEVERITY_ZH = {
  error: "错误",
  warning: "警告",
  info: "提示",
} as const satisfies Record<Severity, string>;

/** The Chinese word of a severity: 错误, 警告 or 提示. */
export function severityText(
  severity: Severity,
): (typeof SEVERITY_ZH)[Severity] {
  return SEVERITY_ZH[severity];
}

/**
 * The counts of a list of findings by severity: `full` (the CLI, 审核结果, the workbench's file page)
 * `错误 2 个，警告 0 个，提示 1 个`; `short` (the task pane's lists and the workbench's overview, where space is tight)
 * `错误 2 · 警告 0 · 提示 1`.
 */
export function countsText(
  c: FindingCounts,
  form: "full" | "short" = "full",
): string {
  const counts = [
    ["error", c.errors],
    ["warning", c.warnings],
    ["info", c.infos],
  ] as const;
  return form === "full"
    ? counts.map(([s, n]) => `${SEVERITY_ZH[s]} ${n} 个`).join("，")
    : counts.map(([s, n]) => `${SEVERITY_ZH[s]} ${n}`).join(" · ");
}
