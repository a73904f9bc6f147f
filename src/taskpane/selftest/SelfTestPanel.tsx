import {
  Badge,
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import type {
  SelfTestItem,
  SelfTestOperations,
  SelfTestReport,
} from "../../ports";
import { errorText } from "../check/useCheck";
import { TEXT } from "../text.zh";

const T = TEXT.selfTest;

const useStyles = makeStyles({
  section: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  actions: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
  },
  list: {
    margin: 0,
    paddingLeft: 0,
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  item: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
  },
  head: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
  },
});

const COLOR = {
  passed: "success",
  missing: "warning",
  failed: "danger",
  skipped: "informative",
} as const;

function Item({ item }: { item: SelfTestItem }) {
  const styles = useStyles();
  return (
    <li className={styles.item}>
      <span className={styles.head}>
        <Badge appearance="tint" color={COLOR[item.status]}>
          {T.status[item.status]}
        </Badge>
        <Body1>{item.name}</Body1>
      </span>
      <Caption1>{item.text}</Caption1>
      {item.code !== undefined && <Caption1>{T.code(item.code)}</Caption1>}
    </li>
  );
}

function Section({
  title,
  items,
}: {
  title: string;
  items: readonly SelfTestItem[];
}) {
  const styles = useStyles();
  if (items.length === 0) return null;
  return (
    <section className={styles.section} aria-label={title}>
      <Subtitle2 as="h3">{title}</Subtitle2>
      <ul className={styles.list}>
        {items.map((item, i) => (
          <Item key={i} item={item} />
        ))}
      </ul>
    </section>
  );
}

/** Props of {@link SelfTestPanel}. */
export interface SelfTestPanelProps {
  operations: SelfTestOperations;
  /** Back to the tabs. */
  onClose: () => void;
}

/** 加载项自检: one button runs the self-test in this Excel and lists each line as 通过 / 不支持 / 失败 / 未执行. */
export function SelfTestPanel({ operations, onClose }: SelfTestPanelProps) {
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<SelfTestReport>();
  const [error, setError] = useState<string>();

  const run = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setReport(await operations.run());
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const all = report
    ? [report.host, ...report.requirements, ...report.steps]
    : [];
  const count = (status: SelfTestItem["status"]) =>
    all.filter((i) => i.status === status).length;
  return (
    <section className={styles.section} aria-label={T.title}>
      <Subtitle2 as="h2">{T.title}</Subtitle2>
      <Body1>{T.intro}</Body1>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy} onClick={() => void run()}>
          {T.run}
        </Button>
        <Button onClick={onClose}>{T.back}</Button>
        {busy && <Spinner size="tiny" label={T.running} />}
      </div>
      {error !== undefined && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {report && (
        <>
          <MessageBar
            intent={
              count("failed") + count("missing") === 0 ? "success" : "warning"
            }
          >
            <MessageBarBody>
              {T.summary(count("failed"), count("missing"))}
            </MessageBarBody>
          </MessageBar>
          <Section title={T.sections.host} items={[report.host]} />
          <Section
            title={T.sections.requirements}
            items={report.requirements}
          />
          <Section title={T.sections.steps} items={report.steps} />
        </>
      )}
    </section>
  );
}
