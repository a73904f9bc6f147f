import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import {
  SEVERITIES,
  type FindingCounts,
  type Severity,
} from "../../core/model/finding";
import { severityText } from "../../core/messages/severity";
import { findingPlace } from "../../core/review/reviewReport";
import { TEXT } from "../text.zh";
import type { ShownFinding } from "../worker/protocol";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  bar: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
  },
  // Two columns fit a 320 px task pane: the long texts wrap inside 说明 instead of pushing it off screen.
  table: {
    tableLayout: "fixed",
    width: "100%",
    borderCollapse: "collapse",
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground1,
  },
  head: {
    textAlign: "left",
    fontWeight: tokens.fontWeightSemibold,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  row: {
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  small: {
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground2,
  },
  summary: { cursor: "pointer", width: "fit-content" },
  severity: {
    display: "inline-block",
    padding: `0 ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusMedium,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
  },
  error: {
    backgroundColor: tokens.colorPaletteRedBackground1,
    color: tokens.colorPaletteRedForeground1,
  },
  warning: {
    backgroundColor: tokens.colorPaletteYellowBackground1,
    color: tokens.colorPaletteDarkOrangeForeground1,
  },
  info: {
    backgroundColor: tokens.colorPaletteBlueBackground2,
    color: tokens.colorPaletteBlueForeground2,
  },
  placeCol: { width: "34%" },
  cell: {
    overflowWrap: "anywhere",
    verticalAlign: "top",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
  },
  lines: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
  },
  explained: { color: tokens.colorPaletteGreenForeground1 },
  unexplained: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

/** Findings per page: a page renders in a few milliseconds whatever the file's size. */
export const FINDINGS_PAGE_SIZE = 100;

/** Props of {@link SeverityFilter}. */
export interface SeverityFilterProps {
  label: string;
  counts: FindingCounts;
  shown: ReadonlySet<Severity>;
  onChange: (shown: ReadonlySet<Severity>) => void;
}

/** 显示级别：错误（n） 警告（n） 提示（n） — one checkbox per severity. */
export function SeverityFilter({
  label,
  counts,
  shown,
  onChange,
}: SeverityFilterProps) {
  const styles = useStyles();
  const countOf: Record<Severity, number> = {
    error: counts.errors,
    warning: counts.warnings,
    info: counts.infos,
  };
  const toggle = (s: Severity, on: boolean) => {
    const next = new Set(shown);
    if (on) next.add(s);
    else next.delete(s);
    onChange(next);
  };
  return (
    <div
      className={styles.bar}
      role="group"
      aria-label={`${label}：${TEXT.filterLabel}`}
    >
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
  );
}

/** Props of {@link Pager}. */
export interface PagerProps {
  offset: number;
  total: number;
  pageSize: number;
  onOffset: (offset: number) => void;
  /** Words of the range (e.g. 第 1–100 条，共 250 条). */
  range?: (from: number, to: number, total: number) => string;
}

/** 上一页 / 下一页 with the range shown; nothing when everything fits one page. */
export function Pager({
  offset,
  total,
  pageSize,
  onOffset,
  range = TEXT.findingsPage,
}: PagerProps) {
  const styles = useStyles();
  if (total <= pageSize) return null;
  return (
    <div className={styles.bar}>
      <Button
        size="small"
        disabled={offset === 0}
        onClick={() => onOffset(Math.max(0, offset - pageSize))}
      >
        {TEXT.previousPage}
      </Button>
      <Caption1>
        {range(offset + 1, Math.min(total, offset + pageSize), total)}
      </Caption1>
      <Button
        size="small"
        disabled={offset + pageSize >= total}
        onClick={() => onOffset(offset + pageSize)}
      >
        {TEXT.nextPage}
      </Button>
    </div>
  );
}

/** Props of {@link FindingRows}. */
export interface FindingRowsProps {
  items: readonly ShownFinding[];
  /** Accessible name of the table (e.g. `loan.xlsx 的检查结果`). */
  label: string;
  /** Names each finding's file (findings of several files: the merge). */
  showFile?: boolean;
}

/**
 * One page of findings as a table of two columns: 位置 (级别, 文件, 工作表 and 单元格, 列名); 说明 (what is wrong, then the
 * rule and the notice's section, the notice's words folded under 通知原文, and for a 警告 the enterprise's explanation: 已说明 or 未说明). Plain table elements
 * styled once: a page of 100 findings renders in a few milliseconds, with no component per cell.
 */
export function FindingRows({
  items,
  label,
  showFile = false,
}: FindingRowsProps) {
  const styles = useStyles();
  const col = TEXT.findingColumns;
  return (
    <table aria-label={label} className={styles.table}>
      <thead>
        <tr>
          <th className={mergeClasses(styles.head, styles.placeCol)}>
            {col.place}
          </th>
          <th className={styles.head}>{col.message}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((f, i) => (
          <tr key={i} className={styles.row}>
            <td className={styles.cell}>
              <div
                className={mergeClasses(
                  styles.severity,
                  // Each severity's label has the style of its code.
                  styles[f.severity],
                )}
              >
                {severityText(f.severity)}
              </div>
              {showFile && f.file && (
                <div className={styles.small}>{f.file}</div>
              )}
              <div>{[f.sheet, findingPlace(f)].filter(Boolean).join(" ")}</div>
              {f.column && <div className={styles.small}>{f.column}</div>}
            </td>
            <td className={styles.cell}>
              <div>{f.message}</div>
              <div className={styles.small}>
                {TEXT.check.ruleAndSource(f.rule, f.source)}
              </div>
              {f.quote && (
                // The notice's words, folded: not repeated open on every row of the page.
                <details className={styles.small}>
                  <summary className={styles.summary}>
                    {TEXT.check.quoteSummary}
                  </summary>
                  {TEXT.check.quote(f.quote)}
                </details>
              )}
              {f.explanation && (
                <div
                  className={mergeClasses(
                    styles.small,
                    f.explanation.state === "已说明"
                      ? styles.explained
                      : styles.unexplained,
                  )}
                >
                  {f.explanation.text === undefined
                    ? f.explanation.state
                    : TEXT.explanationOf(
                        f.explanation.state,
                        f.explanation.text,
                      )}
                </div>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
