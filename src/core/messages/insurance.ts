import type { MessageCatalog } from "./types";

export const INSURANCE_MESSAGES: MessageCatalog = {};
