import {
  Badge,
  Body1,
  Checkbox,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { countFindings, SEVERITIES, type Finding, type Severity } from "../../core/findings";
import { severityText } from "../../core/messages";
import { findingPlace } from "../../core/review";
import { TEXT } from "../text.zh";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  filter: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  // In a narrow task pane the table scrolls sideways instead of squeezing 列名 to one character a line.
  scroll: { overflowX: "auto", maxWidth: "100%" },
  table: { tableLayout: "auto", minWidth: "640px" },
  nowrap: { whiteSpace: "nowrap" },
  column: { minWidth: "5em" },
  message: { minWidth: "16em" },
});

/** Badge colour of each severity. */
const SEVERITY_COLOR: Record<Severity, "danger" | "warning" | "informative"> = {
  error: "danger",
  warning: "warning",
  info: "informative",
};

/** Props of {@link FindingsTable}. */
export interface FindingsTableProps {
  findings: readonly Finding[];
  /** Accessible name of the table (e.g. `loan.xlsx 的检查结果`). */
  label: string;
  /** Adds the 文件 column (findings of several files: the merge). */
  showFile?: boolean;
}

/**
 * The findings list (检查结果): one row per finding — 级别, (文件), 工作表, 单元格, 列名, 规则, 说明, 通知依据 — with a
 * severity filter (错误 / 警告 / 提示, each with its count; all shown at first). Findings are shown in the order given.
 */
export function FindingsTable({ findings, label, showFile = false }: FindingsTableProps) {
  const styles = useStyles();
  const [shown, setShown] = useState<ReadonlySet<Severity>>(() => new Set(SEVERITIES));
  if (findings.length === 0) return <Body1>{TEXT.noFindings}</Body1>;
  const counts = countFindings(findings);
  const countOf: Record<Severity, number> = { error: counts.errors, warning: counts.warnings, info: counts.infos };
  const visible = findings.filter((f) => shown.has(f.severity));
  const toggle = (s: Severity, on: boolean) =>
    setShown((prev) => {
      const next = new Set(prev);
      if (on) next.add(s);
      else next.delete(s);
      return next;
    });
  const col = TEXT.findingColumns;
  return (
    <div className={styles.root}>
      <div className={styles.filter} role="group" aria-label={`${label}：${TEXT.filterLabel}`}>
        <Body1>{TEXT.filterLabel}</Body1>
        {SEVERITIES.map((s) => (
          <Checkbox
            key={s}
            label={TEXT.filterOption(s, countOf[s])}
            checked={shown.has(s)}
            onChange={(_, data) => toggle(s, data.checked === true)}
          />
        ))}
      </div>
      {visible.length === 0 ? (
        <Body1>{TEXT.filteredOut}</Body1>
      ) : (
        <div className={styles.scroll}>
        <Table size="small" aria-label={label} className={styles.table}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={styles.nowrap}>{col.severity}</TableHeaderCell>
              {showFile && <TableHeaderCell>{col.file}</TableHeaderCell>}
              <TableHeaderCell>{col.sheet}</TableHeaderCell>
              <TableHeaderCell className={styles.nowrap}>{col.cell}</TableHeaderCell>
              <TableHeaderCell>{col.column}</TableHeaderCell>
              <TableHeaderCell>{col.rule}</TableHeaderCell>
              <TableHeaderCell>{col.message}</TableHeaderCell>
              <TableHeaderCell>{col.source}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {visible.map((f, i) => (
              <TableRow key={i}>
                <TableCell className={styles.nowrap}>
                  <Badge appearance="tint" color={SEVERITY_COLOR[f.severity]}>
                    {severityText(f.severity)}
                  </Badge>
                </TableCell>
                {showFile && <TableCell>{f.file ?? ""}</TableCell>}
                <TableCell className={styles.nowrap}>{f.sheet}</TableCell>
                <TableCell className={styles.nowrap}>{findingPlace(f)}</TableCell>
                <TableCell className={styles.column}>{f.column ?? ""}</TableCell>
                <TableCell className={styles.nowrap}>{f.rule}</TableCell>
                <TableCell className={styles.message}>{f.message}</TableCell>
                <TableCell className={styles.nowrap}>{f.source}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        </div>
      )}
    </div>
  );
}
