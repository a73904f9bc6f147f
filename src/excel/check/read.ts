/**
 * Reads the open workbook into the core's grid (core/grid.ts) with Office.js, in a fixed number of
 * `context.sync()` calls whatever the row count, and in requests small enough for Excel on the web (it refuses a
 * request or response over 5 MB, and one sync is one request: Microsoft's guidance is to split large reads into
 * several syncs).
 *
 * - sync 1 ({@link readBook}): sheet names, ids and visibility, the workbook-scoped names (our own sheets' marks);
 * - sync 2 ({@link loadSheets}): per sheet its sheet-scoped names (template marks), used range (cells with values),
 *   its hidden rows and columns (hidden.ts), and its first {@link SAMPLE_ROWS} rows;
 * - sync 3 ({@link readMergedAreas}): merged areas (ExcelApi 1.13, when present);
 * - then the remaining rows in blocks, queued so that one sync carries at most {@link MAX_REQUEST_BYTES} by the
 *   bytes per row measured on the sample (the largest row of its lower half, plus a quarter); a workbook whose rows past the
 *   samples fit in one such request is read in 4 syncs in all, a small one (every sheet within its sample) in 3 (one
 *   fewer without ExcelApi 1.13).
 *
 * Per cell: `values`, `formulas` and `numberFormat` (no displayed text: a number in a text column reads as the number).
 * Errors (`#REF!`) come as text in `values`. Dates: a number whose format shows a date gets `date` (1900 date system:
 * Office.js does not say whether the workbook uses 1904). Hidden rows and columns are read as a whole (hidden.ts), in
 * sync 2: ROW-HIDDEN names those holding data.
 */
import { parseMarkName } from "../../core/catalog/mark";
import type { Cell, Sheet, Workbook } from "../../core/grid";
import { LIST_SHEET_NAME } from "../../core/template/lists";
import { formatShowsDate, serialDate } from "../../core/parse/numberFormat";
import { parseArea, splitAddress } from "./address";
import { loadHidden, readHidden } from "./hidden";
import { ownSheetNames } from "./ownSheets";
import { isExcelApiSupported } from "../requirements";

/** Most bytes one sync may carry: under Excel on the web's 5 MB, with room for the request's own overhead. */
export const MAX_REQUEST_BYTES = 4_000_000;

/** Rows read with the sheet's metadata, to measure bytes per row (and all the data of a small sheet). */
export const SAMPLE_ROWS = 50;

/** What sync 1 gives: the workbook's name, the sheets in order and which of them are ours. */
export interface BookInfo {
  /** The document's name (`贷款.xlsx`), as reports show it. */
  fileName: string;
  /** The active sheet. */
  active: string;
  sheets: { name: string; id: string; hidden: boolean }[];
  /** Names of our 审核结果 and explanation sheets (core/ownSheets.ts), from their workbook-scoped marks. */
  own: { review?: string; explanation?: string };
}

/** A sheet's used area: 0-based first row/column and size (cells holding values). */
export interface UsedArea {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** Sync 1: the workbook's name, active sheet, sheets and workbook-scoped names. */
export async function readBook(
  context: Excel.RequestContext,
): Promise<BookInfo> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/id,items/visibility");
  const names = context.workbook.names;
  names.load("items/name,items/formula");
  context.workbook.load("name");
  const active = context.workbook.worksheets.getActiveWorksheet();
  active.load("name");
  await context.sync();
  return {
    fileName: context.workbook.name,
    active: active.name,
    sheets: sheets.items.map((s) => ({
      name: s.name,
      id: s.id,
      hidden: s.visibility !== "Visible",
    })),
    own: ownSheetNames(names.items),
  };
}

/**
 * Bytes a value takes as JSON with every non-ASCII character escaped (`\u4e2d`, 6 bytes): the larger of the two ways
 * a host may count a request or response (UTF-8 takes 3 bytes for a Chinese character), so a budget on this number
 * holds either way.
 */
export function jsonBytes(x: unknown): number {
  const s = JSON.stringify(x) ?? "";
  let n = 0;
  for (let i = 0; i < s.length; i++) n += s.charCodeAt(i) < 0x80 ? 1 : 6;
  return n;
}

/** Bytes of one row of a loaded block (its values, formulas and number formats). */
export function rowBytes(range: Excel.Range, r: number): number {
  return jsonBytes([range.values[r], range.formulas[r], range.numberFormat[r]]);
}

/** Text Excel shows for an error value. */
const ERROR_VALUE =
  /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/;

/** One cell from Office.js's arrays; undefined for an empty cell (no value, no formula). */
export function toCell(
  value: unknown,
  formula: unknown,
  numberFormat: unknown,
): Cell | undefined {
  const f =
    typeof formula === "string" && formula.startsWith("=") && formula !== value
      ? formula.slice(1)
      : undefined;
  const z = typeof numberFormat === "string" ? numberFormat : undefined;
  let cell: Cell;
  if (typeof value === "number") {
    cell = { v: value };
    const date =
      z !== undefined && formatShowsDate(z)
        ? serialDate(value, false)
        : undefined;
    if (date) cell.date = date;
  } else if (typeof value === "boolean") cell = { v: value };
  else if (typeof value === "string" && ERROR_VALUE.test(value))
    cell = { v: null, e: value };
  else {
    const s = value === null || value === undefined ? "" : String(value);
    if (s === "" && !f) return undefined;
    cell = { v: s };
  }
  if (z !== undefined) cell.z = z;
  if (f) cell.f = f;
  return cell;
}

/**
 * Writes the rows of a loaded block into a sheet's grid, replacing those grid rows entirely.
 * @param first 0-based grid row of the block's first row; `col` its first column
 * @param count rows of the block to take (a sample may hold rows past the used area)
 */
export function putRows(
  sheet: Sheet,
  range: Excel.Range,
  first: number,
  col: number,
  count: number,
): void {
  for (let r = 0; r < count; r++) {
    const row: (Cell | undefined)[] = [];
    const values = range.values[r]!;
    let last = -1;
    for (let c = 0; c < values.length; c++) {
      const cell = toCell(
        values[c],
        range.formulas[r]![c],
        range.numberFormat[r]![c],
      );
      if (cell) {
        row[col + c] = cell;
        last = col + c;
      }
    }
    row.length = last + 1;
    sheet.rows[first + r] = row;
  }
  // Trailing rows without cells leave the grid (the file reader stops at the last cell too).
  let n = sheet.rows.length;
  while (n > 0 && !(sheet.rows[n - 1]?.length ?? 0)) n--;
  sheet.rows.length = n;
}

/** A sheet being read: its grid, used area and what is still to load. */
export interface SheetRead {
  sheet: Sheet;
  used: UsedArea;
  /** Bytes per row estimated from the sample. */
  rowBytes: number;
}

/**
 * Queues sync 2's loads for the given sheets; call `read()` after the sync.
 * @returns per sheet: its grid so far (the sample rows, marks, merges, visibility) and its used area
 */
export function loadSheets(
  context: Excel.RequestContext,
  sheets: readonly { name: string; hidden: boolean }[],
): { read(): SheetRead[] } {
  const queued = sheets.map(({ name, hidden }) => {
    const ws = context.workbook.worksheets.getItem(name);
    ws.names.load("items/name");
    const used = ws.getUsedRange(true);
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    const hiddenLines = loadHidden(used);
    const sample = used.getRow(0).getResizedRange(SAMPLE_ROWS - 1, 0);
    sample.load("values,formulas,numberFormat");
    return { name, hidden, ws, used, hiddenLines, sample };
  });
  return {
    read: () =>
      queued.map(({ name, hidden, ws, used, hiddenLines, sample }) => {
        const sheet: Sheet = { name, rows: [], merges: [] };
        if (hidden) sheet.hidden = true;
        for (const n of ws.names.items) {
          const mark = parseMarkName(n.name);
          if (mark && !sheet.mark) sheet.mark = mark;
        }
        const area: UsedArea = {
          row: used.rowIndex,
          col: used.columnIndex,
          rows: used.rowCount,
          cols: used.columnCount,
        };
        const lines = readHidden(hiddenLines, area);
        if (lines.rows.length > 0) sheet.hiddenRows = lines.rows;
        if (lines.cols.length > 0) sheet.hiddenCols = lines.cols;
        const count = Math.min(SAMPLE_ROWS, area.rows);
        putRows(sheet, sample, area.row, area.col, count);
        // Bytes per row from the lower half of the sample: data rows (title and header rows are not typical).
        let most = 0;
        for (let r = Math.floor(count / 2); r < count; r++)
          most = Math.max(most, rowBytes(sample, r));
        return { sheet, used: area, rowBytes: Math.ceil(most * 1.25) + 16 };
      }),
  };
}

/** Most rows of one merged-area read before it is split (a read fails above 512 areas). */
export const MERGE_CHUNK_ROWS = 200;

/**
 * Reads the merged areas of the sheets' used ranges (ExcelApi 1.13; without it merged cells read as Excel stores
 * them, the value in the top-left cell only) into their grids. `getMergedAreasOrNullObject` fails on a range with
 * more than 512 merged areas, and one failing load fails its whole sync: the used ranges are read in chunks of
 * {@link MERGE_CHUNK_ROWS} rows, all in one sync; when that sync fails the chunks are split in halves (first the
 * list, then a chunk's rows) and read again, down to single rows. A single row that still fails is left without
 * merges (a row of more than 512 merged areas is no table of the notice). Usually 1 sync; O(log) more when a sheet
 * is heavily merged.
 */
export async function readMergedAreas(
  context: Excel.RequestContext,
  read: readonly SheetRead[],
): Promise<void> {
  if (!isExcelApiSupported("1.13")) return;
  const chunks: MergeChunk[] = [];
  for (const r of read)
    for (let row = 0; row < r.used.rows; row += MERGE_CHUNK_ROWS)
      chunks.push({
        read: r,
        row: r.used.row + row,
        rows: Math.min(MERGE_CHUNK_ROWS, r.used.rows - row),
      });
  await readMergeChunks(context, chunks);
}

interface MergeChunk {
  read: SheetRead;
  row: number;
  rows: number;
}

async function readMergeChunks(
  context: Excel.RequestContext,
  chunks: MergeChunk[],
): Promise<void> {
  if (chunks.length === 0) return;
  const loads = chunks.map((chunk) => {
    const { used, sheet } = chunk.read;
    const areas = context.workbook.worksheets
      .getItem(sheet.name)
      .getRangeByIndexes(chunk.row, used.col, chunk.rows, used.cols)
      .getMergedAreasOrNullObject();
    areas.load("address");
    return { chunk, areas };
  });
  try {
    await context.sync();
  } catch {
    if (chunks.length > 1) {
      const half = Math.ceil(chunks.length / 2);
      await readMergeChunks(context, chunks.slice(0, half));
      await readMergeChunks(context, chunks.slice(half));
      return;
    }
    const [only] = chunks;
    if (only!.rows === 1) return;
    const top = Math.ceil(only!.rows / 2);
    await readMergeChunks(context, [
      { ...only!, rows: top },
      { ...only!, row: only!.row + top, rows: only!.rows - top },
    ]);
    return;
  }
  for (const { chunk, areas } of loads) {
    if (areas.isNullObject) continue;
    for (const a of splitAddress(areas.address)) {
      const area = parseArea(a);
      // A merge crossing chunks is reported by both: keep it once.
      if (
        area &&
        !chunk.read.sheet.merges.some(
          (m) =>
            m.s.r === area.s.r &&
            m.s.c === area.s.c &&
            m.e.r === area.e.r &&
            m.e.c === area.e.c,
        )
      )
        chunk.read.sheet.merges.push(area);
    }
  }
}

/** A block of rows to load: sheet, 0-based first grid row and column, size. */
export interface BlockSpec {
  sheet: string;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/**
 * Splits rows to load into blocks and the blocks into requests (one sync each) of at most `limit` estimated bytes.
 * @param items per sheet: the rows still to load and the bytes per row
 * @returns the requests in order, each a list of blocks (a sheet's rows may continue in the next request)
 */
export function planRequests(
  items: readonly {
    sheet: string;
    row: number;
    col: number;
    rows: number;
    cols: number;
    rowBytes: number;
  }[],
  limit: number = MAX_REQUEST_BYTES,
): BlockSpec[][] {
  const requests: BlockSpec[][] = [];
  let current: BlockSpec[] = [];
  let room = limit;
  for (const it of items) {
    const per = Math.max(1, it.rowBytes);
    let row = it.row;
    let left = it.rows;
    while (left > 0) {
      let n = Math.min(left, Math.max(0, Math.floor(room / per)));
      // A single row larger than the limit still has to be read: alone in its request.
      if (n === 0 && current.length === 0) n = 1;
      if (n === 0) {
        requests.push(current);
        current = [];
        room = limit;
        continue;
      }
      current.push({
        sheet: it.sheet,
        row,
        col: it.col,
        rows: n,
        cols: it.cols,
      });
      room -= n * per;
      row += n;
      left -= n;
    }
  }
  if (current.length > 0) requests.push(current);
  return requests;
}

/** Queues the loads of blocks; after the sync, `read()` writes their rows into the grids. */
export function loadBlocks(
  context: Excel.RequestContext,
  blocks: readonly BlockSpec[],
  grids: ReadonlyMap<string, Sheet>,
): { read(): void } {
  const queued = blocks.map((b) => {
    const range = context.workbook.worksheets
      .getItem(b.sheet)
      .getRangeByIndexes(b.row, b.col, b.rows, b.cols);
    range.load("values,formulas,numberFormat");
    return { b, range };
  });
  return {
    read() {
      for (const { b, range } of queued)
        putRows(grids.get(b.sheet)!, range, b.row, b.col, b.rows);
    },
  };
}

/**
 * Reads sheets completely: sync 2's loads (see the module comment), then the remaining rows, one sync per request.
 * @param alongside blocks of other rows to load in the first sync (live re-check), into their own grids
 * @returns the sheets' grids and used areas, in the order given
 */
export async function readSheets(
  context: Excel.RequestContext,
  sheets: readonly { name: string; hidden: boolean }[],
  alongside?: {
    blocks: readonly BlockSpec[];
    grids: ReadonlyMap<string, Sheet>;
  },
): Promise<SheetRead[]> {
  const meta = loadSheets(context, sheets);
  const other =
    alongside && loadBlocks(context, alongside.blocks, alongside.grids);
  await context.sync();
  other?.read();
  const read = meta.read();
  await readMergedAreas(context, read);
  const grids = new Map(read.map((r) => [r.sheet.name, r.sheet]));
  const rest = read
    .filter((r) => r.used.rows > SAMPLE_ROWS)
    .map((r) => ({
      sheet: r.sheet.name,
      row: r.used.row + SAMPLE_ROWS,
      col: r.used.col,
      rows: r.used.rows - SAMPLE_ROWS,
      cols: r.used.cols,
      rowBytes: r.rowBytes,
    }));
  for (const request of planRequests(rest)) {
    const loaded = loadBlocks(context, request, grids);
    // One sync per request on purpose: Excel on the web refuses a sync over 5 MB.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    loaded.read();
  }
  return read;
}

/** The whole open workbook as read by {@link readOpenWorkbook}. */
export interface OpenWorkbook {
  workbook: Workbook;
  book: BookInfo;
  /** Used area per sheet read. */
  used: Map<string, UsedArea>;
}

/**
 * Reads the open workbook (every sheet, hidden ones too, except our dropdown-list and 审核结果 sheets, which are not
 * data): 2 syncs, plus one per request of remaining rows.
 */
export async function readOpenWorkbook(
  context: Excel.RequestContext,
): Promise<OpenWorkbook> {
  const book = await readBook(context);
  const wanted = book.sheets.filter(
    (s) => s.name !== LIST_SHEET_NAME && s.name !== book.own.review,
  );
  const read = await readSheets(context, wanted);
  return {
    workbook: {
      fileName: book.fileName,
      sheets: read.map((r) => r.sheet),
      date1904: false,
    },
    book,
    used: new Map(read.map((r) => [r.sheet.name, r.used])),
  };
}
