import type { MessageCatalog } from "./types";

export const LOAN_MESSAGES: MessageCatalog = {};
