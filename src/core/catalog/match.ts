/**
 * Matching typed values against the notice's lists: people type ASCII or no quotes around 链主, half-width
 * brackets, spaces and line breaks. The comparable form removes all of these.
 */
import { compact } from "../parse";
import { rememberText } from "../util/remember";

const QUOTES = /[“”"'‘’「」『』]/g;

/** The comparable form of a list value: no white space, half-width brackets, no quotes (remembered per text). */
export const enumKey = rememberText((value: string): string =>
  compact(value).replace(QUOTES, ""),
);

/** Each list's values by comparable form (the first value of each form), built once per list array. */
const keysOf = new WeakMap<readonly string[], Map<string, string>>();

/**
 * The official list value a typed value stands for (the first one with the same {@link enumKey}), or undefined.
 * @param values one of the notice's lists; it is read once and must not change afterwards (lists are constants)
 */
export function matchEnum(
  value: string,
  values: readonly string[],
): string | undefined {
  let byKey = keysOf.get(values);
  if (!byKey) {
    byKey = new Map();
    for (const v of values) {
      const k = enumKey(v);
      if (!byKey.has(k)) byKey.set(k, v);
    }
    keysOf.set(values, byKey);
  }
  return byKey.get(enumKey(value));
}
