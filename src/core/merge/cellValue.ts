/**
 * 合并取值: the value a received cell gives the merged 汇总表 — what the source cell shows, as it is stored — and what
 * Excel cannot store of it, said in words for the 合并日志 rather than changed silently.
 *
 * Kept as stored: texts with every character (spaces at either end, control characters, `_x0041_`-like sequences —
 * the file writer escapes what XML cannot hold), long digit strings and 统一社会信用代码 with leading zeros (texts),
 * numbers with their number format, error values. A number read from text (CSV, HTML tables) stays the text typed
 * where a number cell would show something else (`1.10`, not 1.1). Excel cannot store more than
 * {@link EXCEL_CELL_CHARS} characters in a cell, nor half of a UTF-16 surrogate pair (no file encoding can).
 */
import type { Cell } from "../model/grid";

/** Most characters one Excel cell holds (Excel's specifications and limits); Excel repairs a file with more. */
export const EXCEL_CELL_CHARS = 32_767;

/** Excel's General format shows at most this many characters of a number (`123456789012` as `1.23457E+11`). */
const GENERAL_WIDTH = 11;

/** Days between the 1904 and the 1900 date systems' serial 0. */
const DAYS_1904 = 1462;

/**
 * The text a number cell keeps in the merged table: a number read from text (its `w` is the text typed, with no number
 * format) which a number cell in General format would show otherwise — trailing zeros (`1.10`), a minus zero, or more
 * characters than General shows. Undefined when the number shows as its text (or it came with its own format).
 */
function typedText(cell: Cell): string | undefined {
  const { v, w, z } = cell;
  if (typeof v !== "number" || w === undefined) return undefined;
  if ((z !== undefined && z !== "General") || cell.date !== undefined)
    return undefined;
  if (!/^-?\d+(?:\.\d+)?$/.test(w) || Number(w) !== v) return undefined;
  return w !== String(v) || w.replace(/^-/, "").length > GENERAL_WIDTH
    ? w
    : undefined;
}

/**
 * The value of a received cell as the merged table stores it: the stored value (a formula's cached value), its error,
 * and for a number its format; a date serial of a 1904-system workbook becomes the same day in the 1900 system; a
 * number typed as text that a number cell would show otherwise stays its text ({@link typedText}).
 * @returns undefined for an empty cell
 */
export function mergedValue(
  cell: Cell | undefined,
  date1904: boolean,
): Cell | undefined {
  if (!cell) return undefined;
  if (cell.e !== undefined) return { v: null, e: cell.e };
  if (cell.v === null || cell.v === "") return undefined;
  if (typeof cell.v !== "number") return { v: cell.v };
  const typed = typedText(cell);
  if (typed !== undefined) return { v: typed };
  const v = cell.date !== undefined && date1904 ? cell.v + DAYS_1904 : cell.v;
  return {
    v,
    ...(cell.z !== undefined && cell.z !== "General" ? { z: cell.z } : {}),
    ...(cell.date !== undefined ? { date: cell.date } : {}),
  };
}

/** Half of a UTF-16 surrogate pair standing alone (made by cutting a text inside a character). */
const LONE_SURROGATE =
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * A text as Excel can store it, and what had to change, in Chinese (empty when nothing): lone surrogates become
 * U+FFFD (`�`), a text longer than {@link EXCEL_CELL_CHARS} characters keeps its first {@link EXCEL_CELL_CHARS}.
 */
export function storableText(text: string): {
  text: string;
  changes: string[];
} {
  const changes: string[] = [];
  let out = text;
  const lone = out.match(LONE_SURROGATE)?.length ?? 0;
  if (lone > 0) {
    out = out.replace(LONE_SURROGATE, "\uFFFD");
    changes.push(
      `含 ${lone} 个无法保存的字符（不成对的 UTF-16 代理项），已替换为“\uFFFD”`,
    );
  }
  if (out.length > EXCEL_CELL_CHARS) {
    let kept = out.slice(0, EXCEL_CELL_CHARS);
    // Never end on the first half of a character.
    if (/[\uD800-\uDBFF]$/.test(kept)) kept = kept.slice(0, -1);
    changes.push(
      `长 ${out.length} 个字符，超过 Excel 单元格上限 ${EXCEL_CELL_CHARS} 个字符，只保留前 ${kept.length} 个字符`,
    );
    out = kept;
  }
  return { text: out, changes };
}
