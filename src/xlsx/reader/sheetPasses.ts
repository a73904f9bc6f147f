/**
 * 分批读取工作表: a package with many worksheets is parsed in passes of {@link SHEETS_PER_PASS} sheets. SheetJS looks
 * every part up by scanning the whole list of parts, a few times per worksheet, so one pass over a workbook of n sheets
 * costs n² (10,000 sheets: minutes); a pass that holds only its own sheets' parts costs the square of the pass.
 *
 * Each pass gets the parts every sheet shares (styles, shared strings, …), its own worksheets and their relationship
 * parts, and the three parts that list every sheet with only its own sheets listed: the workbook part (defined names
 * stay as they are: their sheet indexes are the whole workbook's, as the first pass reports them), the workbook's
 * relationships and the content types. SheetJS parses these three in full in every pass: listing every sheet in each
 * pass would make the passes together cost the square of the sheets again.
 */
import type * as XLSX from "@e965/xlsx";

import { parsePackageParts } from "./sheetjsInternals";

/** Sheets parsed in one pass: few enough that a pass's lookups cost little, many enough that most files take one. */
export const SHEETS_PER_PASS = 500;

/** `<sheet …/>` (or `<sheet …>…</sheet>`) elements of the workbook part, any namespace prefix. */
const SHEET = /<(?:\w+:)?sheet\s[^>]*?(?:\/>|>[\s\S]*?<\/(?:\w+:)?sheet>)/g;
/** A relationship element (`<Relationship …/>` or `<Relationship …>…</Relationship>`), any namespace prefix. */
const RELATIONSHIP =
  /<(?:\w+:)?Relationship\s[^>]*?(?:\/>|>[\s\S]*?<\/(?:\w+:)?Relationship>)/g;
/** A content type override of one part (`<Override PartName="/xl/…" …/>`), any namespace prefix. */
const OVERRIDE =
  /<(?:\w+:)?Override\s[^>]*?(?:\/>|>[\s\S]*?<\/(?:\w+:)?Override>)/g;
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
 * @param parts path inside the package → bytes
 * @returns per pass, path → bytes: the shared parts, the pass's own parts, and the listing parts cut to its sheets
 */
export function planPasses(
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

  const rels = parts.get(relsPath)!;
  const targets = new Map<string, { target: string; at: Range }>();
  for (const m of byteText(rels).matchAll(RELATIONSHIP)) {
    const id = attribute(m[0], "Id");
    const target = attribute(m[0], "Target");
    if (id !== undefined && target !== undefined)
      targets.set(id, { target, at: [m.index, m.index + m[0].length] });
  }
  // Each sheet's own parts (its worksheet part and that part's relationships) and its relationship element.
  const own: string[][] = [];
  const ownRelationship: Range[] = [];
  for (const [tag] of sheets) {
    const id = attribute(tag, "(?:\\w+:)?id");
    const rel = id === undefined ? undefined : targets.get(id);
    if (rel === undefined) return undefined;
    const { target } = rel;
    const lower = (
      target.startsWith("/") ? target.slice(1) : `xl/${target}`
    ).toLowerCase();
    const path = byLowerPath.get(lower);
    if (path === undefined) return undefined;
    const slash = lower.lastIndexOf("/");
    const relsOfSheet = byLowerPath.get(
      `${lower.slice(0, slash)}/_rels/${lower.slice(slash + 1)}.rels`,
    );
    own.push(relsOfSheet === undefined ? [path] : [path, relsOfSheet]);
    ownRelationship.push(rel.at);
  }
  const ownParts = new Set(own.flat());
  const shared = [...parts].filter(([p]) => !ownParts.has(p));
  const relsFor = cutter(rels, ownRelationship);

  // The content type overrides of the worksheet parts, by sheet (a sheet may have none: a default covers it).
  const typesPath = byLowerPath.get("[content_types].xml");
  const types = typesPath === undefined ? undefined : parts.get(typesPath)!;
  const sheetOf = new Map(own.map(([p], i) => [p!.toLowerCase(), i]));
  const ownOverrides: Range[][] = own.map(() => []);
  for (const m of types ? byteText(types).matchAll(OVERRIDE) : []) {
    const name = attribute(m[0], "PartName")?.replace(/^\//, "").toLowerCase();
    const i = name === undefined ? undefined : sheetOf.get(name);
    if (i !== undefined)
      ownOverrides[i]!.push([m.index, m.index + m[0].length]);
  }
  const typesFor = types && cutter(types, ownOverrides.flat());

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
    pass.set(relsPath, relsFor(ownRelationship.slice(from, to)));
    if (typesFor)
      pass.set(typesPath!, typesFor(ownOverrides.slice(from, to).flat()));
    for (const p of own.slice(from, to).flat()) pass.set(p, parts.get(p)!);
    passes.push(pass);
  }
  return passes;
}

/** Byte positions `[start, end)` of an element in a part. */
type Range = [number, number];

/**
 * Cuts a part listing one element per sheet (or none for some) down to some of them: computed once, the part without
 * any of `ranges`; per pass, that part with the elements kept put back where the first one stood.
 * @param ranges every sheet's elements (a range listed twice counts once)
 * @returns the part with only the elements `kept` (each one of `ranges`)
 */
function cutter(
  bytes: Uint8Array,
  ranges: readonly Range[],
): (kept: readonly Range[]) => Uint8Array {
  const sorted = [...new Map(ranges.map((r) => [r[0], r])).values()].sort(
    (a, b) => a[0] - b[0],
  );
  if (sorted.length === 0) return () => bytes;
  const head = bytes.subarray(0, sorted[0]![0]);
  const rest = concat(
    sorted.map((r, i) =>
      bytes.subarray(r[1], sorted[i + 1]?.[0] ?? bytes.length),
    ),
  );
  return (kept) => {
    const unique = [...new Map(kept.map((r) => [r[0], r])).values()];
    return concat([
      head,
      ...unique.map((r) => bytes.subarray(r[0], r[1])),
      rest,
    ]);
  };
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
