import {
  Badge,
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Spinner,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { SEVERITIES, type Severity } from "../../core/model/finding";
import { totalsText } from "../../core/review/reviewReport";
import { TEXT } from "../text.zh";
import type { FileProcessor } from "../worker/client";
import type { FindingsPage } from "../worker/protocol";
import { needsReturn, type WorkbenchFile } from "./files";
import {
  FINDINGS_PAGE_SIZE,
  FindingRows,
  Pager,
  SeverityFilter,
} from "./FindingRows";

const useStyles = makeStyles({
  card: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  head: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    overflowWrap: "anywhere",
  },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    overflowWrap: "anywhere",
  },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
  },
});

/** Progress bar value of each stage. */
const STAGE_VALUE: Record<WorkbenchFile["stage"], number> = {
  queued: 0,
  reading: 0.3,
  checking: 0.7,
  done: 1,
};

const STATUS_COLOR = {
  无法读取: "danger",
  有错误: "danger",
  未识别到表格: "warning",
  无错误: "success",
} as const;

/** Props of {@link FileDetail}. */
export interface FileDetailProps {
  entry: WorkbenchFile;
  processor: FileProcessor;
  onBack: () => void;
  onDownloadReview: () => void;
  onDownloadReturns: () => void;
  /** True while a download is being made (the buttons wait). */
  busy: boolean;
}

/**
 * One file of the 审核工作台: name and size, its progress, then its status, recognised tables (official titles, rows,
 * totals in 万元) and findings one page at a time (the worker holds them), or — when it could not be read — why.
 */
export function FileDetail({
  entry,
  processor,
  onBack,
  onDownloadReview,
  onDownloadReturns,
  busy,
}: FileDetailProps) {
  const styles = useStyles();
  const { file, stage, summary } = entry;
  return (
    <section className={styles.card} aria-label={file.name}>
      <div>
        <Button size="small" onClick={onBack}>
          {TEXT.backToOverview}
        </Button>
      </div>
      <div className={styles.head}>
        <Subtitle2 as="h3">{file.name}</Subtitle2>
        <Caption1>{TEXT.fileSize(file.size)}</Caption1>
        {summary && (
          <Badge appearance="filled" color={STATUS_COLOR[summary.status]}>
            {summary.status}
          </Badge>
        )}
        {entry.excluded && <Caption1>{TEXT.excludedNote}</Caption1>}
      </div>
      {!summary && (
        <ProgressBar
          value={STAGE_VALUE[stage]}
          aria-label={`${file.name}：${TEXT.stage[stage]}`}
        />
      )}
      {!summary && <Caption1>{TEXT.stage[stage]}</Caption1>}
      {summary?.status === "无法读取" && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{TEXT.unreadableTitle}</MessageBarTitle>
            {summary.error}
          </MessageBarBody>
        </MessageBar>
      )}
      {summary && summary.status !== "无法读取" && (
        <>
          <Body1>{TEXT.counts(summary.counts)}</Body1>
          {summary.counts.warnings > 0 && (
            <Body1>
              {TEXT.explainedCounts(
                summary.explained.yes,
                summary.explained.no,
              )}
            </Body1>
          )}
          {summary.tables.length === 0 ? (
            <Body1>{TEXT.noTables}</Body1>
          ) : (
            <div>
              <Body1 as="h4">{TEXT.tablesHeading}</Body1>
              <ul className={styles.list}>
                {summary.tables.map((t) => (
                  <li key={t.sheet}>
                    <div>
                      <Body1>{TEXT.tableLine(t.sheet, t.title, t.rows)}</Body1>
                    </div>
                    {Object.keys(t.totals).length > 0 && (
                      <div>
                        <Body1>
                          {TEXT.totalsLabel}
                          {totalsText(t.totals)}
                        </Body1>
                      </div>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <FileFindings entry={entry} processor={processor} />
        </>
      )}
      {/* A file that stopped the worker would stop it again: no workbook is made from it. */}
      {summary && !entry.stopped && (
        <div className={styles.actions}>
          <Button disabled={busy} onClick={onDownloadReview}>
            {TEXT.downloadReview}
          </Button>
          {needsReturn(summary) && (
            <Button disabled={busy} onClick={onDownloadReturns}>
              {TEXT.downloadReturns}
            </Button>
          )}
        </div>
      )}
    </section>
  );
}

/** A checked file's findings: a severity filter, then one page asked of the worker at a time. */
function FileFindings({
  entry,
  processor,
}: {
  entry: WorkbenchFile;
  processor: FileProcessor;
}) {
  const [shown, setShown] = useState<ReadonlySet<Severity>>(
    () => new Set(SEVERITIES),
  );
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<FindingsPage>();
  const [error, setError] = useState<string>();
  const { key, file } = entry;
  const counts = entry.summary!.counts;
  const total = counts.errors + counts.warnings + counts.infos;
  useEffect(() => {
    let live = true;
    if (total === 0) return;
    const severities = SEVERITIES.filter((s) => shown.has(s));
    processor
      .run({
        op: "findings",
        key,
        file,
        offset,
        limit: FINDINGS_PAGE_SIZE,
        severities,
      })
      .then(
        (p) => live && (setPage(p), setError(undefined)),
        (err: unknown) =>
          live && setError(err instanceof Error ? err.message : String(err)),
      );
    return () => {
      live = false;
    };
  }, [processor, key, file, offset, shown, total]);
  const label = TEXT.findingsOf(file.name);
  if (total === 0) return <Body1>{TEXT.noFindings}</Body1>;
  return (
    <>
      <SeverityFilter
        label={label}
        counts={counts}
        shown={shown}
        onChange={(s) => {
          setShown(s);
          setOffset(0);
        }}
      />
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {!page && !error && <Spinner size="tiny" label={TEXT.findingsLoading} />}
      {page && page.total === 0 && <Body1>{TEXT.filteredOut}</Body1>}
      {page && page.total > 0 && (
        <>
          <FindingRows items={page.items} label={label} />
          <Pager
            offset={offset}
            total={page.total}
            pageSize={FINDINGS_PAGE_SIZE}
            onOffset={setOffset}
          />
        </>
      )}
    </>
  );
}
