import type { RuleDef } from "./types";

export const DEMO_RULES: RuleDef[] = [];
