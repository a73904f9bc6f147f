/**
 * Clauses and negations in what people write (tables.md T1 LOAN-PURPOSE-EXCLUDED, T3 LEASE-FORM): a phrase is looked
 * for clause by clause, and a negation word standing before it in its clause (不/非/未/无/不得/并非 …) makes the
 * mention a negated one ("不用于偿还股东借款", "直租（非售后回租）"), which needs a human look rather than an error.
 */
import { compact } from "../parse";

/**
 * Clause breaks: commas, semicolons, full stops, exclamation and question marks, line breaks. Looked for in the text
 * as typed (a line break is white space that {@link compact} removes) and again in the compact form.
 */
const CLAUSE_BREAK = /[,，;；。!！?？\n\r]+/;

/** Negation words, longest first at each position (不得 before 不). */
const NEGATION = /不得|并非|不是|没有|严禁|禁止|不|非|未|无/;

/**
 * Words that contain a negation character without negating anything that follows (不动产, 非标设备, 无锡, 不超过 …).
 * Kept as data: add a word here when a real text is mis-read.
 */
export const NOT_NEGATIONS: readonly string[] = [
  "不动产",
  "不锈钢",
  "不间断",
  "不超过",
  "不低于",
  "不少于",
  "不高于",
  "不足",
  "不良",
  "无形资产",
  "无人机",
  "无锡",
  "无线",
  "无缝",
  "无纺",
  "无机",
  "无损",
  "无尘",
  "无菌",
  "无水",
  "无害化",
  "无烟",
  "非流动",
  "非标",
  "非金属",
  "非晶",
  "非织造",
  "非常",
  "未来",
  "未分配",
].sort((a, b) => b.length - a.length);

/** One clause: as typed (trimmed) and its compact form (no white space, half-width), where phrases are looked for. */
export interface Clause {
  text: string;
  flat: string;
}

/** The clauses of a text, in order; blank ones left out. */
export function clausesOf(text: string): Clause[] {
  const out: Clause[] = [];
  for (const part of text.split(CLAUSE_BREAK)) {
    // Full-width commas become half-width in the compact form: split that again.
    for (const flat of compact(part).split(CLAUSE_BREAK)) {
      if (flat !== "") out.push({ text: part.trim(), flat });
    }
  }
  return out;
}

/**
 * The negation word standing before position `at` of a compact clause, or undefined. Words of {@link NOT_NEGATIONS}
 * are not negations.
 */
export function negationBefore(flat: string, at: number): string | undefined {
  let before = flat.slice(0, at);
  for (const w of NOT_NEGATIONS)
    if (before.includes(w)) before = before.split(w).join("|");
  return NEGATION.exec(before)?.[0];
}

/** A phrase found in a text by a matcher. */
export interface Mention {
  /** The words found, from the compact clause (e.g. `偿还工行贷款`). */
  phrase: string;
  /** The clause it was found in, as typed. */
  clause: string;
  /** The negation word before it in its clause; absent when none. */
  negation?: string;
}

/**
 * The first mention `find` reports in a text's clauses, a mention without negation winning over a negated one.
 * @param find returns where a phrase starts in a compact clause and the phrase itself, or undefined.
 */
export function firstMention<T extends object>(
  text: string,
  find: (flat: string) => (T & { at: number; phrase: string }) | undefined,
): (Mention & Omit<T, "at" | "phrase">) | undefined {
  let negated: (Mention & Omit<T, "at" | "phrase">) | undefined;
  for (const clause of clausesOf(text)) {
    const found = find(clause.flat);
    if (found === undefined) continue;
    const { at, phrase, ...rest } = found;
    const negation = negationBefore(clause.flat, at);
    const mention = {
      ...rest,
      phrase,
      clause: clause.text,
      ...(negation !== undefined ? { negation } : {}),
    };
    if (negation === undefined) return mention;
    negated ??= mention;
  }
  return negated;
}
