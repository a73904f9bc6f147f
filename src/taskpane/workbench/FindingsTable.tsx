import { Body1, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import {
  countFindings,
  SEVERITIES,
  type Severity,
} from "../../core/model/finding";
import { TEXT } from "../text.zh";
import type { ShownFinding } from "../worker/protocol";
import {
  FINDINGS_PAGE_SIZE,
  FindingRows,
  Pager,
  SeverityFilter,
} from "./FindingRows";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
});

/** Props of {@link FindingsTable}. */
export interface FindingsTableProps {
  findings: readonly ShownFinding[];
  /** Accessible name of the table (e.g. `合并检查结果`). */
  label: string;
  /** Names each finding's file (findings of several files: the merge). */
  showFile?: boolean;
}

/**
 * A list of findings held on the page (the merge's): a severity filter with counts, then one page at a time.
 * Findings are shown in the order given.
 */
export function FindingsTable({
  findings,
  label,
  showFile = false,
}: FindingsTableProps) {
  const styles = useStyles();
  const [shown, setShown] = useState<ReadonlySet<Severity>>(
    () => new Set(SEVERITIES),
  );
  const [offset, setOffset] = useState(0);
  const counts = useMemo(() => countFindings(findings), [findings]);
  const visible = useMemo(
    () => findings.filter((f) => shown.has(f.severity)),
    [findings, shown],
  );
  if (findings.length === 0) return <Body1>{TEXT.noFindings}</Body1>;
  return (
    <div className={styles.root}>
      <SeverityFilter
        label={label}
        counts={counts}
        shown={shown}
        onChange={(s) => {
          setShown(s);
          setOffset(0);
        }}
      />
      {visible.length === 0 ? (
        <Body1>{TEXT.filteredOut}</Body1>
      ) : (
        <>
          <FindingRows
            items={visible.slice(offset, offset + FINDINGS_PAGE_SIZE)}
            label={label}
            showFile={showFile}
          />
          <Pager
            offset={offset}
            total={visible.length}
            pageSize={FINDINGS_PAGE_SIZE}
            onOffset={setOffset}
          />
        </>
      )}
    </div>
  );
}
