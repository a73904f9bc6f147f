/**
 * 文件名的显示: a file name or path as printed in messages, logs and outputs. Names come from other people's disks and
 * may hold a newline (which would forge a line of the report) or an escape character (which a terminal obeys); those
 * and every other control character are shown as escapes (`\n`, `\x1b`), so a name always prints as one inert line.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is this pattern's job
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

const NAMED: Readonly<Record<string, string>> = {
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
};

/** `name` with its control characters escaped (`a\nb.xlsx` → `a\\nb.xlsx`); other text unchanged. */
export function printableName(name: string): string {
  return name.replace(
    CONTROL,
    (ch) =>
      NAMED[ch] ??
      (ch.charCodeAt(0) > 0xff
        ? `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`
        : `\\x${ch.charCodeAt(0).toString(16).padStart(2, "0")}`),
  );
}
