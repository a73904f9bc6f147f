/**
 * Finding words in what people write, clause by clause, with the negation reading of ../shared/spec/tables.md
 * (LOAN-PURPOSE-EXCLUDED, LEASE-FORM): a word whose clause also says 不/非/未/无/不得 is mentioned but negated
 * ("不用于偿还股东借款", "非售后回租"), which needs a human look rather than an error.
 */
import { compact } from "../parse";

/** Clause breaks: commas, semicolons, full stops, exclamation and question marks, line breaks (half- and full-width). */
const CLAUSE_BREAK = /[,，;；。!！?？\n\r]+/;
/** The negation words of the reading; 不得 is found through 不 and reported as 不得. */
const NEGATION = /不得|不|非|未|无/;
/** Words that contain a negation character without negating anything. */
const NOT_NEGATIONS = [
  "不动产",
  "无形资产",
  "无人机",
  "无锡",
  "未来",
  "非流动",
];

/** A term found in a text. */
export interface TermMatch {
  /** The term as listed by the caller. */
  term: string;
  /** The clause it was found in, as written (trimmed). */
  clause: string;
  /** The negation word of that clause (不/非/未/无/不得); absent when the clause has none. */
  negation?: string;
}

/**
 * The first of `terms` that `text` mentions, looked for clause by clause on the text without spaces and with
 * half-width forms (see `compact`). A mention in a clause without negation wins over a negated one.
 * @param terms words to look for, most specific first (`售后回租` before `回租`).
 * @returns undefined when no term is mentioned.
 */
export function findTerm(
  text: string,
  terms: readonly string[],
): TermMatch | undefined {
  let negated: TermMatch | undefined;
  for (const clause of text.split(CLAUSE_BREAK)) {
    const flat = compact(clause);
    const term = terms.find((t) => flat.includes(t));
    if (term === undefined) continue;
    let rest = flat.split(term).join("|");
    for (const word of NOT_NEGATIONS) rest = rest.split(word).join("|");
    const negation = NEGATION.exec(rest)?.[0];
    if (negation === undefined) return { term, clause: clause.trim() };
    negated ??= { term, clause: clause.trim(), negation };
  }
  return negated;
}
