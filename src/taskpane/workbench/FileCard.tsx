import {
  Badge,
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { fileStatus, reportFindings, totalsText, type FileCheck } from "../../core/review";
import type { FileStage } from "../worker/protocol";
import { TEXT } from "../text.zh";
import { FindingsTable } from "./FindingsTable";

const useStyles = makeStyles({
  card: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  head: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** A file of the workbench and where its check is. */
export interface WorkbenchFile {
  id: number;
  file: File;
  stage: FileStage | "queued";
  check?: FileCheck;
}

/** Progress bar value of each stage. */
const STAGE_VALUE: Record<WorkbenchFile["stage"], number> = { queued: 0, reading: 0.3, checking: 0.7, done: 1 };

const STATUS_COLOR = {
  无法读取: "danger",
  有错误: "danger",
  未识别到表格: "warning",
  无错误: "success",
} as const;

/** Props of {@link FileCard}. */
export interface FileCardProps {
  entry: WorkbenchFile;
  /** Writes and downloads the 审核结果 workbook of this file's check. */
  onDownloadReview: (check: FileCheck) => void;
  /** True while a download is being made (the button waits). */
  busy: boolean;
}

/**
 * One file of the 审核工作台: name and size, a progress bar, then its status, recognised tables (official titles,
 * rows, totals in 万元) and findings, or — when it could not be read — why (无法读取).
 */
export function FileCard({ entry, onDownloadReview, busy }: FileCardProps) {
  const styles = useStyles();
  const { file, stage, check } = entry;
  const status = check && fileStatus(check);
  return (
    <section className={styles.card} aria-label={file.name}>
      <div className={styles.head}>
        <Subtitle2 as="h3">{file.name}</Subtitle2>
        <Caption1>{TEXT.fileSize(file.size)}</Caption1>
        {status && (
          <Badge appearance="filled" color={STATUS_COLOR[status]}>
            {status}
          </Badge>
        )}
      </div>
      {stage !== "done" && (
        <ProgressBar value={STAGE_VALUE[stage]} aria-label={`${file.name}：${TEXT.stage[stage]}`} />
      )}
      {stage !== "done" && <Caption1>{TEXT.stage[stage]}</Caption1>}
      {check?.status === "unreadable" && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{TEXT.unreadableTitle}</MessageBarTitle>
            {check.error}
          </MessageBarBody>
        </MessageBar>
      )}
      {check?.status === "ok" && (
        <>
          <Body1>{TEXT.counts(check.report.counts)}</Body1>
          {check.report.tables.length === 0 ? (
            <Body1>{TEXT.noTables}</Body1>
          ) : (
            <div>
              <Body1 as="h4">{TEXT.tablesHeading}</Body1>
              <ul className={styles.list}>
                {check.report.tables.map((t) => (
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
          <FindingsTable findings={reportFindings(check.report)} label={TEXT.findingsOf(file.name)} />
        </>
      )}
      {check && (
        <div>
          <Button disabled={busy} onClick={() => onDownloadReview(check)}>
            {TEXT.downloadReview}
          </Button>
        </div>
      )}
    </section>
  );
}
