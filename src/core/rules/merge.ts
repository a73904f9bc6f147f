import type { RuleDef } from "./types";

export const MERGE_RULES: RuleDef[] = [];
