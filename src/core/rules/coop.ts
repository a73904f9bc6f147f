import type { RuleDef } from "./types";

export const COOP_RULES: RuleDef[] = [];
