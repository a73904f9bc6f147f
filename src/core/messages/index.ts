/** The Chinese message catalog: one entry per rule code, gathered from each rule family, and the severities' words. */
import type { Severity } from "../findings";
import { GENERIC_MESSAGES } from "./generic";
import { LOAN_MESSAGES } from "./loan";
import { INSURANCE_MESSAGES } from "./insurance";
import { LEASE_MESSAGES } from "./lease";
import { COOP_MESSAGES } from "./coop";
import { COMPUTE_MESSAGES } from "./compute";
import { INFO_MESSAGES } from "./info";
import { DEMO_MESSAGES } from "./demo";
import { MERGE_MESSAGES } from "./merge";
import type { ParamsOf, RuleCode } from "../rules/registry";
import type { Located, MessageCatalog, MessageEntry } from "./types";

export type {
  Located,
  MessageCatalog,
  MessageEntry,
  MessageText,
  MessagesFor,
} from "./types";

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
};

/** The text of a catalog entry for the given params (an entry is a text function or `{ text, quote }`). */
export function entryText<P>(
  entry: MessageEntry<P>,
  params: P & Located,
): string {
  return typeof entry === "function" ? entry(params) : entry.text(params);
}

/** The notice's words a catalog entry quotes apart from its text, if any. */
export function entryQuote<P>(entry: MessageEntry<P>): string | undefined {
  return typeof entry === "function" ? undefined : entry.quote;
}

/** The message of rule `code` for the given params, as the engine words it. */
export function messageOf<C extends RuleCode>(
  code: C,
  params: ParamsOf<C> & Located,
): string {
  return entryText<ParamsOf<C>>(MESSAGES_ZH[code], params);
}

/** The notice's word for each severity (as NBS 联网直报 and the notice's readers say it). */
export const SEVERITY_ZH = {
  error: "错误",
  warning: "警告",
  info: "提示",
} as const satisfies Record<Severity, string>;

/** The Chinese word of a severity: 错误, 警告 or 提示. */
export function severityText(
  severity: Severity,
): (typeof SEVERITY_ZH)[Severity] {
  return SEVERITY_ZH[severity];
}
