/** The Chinese message catalog: one entry per rule code, gathered from each rule family. */
import type { MessageParams } from "../findings";
import { GENERIC_MESSAGES } from "./generic";
import { LOAN_MESSAGES } from "./loan";
import { INSURANCE_MESSAGES } from "./insurance";
import { LEASE_MESSAGES } from "./lease";
import { COOP_MESSAGES } from "./coop";
import { COMPUTE_MESSAGES } from "./compute";
import { INFO_MESSAGES } from "./info";
import { DEMO_MESSAGES } from "./demo";
import { MERGE_MESSAGES } from "./merge";
import { PACKAGE_MESSAGES } from "./package";
import type { MessageCatalog, Wording } from "./types";

export type { MessageCatalog, Wording } from "./types";

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

/**
 * The words of a finding of rule `code` with `params`: its text and, when the rule rests on words of the notice, those
 * words. A code without a catalog entry is worded by the code itself (a test keeps every code in the catalog).
 */
export function wordFinding(code: string, params: MessageParams): Wording {
  const worded = MESSAGES_ZH[code]?.(params) ?? code;
  return typeof worded === "string" ? { text: worded } : worded;
}
