/**
 * Remembering the results of pure functions of one text: received tables repeat the same texts on many rows (用途,
 * 产业链, 所在市) and the same headers in every workbook, so each distinct text is worked on once.
 */

/**
 * A copy of a text that shares no memory with the text it came from. Cell texts are often slices of a whole XML part
 * of the file they were read from; a remembered slice would keep that part alive after the workbook is gone.
 */
export function detached(s: string): string {
  return (" " + s).slice(1);
}

/**
 * `fn`, remembered for up to `limit` distinct texts; when that many are remembered, all are forgotten and remembering
 * starts again (the memory used stays bounded whatever the input). Keys are {@link detached}; `keep` makes a result
 * safe to keep in the same way (results that contain parts of the text).
 * @param fn a pure function: the same text always gives the same result, and callers never change a result.
 */
export function rememberText<T>(
  fn: (text: string) => T,
  keep: (result: T) => T = (r) => r,
  limit = 4096,
): (text: string) => T {
  let known = new Map<string, T>();
  return (text) => {
    const hit = known.get(text);
    if (hit !== undefined || known.has(text)) return hit as T;
    const result = keep(fn(text));
    if (known.size >= limit) known = new Map();
    known.set(detached(text), result);
    return result;
  };
}

/** {@link rememberText} for functions that return a text: the result is kept {@link detached} too. */
export function rememberTextToText(
  fn: (text: string) => string,
  limit = 4096,
): (text: string) => string {
  return rememberText(fn, detached, limit);
}
