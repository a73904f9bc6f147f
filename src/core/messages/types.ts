/**
 * The shape of the message catalog: per rule code, the Chinese words of a finding built from its params. The types
 * come from the rules' definitions (rules/registry.ts): a missing code, an extra one, or a message reading a param its
 * rule does not give is a compiler error.
 */
import type { CodesOf, ParamsOf, RuleCode } from "../rules/registry";

/**
 * A finding's words: `text` says what is wrong and what to do, in a sentence or two; `quote` is the notice's own
 * words the rule rests on (without 通知要求 or quotation marks), kept apart so that a list of findings does not repeat
 * the same long quotation on every row (outputs show it once, in a column, a tooltip or an expandable line).
 */
export interface Wording {
  text: string;
  quote?: string;
}

/** Params the engine adds to every finding's own: the column's official header and the A1 cell, where located. */
export interface Located {
  column?: string;
  cell?: string;
}

/** One entry of the catalog: a finding's words from its params, the text alone or the text and the notice's words. */
export type MessageEntry<P> = (params: P & Located) => string | Wording;

/** The entries of the rules `C` (one family's part of the catalog), each typed by its rule's params. */
export type MessagesFor<C extends RuleCode> = {
  readonly [K in C]: MessageEntry<ParamsOf<K>>;
};

export type { CodesOf };

/** A catalog entry whose every finding rests on the same words of the notice. */
export function quoted<P>(
  quote: string,
  text: (params: P & Located) => string,
): (params: P & Located) => Wording {
  return (params) => ({ text: text(params), quote });
}
