import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
} from "@fluentui/react-components";
import type { ReviewCell, ReviewSheet } from "../../core/review/reviewReport";

function cellText(c: ReviewCell | undefined): string {
  if (c === undefined) return "";
  return typeof c === "object" ? c.text : String(c);
}

const useStyles = makeStyles({
  // Columns as wide as their content; long values without spaces (SHA-256) break anywhere instead of overflowing.
  table: { tableLayout: "auto" },
  cell: { overflowWrap: "anywhere" },
});

/**
 * A report sheet (core/review/reviewReport.ts `ReviewSheet`, e.g. the 合并日志) shown as a table: the same columns and rows as the
 * sheet written into the workbook.
 */
export function SheetTable({ sheet }: { sheet: ReviewSheet }) {
  const styles = useStyles();
  return (
    <Table size="small" aria-label={sheet.name} className={styles.table}>
      <TableHeader>
        <TableRow>
          {sheet.columns.map((c) => (
            <TableHeaderCell key={c.header}>{c.header}</TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {sheet.rows.map((row, r) => (
          <TableRow key={r}>
            {sheet.columns.map((_, c) => (
              <TableCell key={c} className={styles.cell}>
                {cellText(row.cells[c])}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
