/**
 * The finding model. Rules report issues without text (rules/types.ts); the engine (check/engine.ts) stamps the
 * rule's code, the severity and seed section from the rule's definition, the Chinese message from the message
 * catalog, and the location (sheet, A1 cell, Excel row, column header).
 */

/**
 * How serious a finding is, as a code; its Chinese word (错误 / 警告 / 提示) is in the message catalog.
 * - `error` 错误: a condition of the notice is not met or a value is certainly wrong;
 * - `warning` 警告: a likely mistake, which the enterprise may explain;
 * - `info` 提示: information.
 */
export type Severity = "error" | "warning" | "info";

/** The severities from the most serious down. */
export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

/** An issue stamped with its rule's code: what the engine locates and words. */
export interface RawFinding {
  rule: string;
  /** 0-based grid row of the sheet; absent for a table- or file-level finding. */
  row?: number;
  /** Column key of the table definition (catalog), e.g. `drawdownDate`. */
  col?: string;
  /** 0-based last grid row of a finding about several rows of the column (`row` to `rowEnd`): the Finding's `range`. */
  rowEnd?: number;
  /** Overrides the rule's default severity (rules whose severity depends on the case). */
  severity?: Severity;
  /** Values shown in the message: the value found, the value expected, … */
  params?: object;
}

/** A finding as users and the CLI's `--json` see it. */
export interface Finding {
  /** File name, set by adapters that check files (CLI, merge, workbench). */
  file?: string;
  sheet: string;
  /** A1 address without the sheet name (`G6`); absent for table- or file-level findings. For a settled repeat, its first cell. */
  cell?: string;
  /**
   * A settled repeat (core/check/settle.ts): the A1 range from the first to the last cell of the rows it stands for
   * (`G6:G30`, no sheet name), with `rows` the number of those rows (at least 2).
   */
  range?: string;
  /** Number of rows a settled repeat stands for (see `range`). */
  rows?: number;
  /** Excel row number (1-based). */
  row?: number;
  /** The column's official header text. */
  column?: string;
  severity: Severity;
  rule: string;
  /** What is wrong and what to do (Chinese). */
  message: string;
  /** Where the notice says it, e.g. `附件1 六(一)`. */
  source: string;
  /** The notice's own words the rule rests on (no quotation marks), when it has some: shown once, not in `message`. */
  quote?: string;
}

/** The notice's section of a finding with its words when it carries them: `附件1 六(一)：“新增贷款须于…”`. */
export function noticeWords(f: Pick<Finding, "source" | "quote">): string {
  if (f.quote === undefined) return f.source;
  return f.source ? `${f.source}：“${f.quote}”` : `“${f.quote}”`;
}

/** Count of findings per severity. */
export interface FindingCounts {
  errors: number;
  warnings: number;
  infos: number;
}

/** Counts 错误/警告/提示 in a list of findings. */
export function countFindings(findings: readonly Finding[]): FindingCounts {
  const counts: FindingCounts = { errors: 0, warnings: 0, infos: 0 };
  for (const f of findings) {
    if (f.severity === "error") counts.errors++;
    else if (f.severity === "warning") counts.warnings++;
    else counts.infos++;
  }
  return counts;
}
