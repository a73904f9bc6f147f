/** Every rule, gathered from each rule family. */
import { GENERIC_RULES } from "./generic";
import { LOAN_RULES } from "./loan";
import { INSURANCE_RULES } from "./insurance";
import { LEASE_RULES } from "./lease";
import { COOP_RULES } from "./coop";
import { COMPUTE_RULES } from "./compute";
import { INFO_RULES } from "./info";
import { DEMO_RULES } from "./demo";
import { MERGE_RULES } from "./merge";
import type { RuleDef } from "./types";

export const RULES: readonly RuleDef[] = [
  ...GENERIC_RULES,
  ...LOAN_RULES,
  ...INSURANCE_RULES,
  ...LEASE_RULES,
  ...COOP_RULES,
  ...COMPUTE_RULES,
  ...INFO_RULES,
  ...DEMO_RULES,
  ...MERGE_RULES,
];

/** The definition of a rule by code, or undefined. */
export function ruleByCode(code: string): RuleDef | undefined {
  return RULES.find((r) => r.code === code);
}
