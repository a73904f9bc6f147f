import {
  Body1,
  Body1Strong,
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Select,
  Spinner,
  Subtitle1,
  Subtitle2,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import {
  useCallback,
  useEffect,
  useRef,
  useState,
  type DragEvent,
} from "react";
import { TABLES, titleFor } from "../../core/catalog/tables";
import type { TableId } from "../../core/catalog/types";
import type { MergeResult } from "../../core/merge";
import { MergeReport } from "../merge/MergeReport";
import { TEXT } from "../text.zh";
import type { FileProcessor } from "../worker/client";
import type { FileSummary, KeyedFile } from "../worker/protocol";
import { saveBytes } from "./download";
import { FileDetail } from "./FileDetail";
import { FileOverview } from "./FileOverview";
import { needsReturn, type WorkbenchFile } from "./files";
import { MergePreview } from "./MergePreview";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    minWidth: 0,
  },
  drop: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
  },
  dropActive: { backgroundColor: tokens.colorBrandBackground2 },
  row: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "flex-end",
    gap: tokens.spacingHorizontalS,
  },
  section: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  unit: { flexGrow: 1, minWidth: "12em", maxWidth: "28em" },
  // The table titles are long: the choice shrinks to the pane's width instead of widening the page.
  template: { flexGrow: 1, minWidth: 0, maxWidth: "100%" },
  fill: { width: "100%", minWidth: 0 },
  hidden: { display: "none" },
});

/** File kinds the picker offers (the reader also refuses other files with a reason). */
export const ACCEPTED_FILES = ".xlsx,.xlsm,.xls,.et,.ods,.csv";

/** Value of the template choice that means every table. */
const ALL_TABLES = "all";

/** A merge in progress (files read so far) or done (its preview shown, the workbook ready to download). */
type MergeState =
  | { kind: "idle" }
  | { kind: "running"; read: number; total: number; merging: boolean }
  | {
      kind: "done";
      result: MergeResult;
      workbook?: Uint8Array;
      excluded: string[];
    };

/** Props of {@link Workbench}. */
export interface WorkbenchProps {
  /** Runs the file jobs (the Web Worker in the page; on the page itself in tests). */
  processor: FileProcessor;
  /** Fetches the sample files; without it there is no 载入示例文件 button (the one-file workbench has none). */
  loadSamples?: () => Promise<File[]>;
  /** Loads the sample files once when shown (the dev server's build, `npm start`). */
  preloadSamples?: boolean;
}

/** The summary of a file whose check failed as a whole (the worker died on it): its error card. */
function failedSummary(file: File, err: unknown): FileSummary {
  return {
    file: file.name,
    status: "无法读取",
    error: err instanceof Error ? err.message : String(err),
    counts: { errors: 0, warnings: 0, infos: 0 },
    tables: [],
    enterprises: [],
    directions: [],
    explained: { yes: 0, no: 0 },
  };
}

/**
 * 审核工作台: the browser mode of the task pane (no Excel). Reviewers drop or pick received files, see an overview of
 * every file (status, enterprise, 申报方向, counts; filter and sort), open one file's findings, remove files or keep
 * them out of the merge, download each file's 审核结果.xlsx and 差错清单, preview the merged rows and download the
 * 汇总表.xlsx (with its 合并日志), and blank templates. Everything happens in this browser: files are read by the page
 * (a Web Worker), never sent.
 */
export function Workbench({
  processor,
  loadSamples,
  preloadSamples = false,
}: WorkbenchProps) {
  const styles = useStyles();
  const [files, setFiles] = useState<WorkbenchFile[]>([]);
  const [selected, setSelected] = useState<number>();
  const [error, setError] = useState<string>();
  const [downloading, setDownloading] = useState(false);
  const [samplesLoading, setSamplesLoading] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [unit, setUnit] = useState("");
  const [template, setTemplate] = useState<string>(ALL_TABLES);
  const [merge, setMerge] = useState<MergeState>({ kind: "idle" });
  const nextKey = useRef(1);
  const input = useRef<HTMLInputElement>(null);
  const preloaded = useRef(false);

  const fail = (err: unknown) =>
    setError(TEXT.unexpected(err instanceof Error ? err.message : String(err)));

  const update = (key: number, change: Partial<WorkbenchFile>) =>
    setFiles((prev) =>
      prev.map((f) => (f.key === key ? { ...f, ...change } : f)),
    );

  const addFiles = useCallback(
    (picked: File[]) => {
      if (picked.length === 0) return;
      const added = picked.map((file): WorkbenchFile => ({
        key: nextKey.current++,
        file,
        stage: "queued",
        excluded: false,
      }));
      setFiles((prev) => [...prev, ...added]);
      setMerge({ kind: "idle" });
      for (const { key, file } of added)
        processor
          .run(
            { op: "check", key, file },
            (e) => e.type === "progress" && update(key, { stage: e.stage }),
          )
          .then(
            (summary) => update(key, { stage: "done", summary }),
            // The worker died or ran out of time on this file: an error card for it, the others go on.
            (err: unknown) =>
              update(key, {
                stage: "done",
                summary: failedSummary(file, err),
                stopped: true,
              }),
          );
    },
    [processor],
  );

  const addSamples = useCallback(() => {
    if (!loadSamples) return;
    setSamplesLoading(true);
    loadSamples()
      .then(addFiles, (err: unknown) =>
        setError(
          TEXT.samplesFailed(err instanceof Error ? err.message : String(err)),
        ),
      )
      .finally(() => setSamplesLoading(false));
  }, [loadSamples, addFiles]);

  useEffect(() => {
    if (!preloadSamples || preloaded.current) return;
    preloaded.current = true;
    addSamples();
  }, [preloadSamples, addSamples]);

  /** Runs a job that makes files, then offers each as a download. */
  const download = async (
    make: () => Promise<{ bytes: Uint8Array; fileName: string }[]>,
  ) => {
    setDownloading(true);
    try {
      for (const { bytes, fileName } of await make())
        saveBytes(bytes, fileName);
    } catch (err) {
      fail(err);
    } finally {
      setDownloading(false);
    }
  };

  const keyed = (f: WorkbenchFile): KeyedFile => ({ key: f.key, file: f.file });

  const downloadReview = (entry: WorkbenchFile) =>
    download(async () => [
      {
        bytes: await processor.run({ op: "review", files: [keyed(entry)] }),
        fileName: TEXT.reviewFileName(entry.file.name),
      },
    ]);

  const downloadReturns = (entries: WorkbenchFile[]) =>
    download(() => {
      const trimmed = unit.trim();
      return processor.run({
        op: "returns",
        files: entries.map(keyed),
        ...(trimmed ? { unit: trimmed } : {}),
      });
    });

  const downloadTemplate = () =>
    download(async () => {
      const tables =
        template === ALL_TABLES
          ? TABLES.map((t) => t.id)
          : [template as TableId];
      return [await processor.run({ op: "templates", tables })];
    });

  const remove = (key: number) => {
    setFiles((prev) => prev.filter((f) => f.key !== key));
    if (selected === key) setSelected(undefined);
    setMerge({ kind: "idle" });
    void processor.run({ op: "forget", keys: [key] });
  };

  const clearAll = () => {
    const keys = files.map((f) => f.key);
    setFiles([]);
    setSelected(undefined);
    setMerge({ kind: "idle" });
    void processor.run({ op: "forget", keys });
  };

  const runMerge = async () => {
    // Every file goes to the merge, those kept out by index: the 合并日志 accounts for each one.
    const picked = files.map((f) => f.file);
    const excludedAt = files.flatMap((f, i) => (f.excluded ? [i] : []));
    const excluded = files.filter((f) => f.excluded).map((f) => f.file.name);
    // Files that stopped the worker when checked are not read again: they would stop the merge.
    const stopped = files.flatMap((f, index) =>
      f.stopped && f.summary?.error ? [{ index, reason: f.summary.error }] : [],
    );
    setMerge({
      kind: "running",
      read: 0,
      total: picked.length,
      merging: false,
    });
    try {
      const trimmed = unit.trim();
      const { result, workbook } = await processor.run(
        {
          op: "merge",
          files: picked,
          excluded: excludedAt,
          stopped,
          workbook: true,
          ...(trimmed ? { unit: trimmed } : {}),
        },
        (e) =>
          setMerge((m) =>
            m.kind !== "running"
              ? m
              : e.type === "merging"
                ? { ...m, merging: true }
                : e.type === "progress" && e.stage === "done"
                  ? { ...m, read: m.read + 1 }
                  : m,
          ),
      );
      setMerge({
        kind: "done",
        result,
        excluded,
        ...(workbook ? { workbook } : {}),
      });
    } catch (err) {
      setMerge({ kind: "idle" });
      fail(err);
    }
  };

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    addFiles([...e.dataTransfer.files]);
  };

  const done = files.filter((f) => f.summary).length;
  const checking = done < files.length;
  const open = files.find((f) => f.key === selected);
  const included = files.filter((f) => !f.excluded);
  const needReturns = files.filter((f) => needsReturn(f.summary));

  return (
    <section className={styles.root} aria-label={TEXT.workbenchTitle}>
      <Subtitle1 as="h2">{TEXT.workbenchTitle}</Subtitle1>
      <Body1>{TEXT.workbenchIntro}</Body1>
      <Body1Strong>{TEXT.workbenchLocal}</Body1Strong>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}

      <div
        className={mergeClasses(styles.drop, dragging && styles.dropActive)}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <Body1>{TEXT.dropHint}</Body1>
        <div className={styles.row}>
          <Button appearance="primary" onClick={() => input.current?.click()}>
            {TEXT.pickFiles}
          </Button>
          {loadSamples && (
            <Button onClick={addSamples} disabled={samplesLoading}>
              {TEXT.loadSamples}
            </Button>
          )}
          {files.length > 0 && (
            <Button onClick={clearAll}>{TEXT.clearFiles}</Button>
          )}
        </div>
        <Caption1>{TEXT.acceptedTypes}</Caption1>
        {samplesLoading && <Spinner size="tiny" label={TEXT.samplesLoading} />}
        <input
          ref={input}
          className={styles.hidden}
          type="file"
          multiple
          accept={ACCEPTED_FILES}
          aria-label={TEXT.pickFiles}
          onChange={(e) => {
            addFiles([...(e.target.files ?? [])]);
            e.target.value = "";
          }}
        />
      </div>

      {checking && (
        <>
          <ProgressBar
            value={done / files.length}
            aria-label={TEXT.checkProgress(done, files.length)}
          />
          <Caption1>{TEXT.checkProgress(done, files.length)}</Caption1>
        </>
      )}

      {open ? (
        <FileDetail
          entry={open}
          processor={processor}
          busy={downloading}
          onBack={() => setSelected(undefined)}
          onDownloadReview={() => void downloadReview(open)}
          onDownloadReturns={() => void downloadReturns([open])}
        />
      ) : (
        files.length > 0 && (
          <FileOverview
            files={files}
            onOpen={setSelected}
            onRemove={remove}
            onExclude={(key, excluded) => {
              update(key, { excluded });
              setMerge({ kind: "idle" });
            }}
          />
        )
      )}

      {!open && needReturns.length > 0 && (
        <div className={styles.row}>
          <Button
            disabled={downloading || checking}
            onClick={() => void downloadReturns(needReturns)}
          >
            {TEXT.downloadAllReturns(needReturns.length)}
          </Button>
        </div>
      )}

      {files.length > 0 && !open && (
        <div className={styles.section}>
          <Subtitle2 as="h3">{TEXT.mergeHeading}</Subtitle2>
          <Body1>{TEXT.mergeIntro}</Body1>
          {included.length < files.length && (
            <Caption1>
              {TEXT.excludedCount(files.length - included.length)}
            </Caption1>
          )}
          <div className={styles.row}>
            <Field label={TEXT.unitLabel} className={styles.unit}>
              <Input
                value={unit}
                placeholder={TEXT.unitPlaceholder}
                onChange={(_, data) => setUnit(data.value)}
              />
            </Field>
            <Button
              appearance="primary"
              disabled={
                merge.kind === "running" || checking || included.length === 0
              }
              onClick={() => void runMerge()}
            >
              {TEXT.previewButton}
            </Button>
          </div>
          {merge.kind === "running" && (
            <ProgressBar
              value={
                merge.merging
                  ? undefined
                  : merge.read / Math.max(1, merge.total)
              }
              aria-label={TEXT.merging}
            />
          )}
          {merge.kind === "running" && <Body1>{TEXT.merging}</Body1>}
          {merge.kind === "done" && (
            <>
              <Subtitle2 as="h4">{TEXT.previewHeading}</Subtitle2>
              <Caption1>{TEXT.previewNote}</Caption1>
              <MergePreview table={merge.result.summary} />
              {merge.result.exempt && (
                <MergePreview table={merge.result.exempt} />
              )}
              {merge.workbook && (
                <div>
                  <Button
                    appearance="primary"
                    onClick={() =>
                      saveBytes(merge.workbook!, TEXT.mergedFileName)
                    }
                  >
                    {TEXT.downloadMerged}
                  </Button>
                </div>
              )}
              {merge.excluded.length > 0 && (
                <Body1>{TEXT.excludedList(merge.excluded)}</Body1>
              )}
              <MergeReport result={merge.result} />
            </>
          )}
        </div>
      )}

      {!open && (
        <div className={styles.section}>
          <Subtitle2 as="h3">{TEXT.templatesHeading}</Subtitle2>
          <div className={styles.row}>
            <Field label={TEXT.templateLabel} className={styles.template}>
              <Select
                className={styles.fill}
                value={template}
                onChange={(_, data) => setTemplate(data.value)}
              >
                <option value={ALL_TABLES}>{TEXT.allTables}</option>
                {TABLES.map((t) => (
                  <option key={t.id} value={t.id}>
                    {titleFor(t)}
                  </option>
                ))}
              </Select>
            </Field>
            <Button
              disabled={downloading}
              onClick={() => void downloadTemplate()}
            >
              {TEXT.downloadTemplate}
            </Button>
          </div>
        </div>
      )}
    </section>
  );
}
