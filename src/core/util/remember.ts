/**
 * Remembering the results of pure functions of one text: received tables repeat the same texts on many rows (用途,
 * 产业链, 所在市) and the same headers in every workbook, so each distinct text is worked on once. And keeping a value
 * computed from an object (a table's rows) with that object ({@link slotOn}).
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

/** A value kept with an object: the `get`/`set` of a WeakMap, for {@link slotOn}. */
export interface Slot<O extends object, V> {
  get(owner: O): V | undefined;
  set(owner: O, value: V): void;
}

/**
 * A value kept on the object it was computed from, in a non-enumerable property of a symbol of its own, so that it
 * lives exactly as long as that object (a table's rows array, a workbook's tables array). A WeakMap would do the same,
 * but V8's young-generation collections keep every value of a long-lived WeakMap alive until the next full
 * collection: the rows a value refers to were copied and promoted with it, four times the scavenge time of a check of
 * many workbooks. An object that cannot take a property (frozen) keeps nothing: `get` gives undefined, the caller
 * computes again.
 */
export function slotOn<O extends object, V>(): Slot<O, V> {
  const slot = Symbol("kept");
  return {
    get: (owner) => (owner as { [slot]?: V })[slot],
    set: (owner, value) => {
      if (Object.isExtensible(owner))
        Object.defineProperty(owner, slot, {
          value,
          configurable: true,
          writable: true,
        });
    },
  };
}
