/** Test helpers for the parse tests. */
import * as fc from "fast-check";
import { isValidDate } from "../../../src/core/parse";

/** Digits 0–9 → full-width ０–９ (what Chinese input methods type in full-width mode). */
export function toFullWidthDigits(s: string): string {
  return s.replace(/[0-9]/g, (ch) =>
    String.fromCharCode(ch.charCodeAt(0) + 0xfee0),
  );
}

/** Random real dates of years 1000–9999. */
export const calendarDate = fc
  .record({
    y: fc.integer({ min: 1000, max: 9999 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 31 }),
  })
  .filter(isValidDate);
