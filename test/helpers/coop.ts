/**
 * Test workbooks laid out as the notice prints its tables: title, the lines under it (`企业名称：…（公章）`,
 * `单位：万元`), the header row, the data rows (序号 filled 1..n unless given) and, for tables with a 合计 row, the
 * 合计 label. Used by the T4/T5 (COOP-*) and T9 (COMPUTE-*) tests to build multi-sheet workbooks.
 */
import { getTable, titleFor } from "../../src/core/catalog";
import type { TableId } from "../../src/core/catalog";
import type {
  Cell,
  CellValue,
  Sheet,
  Workbook,
} from "../../src/core/model/grid";
import { checkWorkbook } from "../../src/core/check/engine";
import type { Finding } from "../../src/core/model/finding";

/** A data row by column key; a value may be a Cell (to give a number format or an error value). */
export type RowSpec = Record<string, CellValue | Cell>;

export interface SheetSpec {
  /** Sheet name (default: the catalog's sheet name, with the year for T4/T5). */
  name?: string;
  /** T4/T5: the year written into the title blank (undefined leaves `____`). */
  year?: number;
  /** The enterprise written into the `企业名称：` line. */
  enterprise?: string;
  rows: RowSpec[];
}

/** Grid row (0-based) of the first data row in sheets built here: title, two lines, header, then data. */
export const FIRST_DATA_ROW = 4;

function toCell(v: CellValue | Cell): Cell {
  return v !== null && typeof v === "object" ? v : { v };
}

/** A sheet of table `id` as the notice lays it out. */
export function tableSheet(id: TableId, spec: SheetSpec): Sheet {
  const table = getTable(id);
  const lines = table.lines.map((l) =>
    l.startsWith("企业名称") || l.startsWith("项目申报企业")
      ? l.replace("：", `：${spec.enterprise ?? ""}`)
      : l,
  );
  while (lines.length < 2) lines.push("");
  const grid: (Cell | undefined)[][] = [
    [{ v: titleFor(table, spec.year) }],
    [{ v: lines[0]! }],
    [{ v: lines[1]! }],
    table.columns.map((c) => ({ v: c.header })),
  ];
  spec.rows.forEach((row, i) => {
    grid.push(
      table.columns.map((c) =>
        c.key === "seq" && !("seq" in row)
          ? { v: i + 1 }
          : toCell(row[c.key] ?? null),
      ),
    );
  });
  if (table.total !== "none") grid.push([{ v: table.totalLabel }]);
  const name =
    spec.name ??
    (spec.year !== undefined
      ? `${table.sheetName}${spec.year}`
      : table.sheetName);
  return { name, rows: grid, merges: [] };
}

/** A workbook of the given sheets. */
export function workbookOf(...sheets: Sheet[]): Workbook {
  return { fileName: "测试.xlsx", sheets, date1904: false };
}

/** Every finding of a workbook check (tables and file level). */
export function allFindings(wb: Workbook): Finding[] {
  const report = checkWorkbook(wb);
  return [...report.findings, ...report.tables.flatMap((t) => t.findings)];
}

/** The findings of one rule, as `{sheet, cell, severity}` plus the message. */
export function findingsOf(wb: Workbook, rule: string): Finding[] {
  return allFindings(wb).filter((f) => f.rule === rule);
}
