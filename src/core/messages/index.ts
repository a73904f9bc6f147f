/**
 * The Chinese message catalog: one entry per rule code, gathered from each rule family (typed by the rules' params,
 * messages/types.ts), and the package rules' entries; the words of the severities (./severity.ts).
 */
import type { RuleCode } from "../rules/registry";
import { GENERIC_MESSAGES } from "./generic";
import { LOAN_MESSAGES } from "./loan";
import { INSURANCE_MESSAGES } from "./insurance";
import { LEASE_MESSAGES } from "./lease";
import { COOP_MESSAGES } from "./coop";
import { COMPUTE_MESSAGES } from "./compute";
import { INFO_MESSAGES } from "./info";
import { DEMO_MESSAGES } from "./demonstration";
import { MERGE_MESSAGES } from "./summaryRows";
import { PACKAGE_MESSAGES, type PackageCode } from "./package";
import type { MessageEntry, MessagesFor, Wording } from "./types";

export type { Located, MessageEntry, MessagesFor, Wording } from "./types";
export type { PackageCode, PackageParams } from "./package";
export { countsText, SEVERITY_ZH, severityText } from "./severity";

/** The whole catalog: one entry per rule code of the registry and per package rule, each typed by its params. */
export type MessageCatalog = MessagesFor<RuleCode> & typeof PACKAGE_MESSAGES;

export const MESSAGES_ZH: MessageCatalog = {
  ...GENERIC_MESSAGES,
  ...LOAN_MESSAGES,
  ...INSURANCE_MESSAGES,
  ...LEASE_MESSAGES,
  ...COOP_MESSAGES,
  ...COMPUTE_MESSAGES,
  ...INFO_MESSAGES,
  ...DEMO_MESSAGES,
  ...MERGE_MESSAGES,
  ...PACKAGE_MESSAGES,
};

/** The catalog seen by code: the engine and the package rules word findings whose code is a value. */
const BY_CODE: Readonly<Record<string, MessageEntry<object> | undefined>> =
  MESSAGES_ZH as unknown as Record<string, MessageEntry<object>>;

/**
 * The words of a finding of rule `code` with `params` (its own params and the engine's `column` and `cell`): its text
 * and, when the rule rests on words of the notice, those words. A code without a catalog entry is worded by the code
 * itself (the catalog's type and a test keep every code in the catalog).
 */
export function wordFinding(
  code: RuleCode | PackageCode | (string & {}),
  params: object,
): Wording {
  const worded = BY_CODE[code]?.(params) ?? code;
  return typeof worded === "string" ? { text: worded } : worded;
}
