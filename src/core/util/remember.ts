/**
 * Remembering the results of pure functions of one text during a check: received tables repeat the same texts on
 * many rows (用途, 产业链, 所在市, the headers of every sheet), so within a check each distinct text is worked on once.
 *
 * What is remembered lives exactly as long as the check that remembered it ({@link rememberingTexts}), for two
 * reasons. A cell text read from a file can share memory with the whole text of the file part it came from: a
 * remembered text, or a result that contains part of it, would keep that part alive after the workbook is gone, and
 * whether it does depends on how the JavaScript engine stores strings, which no code here should rely on. And
 * memory stays bounded by the workbook being checked, not by all the workbooks a process has checked. Outside a
 * check the functions work on each text again (still correct, only not remembered).
 */

/** The memos of every remembered function, emptied together when the outermost check ends. */
const memos: Map<string, unknown>[] = [];
/** How many {@link rememberingTexts} calls are running (a check inside a check shares the outer one's memos). */
let checks = 0;

/**
 * Runs `fn` (a check, a recognition, a live re-check or a merge) with remembering on; when the outermost such call
 * returns or throws, everything remembered is forgotten.
 */
export function rememberingTexts<T>(fn: () => T): T {
  checks++;
  try {
    return fn();
  } finally {
    if (--checks === 0) for (const m of memos) m.clear();
  }
}

/**
 * `fn`, remembered inside {@link rememberingTexts} for up to `limit` distinct texts; when that many are remembered,
 * all are forgotten and remembering starts again (the memory used stays bounded whatever the input).
 * @param fn a pure function: the same text always gives the same result, and callers never change a result.
 */
export function rememberText<T>(
  fn: (text: string) => T,
  limit = 4096,
): (text: string) => T {
  const known = new Map<string, T>();
  memos.push(known);
  return (text) => {
    if (checks === 0) return fn(text);
    const hit = known.get(text);
    if (hit !== undefined || known.has(text)) return hit as T;
    const result = fn(text);
    if (known.size >= limit) known.clear();
    known.set(text, result);
    return result;
  };
}
