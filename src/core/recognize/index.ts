/**
 * Table recognition: which catalog table a sheet holds, where its header and data are, its year
 * (T4/T5) and enterprise line, and its data rows parsed by column type.
 *
 * Thresholds (see {@link isRecognised}): a sheet is read as a table when its best header row (among the first 30
 * rows) matches at least 3 columns and at least half of that table's non-optional columns. A sheet whose best match
 * has 2 or more columns besides 序号 but fewer than that is reported as resembling the table (TABLE-COLUMNS 警告,
 * found and missing columns listed) and not checked; an empty sheet or one without table-like rows gets no finding
 * (the engine lists it in the report's `otherSheets`, so that no sheet is skipped silently). Tables stacked on one sheet (T4 for 2022,
 * 2023 and 2024 one under another) are read one after the other: a notes line or another header ends a table, and the
 * next is looked for in the 30 rows after it.
 */
import { getTable, isTableId } from "../catalog/tables";
import type { TableDef } from "../catalog/types";
import type { RawFinding } from "../model/finding";
import { cellText, trimText } from "../model/grid";
import type { Sheet } from "../model/grid";
import type { TableContext } from "../model/table";
import { findHeader, isRecognised } from "./header";
import type { HeaderMatch } from "./header";
import { readTable, rowReader } from "./read";
import { sheetView } from "./view";
import { rememberingTexts } from "../util/remember";
import type { SheetView } from "./view";

export { recordRows, recordsAt } from "./records";
export { normHeader, looseHeader } from "./normalize";
export { sheetView } from "./view";
export type { SheetView } from "./view";
export { readRow, rowKind, rowReader, linkRecords } from "./read";
export type { RowReader } from "./read";

/**
 * The result of recognising one sheet: its tables (`table` is the first; tables stacked below it follow in `tables`),
 * or raw TABLE-COLUMNS findings saying why none.
 */
export type SheetRecognition =
  | { ok: true; table: TableContext; tables: TableContext[] }
  | { ok: false; findings: RawFinding[] };

/** `企业名称：xxx（公章）`, `项目申报企业（单位）（公章）：xxx`, `企业名称（公章）：xxx` — group 1 is what follows the colon. */
const ENTERPRISE_LINE =
  /^\s*(?:项目申报企业\s*[（(]\s*单\s*位\s*[)）]|(?:申报|填报)(?:企业|单位)|企\s*业\s*(?:[（(]\s*单\s*位\s*[)）])?\s*名\s*称)\s*(?:[（(]\s*公\s*章\s*[)）])?\s*[:：]([\s\S]*)$/;
/** `审核单位（公章）：太原市工业和信息化局` (附件3, 附件4) — group 1 is the unit. */
const REVIEWER_LINE =
  /^\s*审\s*核\s*单\s*位\s*(?:[（(]\s*公\s*章\s*[)）])?\s*[:：]([\s\S]*)$/;
const SEAL = /[（(]\s*(?:单\s*位\s*)?公\s*章\s*[)）]/g;
const UNIT_LINE = /单\s*位\s*[:：]\s*万\s*元/g;
/** A year in a title: `2024年度`, `2024 年`. */
const TITLE_YEAR = /((?:19|20)\d{2})\s*年/;
const NAME_YEAR = /(?:^|\D)((?:19|20)\d{2})(?!\d)/;

/** Texts of the cells of one row, trimmed, non-blank, left to right. */
function rowStrings(view: SheetView, row: number): string[] {
  const out: string[] = [];
  const width = view.width(row);
  for (let c = 0; c < width; c++) {
    if (view.isCopy(row, c)) continue;
    const t = trimText(cellText(view.cell(row, c)));
    if (t) out.push(t);
  }
  return out;
}

/** The value of a `label：value` line above the header (the value may also stand in the next cell), seals removed. */
function lineValue(lines: string[][], label: RegExp): string | undefined {
  // The blank of a printed form (`企业名称：______（公章）`) is no name.
  const clean = (s: string) =>
    s
      .replace(SEAL, "")
      .replace(UNIT_LINE, "")
      .replace(/^[\s_＿]+|[\s_＿]+$/g, "");
  for (const cells of lines) {
    for (let i = 0; i < cells.length; i++) {
      const m = label.exec(cells[i]!);
      if (!m) continue;
      const value = clean(m[1]!) || clean(cells[i + 1] ?? "");
      if (value && !label.test(value)) return value;
    }
  }
  return undefined;
}

/** T4/T5: the year in the title (`“链主”企业2024年度…`), else in the sheet name (`2024`, `2024年`). */
function yearOf(
  table: TableDef,
  lines: string[][],
  sheetName: string,
): number | undefined {
  if (!table.yearInTitle) return undefined;
  // The title nearest the header first: notes of a table stacked above also mention years.
  for (let i = lines.length - 1; i >= 0; i--) {
    for (const t of lines[i]!) {
      if (!t.includes("协作配套") || /^\s*-?\s*\d+\s*[.、．]/.test(t)) continue;
      const m = TITLE_YEAR.exec(t);
      if (m) return Number(m[1]);
    }
  }
  const m = NAME_YEAR.exec(sheetName);
  return m ? Number(m[1]) : undefined;
}

/**
 * 项目情况表 and 申报汇总表 share their 12 columns: `审核单位（公章）` or a title with 汇总表 → the 汇总表 (附件3);
 * otherwise (`项目申报企业（单位）（公章）`, a 情况表 title, or neither) → the 情况表.
 */
function projectTable(lines: string[][]): TableDef {
  const text = lines.flat().join("\n").replace(/\s/g, "");
  if (text.includes("项目申报企业")) return getTable("project-info");
  if (text.includes("审核单位") || text.includes("汇总表"))
    return getTable("application-summary");
  return getTable("project-info");
}

/**
 * Reads the table whose header was found; `from` is the first row of its title and lines (0, or the row after the
 * table stacked above). @returns the table and where a table below it may start.
 */
function contextOf(
  view: SheetView,
  h: HeaderMatch,
  date1904: boolean,
  from: number,
): { table: TableContext; next: number } {
  const lines: string[][] = [];
  for (let r = from; r < h.firstRow; r++) lines.push(rowStrings(view, r));
  const sheet = view.sheet;
  let table = h.table;
  if (
    (table.id === "project-info" || table.id === "application-summary") &&
    !sheet.mark
  )
    table = projectTable(lines);
  const reader = rowReader(view, table, h.columns, date1904);
  const data = readTable(reader, h.lastRow + 1);
  const year = yearOf(table, lines, sheet.name);
  const enterprise = lineValue(lines, ENTERPRISE_LINE);
  const reviewer = lineValue(lines, REVIEWER_LINE);
  const title = lines.find((cells) => cells.length > 0)?.[0];
  const headerRows: number[] = [];
  for (let r = h.firstRow; r <= h.lastRow; r++) headerRows.push(r);
  const ctx: TableContext = {
    table,
    sheet,
    headerRows,
    columns: h.columns,
    extraColumns: h.extraColumns,
    rows: data.rows,
    ...(data.totalRow !== undefined ? { totalRow: data.totalRow } : {}),
    ...(year !== undefined ? { year } : {}),
    ...(enterprise !== undefined ? { enterprise } : {}),
    ...(reviewer !== undefined ? { reviewer } : {}),
    ...(title !== undefined ? { title } : {}),
    date1904,
  };
  return { table: ctx, next: data.next };
}

/** The first table and every table stacked below it on the same sheet (T4 2022/2023/2024 one under another). */
function tablesFrom(
  view: SheetView,
  first: HeaderMatch,
  date1904: boolean,
): SheetRecognition {
  const tables: TableContext[] = [];
  let h: HeaderMatch | undefined = first;
  let from = 0;
  while (h) {
    const read = contextOf(view, h, date1904, from);
    tables.push(read.table);
    from = Math.max(read.next, h.lastRow + 1);
    h = from < view.rowCount ? findHeader(view, undefined, from) : undefined;
    if (h && !isRecognised(h)) h = undefined;
  }
  return { ok: true, table: tables[0]!, tables };
}

/** Columns of a table, official headers, for a likeness finding. */
function headersOf(table: TableDef, keys: (k: string) => boolean): string {
  return table.columns
    .filter((c) => keys(c.key))
    .map((c) => (c.group ? `${c.group}/${c.header}` : c.header))
    .join("、");
}

/**
 * Recognises one sheet. A marked template (sheet.mark) is matched against its own table first.
 * @param date1904 the workbook's date system (dates are parsed while reading the rows).
 */
export function recognizeSheet(
  sheet: Sheet,
  date1904: boolean,
): SheetRecognition {
  return rememberingTexts(() => recognizeSheetNow(sheet, date1904));
}

/** {@link recognizeSheet}, inside the caller's remembering. */
function recognizeSheetNow(sheet: Sheet, date1904: boolean): SheetRecognition {
  const view = sheetView(sheet);
  if (sheet.mark && isTableId(sheet.mark.tableId)) {
    const own = findHeader(view, [getTable(sheet.mark.tableId)]);
    if (own && own.matched >= 3) return tablesFrom(view, own, date1904);
  }
  const h = findHeader(view);
  if (h && isRecognised(h)) return tablesFrom(view, h, date1904);
  const hasContent = sheet.rows.some((r) =>
    r?.some((c) => cellText(c).trim() !== ""),
  );
  // An empty sheet (Sheet2, Sheet3 of a new workbook) is not a problem: no finding.
  if (!hasContent) return { ok: false, findings: [] };
  const found = h ? Object.keys(h.columns).filter((k) => k !== "seq") : [];
  if (h && found.length >= 2) {
    const missing = headersOf(
      h.table,
      (k) => h.columns[k] === undefined && k !== "seq",
    );
    return {
      ok: false,
      findings: [
        {
          rule: "TABLE-COLUMNS",
          severity: "warning",
          row: h.firstRow,
          params: {
            kind: "likeness",
            title: h.table.title,
            found: headersOf(h.table, (k) => h.columns[k] !== undefined),
            missing,
          },
        },
      ],
    };
  }
  // A sheet with no table-like rows (notes, a cover page) is not a problem either (tables.md, TABLE-COLUMNS).
  return { ok: false, findings: [] };
}
