/**
 * Where the forms take the 情况表 row from: formulas that refer to the cells of the first data row of the workbook's
 * 项目情况表 (附件2 二(一)), so that a change to that row shows in every form at once. Each formula is written with
 * its cached result (what it gives for the row as known when the sheet was made), so that a reader that does not
 * recalculate still shows the filled form.
 */
import { supportMode } from "../catalog/forms";
import { getTable } from "../catalog/tables";
import { a1, cellText } from "../model/grid";
import type { TableContext } from "../model/table";
import { layoutTemplate } from "../template";

/** Column keys of the 情况表 the forms read. */
export type InfoKey =
  | "enterpriseName"
  | "special"
  | "direction"
  | "projectName"
  | "industry"
  | "contact"
  | "city";

/** The 情况表 row the forms refer to: its sheet, 0-based row, and 0-based column of each key found. */
export interface InfoRowRef {
  sheet: string;
  row: number;
  columns: Partial<Record<InfoKey, number>>;
  /** The row's texts by key, as known now (cached results of the formulas). */
  values: Partial<Record<InfoKey, string>>;
}

/** `'项目情况表'!$E$4`. */
export function cellRef(ref: InfoRowRef, key: InfoKey): string | undefined {
  const c = ref.columns[key];
  if (c === undefined) return undefined;
  const abs = a1(ref.row, c).replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
  return `'${ref.sheet.replace(/'/g, "''")}'!${abs}`;
}

/** A formula cell's content: formula and cached result. */
export interface Linked {
  formula?: string;
  result: string;
}

/** The cell's text as a formula (`'项目情况表'!$E$4&""`: an empty cell shows empty, not 0). */
export function linkText(ref: InfoRowRef, key: InfoKey): Linked {
  const r = cellRef(ref, key);
  const result = ref.values[key] ?? "";
  return r ? { formula: `${r}&""`, result } : { result };
}

/** 支持方式 of the row's 申报方向 (附件2 一(五)), as a formula built from the same catalog data. */
export function linkSupport(ref: InfoRowRef): Linked {
  const r = cellRef(ref, "direction");
  const result = supportMode(ref.values.direction ?? "");
  if (!r) return { result };
  const d = `TRIM(${r})`;
  return {
    formula: `IF(${d}="","",IF(${d}="产业链贷款贴息","贴息",IF(OR(${d}="保险增信补贴",${d}="融资租赁补贴"),"风险补偿","奖励")))`,
    result,
  };
}

/** Separators people put between a name and a mobile number (replaced by spaces before splitting). */
const SEPARATORS = [
  "（",
  "）",
  "(",
  ")",
  "，",
  ",",
  "、",
  "/",
  "：",
  ":",
  "；",
  ";",
];

/**
 * 联系人 and 联系手机 from 项目联系人及手机 (`张三 13800000000`, `张三（13800000000）`, `张三/138…`): the separators
 * become spaces; when the text then ends with an 11-digit number starting with 1, that is the mobile and the rest
 * (trimmed) the name; otherwise the whole text is the name and the mobile is empty. The same rule as
 * {@link linkContact}'s formulas.
 */
export function splitContact(text: string): { person: string; mobile: string } {
  let t = text;
  for (const s of SEPARATORS) t = t.split(s).join(" ");
  t = t.trim().replace(/ +/g, " ");
  const last = t.slice(-11);
  if (t.length >= 11 && /^1\d{10}$/.test(last))
    return { person: t.slice(0, -11).trim(), mobile: last };
  return { person: t, mobile: "" };
}

/** Formulas of 联系人 and 联系手机 ({@link splitContact}). */
export function linkContact(ref: InfoRowRef): {
  person: Linked;
  mobile: Linked;
} {
  const split = splitContact(ref.values.contact ?? "");
  const r = cellRef(ref, "contact");
  if (!r)
    return {
      person: { result: split.person },
      mobile: { result: split.mobile },
    };
  let t = `${r}&""`;
  for (const s of SEPARATORS) t = `SUBSTITUTE(${t},"${s}"," ")`;
  t = `TRIM(${t})`;
  const last = `RIGHT(${t},11)`;
  const ok = `AND(LEN(${t})>=11,LEFT(${last},1)="1",ISNUMBER(VALUE(${last})),ISERROR(FIND(" ",${last})),ISERROR(FIND(".",${last})))`;
  return {
    person: {
      formula: `IF(${ok},TRIM(LEFT(${t},LEN(${t})-11)),${t})`,
      result: split.person,
    },
    mobile: { formula: `IF(${ok},${last},"")`, result: split.mobile },
  };
}

const INFO_KEYS: readonly InfoKey[] = [
  "enterpriseName",
  "special",
  "direction",
  "projectName",
  "industry",
  "contact",
  "city",
];

/**
 * The 情况表 row of our own template (sheet 项目情况表, first data row), with `values` as its cached texts: what the
 * forms refer to in a workbook made by `techfund template` or the workbench.
 */
export function templateInfoRef(
  values: Partial<Record<InfoKey, string>> = {},
): InfoRowRef {
  const table = getTable("project-info");
  const layout = layoutTemplate(table);
  const columns: Partial<Record<InfoKey, number>> = {};
  for (const key of INFO_KEYS) {
    const c = table.columns.findIndex((col) => col.key === key);
    if (c >= 0) columns[key] = c;
  }
  return {
    sheet: layout.sheetName,
    row: layout.dataRows.first,
    columns,
    values,
  };
}

/**
 * The row the forms refer to in a recognised 项目情况表: its first data row, or the row under the header when it has
 * none yet; the texts of that row as the cached values.
 */
export function infoRefFromTable(ctx: TableContext): InfoRowRef {
  const first = ctx.rows[0];
  const row = first?.row ?? ctx.headerRows[ctx.headerRows.length - 1]! + 1;
  const columns: Partial<Record<InfoKey, number>> = {};
  const values: Partial<Record<InfoKey, string>> = {};
  for (const key of INFO_KEYS) {
    const c = ctx.columns[key];
    if (c === undefined) continue;
    columns[key] = c;
    const text = cellText(ctx.sheet.rows[row]?.[c]).trim();
    if (text) values[key] = text;
  }
  return { sheet: ctx.sheet.name, row, columns, values };
}
