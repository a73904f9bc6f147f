/** Test helpers for the parse tests. */
import * as fc from "fast-check";
import { noteText, reasonText } from "../../../src/core/messages/parse";
import { isValidDate, type Parsed } from "../../../src/core/parse";

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

/** A parse result with its note and reason worded by the catalog (messages/parse.ts), as users read them. */
export type Worded<T> =
  { ok: true; value: T; note?: string } | { ok: false; reason: string };

/** {@link Worded} of a parse result: the same value, the note and reason in Chinese. */
export function zh<T>(p: Parsed<T>): Worded<T> {
  if (!p.ok) return { ok: false, reason: reasonText(p.reason) };
  return p.note === undefined
    ? { ok: true, value: p.value }
    : { ok: true, value: p.value, note: noteText(p.note) };
}

/** A parser whose results are worded (see {@link zh}): tests assert the Chinese users read. */
export function worded<A extends unknown[], T>(
  parse: (...args: A) => Parsed<T>,
): (...args: A) => Worded<T> {
  return (...args) => zh(parse(...args));
}
