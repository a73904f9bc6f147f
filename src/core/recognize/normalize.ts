/**
 * Header-text normalisation for recognising hand-made tables: the same header typed with spaces, line breaks,
 * full-width or half-width brackets, `(%)` or `（%）` or `%`, ASCII or Chinese quotes compares equal.
 */
import { compact } from "../parse";

/** Quote marks people use around 链主, 免申即享 …: removed before comparing. */
const QUOTES = /[“”"'‘’「」『』]/g;
/** Other bracket shapes → `(` `)` (full-width ones are already half-width after `compact`). */
const OPEN = /[【[〔{]/g;
const CLOSE = /[】\]〕}]/g;
/** Required-field markers and a trailing colon: `*序号`, `序号：`. */
const MARKERS = /^[*※★]+|[:：]+$/g;
/** Any character the replacements of {@link normHeader} act on: a compacted text without one is already normal. */
const SPECIAL = /[“”"'‘’「」『』【[〔{】\]〕}%*※★:：]/;
/** Every bracketed part, for the loose form: `企业（单位）名称` → `企业名称`. */
const BRACKETED = /\([^()]*\)/g;

/**
 * The strict comparable form of a header text: no white space, half-width, no quotes, `()` brackets, `%` without
 * brackets. @example normHeader("贷款利率（％）") === normHeader("贷款利率 (%)") === "贷款利率%"
 */
export function normHeader(text: string): string {
  const s = compact(text);
  // Most texts (names, amounts, most headers) have none: one scan instead of five replacements.
  if (!SPECIAL.test(s)) return s;
  return s
    .replace(QUOTES, "")
    .replace(OPEN, "(")
    .replace(CLOSE, ")")
    .replace(/\(%\)/g, "%")
    .replace(MARKERS, "");
}

/**
 * The loose form: {@link normHeader} without any bracketed part and without `%`, so that `企业名称` matches
 * `企业（单位）名称`, `贷款利率` matches `贷款利率（%）`, and `合同金额（万元）` matches `合同金额`.
 */
export function looseHeader(norm: string): string {
  if (!norm.includes("(") && !norm.includes("%")) return norm;
  return norm.replace(BRACKETED, "").replace(/%/g, "");
}
