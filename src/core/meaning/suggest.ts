/**
 * Suggestions for list values (tables.md "All tables", Enumerations): a typed value that is not in the list but is
 * close to one gets that value suggested (民营 → 民营企业, 太原 → 太原市, 清徐 → 清徐县, 光伏 → 光伏产业链).
 */
import { enumKey } from "../catalog/match";

/** Endings people leave out of a list value. */
const ENDINGS = ["市", "县", "区", "旗", "企业", "产业链", "产业", "国企"];
/** Shortest typed value that is compared by its beginning (民营 for 民营企业). */
const MIN_PREFIX = 2;

/**
 * The one list value a typed value is close to, or undefined (none, or several equally close). Close: the value
 * with an ending left out (太原 → 太原市), or the beginning (at least 2 characters) of exactly one value (民营 →
 * 民营企业), or one character different from exactly one value of at least 3 characters (消钠配套 → 消纳配套).
 * Quotes, spaces and full-width forms are ignored. An exact match is not a suggestion: undefined.
 */
export function suggestListValue(
  typed: string,
  values: readonly string[],
): string | undefined {
  const t = enumKey(typed);
  if (t === "" || values.some((v) => enumKey(v) === t)) return undefined;
  const unique = (found: readonly string[]) =>
    found.length === 1 ? found[0] : undefined;
  const withEnding = values.filter((v) =>
    ENDINGS.some((e) => enumKey(v) === `${t}${e}`),
  );
  if (withEnding.length > 0) return unique(withEnding);
  if (t.length >= MIN_PREFIX) {
    const starting = values.filter((v) => enumKey(v).startsWith(t));
    if (starting.length > 0) return unique(starting);
  }
  const near = values.filter((v) => {
    const k = enumKey(v);
    return k.length >= 3 && oneApart(k, t);
  });
  return unique(near);
}

/** True when two texts differ by exactly one character replaced, added or left out. */
function oneApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1 || a === b) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  let j = 0;
  while (
    j < a.length - i &&
    j < b.length - i &&
    a[a.length - 1 - j] === b[b.length - 1 - j]
  )
    j++;
  return a.length - i - j <= 1 && b.length - i - j <= 1;
}
