import {
  Body1,
  Body1Strong,
  Button,
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
import { useCallback, useEffect, useRef, useState, type DragEvent } from "react";
import { TABLES, titleFor } from "../../core/catalog/tables";
import type { TableId } from "../../core/catalog/types";
import type { MergeResult } from "../../core/merge";
import type { FileCheck } from "../../core/review";
import { MergeReport } from "../merge/MergeReport";
import { TEXT } from "../text.zh";
import type { FileProcessor } from "../worker/client";
import { loadDemoFiles } from "./demo";
import { saveBytes } from "./download";
import { FileCard, type WorkbenchFile } from "./FileCard";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  drop: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
  },
  dropActive: { backgroundColor: tokens.colorBrandBackground2 },
  row: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", gap: tokens.spacingHorizontalS },
  section: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
  unit: { minWidth: "280px" },
  hidden: { display: "none" },
});

/** File kinds the picker offers (the reader also refuses other files with a reason). */
export const ACCEPTED_FILES = ".xlsx,.xlsm,.xls,.et,.ods,.csv";

/** Value of the template choice that means every table. */
const ALL_TABLES = "all";

/** A merge in progress (files read so far) or done. */
type MergeState =
  | { kind: "idle" }
  | { kind: "running"; read: number; total: number; merging: boolean }
  | { kind: "done"; result: MergeResult; workbook?: Uint8Array };

/** Props of {@link Workbench}. */
export interface WorkbenchProps {
  /** Runs the file jobs (the Web Worker in the page; on the page itself in tests). */
  processor: FileProcessor;
  /** Fetches the demo files (default: assets/demo of the page's own server). */
  loadDemo?: () => Promise<File[]>;
  /** Loads the demo files once when shown (the dev server's build, `npm start`). */
  preloadDemo?: boolean;
}

/**
 * 审核工作台: the browser mode of the task pane (no Excel). Reviewers drop or pick received files and see per file the
 * recognised tables, totals and findings; download each file's 审核结果.xlsx, the merged 汇总表.xlsx (with its 合并日志)
 * and blank templates. Everything happens in this browser: files are read by the page (a Web Worker), never sent.
 */
export function Workbench({ processor, loadDemo = loadDemoFiles, preloadDemo = false }: WorkbenchProps) {
  const styles = useStyles();
  const [files, setFiles] = useState<WorkbenchFile[]>([]);
  const [error, setError] = useState<string>();
  const [downloading, setDownloading] = useState(false);
  const [demoLoading, setDemoLoading] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [unit, setUnit] = useState("");
  const [template, setTemplate] = useState<string>(ALL_TABLES);
  const [merge, setMerge] = useState<MergeState>({ kind: "idle" });
  const nextId = useRef(1);
  const input = useRef<HTMLInputElement>(null);
  const preloaded = useRef(false);

  const fail = (err: unknown) => setError(TEXT.unexpected(err instanceof Error ? err.message : String(err)));

  const addFiles = useCallback(
    (picked: File[]) => {
      if (picked.length === 0) return;
      const added = picked.map((file): WorkbenchFile => ({ id: nextId.current++, file, stage: "queued" }));
      const update = (index: number, change: Partial<WorkbenchFile>) => {
        const id = added[index]?.id;
        setFiles((prev) => prev.map((f) => (f.id === id ? { ...f, ...change } : f)));
      };
      setFiles((prev) => [...prev, ...added]);
      setMerge({ kind: "idle" });
      processor
        .run({ op: "check", files: picked }, (e) => {
          if (e.type === "progress") update(e.index, { stage: e.stage });
          else if (e.type === "checked") update(e.index, { check: e.check });
        })
        .catch(fail);
    },
    [processor],
  );

  const addDemo = useCallback(() => {
    setDemoLoading(true);
    loadDemo()
      .then(addFiles, (err: unknown) => setError(TEXT.demoFailed(err instanceof Error ? err.message : String(err))))
      .finally(() => setDemoLoading(false));
  }, [loadDemo, addFiles]);

  useEffect(() => {
    if (!preloadDemo || preloaded.current) return;
    preloaded.current = true;
    addDemo();
  }, [preloadDemo, addDemo]);

  /** Runs a job that makes a file, then offers it as a download. */
  const download = async (make: () => Promise<{ bytes: Uint8Array; fileName: string }>) => {
    setDownloading(true);
    try {
      const { bytes, fileName } = await make();
      saveBytes(bytes, fileName);
    } catch (err) {
      fail(err);
    } finally {
      setDownloading(false);
    }
  };

  const downloadReview = (check: FileCheck) =>
    download(async () => ({
      bytes: await processor.run({ op: "review", checks: [check] }),
      fileName: TEXT.reviewFileName(check.file),
    }));

  const downloadTemplate = () =>
    download(async () => {
      const tables = template === ALL_TABLES ? TABLES.map((t) => t.id) : [template as TableId];
      return processor.run({ op: "templates", tables });
    });

  const runMerge = async () => {
    const picked = files.map((f) => f.file);
    setMerge({ kind: "running", read: 0, total: picked.length, merging: false });
    try {
      const trimmed = unit.trim();
      const { result, workbook } = await processor.run(
        { op: "merge", files: picked, workbook: true, ...(trimmed ? { unit: trimmed } : {}) },
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
      setMerge({ kind: "done", result, ...(workbook ? { workbook } : {}) });
      if (workbook) saveBytes(workbook, TEXT.mergedFileName);
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

  const checking = files.some((f) => f.stage !== "done");

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
        <div className={styles.row}>
          <Body1>{TEXT.dropHint}</Body1>
          <Button appearance="primary" onClick={() => input.current?.click()}>
            {TEXT.pickFiles}
          </Button>
          <Button onClick={addDemo} disabled={demoLoading}>
            {TEXT.loadDemo}
          </Button>
          {files.length > 0 && (
            <Button
              onClick={() => {
                setFiles([]);
                setMerge({ kind: "idle" });
              }}
            >
              {TEXT.clearFiles}
            </Button>
          )}
        </div>
        <Body1>{TEXT.acceptedTypes}</Body1>
        {demoLoading && <Spinner size="tiny" label={TEXT.demoLoading} />}
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

      <div className={styles.section}>
        <Subtitle2 as="h3">{TEXT.templatesHeading}</Subtitle2>
        <div className={styles.row}>
          <Field label={TEXT.templateLabel}>
            <Select value={template} onChange={(_, data) => setTemplate(data.value)}>
              <option value={ALL_TABLES}>{TEXT.allTables}</option>
              {TABLES.map((t) => (
                <option key={t.id} value={t.id}>
                  {titleFor(t)}
                </option>
              ))}
            </Select>
          </Field>
          <Button disabled={downloading} onClick={() => void downloadTemplate()}>
            {TEXT.downloadTemplate}
          </Button>
        </div>
      </div>

      {files.length > 0 && (
        <div className={styles.section}>
          <Subtitle2 as="h3">{TEXT.mergeHeading}</Subtitle2>
          <Body1>{TEXT.mergeIntro}</Body1>
          <div className={styles.row}>
            <Field label={TEXT.unitLabel} className={styles.unit}>
              <Input value={unit} placeholder={TEXT.unitPlaceholder} onChange={(_, data) => setUnit(data.value)} />
            </Field>
            <Button appearance="primary" disabled={merge.kind === "running" || checking} onClick={() => void runMerge()}>
              {TEXT.mergeButton}
            </Button>
            {merge.kind === "done" && merge.workbook && (
              <Button onClick={() => saveBytes(merge.workbook!, TEXT.mergedFileName)}>{TEXT.downloadMerged}</Button>
            )}
          </div>
          {merge.kind === "running" && (
            <ProgressBar
              value={merge.merging ? undefined : merge.read / Math.max(1, merge.total)}
              aria-label={TEXT.merging}
            />
          )}
          {merge.kind === "running" && <Body1>{TEXT.merging}</Body1>}
          {merge.kind === "done" && <MergeReport result={merge.result} />}
        </div>
      )}

      {files.length > 0 && <Subtitle2 as="h3">{TEXT.filesHeading(files.length)}</Subtitle2>}
      {files.map((entry) => (
        <FileCard key={entry.id} entry={entry} busy={downloading} onDownloadReview={(c) => void downloadReview(c)} />
      ))}
    </section>
  );
}
