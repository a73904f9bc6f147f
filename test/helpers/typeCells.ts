/**
 * Typing into a written .xlsx as a user would, for tests that hand the file to another program (LibreOffice): only
 * the cells given are added to the sheet's XML — a number, a text, or a formula (without cached value, so the other
 * program computes it) — and everything else (styles, formulas, validations, names) stays byte for byte as written.
 */
import JSZip from "jszip";
import { parseA1 } from "../../src/core/model/grid";

/** What is typed into a cell: a number, a text, or `{ f }` a formula without `=`. */
export type Typed = number | string | { f: string };

const escapeXml = (s: string) =>
  s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");

/** The `<c>` element's attributes beyond `r` and its content for `value`. */
function cellXml(address: string, attrs: string, value: Typed): string {
  if (typeof value === "number")
    return `<c r="${address}"${attrs}><v>${value}</v></c>`;
  if (typeof value === "string")
    return `<c r="${address}"${attrs} t="inlineStr"><is><t>${escapeXml(value)}</t></is></c>`;
  return `<c r="${address}"${attrs} t="str"><f>${escapeXml(value.f)}</f></c>`;
}

/**
 * Types `cells` (A1 address → value) into the worksheet part `part` (default the first sheet): into an empty cell the
 * writer drew (keeping its style), into a drawn row beside its cells (in column order), or into a new `<row>` (rows
 * the writer did not draw: a user typing straight down).
 * @throws Error when a cell already holds something (the test would overwrite what it means to keep)
 */
export async function typeCells(
  bytes: Uint8Array,
  cells: Record<string, Typed>,
  part = "xl/worksheets/sheet1.xml",
): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  let xml = await zip.file(part)!.async("string");
  const added = new Map<number, string[]>();
  for (const [address, value] of Object.entries(cells)) {
    const empty = new RegExp(`<c r="${address}"((?: [a-z]+="[^"]*")*)/>`);
    const m = empty.exec(xml);
    if (m) {
      xml = xml.replace(empty, cellXml(address, m[1]!, value));
      continue;
    }
    if (xml.includes(`<c r="${address}"`))
      throw new Error(`${address} is not empty`);
    const { r, c } = parseA1(address);
    const rowAt = new RegExp(`<row r="${r + 1}"[^>]*?(/?)>`).exec(xml);
    if (!rowAt) {
      added.set(r + 1, [
        ...(added.get(r + 1) ?? []),
        cellXml(address, "", value),
      ]);
      continue;
    }
    if (rowAt[1] === "/") {
      const open = rowAt[0].slice(0, -2) + ">";
      xml = xml.replace(
        rowAt[0],
        `${open}${cellXml(address, "", value)}</row>`,
      );
      continue;
    }
    // Before the first cell of a later column, else at the row's end.
    const start = rowAt.index + rowAt[0].length;
    const end = xml.indexOf("</row>", start);
    let at = end;
    for (const cm of xml.slice(start, end).matchAll(/<c r="([A-Z]+)\d+"/g))
      if (parseA1(`${cm[1]}1`).c > c) {
        at = start + cm.index!;
        break;
      }
    xml = xml.slice(0, at) + cellXml(address, "", value) + xml.slice(at);
  }
  const rows = [...added]
    .sort(([a], [b]) => a - b)
    .map(([r, cs]) => `<row r="${r}">${cs.join("")}</row>`);
  // New rows go in row order among the drawn ones.
  for (const row of rows) {
    const r = Number(/r="(\d+)"/.exec(row)![1]);
    const later = [...xml.matchAll(/<row r="(\d+)"/g)].find(
      (m) => Number(m[1]) > r,
    );
    xml = later
      ? xml.slice(0, later.index!) + row + xml.slice(later.index!)
      : xml.replace("</sheetData>", `${row}</sheetData>`);
  }
  zip.file(part, xml);
  return zip.generateAsync({ type: "nodebuffer" });
}
