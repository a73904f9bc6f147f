import type { RuleDef } from "./types";

export const INSURANCE_RULES: RuleDef[] = [];
