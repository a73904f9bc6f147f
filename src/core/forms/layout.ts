/**
 * A form sheet as data (表样): the notice's free-layout forms (封面, 承诺书, 现场核查表, 绩效目标表) and the
 * 资格自检 sheet. Unlike a table's {@link TemplateLayout} they have no data rows: each cell is placed where the
 * notice prints it, with its own borders. Pure: the ExcelJS exporter (src/xlsx/forms.ts) and the Office.js inserter
 * (src/excel/insertForms.ts) both draw exactly this. Rows and columns are 0-based.
 */
import type { CellRange } from "../model/grid";

/** The forms this product draws besides the tables of the catalog. */
export type FormId =
  "cover" | "pledge" | "site-check" | "performance" | "eligibility";

/** Looks of a form cell; {@link FORM_STYLES} says what each is. */
export type FormStyleName =
  "title" | "heading" | "label" | "value" | "text" | "input" | "note";

/** What a style looks like. Sizes in points; `fill` `#RRGGBB`. */
export interface FormStyle {
  bold: boolean;
  size: number;
  hAlign: "left" | "center" | "right";
  vAlign: "top" | "center";
  wrap: boolean;
  fill?: string;
}

export const FORM_STYLES: Readonly<Record<FormStyleName, FormStyle>> = {
  title: {
    bold: true,
    size: 20,
    hAlign: "center",
    vAlign: "center",
    wrap: true,
  },
  heading: {
    bold: true,
    size: 12,
    hAlign: "left",
    vAlign: "center",
    wrap: true,
  },
  label: {
    bold: false,
    size: 12,
    hAlign: "center",
    vAlign: "center",
    wrap: true,
  },
  value: {
    bold: false,
    size: 12,
    hAlign: "left",
    vAlign: "center",
    wrap: true,
  },
  text: { bold: false, size: 12, hAlign: "left", vAlign: "top", wrap: true },
  input: {
    bold: false,
    size: 12,
    hAlign: "left",
    vAlign: "center",
    wrap: true,
    fill: "#FFF2CC",
  },
  note: { bold: false, size: 10, hAlign: "left", vAlign: "center", wrap: true },
};

/** Thin border sides of a cell (of a merged area: its outer sides). */
export interface Borders {
  top?: boolean;
  bottom?: boolean;
  left?: boolean;
  right?: boolean;
}

/** One placed cell: the top-left cell of its merge when it has one. */
export interface FormCell {
  r: number;
  c: number;
  value?: string | number;
  /** Formula without `=`; `result` is the value it gives for the data known when the sheet was made. */
  formula?: string;
  result?: string | number;
  style: FormStyleName;
  /** Merged over this many rows/columns (default 1). */
  rows?: number;
  cols?: number;
  borders?: Borders;
  horizontalAlign?: FormStyle["hAlign"];
  numFmt?: string;
}

/** A dropdown on one input cell (warning alert: other values can still be typed). */
export interface FormValidation {
  r: number;
  c: number;
  /** A list formula without `=` (a defined name or `"是,否"`-style literal). */
  list: string;
}

/** The whole sheet of a form. */
export interface FormLayout {
  formId: FormId;
  /** Sheet name before any suffix for a taken name. */
  sheetName: string;
  title: string;
  /** Excel character units, one per column. */
  columnWidths: number[];
  /** Heights in points of the rows that need one. */
  rowHeights: { r: number; height: number }[];
  cells: FormCell[];
  validations: FormValidation[];
  print: {
    orientation: "portrait" | "landscape";
    paper: "A4";
    fitToWidth: 1;
    fitToHeight: 0 | 1;
  };
}

/** The merged areas of a layout's cells. */
export function formMerges(layout: FormLayout): CellRange[] {
  return layout.cells
    .filter((c) => (c.rows ?? 1) > 1 || (c.cols ?? 1) > 1)
    .map((c) => ({
      s: { r: c.r, c: c.c },
      e: { r: c.r + (c.rows ?? 1) - 1, c: c.c + (c.cols ?? 1) - 1 },
    }));
}

/** All four sides. */
export const BOX: Borders = {
  top: true,
  bottom: true,
  left: true,
  right: true,
};

/** Points for `lines` lines of 12-point text plus padding. */
export function linesHeight(lines: number): number {
  return Math.max(1, lines) * 16 + 8;
}

/** Lines a text needs in a width of `units` character units (a CJK character takes about 2 units). */
export function linesFor(text: string, units: number): number {
  return text.split("\n").reduce((n, part) => {
    let w = 0;
    for (const ch of part) w += ch.charCodeAt(0) < 0x100 ? 1.1 : 2.1;
    return n + Math.max(1, Math.ceil(w / Math.max(1, units - 2)));
  }, 0);
}
