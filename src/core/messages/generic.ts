import type { MessageCatalog } from "./types";

export const GENERIC_MESSAGES: MessageCatalog = {};
