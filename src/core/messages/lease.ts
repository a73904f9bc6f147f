import type { MessageCatalog } from "./types";

export const LEASE_MESSAGES: MessageCatalog = {};
