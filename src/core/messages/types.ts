/**
 * The shape of the message catalog: per rule code, the Chinese text of a finding built from its params, and the
 * notice's words it rests on. The types come from the rules' definitions: a missing code, an extra one, or a message
 * reading a param its rule does not give is a compiler error.
 */
import type { CodesOf, ParamsOf, RuleCode } from "../rules/registry";

/** Params the engine adds to every finding's own: the column's official header and the A1 cell, where located. */
export interface Located {
  column?: string;
  cell?: string;
}

/** A finding's text from its params. */
export type MessageText<P> = (params: P & Located) => string;

/**
 * One entry of the catalog: the text alone, or the text with the notice's words quoted apart (shown once, beside the
 * message, by the outputs that have room for it).
 */
export type MessageEntry<P> =
  MessageText<P> | { text: MessageText<P>; quote?: string };

/** The entries of the rules `C` (one family's part of the catalog). */
export type MessagesFor<C extends RuleCode> = {
  readonly [K in C]: MessageEntry<ParamsOf<K>>;
};

/** The whole catalog: one entry per rule code. */
export type MessageCatalog = MessagesFor<RuleCode>;

export type { CodesOf };
