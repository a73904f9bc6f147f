import type { RuleDef } from "./types";

export const LOAN_RULES: RuleDef[] = [];
