import {
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  ToggleButton,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import {
  countFindings,
  SEVERITIES,
  type FindingCounts,
  type Severity,
} from "../../core/model/finding";
import type { CheckOperations, Finding, WorkbookReport } from "../../ports";
import { TEXT } from "../text.zh";
import { FindingItem } from "./FindingItem";
import {
  filteredFindings,
  firstPage,
  groupFindings,
  PAGE_SIZE,
  visibleFindings,
  type SeverityFilter,
} from "./findingGroups";
import type { ExplanationsState } from "./useExplanations";
import { errorText } from "./useCheck";

const useStyles = makeStyles({
  pane: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  row: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
  },
  group: { display: "flex", flexDirection: "column" },
  groupHead: {
    display: "flex",
    flexDirection: "column",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  meta: { color: tokens.colorNeutralForeground3 },
});

function countOf(c: FindingCounts, s: Severity): number {
  return s === "error" ? c.errors : s === "warning" ? c.warnings : c.infos;
}

/** Where clicking a finding goes: its cell, else column A of its row, else the sheet ('' selects A1). */
function target(f: Finding): string {
  return f.cell ?? (f.row !== undefined ? `A${f.row}` : "");
}

/** A stable key per finding (sheet, place, rule, message; a repeat gets a suffix), so that an open 填写说明 stays with
 * its finding when a live update adds or removes findings above it. */
function findingKeys(findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const key = [f.sheet, f.cell ?? "", f.row ?? "", f.rule, f.message].join(
      "|",
    );
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return n === 0 ? key : `${key}|${n}`;
  });
}

/** Props of {@link FindingsPane}. */
export interface FindingsPaneProps {
  report: WorkbookReport;
  operations: Pick<
    CheckOperations,
    "selectCell" | "markFindings" | "clearMarks"
  >;
  explanations: ExplanationsState;
}

/**
 * The findings of the workbook: counts (with 已说明), counts per table, a list grouped by table and filterable by
 * severity (the first 500 of each severity, then 显示更多), marks in the sheet for the current filter. Empty state:
 * 已检查 N 张表、M 行，未发现问题.
 */
export function FindingsPane({
  report,
  operations,
  explanations,
}: FindingsPaneProps) {
  const styles = useStyles();
  const [filter, setFilter] = useState<SeverityFilter>("all");
  const [limits, setLimits] = useState(firstPage);
  const [status, setStatus] = useState<{
    intent: "success" | "error";
    text: string;
  }>();

  const groups = useMemo(() => groupFindings(report), [report]);
  const groupCounts = useMemo(
    () => new Map(groups.map((g) => [g.key, countFindings(g.findings)])),
    [groups],
  );
  const visible = useMemo(
    () => visibleFindings(groups, filter, limits),
    [groups, filter, limits],
  );
  const explained = useMemo(
    () =>
      groups
        .flatMap((g) => g.findings)
        .filter((f) => f.severity === "warning" && explanations.of(f)).length,
    [groups, explanations.of],
  );
  const { counts } = report;
  const total = counts.errors + counts.warnings + counts.infos;

  const act = async (action: () => Promise<string>) => {
    try {
      setStatus({ intent: "success", text: await action() });
    } catch (err) {
      setStatus({ intent: "error", text: errorText(err) });
    }
  };
  const mark = () =>
    act(async () => {
      const findings = filteredFindings(groups, filter);
      await operations.markFindings(findings);
      return TEXT.check.marked(findings.length);
    });
  const clear = () =>
    act(async () => {
      await operations.clearMarks();
      return TEXT.check.marksCleared;
    });
  const select = (f: Finding) =>
    operations
      .selectCell(f.sheet, target(f))
      .catch((err: unknown) =>
        setStatus({ intent: "error", text: errorText(err) }),
      );

  if (total === 0) {
    const rows = report.tables.reduce((n, t) => n + t.rows, 0);
    return (
      <section className={styles.pane} aria-label={TEXT.check.findingsTitle}>
        <Subtitle2 as="h2">{TEXT.check.findingsTitle}</Subtitle2>
        <MessageBar intent="success">
          <MessageBarBody>
            {TEXT.check.empty(report.tables.length, rows)}
          </MessageBarBody>
        </MessageBar>
      </section>
    );
  }

  return (
    <section className={styles.pane} aria-label={TEXT.check.findingsTitle}>
      <Subtitle2 as="h2">{TEXT.check.findingsTitle}</Subtitle2>
      <Body1>
        {TEXT.shortCounts(counts)}
        {explained > 0 && `（${TEXT.check.explainedCount(explained)}）`}
      </Body1>
      <div
        className={styles.row}
        role="group"
        aria-label={TEXT.check.filterLabel}
      >
        <ToggleButton
          size="small"
          checked={filter === "all"}
          onClick={() => setFilter("all")}
        >
          {TEXT.check.filterAll}
        </ToggleButton>
        {SEVERITIES.map((s) => (
          <ToggleButton
            key={s}
            size="small"
            checked={filter === s}
            onClick={() => setFilter(s)}
          >
            {TEXT.check.count(s, countOf(counts, s))}
          </ToggleButton>
        ))}
      </div>
      <div className={styles.row}>
        <Button size="small" onClick={() => void mark()}>
          {TEXT.check.mark}
        </Button>
        <Button size="small" onClick={() => void clear()}>
          {TEXT.check.clearMarks}
        </Button>
      </div>
      {status && (
        <MessageBar intent={status.intent}>
          <MessageBarBody>{status.text}</MessageBarBody>
        </MessageBar>
      )}
      {filter !== "all" && countOf(counts, filter) === 0 && (
        <Body1>{TEXT.check.emptyFilter(filter)}</Body1>
      )}
      {visible.groups.map((g) => {
        const keys = findingKeys(g.findings);
        return (
          <div key={g.key} className={styles.group}>
            <div className={styles.groupHead}>
              <Body1>{g.label}</Body1>
              <Caption1 className={styles.meta}>
                {TEXT.shortCounts(groupCounts.get(g.key)!)}
              </Caption1>
            </div>
            <div role="list" aria-label={g.label}>
              {g.findings.map((f, i) => (
                <FindingItem
                  key={keys[i]}
                  finding={f}
                  explanation={explanations.of(f)}
                  onSelect={f.sheet ? () => void select(f) : undefined}
                  onExplain={(text) => explanations.save(f, text)}
                  onRemoveExplanation={() => explanations.remove(f)}
                />
              ))}
            </div>
          </div>
        );
      })}
      {SEVERITIES.filter((s) => visible.hidden[s] > 0).map((s) => (
        <Button
          key={s}
          onClick={() => setLimits((l) => ({ ...l, [s]: l[s] + PAGE_SIZE }))}
        >
          {TEXT.check.showMore(s, visible.hidden[s])}
        </Button>
      ))}
    </section>
  );
}
