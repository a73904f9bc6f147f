import {
  Body1,
  Caption1,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { countFindings } from "../../core/model/finding";
import type { Finding, WorkbookReport } from "../../ports";
import { TEXT } from "../text.zh";

const useStyles = makeStyles({
  summary: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  list: {
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  entry: { display: "flex", flexDirection: "column" },
  meta: { color: tokens.colorNeutralForeground3 },
});

/** The recognition rule: its findings on a sheet say why the sheet is not a table (resembles …, empty, unknown). */
const RECOGNITION_RULE = "TABLE-COLUMNS";

/**
 * 识别结果: each sheet recognised as a table (official title, rows, counts of 错误/警告/提示) and each sheet that was
 * not, with why (its TABLE-COLUMNS findings).
 */
export function RecognitionSummary({ report }: { report: WorkbookReport }) {
  const styles = useStyles();
  const unrecognised = new Map<string, Finding[]>();
  for (const f of report.findings) {
    if (f.rule !== RECOGNITION_RULE || !f.sheet) continue;
    unrecognised.set(f.sheet, [...(unrecognised.get(f.sheet) ?? []), f]);
  }
  // Empty sheets and sheets without a table give no finding, but are still listed as not recognised.
  for (const sheet of report.otherSheets ?? [])
    if (!unrecognised.has(sheet)) unrecognised.set(sheet, []);
  // Empty sheets and sheets without a table give no finding, but are still listed as not recognised.
  for (const sheet of report.otherSheets ?? [])
    if (!unrecognised.has(sheet)) unrecognised.set(sheet, []);
  return (
    <section
      className={styles.summary}
      aria-label={TEXT.check.recognitionTitle}
    >
      <Subtitle2 as="h2">{TEXT.check.recognitionTitle}</Subtitle2>
      {report.tables.length === 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>{TEXT.check.noTables}</MessageBarBody>
        </MessageBar>
      )}
      <ul className={styles.list}>
        {report.tables.map((t) => (
          <li key={t.sheet} className={styles.entry}>
            <Body1>{TEXT.check.recognised(t.sheet, t.title, t.rows)}</Body1>
            <Caption1 className={styles.meta}>
              {TEXT.shortCounts(countFindings(t.findings))}
            </Caption1>
          </li>
        ))}
        {[...unrecognised].map(([sheet, findings]) => (
          <li key={sheet} className={styles.entry}>
            <Body1>{TEXT.check.unrecognised(sheet)}</Body1>
            {findings.map((f, i) => (
              <Caption1 key={i} className={styles.meta}>
                {f.message}
              </Caption1>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}
