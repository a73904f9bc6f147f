import type { MessageCatalog } from "./types";

export const DEMO_MESSAGES: MessageCatalog = {};
