/**
 * The words of the severities: every output (CLI text and `--json`, 审核结果, 差错清单, task pane, workbench) shows a
 * severity by these words; inside the core a severity is a code (core/model/finding.ts). A module of its own so that the
 * task pane's texts can word severities without loading the message catalog.
 */
import type { Severity } from "../model/finding";

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
