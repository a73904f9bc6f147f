import {
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Spinner,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useRef, useState } from "react";
import type { MergeResult } from "../../core/merge";
import { TEXT } from "../text.zh";
import type { FileProcessor } from "../worker/client";
import type { FileStage } from "../worker/protocol";
import { ACCEPTED_FILES } from "../workbench/Workbench";
import { MergeReport } from "./MergeReport";
import { isOperationError, type MergeOperations } from "../../ports";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  row: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", gap: tokens.spacingHorizontalS },
  file: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  list: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, margin: 0, padding: 0 },
  hidden: { display: "none" },
});

type Stage = FileStage | "queued";

/** What the tab shows: nothing yet, a merge running, or its outcome (sheets written, or why not). */
type PanelState =
  | { kind: "idle" }
  | { kind: "reading" | "writing" }
  | { kind: "done"; result: MergeResult; written: { ok: true; sheets: string[] } | { ok: false; message: string } };

/** Props of {@link MergePanel}. */
export interface MergePanelProps {
  /** Reads and merges the files (the Web Worker). */
  processor: FileProcessor;
  /** Writes the merge into the open workbook (Office.js, src/excel/writeMerged.ts). */
  operations: MergeOperations;
}

/**
 * 合并汇总 (Excel mode): choose received files, see each file's progress while the worker reads them, then the
 * 申报汇总表 / 免申即享汇总表 / 合并日志 / 审核结果 sheets are written into the current workbook as new sheets, and the
 * findings are listed with their file.
 */
export function MergePanel({ processor, operations }: MergePanelProps) {
  const styles = useStyles();
  const [files, setFiles] = useState<File[]>([]);
  const [stages, setStages] = useState<Stage[]>([]);
  const [unit, setUnit] = useState("");
  const [state, setState] = useState<PanelState>({ kind: "idle" });
  const [error, setError] = useState<string>();
  const input = useRef<HTMLInputElement>(null);
  const running = state.kind === "reading" || state.kind === "writing";

  const choose = (picked: File[]) => {
    setFiles(picked);
    setStages(picked.map(() => "queued"));
    setState({ kind: "idle" });
  };

  const run = async () => {
    setStages(files.map(() => "queued"));
    setError(undefined);
    setState({ kind: "reading" });
    try {
      const trimmed = unit.trim();
      const { result } = await processor.run(
        { op: "merge", files, workbook: false, ...(trimmed ? { unit: trimmed } : {}) },
        (e) => {
          if (e.type === "progress") setStages((prev) => prev.map((s, i) => (i === e.index ? e.stage : s)));
        },
      );
      setState({ kind: "writing" });
      let written: Extract<PanelState, { kind: "done" }>["written"];
      try {
        written = { ok: true, sheets: await operations.writeMerged(result) };
      } catch (err) {
        if (!isOperationError(err)) throw err;
        written = { ok: false, message: err.message };
      }
      setState({ kind: "done", result, written });
    } catch (err) {
      const message = TEXT.unexpected(err instanceof Error ? err.message : String(err));
      setState({ kind: "idle" });
      setStages(files.map(() => "queued"));
      setError(message);
    }
  };

  return (
    <section className={styles.root} aria-label={TEXT.tabMerge}>
      <Body1>{TEXT.mergeTabIntro}</Body1>
      <div className={styles.row}>
        <Button disabled={running} onClick={() => input.current?.click()}>
          {TEXT.pickFiles}
        </Button>
        <input
          ref={input}
          className={styles.hidden}
          type="file"
          multiple
          accept={ACCEPTED_FILES}
          aria-label={TEXT.pickFiles}
          onChange={(e) => {
            choose([...(e.target.files ?? [])]);
            e.target.value = "";
          }}
        />
        {files.length > 0 && <Caption1>{TEXT.chosenFiles(files.length)}</Caption1>}
      </div>
      {files.length > 0 && (
        <ul className={styles.list} aria-label={TEXT.chosenFiles(files.length)}>
          {files.map((f, i) => (
            <li key={i} className={styles.file}>
              <Body1>{f.name}</Body1>
              <ProgressBar
                value={stages[i] === "done" ? 1 : stages[i] === "queued" ? 0 : 0.5}
                aria-label={`${f.name}：${TEXT.stage[stages[i] ?? "queued"]}`}
              />
            </li>
          ))}
        </ul>
      )}
      <div className={styles.row}>
        <Field label={TEXT.unitLabel}>
          <Input value={unit} placeholder={TEXT.unitPlaceholder} onChange={(_, data) => setUnit(data.value)} />
        </Field>
        <Button appearance="primary" disabled={running || files.length === 0} onClick={() => void run()}>
          {TEXT.mergeWriteButton}
        </Button>
      </div>
      {state.kind === "reading" && <Spinner size="tiny" label={TEXT.merging} />}
      {state.kind === "writing" && <Spinner size="tiny" label={TEXT.writingSheets} />}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {state.kind === "done" && (
        <>
          <MessageBar intent={state.written.ok ? "success" : "error"}>
            <MessageBarBody>
              <MessageBarTitle>{state.written.ok ? TEXT.writtenTitle : TEXT.writeFailedTitle}</MessageBarTitle>
              {state.written.ok ? TEXT.written(state.written.sheets) : state.written.message}
            </MessageBarBody>
          </MessageBar>
          <MergeReport result={state.result} />
        </>
      )}
    </section>
  );
}
