/**
 * Fitting texts to printed cells: how wide a text is in Excel's column-width units, how many lines it takes in a
 * wrapped cell, and the row height that shows every line — so that outputs print without cut or overlapping text.
 * Excel and LibreOffice do not grow a row to its wrapped text when they open a file written by a program, so the
 * writers set each row's height from these figures. Pure.
 *
 * Units: a column width is Excel's character unit (the width of the digit 0 of the default 11-point font); a
 * Chinese character (or any wide character) takes about two of them. Heights are in points.
 */

/** Points per line of 11-point text (Chinese fonts are taller than Latin ones), and the padding of a row. */
export const LINE_HEIGHT_PT = 15;
const ROW_PADDING_PT = 3;

/** The width of one character in column-width units: 2 for wide (CJK, full-width) characters, else 1. */
function charWidth(ch: string): number {
  const code = ch.codePointAt(0)!;
  return code >= 0x2e80 || (code >= 0xff01 && code <= 0xff60) ? 2 : 1;
}

/** The width of a one-line text in column-width units. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += charWidth(ch);
  return w;
}

/**
 * Lines a text takes in a wrapped cell of `width` units: each line break starts a line, and a line wider than the
 * cell wraps (at any character, as Chinese text does; a small margin is kept for the cell's padding).
 * @returns at least 1
 */
export function wrappedLines(text: string, width: number): number {
  const usable = Math.max(1, width - 1);
  let lines = 0;
  for (const part of text.split(/\r?\n/)) {
    let line = 0;
    let n = 1;
    for (const ch of part) {
      const w = charWidth(ch);
      if (line + w > usable) {
        n++;
        line = w;
      } else line += w;
    }
    lines += n;
  }
  return Math.max(1, lines);
}

/**
 * The height (points) of a row whose cells hold `texts` in columns of `widths` units; a cell that does not wrap
 * counts its line breaks only.
 * @param wrap per column, whether its cells wrap (default: all wrap)
 */
export function rowHeight(
  texts: readonly string[],
  widths: readonly number[],
  wrap: readonly boolean[] = [],
): number {
  let lines = 1;
  texts.forEach((t, i) => {
    const n =
      wrap[i] === false
        ? t.split(/\r?\n/).length
        : wrappedLines(t, widths[i] ?? 10);
    lines = Math.max(lines, n);
  });
  return lines * LINE_HEIGHT_PT + ROW_PADDING_PT;
}
