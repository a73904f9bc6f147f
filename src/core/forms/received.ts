/**
 * Filling the forms from a received workbook: the first data row of the first 项目情况表 (附件2 二(一)) recognised in
 * it, and for each form the fields that row cannot fill — the 情况表 has no such column (申报日期, 项目实施目标, the
 * 试点示范 of the “免申即享”申报表…) or the enterprise left the cell empty. The 资格自检 sheet also takes the
 * 2024 interest from a 新增贷款明细表 in the same workbook (附件1 六(一)). Pure: the CLI (`techfund template … --from`)
 * reads the file and words the result.
 */
import { COVER, PERFORMANCE, PLEDGE, SITE_CHECK } from "../catalog/forms";
import { eligibilityFor, inputsFor } from "../catalog/eligibility";
import { CHAINS } from "../catalog/enums";
import { getTable } from "../catalog/tables";
import type { TableDef } from "../catalog/types";
import { a1, cellText, type Cell, type Workbook } from "../model/grid";
import type { Answers } from "../eligibility/evaluate";
import { checkWorkbook, recognizeWorkbook } from "../check/engine";
import { interestAgainstMinimum } from "../totals/interestMinimum";
import { exemptApplicationTable } from "./exemptApplication";
import { splitContact } from "./info";

/** The 情况表 row the forms are filled from. */
export interface ReceivedInfo {
  /** Sheet of the 情况表. */
  sheet: string;
  /** 0-based grid row of its first data row. */
  row: number;
  /** The row's texts by 情况表 column key (`enterpriseName`, `direction`…), trimmed; empty cells left out. */
  values: Record<string, string>;
  /** A1 address of the row's cell of each column found, by key. */
  cells: Record<string, string>;
  /** Data rows of the 情况表 after the first (the forms take the first). */
  moreRows: number;
}

/** What a received workbook gives, or why it gives nothing. */
export type Received =
  | { ok: true; info: ReceivedInfo }
  /** No sheet is recognised as a 项目情况表. */
  | { ok: false; reason: "noTable" }
  /** The 情况表 has a header but no filled row; `row` is the 1-based row under its header. */
  | { ok: false; reason: "noRow"; sheet: string; row: number };

/**
 * The 情况表 row of a workbook.
 * @param workbook as read (xlsx/read.ts) or from Excel
 */
export function receivedInfo(workbook: Workbook): Received {
  const info = recognizeWorkbook(workbook).tables.find(
    (t) => t.table.id === "project-info",
  );
  if (!info) return { ok: false, reason: "noTable" };
  const first = info.rows[0];
  if (!first)
    return {
      ok: false,
      reason: "noRow",
      sheet: info.sheet.name,
      row: info.headerRows[info.headerRows.length - 1]! + 2,
    };
  const values: Record<string, string> = {};
  const cells: Record<string, string> = {};
  for (const [key, c] of Object.entries(info.columns)) {
    if (c === undefined) continue;
    cells[key] = a1(first.row, c);
    const text = cellText(info.sheet.rows[first.row]?.[c]).trim();
    if (text) values[key] = text;
  }
  return {
    ok: true,
    info: {
      sheet: info.sheet.name,
      row: first.row,
      values,
      cells,
      moreRows: new Set(info.rows.map((r) => r.record)).size - 1,
    },
  };
}

/** Why a field of a form is left blank. */
export type GapReason =
  /** The 情况表 has no such column: the enterprise fills it on the form. */
  | { kind: "notInInfo" }
  /** The 情况表's cell (`cell`, under `header`) is empty. */
  | { kind: "empty"; header: string; cell?: string }
  /** 项目联系人及手机 holds no 11-digit mobile after the name. */
  | { kind: "noMobile"; header: string; cell?: string };

/** A field of a form the 情况表 row did not fill. */
export interface FormGap {
  /** The form (sheet name: 封面, 承诺书…). */
  form: string;
  /** The field as the form labels it. */
  field: string;
  reason: GapReason;
}

/** A form field and the 情况表 column it comes from (undefined: not in the 情况表). */
type FieldSource = [field: string, key: string | undefined];

/** `项 目 名 称：` → `项目名称`. */
const fieldName = (label: string) => label.replace(/[ ：:]/g, "");

const INFO_FIELDS = (labels: readonly string[]): FieldSource[] => [
  [labels[0]!, "enterpriseName"],
  [labels[1]!, "special"],
  [labels[2]!, "direction"],
  [labels[3]!, "projectName"],
];

/** The fields of the 申请报告 forms and their 情况表 columns (reportForms.ts draws them from the same columns). */
const REPORT_FORM_FIELDS: readonly [form: string, FieldSource[]][] = [
  [
    "封面",
    [
      [fieldName(COVER.labels.enterprise), "enterpriseName"],
      [fieldName(COVER.labels.special), "special"],
      [fieldName(COVER.labels.direction), "direction"],
      [fieldName(COVER.labels.project), "projectName"],
      [fieldName(COVER.labels.industry), "industry"],
      [fieldName(COVER.labels.support), "direction"],
      [fieldName(COVER.labels.person), "contact"],
      [fieldName(COVER.labels.mobile), "contact"],
      ["申报日期", undefined],
    ],
  ],
  ["承诺书", [...INFO_FIELDS(PLEDGE.labels), [PLEDGE.labels[4], undefined]]],
  // The rest of the 现场核查表 is the city's (核查意见, 核查人员, 盖章): no gap of the enterprise's.
  ["现场核查表", INFO_FIELDS(SITE_CHECK.labels)],
  [
    "绩效目标表",
    [
      [PERFORMANCE.fundsLabel, undefined],
      [PERFORMANCE.goalsLabel, undefined],
      [PERFORMANCE.indicatorsLabel, undefined],
    ],
  ],
];

function headerOf(table: TableDef, key: string): string {
  return table.columns.find((c) => c.key === key)?.header ?? key;
}

/** The gaps of `fields` for the row: columns absent from the 情况表 catalog, empty cells, a contact without mobile. */
function gapsOf(
  form: string,
  fields: readonly FieldSource[],
  info: ReceivedInfo,
): FormGap[] {
  const table = getTable("project-info");
  const gaps: FormGap[] = [];
  for (const [field, key] of fields) {
    if (key === undefined) {
      gaps.push({ form, field, reason: { kind: "notInInfo" } });
      continue;
    }
    const where = {
      header: headerOf(table, key),
      ...(info.cells[key] ? { cell: info.cells[key] } : {}),
    };
    const value = info.values[key];
    if (value === undefined)
      gaps.push({ form, field, reason: { kind: "empty", ...where } });
    else if (
      field === fieldName(COVER.labels.mobile) &&
      splitContact(value).mobile === ""
    )
      gaps.push({ form, field, reason: { kind: "noMobile", ...where } });
  }
  return gaps;
}

/** What the 情况表 row leaves blank on 封面, 承诺书, 现场核查表 and 绩效目标表. */
export function reportFormsGaps(info: ReceivedInfo): FormGap[] {
  return REPORT_FORM_FIELDS.flatMap(([form, fields]) =>
    gapsOf(form, fields, info),
  );
}

/**
 * The “免申即享”申报表's row from the 情况表 (the columns both tables have: 所在市, 所在县, 所在开发区, 企业（单位）名称,
 * 性质, 所属行业, 项目联系人及手机), and the required columns it leaves blank (the 试点示范: the 情况表 has none).
 */
export function exemptApplicationFromInfo(info: ReceivedInfo): {
  values: Record<string, string>;
  gaps: FormGap[];
} {
  const table = exemptApplicationTable();
  const own = new Set(getTable("project-info").columns.map((c) => c.key));
  const values: Record<string, string> = {};
  const fields: FieldSource[] = [];
  for (const col of table.columns) {
    const v = info.values[col.key];
    if (own.has(col.key) && v !== undefined) values[col.key] = v;
    if (col.required !== "notice") continue;
    const field = col.group ? `${col.group}“${col.header}”` : col.header;
    fields.push([field, own.has(col.key) ? col.key : undefined]);
  }
  return { values, gaps: gapsOf("免申即享申报表", fields, info) };
}

/** The 省级重点产业链 named in a 项目名称 such as `产业链贷款贴息（光伏产业链）` (附件2 二(一) 填表说明 3). */
export function chainOfProject(projectName: string): string | undefined {
  const m = /[（(]([^（()）]+)[）)]\s*$/.exec(projectName);
  const name = m?.[1]?.trim();
  return CHAINS.find((c) => c === name || c === `${name}产业链`);
}

/** The 资格自检 sheet's answers a received workbook gives, and the inputs left to the enterprise. */
export interface EligibilityFromInfo {
  /** Answers by input key: 所属行业 from the 情况表, 2024 interest (万元) from a 新增贷款明细表. */
  answers: Answers;
  /** Each answer given, in words: the input's label, the value with its unit, where it came from (`项目情况表 K4`). */
  filled: { label: string; text: string; source: string }[];
  /** The chain named in the 项目名称, for the 专班 contact. */
  chain?: string;
  /** Labels of the direction's inputs still blank (yellow cells). */
  blank: string[];
}

/**
 * The answers of the 资格自检 sheet of `direction` that the workbook holds: 所属行业 (情况表), the 2024 interest of
 * all new loans (附件1 六(一)) as the 2024 interest total of the first 新增贷款明细表 (the loans drawn in 2024, as the
 * check's totals compute it), and the chain of the 项目名称.
 * @param info the 情况表 row, when the workbook has one (without it: the 明细表's interest only)
 * @throws Error for a direction that is not the notice's (callers check it first)
 */
export function eligibilityFromInfo(
  direction: string,
  info: ReceivedInfo | undefined,
  workbook: Workbook,
): EligibilityFromInfo {
  if (!eligibilityFor(direction))
    throw new Error(`未知的申报方向：${direction}`);
  const inputs = inputsFor(direction);
  const answers: Record<string, Cell> = {};
  const filled: EligibilityFromInfo["filled"] = [];
  const give = (key: string, v: string | number, source: string) => {
    const input = inputs.find((i) => i.key === key);
    if (!input) return;
    answers[key] = { v };
    const unit = input.unit ? ` ${input.unit}` : "";
    filled.push({ label: input.label, text: `${v}${unit}`, source });
  };
  const industry = info?.values.industry;
  if (info && industry !== undefined)
    give("industry", industry, `${info.sheet} ${info.cells.industry}`);
  if (inputs.some((i) => i.key === "interest2024")) {
    const loans = checkWorkbook(workbook).tables.find(
      (t) => t.table === "loan-interest",
    );
    const interest = loans && interestAgainstMinimum(loans);
    if (loans && interest) give("interest2024", interest.interest, loans.sheet);
  }
  const chain = chainOfProject(info?.values.projectName ?? "");
  return {
    answers,
    filled,
    ...(chain ? { chain } : {}),
    blank: inputs.filter((i) => !(i.key in answers)).map((i) => i.label),
  };
}

/**
 * The 资格自检 answers of an open workbook (the task pane's “从工作簿填写”): the direction chosen, else its 情况表's;
 * then {@link eligibilityFromInfo}.
 * @returns undefined when there is no direction of the notice to check (none chosen, and no 情况表 naming one)
 */
export function eligibilityFromWorkbook(
  workbook: Workbook,
  chosen?: string,
): { direction: string; from: EligibilityFromInfo } | undefined {
  const received = receivedInfo(workbook);
  const info = received.ok ? received.info : undefined;
  const direction = chosen || info?.values.direction;
  if (!direction || !eligibilityFor(direction)) return undefined;
  return { direction, from: eligibilityFromInfo(direction, info, workbook) };
}

/** A gap in words: `联系手机（情况表 L4“项目联系人及手机”中没有11位手机号）`. */
function gapText(gap: FormGap): string {
  const r = gap.reason;
  const where = (cell?: string) => (cell ? ` ${cell}` : "");
  switch (r.kind) {
    case "notInInfo":
      return `${gap.field}（情况表中没有此项）`;
    case "empty":
      return `${gap.field}（情况表${where(r.cell)}“${r.header}”为空）`;
    case "noMobile":
      return `${gap.field}（情况表${where(r.cell)}“${r.header}”中没有11位手机号）`;
  }
}

/**
 * The gaps of one form in words, the fields the 情况表 does not hold named together:
 * `项目名称（情况表 H4“项目名称”为空）；申报日期、项目实施目标（情况表中没有这些项）`.
 */
export function gapsText(gaps: readonly FormGap[]): string {
  const absent = gaps.filter((g) => g.reason.kind === "notInInfo");
  const parts = gaps.filter((g) => g.reason.kind !== "notInInfo").map(gapText);
  if (absent.length === 1) parts.push(gapText(absent[0]!));
  else if (absent.length > 1)
    parts.push(
      `${absent.map((g) => g.field).join("、")}（情况表中没有这些项）`,
    );
  return parts.join("；");
}
