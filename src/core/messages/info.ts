import type { MessageCatalog } from "./types";

export const INFO_MESSAGES: MessageCatalog = {};
