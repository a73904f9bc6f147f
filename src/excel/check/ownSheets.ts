import {
  EXPLANATION_SHEET,
  REVIEW_SHEET_MARK,
} from "../../core/check/ownSheets";
/**
 * Our own sheets in the open workbook (the explanation sheet, the 审核结果 sheet) are marked with workbook-scoped
 * defined names pointing at their A1 (`TECHFUND_EXPLAIN_V1` → `='techfund_说明'!$A$1`): Excel keeps the reference
 * when the sheet is renamed, so a sheet is ours by its mark, never by its name alone.
 */

/** The sheet a name's formula refers to (`='审核结果'!$A$1` → `审核结果`); undefined for `#REF!` and others. */
export function sheetOfFormula(formula: string): string | undefined {
  const m = /^=?(?:'((?:[^']|'')+)'|([^'!#=]+))!/.exec(formula.trim());
  if (!m) return undefined;
  return m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
}

/** A sheet name quoted for a reference: `'审核结果'!`, with quotes doubled. */
export function sheetRef(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** Our sheets by their marks among the workbook-scoped names (loaded with name and formula). */
export function ownSheetNames(
  names: readonly { name: string; formula: unknown }[],
): {
  review?: string;
  explanation?: string;
} {
  const own: { review?: string; explanation?: string } = {};
  for (const n of names) {
    const sheet =
      typeof n.formula === "string" ? sheetOfFormula(n.formula) : undefined;
    if (sheet === undefined) continue;
    if (n.name === REVIEW_SHEET_MARK) own.review = sheet;
    else if (n.name === EXPLANATION_SHEET.mark) own.explanation = sheet;
  }
  return own;
}
