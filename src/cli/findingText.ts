/**
 * The CLI's words for findings, shared by `check` and `merge`: one finding's line, and the notice's words shown once
 * per file (with the first finding that rests on them). The counts line is the core's `countsText` (messages/severity.ts).
 */
import type { Finding } from "../core/model/finding";
import { severityText } from "../core/messages/severity";
import { findingPlace } from "../core/review/reviewReport";

/**
 * `[错误] 新增贷款明细表 G6 贷款提款时间 LOAN-DRAW-YEAR：…（依据：附件1 六(一)）`.
 * @param state added to the severity word (`警告·已说明`)
 */
export function findingLine(f: Finding, state?: string): string {
  const where = [f.sheet, findingPlace(f), f.column].filter(Boolean).join(" ");
  const word = severityText(f.severity);
  const tag = state ? `${word}·${state}` : word;
  return `[${tag}] ${where ? `${where} ` : ""}${f.rule}：${f.message}（依据：${f.source || "—"}）`;
}

/**
 * One file's memory of the notice's words already shown: `quoteLine(f)` gives `通知原文：“…”` for the first finding
 * that rests on them, undefined after (and for a finding without words).
 */
export function quotesOnce(): (f: Finding) => string | undefined {
  const shown = new Set<string>();
  return (f) => {
    if (f.quote === undefined || shown.has(f.quote)) return undefined;
    shown.add(f.quote);
    return `通知原文：“${f.quote}”`;
  };
}
