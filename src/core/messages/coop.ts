import type { MessageCatalog } from "./types";

export const COOP_MESSAGES: MessageCatalog = {};
