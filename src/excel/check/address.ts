/**
 * A1 addresses as Office.js gives them (单元格地址): one area (`'贷款'!C5:D7`), or several separated by commas.
 */
import type { CellRange } from "../../core/model/grid";

/** `A1:B2` (optionally with `'Sheet'!`) → 0-based block; whole rows/columns are not handled (undefined). */
export function parseArea(address: string): CellRange | undefined {
  const bare = address.replace(/^.*!/, "");
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(
    bare.trim(),
  );
  if (!m) return undefined;
  const col = (s: string) =>
    [...s.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) -
    1;
  const s = { r: Number(m[2]) - 1, c: col(m[1]!) };
  const e = m[3] ? { r: Number(m[4]) - 1, c: col(m[3]) } : s;
  return { s, e };
}

/** A multi-area address split at its commas, except those inside a quoted sheet name (`'a,b'!A1`). */
export function splitAddress(address: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < address.length; i++) {
    const ch = address[i];
    // A quote inside a quoted name is doubled (`'it''s'`): toggling twice leaves it quoted.
    if (ch === "'") quoted = !quoted;
    else if (ch === "," && !quoted) {
      parts.push(address.slice(start, i).trim());
      start = i + 1;
    }
  }
  const last = address.slice(start).trim();
  if (last !== "") parts.push(last);
  return parts;
}
