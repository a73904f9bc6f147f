import { Body1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { mergeLogSheet, type MergeResult } from "../../core/merge";
import { TEXT } from "../text.zh";
import { FindingsTable } from "../workbench/FindingsTable";
import { SheetTable } from "../workbench/SheetTable";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  scroll: { overflowX: "auto" },
});

/**
 * What a merge gave: rows per 汇总表, counts, the 合并日志 (one row per input file, as written into the workbook) and
 * the findings, each with its file. Shown by the 审核工作台 and by the Excel 合并汇总 tab.
 */
export function MergeReport({ result }: { result: MergeResult }) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <Body1>{TEXT.mergedRows(result.summary.rows.length, result.exempt?.rows.length ?? 0)}</Body1>
      <Body1>{TEXT.counts(result.counts)}</Body1>
      <Subtitle2 as="h3">{TEXT.mergeLogHeading}</Subtitle2>
      <div className={styles.scroll}>
        <SheetTable sheet={mergeLogSheet(result)} />
      </div>
      <Subtitle2 as="h3">{TEXT.mergeFindingsHeading}</Subtitle2>
      <div className={styles.scroll}>
        <FindingsTable findings={result.findings} label={TEXT.mergeFindingsHeading} showFile />
      </div>
    </div>
  );
}
