import type { MessageParams } from "../findings";

/** Rule code → Chinese message built from the finding's params. */
export type MessageCatalog = Record<string, (params: MessageParams) => string>;
