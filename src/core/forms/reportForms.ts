/**
 * The notice's forms of the 申请报告 as layouts, filled from the 情况表 row by formulas (info.ts): 封面 (附件2 一),
 * 承诺书 (附件2 二(二)) with the 方向-specific promise (附件2 三(二)3), 现场核查表 (附件2 二(三)) and the
 * 省级专项转移支付项目绩效目标表 (附件2 四(三)). Texts come from catalog/forms.ts; all print on one A4 page wide,
 * portrait.
 */
import {
  COVER,
  DIRECTION_PROMISES,
  PERFORMANCE,
  PLEDGE,
  SITE_CHECK,
  directionPromise,
} from "../catalog/forms";
import {
  BOX,
  linesFor,
  linesHeight,
  type FormCell,
  type FormLayout,
} from "./layout";
import {
  cellRef,
  linkContact,
  linkSupport,
  linkText,
  type InfoKey,
  type InfoRowRef,
  type Linked,
} from "./info";

const PORTRAIT = {
  orientation: "portrait",
  paper: "A4",
  fitToWidth: 1,
  fitToHeight: 1,
} as const;

/** A cell holding a linked value. */
function linked(
  r: number,
  c: number,
  l: Linked,
  more: Partial<FormCell> = {},
): FormCell {
  return {
    r,
    c,
    style: "value",
    ...(l.formula !== undefined
      ? { formula: l.formula, result: l.result }
      : { value: l.result }),
    ...more,
  };
}

/** Builds rows top-down, keeping row heights. */
class Rows {
  cells: FormCell[] = [];
  heights: { r: number; height: number }[] = [];
  r = 0;
  add(height: number, ...cells: Omit<FormCell, "r">[]): number {
    const r = this.r++;
    this.heights.push({ r, height });
    for (const c of cells) this.cells.push({ ...c, r });
    return r;
  }
}

/**
 * 封面: title, then one line per field with the value underlined, the 申报日期 line at the bottom.
 * @param date the 申报日期 as printed (`二〇二六年二月`); the notice's blank `二〇XX年X月` when absent
 */
export function coverLayout(ref: InfoRowRef, date?: string): FormLayout {
  const rows = new Rows();
  const widths = [6, 18, 48, 14, 4];
  rows.add(60);
  rows.add(36, { c: 0, cols: 5, style: "title", value: COVER.title[0] });
  rows.add(48, { c: 0, cols: 5, style: "title", value: COVER.title[1] });
  rows.add(80);
  const { person, mobile } = linkContact(ref);
  const lines: [string, Linked][] = [
    [COVER.labels.enterprise, linkText(ref, "enterpriseName")],
    [COVER.labels.special, linkText(ref, "special")],
    [COVER.labels.direction, linkText(ref, "direction")],
    [COVER.labels.project, linkText(ref, "projectName")],
    [COVER.labels.industry, linkText(ref, "industry")],
    [COVER.labels.support, linkSupport(ref)],
    [COVER.labels.person, person],
    [COVER.labels.mobile, mobile],
  ];
  lines.forEach(([label, value], i) => {
    const r = rows.r;
    const line = { style: "value" as const, borders: { bottom: true } };
    rows.add(
      40,
      { c: 1, style: "label", value: label, horizontalAlign: "right" },
      { ...linked(r, 2, value, line), c: 2, ...(i === 0 ? {} : { cols: 2 }) },
      ...(i === 0
        ? [
            {
              c: 3,
              style: "value" as const,
              value: COVER.seal,
              borders: { bottom: true },
            },
          ]
        : []),
    );
  });
  rows.add(160);
  rows.add(36, {
    c: 0,
    cols: 5,
    style: "heading",
    value: date ?? COVER.dateBlank,
    horizontalAlign: "center",
  });
  return {
    formId: "cover",
    sheetName: "封面",
    title: COVER.title.join(""),
    columnWidths: widths,
    rowHeights: rows.heights,
    cells: rows.cells,
    validations: [],
    print: PORTRAIT,
  };
}

/** The 承诺书's item-4 promise of the row's direction, as a formula built from DIRECTION_PROMISES. */
function linkPromise(ref: InfoRowRef): Linked {
  const result = directionPromise(ref.values.direction ?? "")?.text ?? "";
  const r = cellRef(ref, "direction");
  if (!r) return { result };
  const d = `TRIM(${r})`;
  const formula = DIRECTION_PROMISES.reduceRight<string>(
    (rest, p) =>
      `IF(OR(${p.directions.map((x) => `${d}="${x}"`).join(",")}),"${p.text}",${rest})`,
    '""',
  );
  return { formula, result };
}

/** Width (character units) of the 承诺书 and 现场核查表: label column and value column. */
const LABEL_WIDTH = 26;
const VALUE_WIDTH = 60;

/** Label/value rows of the 情况表 fields, boxed (承诺书, 现场核查表). */
function fieldRows(
  rows: Rows,
  labels: readonly string[],
  ref: InfoRowRef,
): void {
  const keys: InfoKey[] = [
    "enterpriseName",
    "special",
    "direction",
    "projectName",
  ];
  labels.forEach((label, i) => {
    const key = keys[i];
    const value = key ? linkText(ref, key) : { result: "" };
    const height = key
      ? linesHeight(Math.max(1, linesFor(value.result, VALUE_WIDTH)))
      : linesHeight(4);
    const r = rows.r;
    rows.add(
      height,
      { c: 0, style: "label", value: label, borders: BOX },
      { ...linked(r, 1, value), c: 1, borders: BOX },
    );
  });
}

/** One line of a boxed block spanning both columns: left and right sides, top on the first, bottom on the last. */
function blockLine(
  rows: Rows,
  text: string | Linked,
  first: boolean,
  last: boolean,
  align: "left" | "right" = "left",
) {
  const borders = {
    left: true,
    right: true,
    ...(first ? { top: true } : {}),
    ...(last ? { bottom: true } : {}),
  };
  const content =
    typeof text === "string"
      ? { value: text }
      : text.formula
        ? { formula: text.formula, result: text.result }
        : { value: text.result };
  const shown = typeof text === "string" ? text : text.result;
  rows.add(linesHeight(linesFor(shown, LABEL_WIDTH + VALUE_WIDTH)), {
    c: 0,
    cols: 2,
    style: "text",
    horizontalAlign: align,
    borders,
    ...content,
  });
}

/** 承诺书 (附件2 二(二)), item 4 carrying the direction's promise (附件2 三(二)3). */
export function pledgeLayout(ref: InfoRowRef): FormLayout {
  const rows = new Rows();
  rows.add(44, { c: 0, cols: 2, style: "title", value: PLEDGE.title });
  fieldRows(rows, PLEDGE.labels, ref);
  const block: (string | Linked)[] = [
    PLEDGE.promiseIntro,
    ...PLEDGE.promises,
    linkPromise(ref),
  ];
  block.forEach((t, i) => blockLine(rows, t, i === 0, false));
  blockLine(rows, "", false, false);
  blockLine(rows, PLEDGE.signatures[0], false, false);
  blockLine(rows, PLEDGE.signatures[1], false, false);
  blockLine(rows, PLEDGE.date, false, true, "right");
  blockLine(rows, PLEDGE.reviewHeading, true, false);
  blockLine(rows, PLEDGE.reviewText, false, false);
  blockLine(rows, "", false, false);
  blockLine(rows, PLEDGE.reviewSeal, false, false, "right");
  blockLine(rows, PLEDGE.date, false, true, "right");
  return {
    formId: "pledge",
    sheetName: "承诺书",
    title: PLEDGE.title.replace(/ /g, ""),
    columnWidths: [LABEL_WIDTH, VALUE_WIDTH],
    rowHeights: rows.heights,
    cells: rows.cells,
    validations: [],
    print: PORTRAIT,
  };
}

/** 现场核查表 (附件2 二(三)), for the city; the 情况表 fields filled. */
export function siteCheckLayout(ref: InfoRowRef): FormLayout {
  const rows = new Rows();
  rows.add(44, { c: 0, cols: 2, style: "title", value: SITE_CHECK.title });
  fieldRows(rows, SITE_CHECK.labels, ref);
  const pair = (
    label: string,
    value: string,
    lines: number,
    style: "value" | "text" = "value",
  ) => {
    rows.add(
      linesHeight(
        Math.max(
          lines,
          linesFor(label, LABEL_WIDTH),
          linesFor(value, VALUE_WIDTH),
        ),
      ),
      { c: 0, style: "label", value: label, borders: BOX },
      { c: 1, style, value, borders: BOX },
    );
  };
  pair(SITE_CHECK.compliance, SITE_CHECK.yesNo, 1);
  pair(SITE_CHECK.description, "", 8, "text");
  pair(SITE_CHECK.accident, SITE_CHECK.yesNo, 1);
  pair(SITE_CHECK.inspectors, SITE_CHECK.inspectorsText, 3, "text");
  pair(SITE_CHECK.unit, SITE_CHECK.unitText, 4, "text");
  rows.add(24, { c: 0, cols: 2, style: "note", value: SITE_CHECK.note });
  return {
    formId: "site-check",
    sheetName: "现场核查表",
    title: SITE_CHECK.title,
    columnWidths: [LABEL_WIDTH, VALUE_WIDTH],
    rowHeights: rows.heights,
    cells: rows.cells,
    validations: [],
    print: PORTRAIT,
  };
}

/** 省级专项转移支付项目绩效目标表 (附件2 四(三)): 专项名称 and 省级主管部门 filled, as the notice prints them. */
export function performanceLayout(): FormLayout {
  const rows = new Rows();
  const P = PERFORMANCE;
  const box = { borders: BOX };
  rows.add(40, { c: 0, cols: 5, style: "title", value: P.title });
  rows.add(
    28,
    { c: 0, style: "label", value: P.specialLabel, ...box },
    { c: 1, cols: 4, style: "value", value: P.special, ...box },
  );
  rows.add(
    28,
    { c: 0, style: "label", value: P.authorityLabel, ...box },
    { c: 1, cols: 4, style: "value", value: P.authority, ...box },
  );
  P.funds.forEach((label, i) =>
    rows.add(
      24,
      ...(i === 0
        ? [
            {
              c: 0,
              rows: P.funds.length,
              style: "label" as const,
              value: P.fundsLabel,
              ...box,
            },
          ]
        : []),
      { c: 1, style: "value", value: label, ...box },
      { c: 2, cols: 3, style: "value", value: "", ...box },
    ),
  );
  rows.add(
    56,
    { c: 0, style: "label", value: P.goalsLabel, ...box },
    { c: 1, cols: 4, style: "text", value: P.goals, ...box },
  );
  const lineCount = P.indicators.reduce(
    (n, g) => n + g.level2.reduce((m, [, k]) => m + k, 0),
    0,
  );
  rows.add(
    24,
    {
      c: 0,
      rows: lineCount + 1,
      style: "label",
      value: P.indicatorsLabel,
      ...box,
    },
    ...P.header.map((h, i) => ({
      c: i + 1,
      style: "label" as const,
      value: h,
      ...box,
    })),
  );
  for (const g of P.indicators) {
    const span = g.level2.reduce((m, [, k]) => m + k, 0);
    let firstOfGroup = true;
    for (const [level2, k] of g.level2) {
      for (let i = 0; i < k; i++) {
        rows.add(
          22,
          ...(firstOfGroup
            ? [
                {
                  c: 1,
                  rows: span,
                  style: "label" as const,
                  value: g.level1,
                  ...box,
                },
              ]
            : []),
          ...(i === 0
            ? [
                {
                  c: 2,
                  rows: k,
                  style: "label" as const,
                  value: level2,
                  ...box,
                },
              ]
            : []),
          { c: 3, style: "value", value: i === 0 ? P.firstLine : "", ...box },
          { c: 4, style: "value", value: "", ...box },
        );
        firstOfGroup = false;
      }
    }
  }
  rows.add(linesHeight(3), { c: 0, cols: 5, style: "note", value: P.note });
  return {
    formId: "performance",
    sheetName: "绩效目标表",
    title: P.title,
    columnWidths: [12, 14, 20, 28, 16],
    rowHeights: rows.heights,
    cells: rows.cells,
    validations: [],
    print: PORTRAIT,
  };
}
