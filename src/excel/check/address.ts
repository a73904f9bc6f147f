/**
 * A1 addresses as Office.js gives them (单元格地址): several areas separated by commas. One area (`'贷款'!C5:D7`) is
 * read by the core's `parseRange` (core/model/grid.ts).
 */

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
