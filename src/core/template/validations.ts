/**
 * Native data validation of a template's data rows, one rule per column, derived from the catalog.
 * Every alert is a warning (Excel asks "continue?") or an input message: the notice's rules are
 * checked by the review, the template only guides entry — it never blocks what the user types.
 */
import type { ColumnDef, TableDef } from "../catalog/types";
import { type CellRange, columnLetters } from "../model/grid";
import { dependentListPrefix, listName } from "./lists";

/** Text of an input message or an error alert (Excel: title ≤ 32 characters, message ≤ 255). */
export interface ValidationText {
  title: string;
  message: string;
}

/**
 * The rule of a validation.
 * - `list`: `formula` without `=`: a defined name (`TFLIST_chain`) or
 *   `INDIRECT("TFLIST_county_"&INDEX($B:$B,ROW()))` (the parent cell of the validated cell's own row);
 * - `date`: ISO dates `YYYY-MM-DD`, between `min` and `max`, or ≥ `min` when `max` is absent;
 * - `decimal` / `whole`: between `min` and `max`, or ≥ `min`;
 * - `any`: no check, only the input message.
 */
export type ValidationRule =
  | { kind: "list"; formula: string }
  | { kind: "date"; min: string; max?: string }
  | { kind: "decimal"; min: number; max?: number }
  | { kind: "whole"; min: number; max?: number }
  | { kind: "any" };

/** One data validation over a column's data rows. */
export interface Validation {
  range: CellRange;
  rule: ValidationRule;
  /** Input message shown when a cell is selected. */
  prompt?: ValidationText;
  /** Alert when the value breaks the rule; always `warning` (the user may keep the value). */
  error?: ValidationText & { style: "warning" };
}

/** Earliest date accepted without a warning where the notice sets no year (a typo guard only). */
const EARLIEST_DATE = "1990-01-01";

/**
 * The notice's sentence behind each column that must be a date of its `year`, keyed
 * `<table id>.<column key>`; quoted in the alert.
 */
const YEAR_RULES: Readonly<Record<string, { quote: string; source: string }>> =
  {
    "loan-interest.drawdownDate": {
      quote: "新增贷款须于2024年当年提款并付息",
      source: "附件1 六(一)",
    },
    "loan-interest.accrualStart": {
      quote: "新增贷款须于2024年当年提款并付息",
      source: "附件1 六(一)",
    },
    "loan-interest.accrualEnd": {
      quote: "新增贷款须于2024年当年提款并付息",
      source: "附件1 六(一)",
    },
    "insurance-credit.drawdownDate": {
      quote: "固定资产贷款须于2024年当年提款并付息",
      source: "附件1 六(二)",
    },
    "insurance-credit.signDate": {
      quote: "保险合同签订时间须为2024年度",
      source: "附件2 三(二)5(2)",
    },
    "finance-lease.signDate": {
      quote: "融资租赁合同签订时间须为2024年度",
      source: "附件2 三(二)5(3)",
    },
  };

/** The notice's sentence for a year-bound date column, or undefined when the catalog has none. */
export function yearRuleOf(
  tableId: string,
  key: string,
): { quote: string; source: string } | undefined {
  return YEAR_RULES[`${tableId}.${key}`];
}

/** Excel's limit on a validation title. */
function title(text: string): string {
  return text.length <= 32 ? text : `${text.slice(0, 31)}…`;
}

function warning(titleText: string, message: string): Validation["error"] {
  return { style: "warning", title: title(titleText), message };
}

function prompt(header: string, message: string): ValidationText {
  return { title: title(header), message };
}

/** The prompt line of a column's catalog hint (`填写单笔放款本金金额`), or ''. */
function hintOf(col: ColumnDef): string {
  return col.hint ? `${col.hint}。` : "";
}

/**
 * The validation of one column over the data rows `first..last` (0-based), or undefined when the
 * column takes free text with nothing to say.
 * @param table the table (parent columns of dependent lists are looked up in it)
 * @param c 0-based column index of `table.columns[c]`
 * @throws Error when a dependent column's parent is missing from the table (a catalog error)
 */
export function columnValidation(
  table: TableDef,
  c: number,
  first: number,
  last: number,
): Validation | undefined {
  const col = table.columns[c]!;
  const range: CellRange = { s: { r: first, c }, e: { r: last, c } };
  const h = col.header;
  switch (col.type) {
    case "seq":
      return {
        range,
        rule: { kind: "whole", min: 1 },
        error: warning("序号应为正整数", "序号按 1、2、3… 顺序填写。"),
      };
    case "amount":
      return {
        range,
        rule: { kind: "decimal", min: 0 },
        prompt: prompt(
          h,
          `${hintOf(col)}单位：万元（1万元 = 10000元），填写数字，小数位数不限。`,
        ),
        error: warning(
          "金额应为不小于0的数字",
          `“${h}”单位为万元，请填写不小于0的数字，如 123.45。`,
        ),
      };
    case "percent":
      return {
        range,
        rule: { kind: "decimal", min: 0, max: 100 },
        prompt: prompt(h, "填写百分数的数值：3.45 表示 3.45%。"),
        error: warning(
          "百分数应在0～100之间",
          `“${h}”填写百分数的数值，3.45 表示 3.45%，应在 0～100 之间。`,
        ),
      };
    case "integer":
      return {
        range,
        rule: { kind: "whole", min: 0 },
        error: warning("应为整数", `“${h}”应为不小于0的整数。`),
      };
    case "number":
      return {
        range,
        rule: { kind: "decimal", min: 0 },
        error: warning("应为数字", `“${h}”应为不小于0的数字。`),
      };
    case "date":
      return dateValidation(table, col, range);
    case "enum":
      return listValidation(table, col, range);
    case "code":
      return {
        range,
        rule: { kind: "any" },
        prompt: prompt(
          h,
          "18位统一社会信用代码或9位组织机构代码，按文本保存，不会丢失位数。",
        ),
      };
    case "contact":
      return {
        range,
        rule: { kind: "any" },
        prompt: prompt(h, "联系人姓名及11位手机号，如：张三 13912345678。"),
      };
    case "pages":
      return {
        range,
        rule: { kind: "any" },
        prompt: prompt(h, "所在页码，如 12 或 12-15。"),
      };
    case "text":
    case "dateRange":
      return col.hint
        ? {
            range,
            rule: { kind: "any" },
            prompt: prompt(h, `按此格式填写：${col.hint}。`),
          }
        : undefined;
  }
}

function dateValidation(
  table: TableDef,
  col: ColumnDef,
  range: CellRange,
): Validation {
  const example = "填写日期，如 2024-3-5，显示为“2024年3月5日”。";
  if (col.year === undefined) {
    return {
      range,
      rule: { kind: "date", min: EARLIEST_DATE },
      prompt: prompt(col.header, example),
      error: warning("不是日期", `“${col.header}”请按日期填写，如 2024-3-5。`),
    };
  }
  const y = col.year;
  const why = yearRuleOf(table.id, col.key);
  const quote = why ? `通知：“${why.quote}”（${why.source}）。` : "";
  return {
    range,
    rule: { kind: "date", min: `${y}-01-01`, max: `${y}-12-31` },
    prompt: prompt(col.header, `${example}应为${y}年内的日期。`),
    error: warning(
      `日期不在${y}年内`,
      `“${col.header}”应在${y}年1月1日至${y}年12月31日之间。${quote}`,
    ),
  };
}

function listValidation(
  table: TableDef,
  col: ColumnDef,
  range: CellRange,
): Validation {
  const h = col.header;
  if (!col.dependsOn) {
    return {
      range,
      rule: { kind: "list", formula: listName(col.enum!) },
      prompt: prompt(h, "请从下拉列表中选择。"),
      error: warning(
        "不在下拉列表中",
        `“${h}”应为通知列出的值之一，请从下拉列表中选择。`,
      ),
    };
  }
  const p = table.columns.findIndex((x) => x.key === col.dependsOn);
  if (p < 0)
    throw new Error(
      `表格“${table.title}”缺少“${h}”所依赖的列：${col.dependsOn}`,
    );
  const parent = table.columns[p]!.header;
  // The parent cell of the row being validated, without a relative reference: Office.js does not define the anchor
  // of a relative reference in a validation formula, and a rule over rows inserted later keeps its meaning too.
  const L = columnLetters(p);
  const parentCell = `INDEX($${L}:$${L},ROW())`;
  return {
    range,
    rule: {
      kind: "list",
      formula: `INDIRECT("${dependentListPrefix(col.enum!)}"&${parentCell})`,
    },
    prompt: prompt(h, `请先填写“${parent}”，再从下拉列表中选择。`),
    error: warning(
      "不在下拉列表中",
      `“${h}”应为所填“${parent}”下列出的值之一，请从下拉列表中选择。`,
    ),
  };
}
