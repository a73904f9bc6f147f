import {
  Body1,
  Button,
  Caption1,
  Card,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { FORMS_PANEL_TEXT as T } from "../text.forms.zh";
import { isOperationError, type FormOperations } from "../../ports";
import { TEXT } from "../text.zh";

/** What one click gave: the message of what was made, or why not. */
interface Outcome {
  ok: boolean;
  message: string;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  card: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  meta: { color: tokens.colorNeutralForeground3 },
  actions: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS },
});

type Item = "reportForms" | "exemptApplication";

/** Props of {@link FormsPanel}. */
export interface FormsPanelProps {
  operations: FormOperations;
  /** Button text: 插入 (Excel) or 下载 (workbench). */
  actionLabel: string;
  /** What was made, in words (已插入工作表：… / 已生成：…). */
  made: (names: readonly string[]) => string;
}

/** 申请报告表样: the notice's forms filled from the 情况表, and the “免申即享”申报表, each made with one click. */
export function FormsPanel({ operations, actionLabel, made }: FormsPanelProps) {
  const styles = useStyles();
  const [busy, setBusy] = useState<Item | null>(null);
  const [results, setResults] = useState<Partial<Record<Item, Outcome>>>({});
  const run = async (item: Item) => {
    setBusy(item);
    let result: Outcome;
    try {
      result = { ok: true, message: made(await operations[item]()) };
    } catch (err) {
      // An OperationError is worded for the user; anything else is a bug.
      const message = isOperationError(err)
        ? err.message
        : TEXT.unexpected(err instanceof Error ? err.message : String(err));
      result = { ok: false, message };
    }
    setResults((r) => ({ ...r, [item]: result }));
    setBusy(null);
  };
  const card = (item: Item, title: string, source: string) => (
    <Card className={styles.card} role="group" aria-label={title}>
      <Subtitle2 as="h3">{title}</Subtitle2>
      <Caption1 className={styles.meta}>{source}</Caption1>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy !== null} onClick={() => void run(item)}>
          {actionLabel}
        </Button>
        {busy === item && <Spinner size="tiny" />}
      </div>
      {results[item] && (
        <MessageBar intent={results[item]!.ok ? "success" : "error"}>
          <MessageBarBody>{results[item]!.message}</MessageBarBody>
        </MessageBar>
      )}
    </Card>
  );
  return (
    <section className={styles.root} aria-label={T.title}>
      <Subtitle2 as="h2">{T.title}</Subtitle2>
      <Body1>{T.intro}</Body1>
      {card("reportForms", T.reportForms, T.reportFormsSource)}
      {card("exemptApplication", T.exemptApplication, T.exemptApplicationSource)}
    </section>
  );
}
