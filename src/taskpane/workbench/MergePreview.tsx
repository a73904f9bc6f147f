import {
  Body1,
  Caption1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { getTable } from "../../core/catalog/tables";
import { cellText } from "../../core/model/grid";
import type { MergedTable } from "../../core/merge";
import { TEXT } from "../text.zh";
import { Pager } from "./FindingRows";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    minWidth: 0,
  },
  // The official 汇总表 has 16 columns: it scrolls sideways inside its box, the page does not.
  scroll: { overflowX: "auto", maxWidth: "100%" },
  cell: { minWidth: "6em", verticalAlign: "top" },
});

/** Merged rows per preview page. */
const PREVIEW_PAGE_SIZE = 20;

/**
 * 汇总预览: the rows a merged table will hold, with the official headers, one page at a time — what the reviewer checks
 * before downloading the 汇总表.
 */
export function MergePreview({ table }: { table: MergedTable }) {
  const styles = useStyles();
  const [offset, setOffset] = useState(0);
  const headers = getTable(table.tableId).columns.map((c) => c.header);
  return (
    <div className={styles.root}>
      <Body1 as="h4">{`${table.sheetName}（${table.rows.length} 行）`}</Body1>
      {table.rows.length === 0 ? (
        <Caption1>{TEXT.previewEmpty}</Caption1>
      ) : (
        <>
          <div className={styles.scroll}>
            <Table
              size="small"
              aria-label={`${TEXT.previewHeading}：${table.sheetName}`}
            >
              <TableHeader>
                <TableRow>
                  {headers.map((h) => (
                    <TableHeaderCell key={h} className={styles.cell}>
                      {h}
                    </TableHeaderCell>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                {table.rows
                  .slice(offset, offset + PREVIEW_PAGE_SIZE)
                  .map((row) => (
                    <TableRow key={row.seq}>
                      {headers.map((h, c) => (
                        <TableCell key={h} className={styles.cell}>
                          {cellText(row.cells[c])}
                        </TableCell>
                      ))}
                    </TableRow>
                  ))}
              </TableBody>
            </Table>
          </div>
          <Pager
            offset={offset}
            total={table.rows.length}
            pageSize={PREVIEW_PAGE_SIZE}
            onOffset={setOffset}
            range={TEXT.previewRows}
          />
        </>
      )}
    </div>
  );
}
