/**
 * 分批读取工作表: a package with many worksheets is parsed in passes of {@link SHEETS_PER_PASS} sheets. SheetJS looks
 * every part up by scanning the whole list of parts, a few times per worksheet, so one pass over a workbook of n sheets
 * costs n² (10,000 sheets: minutes); a pass that holds only its own sheets' parts costs the square of the pass.
 *
 * Each pass gets the parts every sheet shares (workbook, styles, shared strings, …), its own worksheets and their
 * relationship parts, and the workbook part with only its sheets listed (defined names stay as they are: their sheet
 * indexes are the whole workbook's, as the first pass reports them).
 */
import type * as XLSX from "@e965/xlsx";

import { parsePackageParts } from "./sheetjsInternals";

/** Sheets parsed in one pass: few enough that a pass's lookups cost little, many enough that most files take one. */
export const SHEETS_PER_PASS = 500;

/** `<sheet …/>` (or `<sheet …>…</sheet>`) elements of the workbook part, any namespace prefix. */
const SHEET = /<(?:\w+:)?sheet\s[^>]*?(?:\/>|>[\s\S]*?<\/(?:\w+:)?sheet>)/g;
/** A relationship element and the attributes read from it. */
const RELATIONSHIP = /<(?:\w+:)?Relationship\s[^>]*>/g;
const attribute = (tag: string, name: string) =>
  new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`).exec(tag)?.[1];

/** A part as text with one character per byte: positions in it are positions in the bytes. */
function byteText(bytes: Uint8Array): string {
  return new TextDecoder("latin1").decode(bytes);
}

/**
 * Parses a package's parts with SheetJS, in passes when it has more than {@link SHEETS_PER_PASS} worksheets.
 * @param parts path inside the package → bytes (as {@link parsePackageParts} takes them)
 * @returns the workbook as one pass of SheetJS would give it (sheet names, sheets, workbook properties)
 * @throws what SheetJS throws for a damaged or encrypted package
 */
export function parseInPasses(
  parts: ReadonlyMap<string, Uint8Array>,
  options: XLSX.ParsingOptions,
): XLSX.WorkBook {
  const passes = planPasses(parts);
  if (!passes) return parsePackageParts(parts, options);
  const books = passes.map((pass) => parsePackageParts(pass, options));
  const first = books[0]!;
  return {
    ...first,
    SheetNames: books.flatMap((b) => b.SheetNames),
    Sheets: Object.assign(
      {},
      ...books.map((b) => b.Sheets),
    ) as XLSX.WorkBook["Sheets"],
    ...(first.Workbook
      ? {
          Workbook: {
            ...first.Workbook,
            Sheets: books.flatMap((b) => b.Workbook?.Sheets ?? []),
          },
        }
      : {}),
  };
}

/**
 * The parts of each pass, or undefined for one pass: when there are at most {@link SHEETS_PER_PASS} sheets, or the
 * package is not laid out as Excel lays it out (`xl/workbook.xml` with its relationships, every sheet's part there).
 */
function planPasses(
  parts: ReadonlyMap<string, Uint8Array>,
): Map<string, Uint8Array>[] | undefined {
  const byLowerPath = new Map(
    [...parts.keys()].map((p) => [p.toLowerCase(), p]),
  );
  const workbookPath = byLowerPath.get("xl/workbook.xml");
  const relsPath = byLowerPath.get("xl/_rels/workbook.xml.rels");
  if (workbookPath === undefined || relsPath === undefined) return undefined;
  const workbook = parts.get(workbookPath)!;
  const text = byteText(workbook);
  const sheets = [...text.matchAll(SHEET)];
  if (sheets.length <= SHEETS_PER_PASS) return undefined;

  const targets = new Map<string, string>();
  for (const [tag] of byteText(parts.get(relsPath)!).matchAll(RELATIONSHIP)) {
    const id = attribute(tag, "Id");
    const target = attribute(tag, "Target");
    if (id !== undefined && target !== undefined) targets.set(id, target);
  }
  // Each sheet's own parts: its worksheet part and that part's relationships.
  const own: string[][] = [];
  for (const [tag] of sheets) {
    const id = attribute(tag, "(?:\\w+:)?id");
    const target = id === undefined ? undefined : targets.get(id);
    if (target === undefined) return undefined;
    const lower = (
      target.startsWith("/") ? target.slice(1) : `xl/${target}`
    ).toLowerCase();
    const path = byLowerPath.get(lower);
    if (path === undefined) return undefined;
    const slash = lower.lastIndexOf("/");
    const rels = byLowerPath.get(
      `${lower.slice(0, slash)}/_rels/${lower.slice(slash + 1)}.rels`,
    );
    own.push(rels === undefined ? [path] : [path, rels]);
  }
  const ownParts = new Set(own.flat());
  const shared = [...parts].filter(([p]) => !ownParts.has(p));

  const start = sheets[0]!.index;
  const last = sheets[sheets.length - 1]!;
  const end = last.index + last[0].length;
  const passes: Map<string, Uint8Array>[] = [];
  for (let from = 0; from < sheets.length; from += SHEETS_PER_PASS) {
    const to = Math.min(sheets.length, from + SHEETS_PER_PASS);
    const listed = sheets
      .slice(from, to)
      .map((m) => workbook.subarray(m.index, m.index + m[0].length));
    const pass = new Map(shared);
    pass.set(
      workbookPath,
      concat([workbook.subarray(0, start), ...listed, workbook.subarray(end)]),
    );
    for (const p of own.slice(from, to).flat()) pass.set(p, parts.get(p)!);
    passes.push(pass);
  }
  return passes;
}

function concat(pieces: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of pieces) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
