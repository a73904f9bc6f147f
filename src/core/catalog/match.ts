/**
 * Matching typed values against the notice's lists: people type ASCII or no quotes around 链主, half-width
 * brackets, spaces and line breaks. The comparable form removes all of these.
 */
import { compact } from "../parse";

const QUOTES = /[“”"'‘’「」『』]/g;

/** The comparable form of a list value: no white space, half-width brackets, no quotes. */
export function enumKey(value: string): string {
  return compact(value).replace(QUOTES, "");
}

/** The official list value a typed value stands for, or undefined. */
export function matchEnum(
  value: string,
  values: readonly string[],
): string | undefined {
  const key = enumKey(value);
  return values.find((v) => enumKey(v) === key);
}
