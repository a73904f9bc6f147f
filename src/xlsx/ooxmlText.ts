/**
 * 文本转义: a text as a cell of an .xlsx file must hold it so that Excel (and LibreOffice, SheetJS) read back exactly
 * that text. ExcelJS writes strings as they are, and drops the characters XML 1.0 cannot hold; OOXML writes them, and a
 * literal `_xHHHH_`, with its `_xHHHH_` escape (ECMA-376 Part 1, 22.9.2.19 ST_Xstring), as Excel itself does.
 */

/**
 * `_` starting a `_xHHHH_` sequence (readers take `_X` too), and the characters XML 1.0 cannot hold or does not keep:
 * C0 controls other than tab and line feed (a carriage return is read back as a line feed), U+FFFE and U+FFFF.
 */
const NEEDS_ESCAPE =
  // eslint-disable-next-line no-control-regex -- control characters are what this pattern is for
  /_(?=[xX][0-9A-Fa-f]{4}_)|[\u0000-\u0008\u000B-\u001F\uFFFE\uFFFF]/g;

/**
 * The string to give ExcelJS for a cell that must read back as `text`: `_x0041_` → `_x005F_x0041_`, U+0001 →
 * `_x0001_`, CR → `_x000D_`; every other character as is.
 */
export function ooxmlText(text: string): string {
  return text.replace(NEEDS_ESCAPE, (ch) =>
    ch === "_"
      ? "_x005F_"
      : `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`,
  );
}
