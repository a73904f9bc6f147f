/**
 * Reads the open workbook into the core's grid (core/model/grid.ts) with Office.js, in a fixed number of
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
 * - estimates can be wrong (long texts below the sample, many wide sheets whose samples together pass 5 MB): a sync
 *   Excel refuses for its size is split in halves — its blocks, then a block's rows — and read again, down to single
 *   rows ({@link readBlocks}); sync 2 refused for its size is done again as metadata alone, then the samples as blocks.
 *
 * Per cell: `values`, `formulas` and `numberFormat` (no displayed text: a number in a text column reads as the number).
 * Errors (`#REF!`) come as text in `values`. Dates: a number whose format shows a date gets `date` (1900 date system:
 * Office.js does not say whether the workbook uses 1904). Hidden rows and columns are read as a whole (hidden.ts), in
 * sync 2: ROW-HIDDEN names those holding data.
 */
import { parseMarkName } from "../../core/catalog/mark";
import {
  type Cell,
  parseRange,
  type Sheet,
  type Workbook,
} from "../../core/model/grid";
import { LIST_SHEET_NAME } from "../../core/template/lists";
import { formatShowsDate, serialDate } from "../../core/parse/numberFormat";
import { isPayloadError, jsonBytes, MAX_REQUEST_BYTES } from "../budget";
import { splitAddress } from "./address";
import { loadHidden, readHidden } from "./hidden";
import { ownSheetNames } from "./ownSheets";
import { isExcelApiSupported } from "../requirements";

export { jsonBytes, MAX_REQUEST_BYTES };

/** Rows read with the sheet's metadata, to measure bytes per row (and all the data of a small sheet). */
export const SAMPLE_ROWS = 50;

/** What sync 1 gives: the workbook's name, the sheets in order and which of them are ours. */
export interface BookInfo {
  /** The document's name (`贷款.xlsx`), as reports show it. */
  fileName: string;
  /** The active sheet. */
  active: string;
  sheets: { name: string; id: string; hidden: boolean }[];
  /** Names of our 审核结果 and explanation sheets (core/check/ownSheets.ts), from their workbook-scoped marks. */
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

/** Bytes per row for a read budget: the largest row of the sample's lower half, plus a quarter. */
function estimateRowBytes(most: number): number {
  return Math.ceil(most * 1.25) + 16;
}

/**
 * Queues sync 2's loads for the given sheets; call `read()` after the sync.
 * @param samples also load each sheet's first {@link SAMPLE_ROWS} rows (without them, the grids stay empty and
 *   `rowBytes` is 0 until the caller reads rows)
 * @returns per sheet: its grid so far (the sample rows, marks, merges, visibility) and its used area
 */
export function loadSheets(
  context: Excel.RequestContext,
  sheets: readonly { name: string; hidden: boolean }[],
  samples = true,
): { read(): SheetRead[] } {
  const queued = sheets.map(({ name, hidden }) => {
    const ws = context.workbook.worksheets.getItem(name);
    ws.names.load("items/name");
    const used = ws.getUsedRange(true);
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    const hiddenLines = loadHidden(used);
    const sample = samples
      ? used.getRow(0).getResizedRange(SAMPLE_ROWS - 1, 0)
      : undefined;
    sample?.load("values,formulas,numberFormat");
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
        if (!sample) return { sheet, used: area, rowBytes: 0 };
        const count = Math.min(SAMPLE_ROWS, area.rows);
        putRows(sheet, sample, area.row, area.col, count);
        // Bytes per row from the lower half of the sample: data rows (title and header rows are not typical).
        let most = 0;
        for (let r = Math.floor(count / 2); r < count; r++)
          most = Math.max(most, rowBytes(sample, r));
        return { sheet, used: area, rowBytes: estimateRowBytes(most) };
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
      const area = parseRange(a);
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

/**
 * Queues the loads of blocks; after the sync, `read()` writes their rows into the grids.
 * @param measure when given, `read()` records per sheet the largest row it read, in bytes ({@link rowBytes})
 */
export function loadBlocks(
  context: Excel.RequestContext,
  blocks: readonly BlockSpec[],
  grids: ReadonlyMap<string, Sheet>,
  measure?: Map<string, number>,
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
      for (const { b, range } of queued) {
        putRows(grids.get(b.sheet)!, range, b.row, b.col, b.rows);
        if (!measure) continue;
        let most = measure.get(b.sheet) ?? 0;
        for (let r = 0; r < b.rows; r++)
          most = Math.max(most, rowBytes(range, r));
        measure.set(b.sheet, most);
      }
    },
  };
}

/**
 * Reads blocks in one sync; when Excel refuses it for its size, in halves (the list of blocks, then a block's rows),
 * each read the same way — a few more syncs instead of a failed check. A single row still refused fails.
 * @throws what Excel throws, other than a size refusal of more than one row
 */
export async function readBlocks(
  context: Excel.RequestContext,
  blocks: readonly BlockSpec[],
  grids: ReadonlyMap<string, Sheet>,
  measure?: Map<string, number>,
): Promise<void> {
  if (blocks.length === 0) return;
  const loaded = loadBlocks(context, blocks, grids, measure);
  try {
    await context.sync();
  } catch (err) {
    const [only] = blocks;
    if (!isPayloadError(err) || (blocks.length === 1 && only!.rows === 1))
      throw err;
    const halves: BlockSpec[][] =
      blocks.length > 1
        ? [
            blocks.slice(0, Math.ceil(blocks.length / 2)),
            blocks.slice(Math.ceil(blocks.length / 2)),
          ]
        : [
            [{ ...only!, rows: Math.ceil(only!.rows / 2) }],
            [
              {
                ...only!,
                row: only!.row + Math.ceil(only!.rows / 2),
                rows: only!.rows - Math.ceil(only!.rows / 2),
              },
            ],
          ];
    for (const half of halves) await readBlocks(context, half, grids, measure);
    return;
  }
  loaded.read();
}

/** Blocks of rows read alongside whole sheets (live re-check), into their own grids. */
export interface Alongside {
  blocks: readonly BlockSpec[];
  grids: ReadonlyMap<string, Sheet>;
  /** Estimated bytes per row of each sheet (for splitting the blocks into requests). */
  rowBytes: ReadonlyMap<string, number>;
}

/**
 * Sync 2 (see the module comment): metadata and samples, with the first request of `alongside`'s blocks. Refused
 * for its size, it is done again as metadata alone, then the samples and the blocks through {@link readBlocks}.
 */
async function readMetaAndSamples(
  context: Excel.RequestContext,
  sheets: readonly { name: string; hidden: boolean }[],
  alongside: Alongside | undefined,
): Promise<SheetRead[]> {
  const planned = alongside
    ? planRequests(
        alongside.blocks.map((b) => ({
          ...b,
          rowBytes: alongside.rowBytes.get(b.sheet) ?? 0,
        })),
      )
    : [];
  const [first = [], ...more] = planned;
  const meta = loadSheets(context, sheets);
  const other = alongside && loadBlocks(context, first, alongside.grids);
  let read: SheetRead[];
  try {
    await context.sync();
    other?.read();
    read = meta.read();
  } catch (err) {
    if (!isPayloadError(err)) throw err;
    const dims = loadSheets(context, sheets, false);
    await context.sync();
    read = dims.read();
    const grids = new Map(read.map((r) => [r.sheet.name, r.sheet]));
    const measure = new Map<string, number>();
    await readBlocks(
      context,
      read
        .filter((r) => r.used.rows > 0)
        .map((r) => ({
          sheet: r.sheet.name,
          row: r.used.row,
          col: r.used.col,
          rows: Math.min(SAMPLE_ROWS, r.used.rows),
          cols: r.used.cols,
        })),
      grids,
      measure,
    );
    for (const r of read)
      r.rowBytes = estimateRowBytes(measure.get(r.sheet.name) ?? 0);
    if (alongside) await readBlocks(context, first, alongside.grids);
  }
  // The rest of the blocks read alongside, one request per sync.
  for (const request of more)
    await readBlocks(context, request, alongside!.grids);
  return read;
}

/**
 * Reads sheets completely: sync 2's loads (see the module comment), then the remaining rows, one sync per request.
 * @param alongside blocks of other rows to load too (live re-check), into their own grids: the first request's worth
 *   in sync 2, the rest in syncs of their own
 * @returns the sheets' grids and used areas, in the order given
 */
export async function readSheets(
  context: Excel.RequestContext,
  sheets: readonly { name: string; hidden: boolean }[],
  alongside?: Alongside,
): Promise<SheetRead[]> {
  const read = await readMetaAndSamples(context, sheets, alongside);
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
  // One sync per request on purpose: Excel on the web refuses a sync over 5 MB.
  for (const request of planRequests(rest))
    await readBlocks(context, request, grids);
  return read;
}

/** The whole open workbook as read by {@link readOpenWorkbook}. */
export interface OpenWorkbook {
  workbook: Workbook;
  book: BookInfo;
  /** Used area per sheet read. */
  used: Map<string, UsedArea>;
  /** Estimated bytes per row of each sheet read (for the live re-check's requests). */
  rowBytes: Map<string, number>;
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
    rowBytes: new Map(read.map((r) => [r.sheet.name, r.rowBytes])),
  };
}
