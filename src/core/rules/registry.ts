/** Every rule, gathered from each rule family; the codes and their params types derive from these definitions. */
import { GENERIC_RULES } from "./generic";
import { LOAN_RULES } from "./loan";
import { INSURANCE_RULES } from "./insurance";
import { LEASE_RULES } from "./lease";
import { COOP_RULES } from "./coop";
import { COMPUTE_RULES } from "./compute";
import { INFO_RULES } from "./info";
import { DEMONSTRATION_RULES } from "./demonstration";
import { MERGE_RULES } from "./summaryRows";
import type { ParamsOfRule, RuleDef } from "./types";

export const RULES = [
  ...GENERIC_RULES,
  ...LOAN_RULES,
  ...INSURANCE_RULES,
  ...LEASE_RULES,
  ...COOP_RULES,
  ...COMPUTE_RULES,
  ...INFO_RULES,
  ...DEMONSTRATION_RULES,
  ...MERGE_RULES,
] as const;

/** One of the rules, with its literal code and params type. */
export type Rule = (typeof RULES)[number];
/** Every rule code, e.g. `"LOAN-DRAW-YEAR"`. */
export type RuleCode = Rule["code"];
/** The params a finding of rule `C` carries (what its message receives, besides `column` and `cell`). */
export type ParamsOf<C extends RuleCode> = ParamsOfRule<
  Extract<Rule, { code: C }>
>;
/** The codes of a family's rules (`CodesOf<typeof LOAN_RULES>`). */
export type CodesOf<R extends readonly { code: string }[]> = R[number]["code"];

const BY_CODE = new Map<string, RuleDef>(
  (RULES as readonly RuleDef[]).map((r) => [r.code, r]),
);

/** The definition of a rule by code, or undefined. */
export function ruleByCode(code: string): RuleDef | undefined {
  return BY_CODE.get(code);
}
