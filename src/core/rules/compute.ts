import type { RuleDef } from "./types";

export const COMPUTE_RULES: RuleDef[] = [];
