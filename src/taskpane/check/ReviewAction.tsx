import {
  Body1,
  Button,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import type { CheckOperations, Explanation, WorkbookReport } from "../../ports";
import { TEXT } from "../text.zh";
import { errorText } from "./useCheck";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  actions: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS },
});

/** Props of {@link ReviewAction}. */
export interface ReviewActionProps {
  operations: Pick<CheckOperations, "writeReviewSheet">;
  /** A full check of the workbook; undefined when it failed (the panel shows why). */
  check: () => Promise<WorkbookReport | undefined>;
  explanations: readonly Explanation[];
}

/** 审核 (reviewer): one button runs every check on the whole workbook, then writes the 审核结果 sheet. */
export function ReviewAction({ operations, check, explanations }: ReviewActionProps) {
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ intent: "success" | "error"; text: string }>();

  const review = async () => {
    setBusy(true);
    setStatus(undefined);
    try {
      const report = await check();
      if (report) {
        const sheet = await operations.writeReviewSheet(report, explanations);
        setStatus({ intent: "success", text: TEXT.check.reviewed(sheet) });
      }
    } catch (err) {
      setStatus({ intent: "error", text: errorText(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={styles.section} aria-label={TEXT.check.reviewTitle}>
      <Subtitle2 as="h2">{TEXT.check.reviewTitle}</Subtitle2>
      <Body1>{TEXT.check.reviewIntro}</Body1>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy} onClick={() => void review()}>
          {TEXT.check.review}
        </Button>
        {busy && <Spinner size="tiny" label={TEXT.check.reviewing} />}
      </div>
      {status && (
        <MessageBar intent={status.intent}>
          <MessageBarBody>{status.text}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
