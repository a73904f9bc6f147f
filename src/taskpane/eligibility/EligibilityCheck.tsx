import {
  Badge,
  Body1,
  Body1Strong,
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { contactsFor } from "../../core/catalog/contacts";
import {
  DEMONSTRATION_DIRECTION,
  inputsFor,
  type EligibilityInput,
} from "../../core/catalog/eligibility";
import {
  CHAINS,
  DEMO_PROGRAMMES,
  DIRECTIONS_BY_SPECIAL,
  INDUSTRIES_BY_CATEGORY,
} from "../../core/catalog/enums";
import {
  evaluateEligibility,
  type Verdict,
} from "../../core/eligibility/evaluate";
import { isOperationError, type WorkbookEligibility } from "../../ports";
import { FORMS_TEXT as T } from "../text.forms.zh";
import { TEXT } from "../text.zh";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
  },
  inputs: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  list: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    margin: 0,
    padding: 0,
  },
  item: {
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    padding: tokens.spacingHorizontalS,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorNeutralStroke1}`,
  },
  head: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
  },
  quote: { color: tokens.colorNeutralForeground3 },
  actions: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
  },
});

/** Badge colour of a verdict. */
const COLOR: Record<Verdict, "success" | "danger" | "warning"> = {
  符合: "success",
  不符合: "danger",
  待核实: "warning",
};
/** MessageBar intent of the overall verdict. */
const INTENT: Record<Verdict, "success" | "error" | "warning"> = {
  符合: "success",
  不符合: "error",
  待核实: "warning",
};

const INDUSTRIES = Object.values(INDUSTRIES_BY_CATEGORY).flat();
const PROGRAMMES = Object.values(DEMO_PROGRAMMES).flat();

/** Typed answers of the form, by input key (text as typed). */
export type FormAnswers = Readonly<Record<string, string>>;

/** What the form hands to its action (insert the sheet into Excel, or download it). */
export interface EligibilityChoice {
  direction: string;
  answers: FormAnswers;
  /** The 省级重点产业链 chosen for a chain direction's 专班 contact. */
  chain?: string;
}

/** Props of {@link EligibilityCheck}. */
export interface EligibilityCheckProps {
  /** The button under the results: inserts or downloads the 资格自检 sheet; none when absent. */
  action?: {
    label: string;
    run: (choice: EligibilityChoice) => Promise<string>;
  };
  /**
   * Reads the open workbook for answers (its 情况表's 申报方向 unless one is chosen, 所属行业, chain, the 明细表's 2024
   * interest): a “从工作簿填写” button when given.
   */
  fromWorkbook?: (
    direction?: string,
  ) => Promise<WorkbookEligibility | undefined>;
}

function InputField({
  input,
  value,
  onChange,
}: {
  input: EligibilityInput;
  value: string;
  onChange: (v: string) => void;
}) {
  const label = input.unit ? `${input.label}（${input.unit}）` : input.label;
  switch (input.kind) {
    case "yesNo":
      return (
        <Field label={label}>
          <RadioGroup
            layout="horizontal"
            value={value}
            onChange={(_, d) => onChange(d.value)}
          >
            <Radio value="是" label={T.yes} />
            <Radio value="否" label={T.no} />
          </RadioGroup>
        </Field>
      );
    case "industry":
    case "programme": {
      const values = input.kind === "industry" ? INDUSTRIES : PROGRAMMES;
      return (
        <Field label={label}>
          <Select value={value} onChange={(_, d) => onChange(d.value)}>
            <option value="">
              {input.kind === "industry" ? T.chooseIndustry : T.chooseProgramme}
            </option>
            {values.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </Select>
        </Field>
      );
    }
    default:
      return (
        <Field label={label}>
          <Input
            value={value}
            inputMode={input.kind === "date" ? "text" : "decimal"}
            placeholder={input.kind === "date" ? T.datePlaceholder : undefined}
            contentAfter={
              input.unit && input.kind !== "percent" ? (
                <Caption1>{input.unit}</Caption1>
              ) : undefined
            }
            onChange={(_, d) => onChange(d.value)}
          />
        </Field>
      );
  }
}

/**
 * 资格自检: the enterprise picks its 申报方向 and types the few figures the notice's thresholds need; each condition
 * shows 符合 / 不符合 / 待核实 at once, with the notice's words and section, and the 附件5 contacts of the direction.
 * The evaluation is core/eligibility's; this component only collects the answers.
 */
export function EligibilityCheck({
  action,
  fromWorkbook,
}: EligibilityCheckProps) {
  const styles = useStyles();
  const [direction, setDirection] = useState("");
  const [answers, setAnswers] = useState<FormAnswers>({});
  const [chain, setChain] = useState("");
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string }>();
  const [read, setRead] = useState<{ ok: boolean; text: string }>();

  const inputs = useMemo(() => inputsFor(direction), [direction]);
  const result = useMemo(
    () =>
      direction
        ? evaluateEligibility(
            direction,
            Object.fromEntries(
              Object.entries(answers).map(([k, v]) => [k, { v }]),
            ),
          )
        : undefined,
    [direction, answers],
  );
  const programme = answers.demonstrationProgramme;
  const industry = answers.industry;
  const contacts = direction
    ? contactsFor(direction, {
        ...(industry ? { industry } : {}),
        ...(programme ? { programme } : {}),
        ...(chain ? { chain } : {}),
      })
    : undefined;

  /** Words any failure for the user: an OperationError is worded already; anything else is a bug. */
  const failure = (err: unknown) => ({
    ok: false,
    text: isOperationError(err)
      ? err.message
      : TEXT.unexpected(err instanceof Error ? err.message : String(err)),
  });

  const fill = async () => {
    if (!fromWorkbook) return;
    setBusy(true);
    setRead(undefined);
    try {
      const found = await fromWorkbook(direction || undefined);
      if (!found) {
        setRead({ ok: false, text: T.nothingInWorkbook });
        return;
      }
      setDirection(found.direction);
      // Answers typed for another direction do not carry over.
      setAnswers((a) => ({
        ...(found.direction === direction ? a : {}),
        ...found.answers,
      }));
      if (found.chain) setChain(found.chain);
      setRead({
        ok: true,
        text: T.filledFromWorkbook(found.direction, found.filled),
      });
    } catch (err) {
      setRead(failure(err));
    } finally {
      setBusy(false);
    }
  };

  const run = async () => {
    if (!action) return;
    setBusy(true);
    setOutcome(undefined);
    try {
      const text = await action.run({
        direction,
        answers,
        ...(chain ? { chain } : {}),
      });
      setOutcome({ ok: true, text });
    } catch (err) {
      setOutcome(failure(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={styles.root} aria-label={T.eligibilityTitle}>
      <Subtitle2 as="h2">{T.eligibilityTitle}</Subtitle2>
      <Body1>{T.eligibilityIntro}</Body1>
      <Field label={T.directionLabel}>
        <Select value={direction} onChange={(_, d) => setDirection(d.value)}>
          <option value="">{T.directionPlaceholder}</option>
          {Object.entries(DIRECTIONS_BY_SPECIAL).map(([special, ds]) => (
            <optgroup key={special} label={special}>
              {[
                ...ds,
                ...(special === "企业增量提质专项"
                  ? [DEMONSTRATION_DIRECTION]
                  : []),
              ].map((d) => (
                <option key={d} value={d}>
                  {d}
                </option>
              ))}
            </optgroup>
          ))}
        </Select>
      </Field>

      {fromWorkbook && (
        <div className={styles.actions}>
          <Button disabled={busy} onClick={() => void fill()}>
            {T.fillFromWorkbook}
          </Button>
        </div>
      )}
      {read && (
        <MessageBar intent={read.ok ? "info" : "warning"}>
          <MessageBarBody>{read.text}</MessageBarBody>
        </MessageBar>
      )}

      {direction && (
        <div className={styles.inputs}>
          {inputs.map((input) => (
            <InputField
              key={input.key}
              input={input}
              value={answers[input.key] ?? ""}
              onChange={(v) => setAnswers((a) => ({ ...a, [input.key]: v }))}
            />
          ))}
          {contacts?.row.chainDesks && (
            <Field label={T.chainLabel}>
              <Select value={chain} onChange={(_, d) => setChain(d.value)}>
                <option value="">{T.chooseChain}</option>
                {CHAINS.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </Select>
            </Field>
          )}
        </div>
      )}

      {result && (
        <>
          <MessageBar intent={INTENT[result.overall]} aria-live="polite">
            <MessageBarBody>
              <MessageBarTitle>{T.overall(result.overall)}</MessageBarTitle>
              {T.overallHint[result.overall]}
              {result.note ? ` ${result.note}` : ""}
            </MessageBarBody>
          </MessageBar>
          <Subtitle2 as="h3">{T.conditionsTitle}</Subtitle2>
          <ul className={styles.list} aria-label={T.conditionsTitle}>
            {result.results.map((r) => (
              <li
                key={r.condition.id}
                className={styles.item}
                aria-label={r.condition.label}
              >
                <div className={styles.head}>
                  <Badge appearance="filled" color={COLOR[r.verdict]}>
                    {r.verdict}
                  </Badge>
                  <Body1Strong>{r.condition.label}</Body1Strong>
                </div>
                <Body1>{r.reason}</Body1>
                <Caption1 className={styles.quote}>
                  {T.quote(r.condition.quote, r.condition.source)}
                </Caption1>
              </li>
            ))}
          </ul>
        </>
      )}

      {contacts && (
        <section aria-label={T.contactsTitle}>
          <Subtitle2 as="h3">{T.contactsTitle}</Subtitle2>
          {contacts.contacts.map((c) => (
            <Body1 as="p" key={`${c.office}${c.person}`}>
              {T.contactLine(c.office, c.person, c.phone)}
            </Body1>
          ))}
          {contacts.chainDesk && (
            <Body1 as="p">
              {T.chainDeskLine(
                contacts.chainDesk.chain,
                contacts.chainDesk.office,
                contacts.chainDesk.person,
                contacts.chainDesk.phone,
              )}
            </Body1>
          )}
          {contacts.row.chainDesks && !contacts.chainDesk && (
            <Caption1>{T.chainDeskHint}</Caption1>
          )}
        </section>
      )}

      {action && direction && (
        <div className={styles.actions}>
          <Button disabled={busy} onClick={() => void run()}>
            {action.label}
          </Button>
          {busy && <Spinner size="tiny" label={T.working} />}
        </div>
      )}
      {outcome && (
        <MessageBar intent={outcome.ok ? "success" : "error"}>
          <MessageBarBody>{outcome.text}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
