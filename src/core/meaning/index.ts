/**
 * Meaning-based matchers for free text (tables.md: rules that read what people write, not fixed words). Each is one
 * function with its table of real phrasings in test/core/meaning.
 */
export { clausesOf, negationBefore, type Mention } from "./clause";
export {
  excludedLoanPurpose,
  EXCLUDED_KINDS_TEXT,
  type ExcludedKind,
  type ExcludedPurpose,
} from "./loanPurpose";
export {
  leasebackOf,
  leaseFormVerdict,
  type LeasebackMention,
} from "./leaseback";
export { placeOutsideShanxi, type PlaceOutside } from "./places";
export { sharedTradeName } from "./tradeName";
export {
  demonstrationLevelOf,
  type DemonstrationLevel,
  type DemonstrationReading,
} from "./demonstrationLevel";
export { suggestListValue } from "./suggest";
