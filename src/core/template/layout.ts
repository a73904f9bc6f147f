/**
 * The official sheet of a table as data (模板版式): title, lines, header, 合计 row, 20 empty rows,
 * formats, dropdowns, freeze panes and print setup. Pure: the Office.js inserter (src/excel) and the
 * ExcelJS exporter (src/xlsx) both draw exactly this, so the add-in and the .xlsx files agree.
 * Rows and columns are 0-based. Seed: the tables after 附件2 五, 附件3, 附件4.
 */
import { markName } from "../catalog/mark";
import { CATALOG_VERSION, sheetNameFor, titleFor } from "../catalog/tables";
import type { ColumnDef, TableDef, TableId } from "../catalog/types";
import { type CellRange, columnLetters } from "../model/grid";
import { columnValidation, type Validation } from "./validations";

/** Number of empty bordered rows a template offers. */
export const DATA_ROW_COUNT = 20;

/**
 * Rows below the header that carry the data rows' number formats and dropdowns (模板行数不限), for tables whose 合计
 * is above the data or absent. Mechanism (why): the 20 bordered rows stay what is printed, and everything a user
 * types or pastes straight down — up to this many rows — keeps its formats and dropdowns, because they are already
 * there (an Excel table object would do it without limit, but Excel tables forbid merged cells, which the official
 * title and header rows have, and LibreOffice and WPS do not grow them alike). The 合计 formula of these tables runs
 * to the last row of the sheet, so no typed row is left out. Tables with the 合计 below the data grow by inserting
 * rows above it: Excel and LibreOffice copy the formats and extend the validations and the sum of a range a row is
 * inserted into.
 */
export const PREPARED_ROW_COUNT = 1000;

/** Excel's last row (1-based): the end of an open 合计 range. */
const LAST_SHEET_ROW = 1_048_576;

/**
 * Named cell styles; {@link TEMPLATE_STYLES} says what each looks like.
 * `line` is a line under the title aligned left (`企业名称：（公章）`), `lineRight` one aligned right (`单位：万元`).
 */
export type TemplateStyle =
  "title" | "line" | "lineRight" | "header" | "total" | "data";

/** What a named style looks like, for both writers. Sizes in points; `fill` is `#RRGGBB`. */
export interface StyleSpec {
  bold: boolean;
  size: number;
  hAlign?: "left" | "center" | "right";
  vAlign: "center";
  wrap: boolean;
  /** Thin border on all four sides. */
  border: boolean;
  fill?: string;
}

export const TEMPLATE_STYLES: Readonly<Record<TemplateStyle, StyleSpec>> = {
  title: {
    bold: true,
    size: 16,
    hAlign: "center",
    vAlign: "center",
    wrap: false,
    border: false,
  },
  line: {
    bold: false,
    size: 11,
    hAlign: "left",
    vAlign: "center",
    wrap: false,
    border: false,
  },
  lineRight: {
    bold: false,
    size: 11,
    hAlign: "right",
    vAlign: "center",
    wrap: false,
    border: false,
  },
  header: {
    bold: true,
    size: 11,
    hAlign: "center",
    vAlign: "center",
    wrap: true,
    border: true,
    fill: "#D9E1F2",
  },
  total: { bold: true, size: 11, vAlign: "center", wrap: false, border: true },
  data: { bold: false, size: 11, vAlign: "center", wrap: false, border: true },
};

/** One cell of the template. A cell covered by a merge (not its top-left) has no value. */
export interface LayoutCell {
  r: number;
  c: number;
  value?: string | number;
  /** Formula without the leading `=`. */
  formula?: string;
  style: TemplateStyle;
}

/** Rows `first..last`, 0-based inclusive. */
export interface RowSpan {
  first: number;
  last: number;
}

/** The whole template of one table (one sheet). */
export interface TemplateLayout {
  tableId: TableId;
  /** Sheet name before any suffix for a taken name (`新增贷款明细表`, `链主协作配套企业清单2024`). */
  sheetName: string;
  year?: number;
  /** Title with the year filled in (T4/T5). */
  title: string;
  /** Sheet-scoped defined name marking the sheet as ours; refers to the title cell A1. */
  markName: string;
  columnCount: number;
  /** Excel character units, one per column. */
  columnWidths: number[];
  /** Heights in points of the rows that need one (title, header); others keep Excel's default. */
  rowHeights: { r: number; height: number }[];
  /** Every cell of rows 0..lastRow × columns 0..columnCount-1, row by row, each exactly once. */
  cells: LayoutCell[];
  merges: CellRange[];
  titleRow: number;
  /** Rows of `table.lines`, one line per row. */
  lineRows: number[];
  /** One header row, or two for T8 (group cells over their sub-columns). */
  headerRows: RowSpan;
  /** The 合计 row, when the table has one (above the data rows for T1–T3, below for T4/T5…). */
  totalRow?: number;
  /** The empty bordered rows for the user's data. */
  dataRows: RowSpan;
  /**
   * The rows that carry the data rows' number formats and validations: {@link PREPARED_ROW_COUNT} rows from the first
   * data row when the 合计 is above the data or absent, else the data rows.
   */
  preparedRows: RowSpan;
  /**
   * The prepared rows below the bordered data rows, with the rule that gives a row the data rows' thin borders once
   * it holds anything (a conditional format: a typed 21st row is bordered like the 20 above it, while the empty
   * prepared rows stay unbordered and print nothing). `formula` is relative to the range's first row
   * (`COUNTA($A25:$M25)>0`). Absent when the prepared rows are the data rows.
   */
  borderWhenFilled?: { range: CellRange; formula: string };
  lastRow: number;
  /** Number formats of the data rows and the 合计 row, per column (`@` keeps codes and numbers-as-text). */
  columnFormats: { c: number; numFmt: string }[];
  validations: Validation[];
  /** Rows (from the top) and columns (from the left) kept visible when scrolling. */
  freeze: { rows: number; cols: number };
  print: {
    orientation: "landscape";
    paper: "A4";
    /** Fit all columns on one page wide; `fitToHeight: 0` lets the rows run over as many pages as needed. */
    fitToWidth: 1;
    fitToHeight: 0;
    /** Rows printed at the top of every page. */
    repeatRows: RowSpan;
    /** Page footer in Excel's header/footer codes (`&P` page, `&N` pages). */
    footer: { center: string };
  };
}

/** Column types whose cells are kept as text (`@`): an 18-digit code typed as a number loses digits. */
const TEXT_TYPES: ReadonlySet<ColumnDef["type"]> = new Set([
  "text",
  "code",
  "contact",
  "pages",
  "dateRange",
  "enum",
]);

/** Points per line of 11-point text in a wrapped header cell, and padding. */
const LINE_HEIGHT = 15;
const PADDING = 6;

/** Lines a text needs in a column of `width` character units (a CJK character takes about 2 units). */
function linesNeeded(text: string, width: number): number {
  let units = 0;
  for (const ch of text) units += ch.charCodeAt(0) < 0x100 ? 1.1 : 2;
  return Math.max(1, Math.ceil(units / Math.max(1, width - 1)));
}

/**
 * The 合计 formula of column `c` over the data rows. Excel and LibreOffice grow a range when rows are
 * inserted strictly inside it, but not at the row next to the 合计 row, nor above its first row; the
 * formula therefore reaches the 合计 row's neighbour through `INDEX(…, ROW()±1)` and, below the data,
 * starts at the header row (text, ignored by SUM), so every row inserted between the header and the
 * 合计 row — or between the 合计 row and the last data row — is summed. Above the data it runs to the sheet's
 * last row, so rows typed below the 20 prepared ones are summed too.
 * T1 column D: `SUM(INDEX(D:D,ROW()+1):D1048576)`; T4 column J: `SUM(J4:INDEX(J:J,ROW()-1))`.
 */
function sumFormula(
  c: number,
  placement: "above" | "below",
  headerLast: number,
): string {
  const L = columnLetters(c);
  return placement === "above"
    ? `SUM(INDEX(${L}:${L},ROW()+1):${L}${LAST_SHEET_ROW})`
    : `SUM(${L}${headerLast + 1}:INDEX(${L}:${L},ROW()-1))`;
}

/**
 * The template of `table`.
 * @param options.year for T4/T5 (`yearInTitle`): the year put into the title blank and the sheet name;
 *   without it the title keeps `____`.
 * @param options.dataRows number of data rows (default {@link DATA_ROW_COUNT}; the merged 申报汇总表 has one per
 *   merged row). @throws RangeError when it is not an integer ≥ 1.
 * @returns the layout; rows: title (0), one row per line, the header (2 rows when a column has a
 *   `group`), then 合计 + 20 data rows (total "above"), 20 data rows + 合计 ("below"), or 20 rows ("none").
 */
export function layoutTemplate(
  table: TableDef,
  options: { year?: number; dataRows?: number } = {},
): TemplateLayout {
  const count = options.dataRows ?? DATA_ROW_COUNT;
  if (!Number.isInteger(count) || count < 1)
    throw new RangeError(`数据行数须为正整数：${count}`);
  const cols = table.columns;
  const n = cols.length;
  const last = n - 1;
  const grouped = cols.some((c) => c.group !== undefined);
  const lineRows = table.lines.map((_, i) => 1 + i);
  const headerRows: RowSpan = {
    first: 1 + table.lines.length,
    last: table.lines.length + (grouped ? 2 : 1),
  };
  let next = headerRows.last + 1;
  let totalRow: number | undefined;
  if (table.total === "above") totalRow = next++;
  const dataRows: RowSpan = { first: next, last: next + count - 1 };
  next = dataRows.last + 1;
  if (table.total === "below") totalRow = next++;
  const lastRow = next - 1;

  const grid: LayoutCell[][] = [];
  const put = (r: number, style: TemplateStyle) => {
    grid[r] = Array.from({ length: n }, (_, c) => ({ r, c, style }));
  };
  const merges: CellRange[] = [];
  const mergeRow = (r: number) =>
    merges.push({ s: { r, c: 0 }, e: { r, c: last } });

  const title = titleFor(table, options.year);
  put(0, "title");
  grid[0]![0]!.value = title;
  mergeRow(0);
  table.lines.forEach((text, i) => {
    const r = lineRows[i]!;
    put(r, text.startsWith("单位") ? "lineRight" : "line");
    grid[r]![0]!.value = text;
    mergeRow(r);
  });

  for (let r = headerRows.first; r <= headerRows.last; r++) put(r, "header");
  const top = headerRows.first;
  if (!grouped) {
    cols.forEach((col, c) => (grid[top]![c]!.value = col.header));
  } else {
    // Two rows (附件4): a group's text merged over its sub-columns, the other headers over both rows.
    for (let c = 0; c < n; c++) {
      const col = cols[c]!;
      if (col.group === undefined) {
        grid[top]![c]!.value = col.header;
        merges.push({ s: { r: top, c }, e: { r: top + 1, c } });
        continue;
      }
      let end = c;
      while (end + 1 < n && cols[end + 1]!.group === col.group) end++;
      grid[top]![c]!.value = col.group;
      merges.push({ s: { r: top, c }, e: { r: top, c: end } });
      for (let k = c; k <= end; k++) grid[top + 1]![k]!.value = cols[k]!.header;
      c = end;
    }
  }

  if (totalRow !== undefined) {
    put(totalRow, "total");
    const row = grid[totalRow]!;
    row[0]!.value = table.totalLabel;
    cols.forEach((col, c) => {
      if (col.sum)
        row[c]!.formula = sumFormula(
          c,
          table.total as "above" | "below",
          headerRows.last,
        );
      if (table.totalDash?.key === col.key)
        row[c]!.value = table.totalDash.text;
    });
  }
  for (let r = dataRows.first; r <= dataRows.last; r++) put(r, "data");

  const columnFormats = cols.flatMap((col, c) => {
    const numFmt = col.numFmt ?? (TEXT_TYPES.has(col.type) ? "@" : undefined);
    return numFmt ? [{ c, numFmt }] : [];
  });
  const preparedRows: RowSpan =
    table.total === "below" || options.dataRows !== undefined
      ? dataRows
      : {
          first: dataRows.first,
          last: dataRows.first + Math.max(count, PREPARED_ROW_COUNT) - 1,
        };
  const borderWhenFilled =
    preparedRows.last > dataRows.last
      ? {
          range: {
            s: { r: dataRows.last + 1, c: 0 },
            e: { r: preparedRows.last, c: last },
          },
          formula: `COUNTA($A${dataRows.last + 2}:$${columnLetters(last)}${dataRows.last + 2})>0`,
        }
      : undefined;
  const validations = cols.flatMap(
    (_, c) =>
      columnValidation(table, c, preparedRows.first, preparedRows.last) ?? [],
  );

  return {
    tableId: table.id,
    sheetName: sheetNameFor(table, options.year),
    ...(options.year !== undefined ? { year: options.year } : {}),
    title,
    markName: markName(table.id, CATALOG_VERSION),
    columnCount: n,
    columnWidths: cols.map((c) => c.width),
    rowHeights: [
      { r: 0, height: 30 },
      ...headerHeights(table, headerRows, grouped),
    ],
    cells: grid.flat(),
    merges,
    titleRow: 0,
    lineRows,
    headerRows,
    ...(totalRow !== undefined ? { totalRow } : {}),
    dataRows,
    preparedRows,
    ...(borderWhenFilled ? { borderWhenFilled } : {}),
    lastRow,
    columnFormats,
    validations,
    freeze: {
      rows: (table.total === "above" ? totalRow! : headerRows.last) + 1,
      cols: 0,
    },
    print: {
      orientation: "landscape",
      paper: "A4",
      fitToWidth: 1,
      fitToHeight: 0,
      repeatRows: headerRows,
      footer: { center: "第 &P 页，共 &N 页" },
    },
  };
}

/** Header row heights (points) that show every wrapped header text in full. */
function headerHeights(
  table: TableDef,
  rows: RowSpan,
  grouped: boolean,
): { r: number; height: number }[] {
  const cols = table.columns;
  const need = (lines: number) => lines * LINE_HEIGHT + PADDING;
  if (!grouped) {
    const lines = Math.max(...cols.map((c) => linesNeeded(c.header, c.width)));
    return [{ r: rows.first, height: need(lines) }];
  }
  // Group row: the group text over the sum of its widths; sub row: the sub headers;
  // a header merged over both rows needs both heights together.
  const groupWidth = new Map<string, number>();
  for (const c of cols)
    if (c.group)
      groupWidth.set(c.group, (groupWidth.get(c.group) ?? 0) + c.width);
  let top = need(1);
  for (const [g, w] of groupWidth) top = Math.max(top, need(linesNeeded(g, w)));
  let bottom = need(1);
  for (const c of cols)
    if (c.group)
      bottom = Math.max(bottom, need(linesNeeded(c.header, c.width)));
  for (const c of cols) {
    if (c.group) continue;
    const missing = need(linesNeeded(c.header, c.width)) - (top + bottom);
    if (missing > 0) {
      top += Math.ceil(missing / 2);
      bottom += Math.ceil(missing / 2);
    }
  }
  return [
    { r: rows.first, height: top },
    { r: rows.last, height: bottom },
  ];
}
