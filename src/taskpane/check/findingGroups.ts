import { SEVERITIES, type Severity } from "../../core/model/finding";
import type { Finding, WorkbookReport } from "../../ports";
import { TEXT } from "../text.zh";

/** Findings shown at first per severity; each 显示更多 shows this many more. */
export const PAGE_SIZE = 500;

/** A group of the findings list: one recognised table, an unrecognised sheet, or the whole workbook. */
export interface FindingGroup {
  key: string;
  label: string;
  findings: Finding[];
}

/** Filter of the findings list: every severity or one. */
export type SeverityFilter = "all" | Severity;

/** The report's findings grouped: each recognised table in sheet order, then unrecognised sheets, then the workbook. */
export function groupFindings(report: WorkbookReport): FindingGroup[] {
  const groups: FindingGroup[] = report.tables.map((t) => ({
    key: `table:${t.sheet}`,
    label: TEXT.check.tableGroup(t.sheet, t.title),
    findings: t.findings,
  }));
  const others = new Map<string, Finding[]>();
  for (const f of report.findings) {
    const list = others.get(f.sheet);
    if (list) list.push(f);
    else others.set(f.sheet, [f]);
  }
  for (const [sheet, findings] of others)
    groups.push({
      key: `sheet:${sheet}`,
      label: sheet
        ? TEXT.check.unrecognisedGroup(sheet)
        : TEXT.check.workbookGroup,
      findings,
    });
  return groups;
}

/** What the list shows: the groups with their shown findings, and per severity how many are not shown yet. */
export interface VisibleFindings {
  groups: FindingGroup[];
  hidden: Record<Severity, number>;
}

/**
 * The findings passing the filter, at most `limits[severity]` of each severity (in group order), in groups that
 * keep at least one finding.
 */
export function visibleFindings(
  groups: readonly FindingGroup[],
  filter: SeverityFilter,
  limits: Readonly<Record<Severity, number>>,
): VisibleFindings {
  const shown: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const hidden: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const out: FindingGroup[] = [];
  for (const g of groups) {
    const findings = g.findings.filter((f) => {
      if (filter !== "all" && f.severity !== filter) return false;
      if (shown[f.severity] < limits[f.severity]) {
        shown[f.severity]++;
        return true;
      }
      hidden[f.severity]++;
      return false;
    });
    if (findings.length > 0) out.push({ ...g, findings });
  }
  return { groups: out, hidden };
}

/** Every finding passing the filter (not capped): what 在表格中标记 marks. */
export function filteredFindings(
  groups: readonly FindingGroup[],
  filter: SeverityFilter,
): Finding[] {
  return groups
    .flatMap((g) => g.findings)
    .filter((f) => filter === "all" || f.severity === filter);
}

/** The first page of every severity. */
export function firstPage(): Record<Severity, number> {
  return Object.fromEntries(SEVERITIES.map((s) => [s, PAGE_SIZE])) as Record<
    Severity,
    number
  >;
}
