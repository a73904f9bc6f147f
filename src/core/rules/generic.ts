import type { RuleDef } from "./types";

export const GENERIC_RULES: RuleDef[] = [];
