/**
 * The hidden list sheet (下拉列表数据) behind the templates' dropdowns. Excel's inline list
 * validation stops at 255 characters (the 县 of a city, the 申报方向 of a 专项 exceed it), so every
 * list lives in one column of a hidden sheet and is reached through a workbook-scoped defined name.
 * Dependent lists (申报方向 ← 申报专项, 所属行业 ← 行业分类, 所在县 ← 所在市) get one name per parent
 * value, `<prefix><parent value>`, so the child column's rule is `INDIRECT("<prefix>"&INDEX($F:$F,ROW()))` (validations.ts).
 */
import { DEPENDENT_LISTS, ENUMS, type EnumId } from "../catalog/enums";
import { CATALOG_VERSION } from "../catalog/tables";
import { columnLetters } from "../model/grid";

/** Name of the hidden sheet holding every dropdown list (created once per workbook, then reused). */
export const LIST_SHEET_NAME = "techfund_lists";

/** Prefix of every defined name of a list (kept apart from the template marks `TECHFUND_…`). */
const LIST_NAME_PREFIX = "TFLIST_";

/** One column of the list sheet: row 0 holds `header`, rows 1..n the values. */
export interface ListColumn {
  /** Workbook-scoped defined name of the values (`TFLIST_chain`, `TFLIST_county_太原市`). */
  name: string;
  /** Header text in row 0, for a person who unhides the sheet (`所在县：太原市`). */
  header: string;
  values: readonly string[];
  /** What the name refers to, without `=`: `techfund_lists!$A$2:$A$17`. */
  refersTo: string;
}

/** The list sheet: hidden, one column per list. */
export interface ListSheetLayout {
  sheetName: string;
  visibility: "hidden";
  /** Workbook-scoped name marking the sheet as ours (`TECHFUND_LISTS_V1`, refers to its A1). */
  markName: string;
  columns: ListColumn[];
}

/** Defined name of an enum's full list (`TFLIST_chain`). */
export function listName(id: EnumId): string {
  return `${LIST_NAME_PREFIX}${id}`;
}

/** Prefix of the per-parent names of a dependent list; the name is prefix + the parent's value. */
export function dependentListPrefix(id: EnumId): string {
  return `${LIST_NAME_PREFIX}${id}_`;
}

/**
 * True when `name` is a valid Excel defined name: starts with a letter (any script) or `_`, then
 * letters, digits, `_` or `.`; at most 255 characters; not a cell reference (`A1`, `R1C1`) nor `R`/`C`.
 */
export function isValidDefinedName(name: string): boolean {
  if (name.length === 0 || name.length > 255) return false;
  if (!/^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name)) return false;
  if (
    /^[A-Za-z]{1,3}\d+$/.test(name) ||
    /^[RrCc]$/.test(name) ||
    /^[Rr]\d*[Cc]\d*$/.test(name)
  )
    return false;
  return true;
}

/**
 * The list sheet: every list of ENUMS, then one column per parent value of each dependent list.
 * @throws Error when a list name would not be a valid Excel name (a catalog value Excel cannot name —
 *   a programming error caught by the tests).
 */
export function listSheetLayout(): ListSheetLayout {
  const lists: Omit<ListColumn, "refersTo">[] = [];
  for (const list of Object.values(ENUMS)) {
    lists.push({
      name: listName(list.id),
      header: list.label,
      values: list.values,
    });
  }
  for (const [id, byParent] of Object.entries(DEPENDENT_LISTS) as [
    EnumId,
    Record<string, readonly string[]>,
  ][]) {
    for (const [parent, values] of Object.entries(byParent)) {
      lists.push({
        name: dependentListPrefix(id) + parent,
        header: `${ENUMS[id].label}：${parent}`,
        values,
      });
    }
  }
  const columns = lists.map((l, i) => {
    if (!isValidDefinedName(l.name))
      throw new Error(`下拉列表名称不符合 Excel 名称规则：${l.name}`);
    const col = columnLetters(i);
    return {
      ...l,
      refersTo: `${LIST_SHEET_NAME}!$${col}$2:$${col}$${l.values.length + 1}`,
    };
  });
  return {
    sheetName: LIST_SHEET_NAME,
    visibility: "hidden",
    markName: `TECHFUND_LISTS_V${CATALOG_VERSION}`,
    columns,
  };
}
