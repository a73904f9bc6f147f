import type { RuleDef } from "./types";

export const LEASE_RULES: RuleDef[] = [];
