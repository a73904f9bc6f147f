import type { MessageCatalog } from "./types";

export const COMPUTE_MESSAGES: MessageCatalog = {};
