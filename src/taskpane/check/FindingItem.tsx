import {
  Badge,
  Body1,
  Body1Strong,
  Button,
  Caption1,
  Field,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState, type KeyboardEvent } from "react";
import { explanationProblem } from "../../core/review/explanations";
import type { Severity } from "../../core/model/finding";
import { severityText } from "../../core/messages/severity";
import { findingPlace } from "../../core/review/reviewReport";
import type { Explanation, Finding } from "../../ports";
import { TEXT } from "../text.zh";
import { errorText } from "./useCheck";

const useStyles = makeStyles({
  item: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  target: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  head: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
  },
  meta: { color: tokens.colorNeutralForeground3 },
  quote: {
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    "& summary": { cursor: "pointer", width: "fit-content" },
  },
  explanation: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    color: tokens.colorPaletteGreenForeground1,
  },
  actions: { display: "flex", columnGap: tokens.spacingHorizontalS },
});

const BADGE_COLOR: Record<Severity, "danger" | "warning" | "informative"> = {
  error: "danger",
  warning: "warning",
  info: "informative",
};

/** Props of {@link FindingItem}. */
export interface FindingItemProps {
  finding: Finding;
  explanation?: Explanation;
  /** Go to the finding's cell. Absent for a finding without a sheet (file level). */
  onSelect?: () => void;
  /** Saves an explanation (the text passed explanationProblem); rejects with a Chinese message. */
  onExplain: (text: string) => Promise<void>;
  onRemoveExplanation: () => Promise<void>;
}

/**
 * One finding: severity, cell, column, message, rule code and notice section, the notice's words folded under 通知原文;
 * clicking it goes to the cell. A 警告
 * takes an explanation (填写说明); a 错误 cannot be dismissed, so it has no such button.
 */
export function FindingItem({
  finding: f,
  explanation,
  onSelect,
  onExplain,
  onRemoveExplanation,
}: FindingItemProps) {
  const styles = useStyles();
  const [draft, setDraft] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const explainable = f.severity === "warning";

  const open = () => {
    setDraft(explanation?.text ?? "");
    setProblem(undefined);
  };
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
      setDraft(undefined);
      setProblem(undefined);
    } catch (err) {
      setProblem(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  const save = () => {
    const why = explanationProblem(draft ?? "", f.severity);
    if (why !== undefined) setProblem(why);
    else void run(() => onExplain(draft ?? ""));
  };
  const onKey = (e: KeyboardEvent) => {
    if (onSelect && (e.key === "Enter" || e.key === " ")) {
      e.preventDefault();
      onSelect();
    }
  };
  const place = findingPlace(f);

  return (
    <div role="listitem" className={styles.item}>
      <div
        className={styles.target}
        role={onSelect ? "button" : undefined}
        tabIndex={onSelect ? 0 : undefined}
        onClick={onSelect}
        onKeyDown={onKey}
      >
        <div className={styles.head}>
          <Badge appearance="filled" color={BADGE_COLOR[f.severity]}>
            {severityText(f.severity)}
          </Badge>
          {place && <Body1Strong>{place}</Body1Strong>}
          {f.column && <Caption1>{f.column}</Caption1>}
        </div>
        <Body1>{f.message}</Body1>
        <Caption1 className={styles.meta}>
          {TEXT.check.ruleAndSource(f.rule, f.source)}
        </Caption1>
      </div>
      {f.quote && (
        // The notice's words, folded: a list of findings does not repeat the same long quotation on every item.
        <details className={styles.quote}>
          <summary>{TEXT.check.quoteSummary}</summary>
          {TEXT.check.quote(f.quote)}
        </details>
      )}
      {explanation && draft === undefined && (
        <div className={styles.explanation}>
          <Caption1>{TEXT.check.explanation(explanation.text)}</Caption1>
          {explainable && (
            <>
              <Button size="small" appearance="subtle" onClick={open}>
                {TEXT.check.editExplanation}
              </Button>
              <Button
                size="small"
                appearance="subtle"
                disabled={busy}
                onClick={() => void run(onRemoveExplanation)}
              >
                {TEXT.check.removeExplanation}
              </Button>
            </>
          )}
        </div>
      )}
      {explainable && !explanation && draft === undefined && (
        <div className={styles.actions}>
          <Button size="small" onClick={open}>
            {TEXT.check.explain}
          </Button>
        </div>
      )}
      {draft !== undefined && (
        <>
          <Field
            label={TEXT.check.explanationLabel}
            hint={TEXT.check.explanationHint}
            validationMessage={problem}
            validationState={problem ? "error" : "none"}
          >
            <Textarea
              value={draft}
              onChange={(_, d) => setDraft(d.value)}
              resize="vertical"
            />
          </Field>
          <div className={styles.actions}>
            <Button
              size="small"
              appearance="primary"
              disabled={busy}
              onClick={save}
            >
              {TEXT.check.saveExplanation}
            </Button>
            <Button
              size="small"
              disabled={busy}
              onClick={() => setDraft(undefined)}
            >
              {TEXT.check.cancel}
            </Button>
          </div>
        </>
      )}
      {draft === undefined && problem && (
        <Caption1 role="alert">{problem}</Caption1>
      )}
    </div>
  );
}
