/**
 * Finding a catalog table's header row on a sheet by its header texts.
 *
 * A header cell matches a column when its {@link normHeader} form equals the column's header or one of its aliases,
 * or else when its {@link looseHeader} form (bracketed parts and `%` removed) equals the column's, provided that loose
 * form names one column only. Grouped columns (T8) match by their group header: the sub-column under it by its own
 * text (`试点示范1`), else by position within the group.
 */
import { TABLES } from "../catalog/tables";
import type { ColumnDef, TableDef } from "../catalog/types";
import { type Cell, cellText, trimText } from "../model/grid";
import { rememberText } from "../util/remember";
import { looseHeader, normHeader } from "./normalize";
import type { SheetView } from "./view";

/** Header texts of one table (or of one group of sub-columns) → column key. */
interface HeaderIndex {
  exact: Map<string, string>;
  loose: Map<string, string>;
}

/** One group of sub-columns (T8), in the catalog's order. */
interface GroupIndex extends HeaderIndex {
  name: string;
  keys: string[];
}

/** Precomputed header texts of one table. */
interface TableMatcher {
  table: TableDef;
  plain: HeaderIndex;
  /** Group header (strict and loose form) → its sub-columns. */
  groups: Map<string, GroupIndex>;
}

/** A header found on a sheet. */
export interface HeaderMatch {
  table: TableDef;
  /** 0-based first and last header rows (the same row unless the header has two rows). */
  firstRow: number;
  lastRow: number;
  /** Column key → 0-based grid column. */
  columns: Record<string, number>;
  /** Header cells that match no column. */
  extraColumns: { header: string; col: number }[];
  /** Number of columns matched. */
  matched: number;
}

function indexOf(columns: readonly ColumnDef[]): HeaderIndex {
  const exact = new Map<string, string>();
  const looseCount = new Map<string, string | null>();
  for (const c of columns) {
    for (const text of [c.header, ...(c.aliases ?? [])]) {
      const n = normHeader(text);
      exact.set(n, c.key);
      const l = looseHeader(n);
      const seen = looseCount.get(l);
      // A loose form shared by two columns names neither.
      looseCount.set(l, seen === undefined || seen === c.key ? c.key : null);
    }
  }
  const loose = new Map<string, string>();
  for (const [l, key] of looseCount) if (key && l) loose.set(l, key);
  return { exact, loose };
}

function matcherOf(table: TableDef): TableMatcher {
  const groups = new Map<string, GroupIndex>();
  const byName = new Map<string, ColumnDef[]>();
  for (const c of table.columns)
    if (c.group) byName.set(c.group, [...(byName.get(c.group) ?? []), c]);
  for (const [name, cols] of byName) {
    const g: GroupIndex = {
      name,
      keys: cols.map((c) => c.key),
      ...indexOf(cols),
    };
    const n = normHeader(name);
    groups.set(n, g);
    groups.set(looseHeader(n), g);
  }
  return {
    table,
    plain: indexOf(table.columns.filter((c) => !c.group)),
    groups,
  };
}

const MATCHERS: readonly TableMatcher[] = TABLES.map(matcherOf);

/** Every header text any table knows (exact and loose forms, group headers): a row with none of them matches nothing. */
const KNOWN_TEXTS = new Set<string>(
  MATCHERS.flatMap((m) => [
    ...m.plain.exact.keys(),
    ...m.plain.loose.keys(),
    ...m.groups.keys(),
  ]),
);

/** A row's header texts: as typed (trimmed), {@link normHeader} form, and {@link looseHeader} of that ('' for blank cells). */
interface RowTexts {
  raw: string[];
  norm: string[];
  loose: string[];
}

/** Texts of a row's cells (merged areas filled), read once per row and width for all the tables tried. */
type TextsOf = (row: number, width: number) => RowTexts;

/** A cell text's {@link normHeader} form and the {@link looseHeader} form of that ('' for both when blank). */
interface Forms {
  norm: string;
  loose: string;
}
const NO_FORMS: Forms = { norm: "", loose: "" };

function formsNow(text: string): Forms {
  const norm = normHeader(text);
  return { norm, loose: norm ? looseHeader(norm) : "" };
}

/** {@link formsNow}, remembered per text: the header search reads the same texts on many rows and sheets. */
const rememberedForms = rememberText(formsNow);

/** A digit: texts with one are mostly a row's own values (contract numbers, dates, telephone numbers). */
const DIGIT = /[0-9０-９]/;

/**
 * {@link Forms} of a cell: none for a number, date or boolean (no header is one); texts with a digit are worked on
 * without remembering (most are unique values of data rows, and remembering each would only fill memory that the
 * garbage collector must then copy); other texts are remembered.
 */
function formsOf(cell: Cell | undefined, text: string): Forms {
  if (text === "" || typeof cell?.v !== "string") return NO_FORMS;
  return DIGIT.test(text) ? formsNow(text) : rememberedForms(text);
}

/** A {@link TextsOf} that remembers each row it has read (for one {@link findHeader} call). */
function rowTextsCache(view: SheetView): TextsOf {
  const known = new Map<string, RowTexts>();
  return (row, width) => {
    const key = `${row}:${width}`;
    let texts = known.get(key);
    if (!texts) {
      texts = { raw: [], norm: [], loose: [] };
      for (let c = 0; c < width; c++) {
        const cell = view.cell(row, c);
        const t = trimText(cellText(cell));
        const forms = formsOf(cell, t);
        texts.raw.push(t);
        texts.norm.push(forms.norm);
        texts.loose.push(forms.loose);
      }
      known.set(key, texts);
    }
    return texts;
  };
}

/**
 * The texts of rows `row` and `row + 1` joined cell by cell (`所属省级重点` over `产业链` → `所属省级重点产业链`): a header
 * whose texts are split over two rows, as PDF-to-Excel converters and WPS write it. A cell of the lower row that is a
 * copy of a merged cell above, or not a text, adds nothing. Undefined when the lower row has no text to add.
 */
function joinedTexts(
  view: SheetView,
  row: number,
  width: number,
): RowTexts | undefined {
  const raw: string[] = [];
  let added = false;
  for (let c = 0; c < width; c++) {
    const top = view.cell(row, c);
    const below = view.isCopy(row + 1, c) ? undefined : view.cell(row + 1, c);
    const topText = typeof top?.v === "string" ? trimText(cellText(top)) : "";
    const belowText =
      typeof below?.v === "string" ? trimText(cellText(below)) : "";
    if (belowText !== "") added = true;
    raw.push(`${topText}${belowText}`);
  }
  // Forms only for a row that something joins: the caller drops the others.
  if (!added) return undefined;
  const texts: RowTexts = { raw, norm: [], loose: [] };
  for (const t of raw) {
    const forms = t === "" ? NO_FORMS : formsNow(t);
    texts.norm.push(forms.norm);
    texts.loose.push(forms.loose);
  }
  return texts;
}

/** True when a row's texts hold at least one header text that some table knows. */
function hasKnownText(texts: RowTexts): boolean {
  return texts.norm.some(
    (n, c) =>
      n !== "" && (KNOWN_TEXTS.has(n) || KNOWN_TEXTS.has(texts.loose[c]!)),
  );
}

/** The column key of cell `c` of a row: by its exact normalised text, else by its loose form. */
function lookupAt(
  index: HeaderIndex,
  texts: RowTexts,
  c: number,
): string | undefined {
  return index.exact.get(texts.norm[c]!) ?? index.loose.get(texts.loose[c]!);
}

/** The sub-column key for a cell under a group: by its own text, else the group's first unused sub-column. */
function subKey(
  g: GroupIndex,
  sub: RowTexts | undefined,
  c: number,
  used: Record<string, number>,
): string | undefined {
  const own = sub && sub.norm[c] ? lookupAt(g, sub, c) : undefined;
  if (own !== undefined && used[own] === undefined) return own;
  return g.keys.find((k) => used[k] === undefined);
}

/** Matches row `row` (and `row + 1` when it holds sub-headers of a group) against one table. */
function matchRow(
  view: SheetView,
  row: number,
  m: TableMatcher,
  textsOf: TextsOf,
  joined?: RowTexts,
): HeaderMatch {
  const width = Math.max(view.width(row), view.width(row + 1));
  const top = joined ?? textsOf(row, width);
  const sub =
    m.groups.size > 0 && joined === undefined
      ? textsOf(row + 1, width)
      : undefined;
  const groupAt = (c: number): GroupIndex | undefined => {
    const t = top.norm[c]!;
    return t ? (m.groups.get(t) ?? m.groups.get(top.loose[c]!)) : undefined;
  };
  // Two header rows when a group's cell has one of that group's sub-headers under it.
  let twoRows = false;
  if (sub) {
    for (let c = 0; c < width && !twoRows; c++) {
      const g = groupAt(c);
      twoRows =
        g !== undefined &&
        sub.norm[c] !== "" &&
        lookupAt(g, sub, c) !== undefined;
    }
  }
  const columns: Record<string, number> = {};
  const extraColumns: { header: string; col: number }[] = [];
  let group: GroupIndex | undefined;
  for (let c = 0; c < width; c++) {
    const t = top.norm[c]!;
    const underGroup =
      t === "" && twoRows && group !== undefined && sub!.norm[c] !== "";
    if (t === "" && !underGroup) continue;
    const g = t === "" ? group : groupAt(c);
    if (g) {
      group = g;
      // Without a sub-header row, a group cell merged over several columns is one sub-column per column.
      const key = subKey(g, twoRows ? sub : undefined, c, columns);
      if (key !== undefined) columns[key] = c;
      else
        extraColumns.push({
          header: twoRows ? `${g.name}/${sub!.raw[c]}` : top.raw[c]!,
          col: c,
        });
      continue;
    }
    group = undefined;
    const key = lookupAt(m.plain, top, c);
    if (key !== undefined && columns[key] === undefined) columns[key] = c;
    else if (!view.isCopy(row, c))
      extraColumns.push({ header: top.raw[c]!, col: c });
  }
  // Header cells merged down over more rows (a tall header): those rows are header too.
  const cols = Object.values(columns);
  let lastRow = twoRows || joined !== undefined ? row + 1 : row;
  while (cols.length > 0 && cols.every((c) => view.isCopy(lastRow + 1, c)))
    lastRow++;
  return {
    table: m.table,
    firstRow: row,
    lastRow,
    columns,
    extraColumns,
    matched: Object.keys(columns).length,
  };
}

/** Rows scanned for a header from the top of a sheet (or from the end of the table above). */
export const HEADER_SCAN_ROWS = 30;

/**
 * The best header on a sheet: the (row, table) pair matching the most columns, among {@link HEADER_SCAN_ROWS} rows
 * from `from`; ties go to the table whose columns are matched in the larger share.
 * @param tables the tables to try (all of the catalog by default; one for a marked template).
 * @param from 0-based first row to scan.
 * @param exhaustive match every row, even those that cannot beat the best match so far (tests hold the skipping
 *   equal to this).
 * @returns undefined when no cell of those rows matches any column.
 */
export function findHeader(
  view: SheetView,
  tables?: readonly TableDef[],
  from = 0,
  exhaustive = false,
): HeaderMatch | undefined {
  const matchers = tables
    ? MATCHERS.filter((m) => tables.includes(m.table))
    : MATCHERS;
  let best: HeaderMatch | undefined;
  const textsOf = rowTextsCache(view);
  const last = Math.min(view.rowCount, from + HEADER_SCAN_ROWS);
  for (let r = from; r < last; r++) {
    if (view.width(r) === 0) continue;
    // matchRow starts from the row's own header texts: a row without any known one (a data row) is skipped at once.
    const width = Math.max(view.width(r), view.width(r + 1));
    // A row matches at most one column per cell: a row no wider than the best match cannot beat it (a tie would need
    // a larger share than a full match). The data rows under a whole header are skipped so, unread.
    if (
      best &&
      !exhaustive &&
      (width < best.matched ||
        (width === best.matched && best.matched === best.table.columns.length))
    )
      continue;
    const top = textsOf(r, width);
    const single = hasKnownText(top);
    // A header split over this row and the next is read joined, when that matches more columns.
    const twoRows =
      view.width(r + 1) > 0 ? joinedTexts(view, r, width) : undefined;
    const joined = twoRows && hasKnownText(twoRows) ? twoRows : undefined;
    if (!single && !joined) continue;
    for (const m of matchers) {
      let h = single ? matchRow(view, r, m, textsOf) : undefined;
      if (joined && m.groups.size === 0) {
        const j = matchRow(view, r, m, textsOf, joined);
        if (!h || j.matched > h.matched) h = j;
      }
      if (!h || h.matched === 0) continue;
      if (
        !best ||
        h.matched > best.matched ||
        (h.matched === best.matched &&
          h.matched / h.table.columns.length >
            best.matched / best.table.columns.length)
      )
        best = h;
    }
  }
  return best;
}

/**
 * Columns a header must match for the sheet to be read as that table: at least 3, and at least half of the table's
 * non-optional columns (T1: 7 of 14; 项目情况表: 6 of 11). Fewer matches are reported as a likeness, not checked.
 */
export function isRecognised(h: HeaderMatch): boolean {
  const needed = h.table.columns.filter(
    (c) => c.required !== "optional",
  ).length;
  return h.matched >= Math.max(3, Math.ceil(needed / 2));
}
