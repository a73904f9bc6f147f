import type { RuleDef } from "./types";

export const INFO_RULES: RuleDef[] = [];
