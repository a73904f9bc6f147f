import type { MessageCatalog } from "./types";

export const MERGE_MESSAGES: MessageCatalog = {};
