import type { MessageParams } from "../findings";

/**
 * A finding's words: `text` says what is wrong and what to do, in a sentence or two; `quote` is the notice's own
 * words the rule rests on (without 通知要求 or quotation marks), kept apart so that a list of findings does not repeat
 * the same long quotation on every row (outputs show it once, in a column, a tooltip or an expandable line).
 */
export interface Wording {
  text: string;
  quote?: string;
}

/** Rule code → Chinese message built from the finding's params: the text alone, or the text and the notice's words. */
export type MessageCatalog = Record<
  string,
  (params: MessageParams) => string | Wording
>;

/** A catalog entry whose every finding rests on the same words of the notice. */
export function quoted(
  quote: string,
  text: (params: MessageParams) => string,
): (params: MessageParams) => Wording {
  return (params) => ({ text: text(params), quote });
}
