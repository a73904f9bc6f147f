import {
  Badge,
  Body1,
  Body1Strong,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Spinner,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useRef, useState, type ChangeEvent, type KeyboardEvent } from "react";
import type { ReturnListEntry } from "../../core/review/returnList";
import type { CheckOperations } from "../../ports";
import { TEXT } from "../text.zh";
import type { FileProcessor } from "../worker/client";
import { errorText } from "./useCheck";

const useStyles = makeStyles({
  section: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  toolbar: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
  },
  item: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  head: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
  },
  answer: { color: tokens.colorNeutralForeground3 },
});

/** Props of {@link ReturnListPicker}. */
export interface ReturnListPickerProps {
  /** Reads the picked file (off the UI thread in the add-in). */
  processor: FileProcessor;
  /** Goes to a cell of the open workbook. */
  operations: Pick<CheckOperations, "selectCell">;
}

/** A 差错清单 opened beside the workbook: its file name and items. */
interface OpenList {
  file: string;
  items: ReturnListEntry[];
}

/**
 * 打开差错清单: the enterprise picks the 差错清单 the reviewer sent back; its items are listed here
 * (级别, 工作表 and 单元格, 问题, the 企业答复 already written) and a click goes to that cell of the open workbook — the
 * list names the sheets and cells of the file the enterprise sent, so they are the same in its own workbook. The file
 * is only read: nothing is written to the workbook or to the list.
 */
export function ReturnListPicker({
  processor,
  operations,
}: ReturnListPickerProps) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [list, setList] = useState<OpenList>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const pick = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = ""; // the same file can be picked again after it was corrected
    if (!file) return;
    setBusy(true);
    setError(undefined);
    try {
      const read = await processor.run({ op: "returnItems", file });
      if ("error" in read) {
        setError(read.error);
        setList(undefined);
      } else setList({ file: file.name, items: read.items });
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const go = async (item: ReturnListEntry) => {
    setError(undefined);
    try {
      await operations.selectCell(item.sheet, item.cell);
    } catch (err) {
      setError(errorText(err));
    }
  };
  const onKey = (item: ReturnListEntry) => (e: KeyboardEvent) => {
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      void go(item);
    }
  };

  return (
    <section aria-label={TEXT.check.returnListLabel} className={styles.section}>
      <div className={styles.toolbar}>
        <Button onClick={() => input.current?.click()} disabled={busy}>
          {TEXT.check.returnOpen}
        </Button>
        {list && (
          <Button appearance="subtle" onClick={() => setList(undefined)}>
            {TEXT.check.returnClose}
          </Button>
        )}
        {busy && <Spinner size="tiny" label={TEXT.check.returnOpening} />}
        <input
          ref={input}
          type="file"
          accept=".xlsx,.xls,.et"
          hidden
          data-testid="return-list-file"
          onChange={(e) => void pick(e)}
        />
      </div>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {list && (
        <>
          <Caption1>
            {list.items.length > 0
              ? TEXT.check.returnTitle(list.file, list.items.length)
              : TEXT.check.returnEmpty(list.file)}
          </Caption1>
          <div role="list" aria-label={TEXT.check.returnListLabel}>
            {list.items.map((item) => (
              <div
                key={item.seq}
                role="listitem"
                tabIndex={0}
                className={styles.item}
                onClick={() => void go(item)}
                onKeyDown={onKey(item)}
              >
                <div className={styles.head}>
                  <Caption1>{item.seq}</Caption1>
                  <Badge
                    appearance="filled"
                    color={item.severity === "错误" ? "danger" : "warning"}
                  >
                    {item.severity}
                  </Badge>
                  <Body1Strong>
                    {TEXT.check.returnPlace(item.sheet, item.place)}
                  </Body1Strong>
                </div>
                <Body1>{item.message}</Body1>
                {item.answer && (
                  <Caption1 className={styles.answer}>
                    {TEXT.check.returnAnswer(item.answer)}
                  </Caption1>
                )}
              </div>
            ))}
          </div>
        </>
      )}
    </section>
  );
}
