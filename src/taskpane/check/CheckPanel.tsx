import {
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Spinner,
  Switch,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { CheckOperations } from "../../ports";
import { TEXT } from "../text.zh";
import { FindingsPane } from "./FindingsPane";
import { RecognitionSummary } from "./RecognitionSummary";
import type { FileProcessor } from "../worker/client";
import { ReturnListPicker } from "./ReturnListPicker";
import { ReviewAction } from "./ReviewAction";
import { TotalsCards } from "./TotalsCards";
import { useCheck } from "./useCheck";
import { useExplanations } from "./useExplanations";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalL },
  toolbar: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  meta: { color: tokens.colorNeutralForeground3 },
});

/** Props of {@link CheckPanel}. */
export interface CheckPanelProps {
  /** The workbook's operations (Office.js in Excel: createCheckOperations; fakes in tests). */
  operations: CheckOperations;
  /** 实时检查 starts on (default, Excel); off runs one check when the panel opens. */
  liveByDefault?: boolean;
  /** Reads a 差错清单 the enterprise opens beside its workbook; without it, no 打开差错清单 button. */
  processor?: FileProcessor;
}

/**
 * The 检查 tab: 实时检查 / 重新检查, 识别结果, the findings with explanations and marks, 合计 per table
 * with the fillers' helpers, a 差错清单 sent back by the reviewer opened beside the workbook, and 审核.
 */
export function CheckPanel({ operations, liveByDefault = true, processor }: CheckPanelProps) {
  const styles = useStyles();
  const check = useCheck(operations, liveByDefault);
  const explanations = useExplanations(operations);
  const { report } = check;
  const error = check.error ?? explanations.error;

  return (
    <div className={styles.panel}>
      <div className={styles.toolbar}>
        <Switch label={TEXT.check.live} checked={check.live} onChange={(_, d) => check.setLive(d.checked)} />
        <Button disabled={check.checking} onClick={() => void check.recheck()}>
          {TEXT.check.recheck}
        </Button>
        {check.checking && <Spinner size="tiny" label={TEXT.check.checking} />}
        {check.checkedAt && (
          <Caption1 className={styles.meta}>
            {TEXT.check.checkedAt(check.checkedAt.toLocaleTimeString("zh-CN", { hour12: false }))}
          </Caption1>
        )}
      </div>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {report && (
        <>
          <RecognitionSummary report={report} />
          <FindingsPane report={report} operations={operations} explanations={explanations} />
          <TotalsCards report={report} operations={operations} onApplied={() => void check.recheck()} />
        </>
      )}
      {processor && <ReturnListPicker processor={processor} operations={operations} />}
      <ReviewAction operations={operations} check={check.recheck} explanations={explanations.list} />
    </div>
  );
}
