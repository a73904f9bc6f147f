/**
 * Live checking in Excel. After a first full check, edits are re-checked about
 * {@link LIVE_DELAY_MS} after they stop:
 *
 * - `worksheets.onChanged` (one handler for every sheet, ExcelApi 1.9): the edited rows of a recognised table are
 *   re-read (only those rows, the table's columns, one batched read) and re-checked with the row rules, the table
 *   rules re-run on the table (core/check/recheck.ts); an edit of the title or header rows, a row/column insertion or
 *   deletion, or an edit too large (more than {@link MAX_EDIT_ROWS} rows) re-reads the whole sheet instead. Edits of
 *   sheets that are not tables are picked up when the user leaves the sheet (below) or by 重新检查.
 * - Edits Excel does not report (a dropdown pick in Excel on the web, a fill over filtered rows, a paste without
 *   details): on `onSelectionChanged` the rows of the previous selection on that sheet are re-read, and on
 *   `onActivated` the sheet just left is re-read whole. When nothing changed, nothing is reported.
 * - A sheet added or deleted: a full check; so is a re-check that fails (a sheet renamed since the last read).
 * - Rows of a table hidden or shown (`onRowHiddenChanged`, ExcelApi 1.11): the sheet is re-read whole (ROW-HIDDEN);
 *   hidden columns have no event and are picked up when the user leaves the sheet.
 * - The user typing in a cell: re-checks run with `delayForCellEdit` (ExcelApi 1.11) and wait for the edit to end;
 *   on older Excel a batch refused with InvalidOperationInCellEditMode puts its rows back and is tried again after
 *   the quiet time — edited rows are never dropped.
 *
 * A re-check of rows or sheets takes at most 2 `context.sync()` (one read, plus one for the rest of a whole sheet
 * larger than its first 50 rows, when it fits in one 4 MB request); edited rows that do not fit in one request are
 * read in several, each under Excel on the web's 5 MB (read.ts), only those rows and only the used columns. Our own writes are ignored
 * (ownWrites.ts). A whole-sheet re-read that changed something re-runs the whole check in memory (`checkWorkbook` on
 * the cached grids, no further reads), so its findings are exactly the CLI's.
 */
import { parseRange, type Sheet } from "../../core/model/grid";
import {
  type LiveWorkbook,
  liveWorkbook,
  recheckRows,
} from "../../core/check/recheck";
import type { WorkbookReport } from "../../core/check/report";
import { checkWorkbook } from "../../core/check/engine";
import { LIST_SHEET_NAME } from "../../core/template/lists";
import { officeErrorCode, toOperationError } from "../officeErrors";
import { isExcelApiSupported } from "../requirements";
import type { OwnWrites } from "./ownWrites";
import {
  type BlockSpec,
  type OpenWorkbook,
  readOpenWorkbook,
  readSheets,
  type SheetRead,
} from "./read";

/** Quiet time after the last edit before re-checking, in milliseconds. */
export const LIVE_DELAY_MS = 300;

/** An edit of more rows than this re-reads the whole sheet. */
export const MAX_EDIT_ROWS = 2000;

/** Change types that move cells: the sheet is re-read whole. */
const STRUCTURAL = new Set([
  "RowInserted",
  "RowDeleted",
  "ColumnInserted",
  "ColumnDeleted",
  "CellInserted",
  "CellDeleted",
]);

/**
 * The 0-based rows of an address (`C5:D7`, `5:7`, `A1:B2, D4`), or "all" for whole columns or more than
 * {@link MAX_EDIT_ROWS} rows.
 */
export function rowsOfAddress(address: string): number[] | "all" {
  const rows = new Set<number>();
  for (const part of address.replace(/^.*!/, "").split(",")) {
    const whole = /^\$?(\d+)(?::\$?(\d+))?$/.exec(part.trim());
    const area = whole ? undefined : parseRange(part);
    if (!whole && !area) return "all";
    const first = whole ? Number(whole[1]) - 1 : area!.s.r;
    const last = whole ? Number(whole[2] ?? whole[1]) - 1 : area!.e.r;
    if (last - first + 1 + rows.size > MAX_EDIT_ROWS) return "all";
    for (let r = first; r <= last; r++) rows.add(r);
  }
  return [...rows].sort((a, b) => a - b);
}

/** Consecutive runs of sorted rows: `[4,5,6,9]` → `[[4,3],[9,1]]` (first row, count). */
function runs(rows: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const r of rows) {
    const last = out[out.length - 1];
    if (last && last[0] + last[1] === r) last[1]++;
    else out.push([r, 1]);
  }
  return out;
}

/** What is waiting to be re-read: per sheet some rows, or the whole sheet; or the whole workbook. */
interface Pending {
  full: boolean;
  sheets: Map<string, Set<number> | "all">;
}

/** Options of {@link startLive}. */
export interface LiveOptions {
  onUpdate: (report: WorkbookReport) => void;
  onError?: (message: string) => void;
  ownWrites: OwnWrites;
  /** Quiet time before re-checking (default {@link LIVE_DELAY_MS}). */
  delayMs?: number;
}

/** A running live check. */
export interface LiveHandle {
  /** Removes the event handlers; pending re-checks are dropped. */
  stop(): Promise<void>;
  /** Resolves when no re-check is waiting or running (tests, and the UI's 重新检查 after a fill). */
  idle(): Promise<void>;
  /** Re-checks rows this add-in itself just wrote (a fill), without reading them back. */
  wrote(
    sheet: string,
    cells: readonly { row: number; col: number; value: number }[],
  ): void;
}

function message(err: unknown): string {
  return toOperationError("实时检查", err).message;
}

/**
 * `Excel.run` for the re-checks: with `delayForCellEdit` (ExcelApi 1.11) a batch that arrives while the user is
 * typing in a cell waits until the edit ends instead of failing; older Excel fails it with
 * InvalidOperationInCellEditMode, and the caller keeps the work and tries again ({@link isCellEdit}).
 */
function runLive<T>(
  batch: (context: Excel.RequestContext) => Promise<T>,
): Promise<T> {
  return isExcelApiSupported("1.11")
    ? Excel.run({ delayForCellEdit: true }, batch)
    : Excel.run(batch);
}

/** True for the error of a batch refused because the user is editing a cell. */
function isCellEdit(err: unknown): boolean {
  return officeErrorCode(err) === "InvalidOperationInCellEditMode";
}

/**
 * Runs a full check, reports it, and keeps re-checking edits until stopped.
 * @throws Error (Chinese) when the first check fails
 */
export async function startLive(options: LiveOptions): Promise<LiveHandle> {
  const delay = options.delayMs ?? LIVE_DELAY_MS;
  let open: OpenWorkbook | undefined;
  let report: WorkbookReport | undefined;
  let tables: LiveWorkbook | undefined; // built at the first edit after a full check
  const names = new Map<string, string>(); // worksheet id → name
  const selection = new Map<string, string>(); // sheet → last selected address
  let active: string | undefined;
  let pending: Pending = { full: false, sheets: new Map() };
  let timer: ReturnType<typeof setTimeout> | undefined;
  let chain: Promise<void> = Promise.resolve();
  let running = 0;
  let stopped = false;
  let handlers: OfficeExtension.EventHandlerResult<unknown>[] = [];

  const schedule = (
    sheet: string | undefined,
    rows: readonly number[] | "all",
  ) => {
    if (stopped) return;
    if (sheet === undefined) pending.full = true;
    else {
      const had = pending.sheets.get(sheet);
      if (rows === "all" || had === "all") pending.sheets.set(sheet, "all");
      else pending.sheets.set(sheet, new Set([...(had ?? []), ...rows]));
    }
    arm();
  };

  /** Puts work back (the user was typing in a cell): it is tried again after the quiet time, never dropped. */
  const keep = (work: Pending) => {
    if (stopped) return;
    pending.full ||= work.full;
    for (const [sheet, rows] of work.sheets) {
      const had = pending.sheets.get(sheet);
      pending.sheets.set(
        sheet,
        rows === "all" || had === "all"
          ? "all"
          : new Set([...(had ?? []), ...rows]),
      );
    }
    arm();
  };

  function arm() {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      const work = pending;
      pending = { full: false, sheets: new Map() };
      running++;
      const full: Pending = { full: true, sheets: new Map() };
      chain = chain
        .then(() => process(work))
        .catch((e) => {
          if (isCellEdit(e)) return keep(work);
          // A sheet renamed or gone since the last read (no event for a rename before ExcelApi 1.17): read everything.
          return process(full).catch((e2) => {
            if (isCellEdit(e2)) keep(full);
            else options.onError?.(message(e2));
          });
        })
        .finally(() => running--);
    }, delay);
  }

  const isData = (sheet: string) =>
    sheet !== LIST_SHEET_NAME &&
    sheet !== open?.book.own.review &&
    sheet !== open?.book.own.explanation;
  const tableOf = (sheet: string) =>
    report?.tables.find((t) => t.sheet === sheet);

  const adopt = (next: OpenWorkbook) => {
    open = next;
    names.clear();
    for (const s of next.book.sheets) names.set(s.id, s.name);
    active ??= next.book.active;
    tables = undefined;
    report = checkWorkbook(next.workbook);
    options.onUpdate(report);
  };

  const onChanged = async (e: Excel.WorksheetChangedEventArgs) => {
    const sheet = names.get(e.worksheetId);
    if (sheet === undefined) return schedule(undefined, "all");
    if (!isData(sheet) || options.ownWrites.isOwn(sheet, e)) return;
    const table = tableOf(sheet);
    if (!table) return; // not a table: re-read when the user leaves the sheet
    if (STRUCTURAL.has(e.changeType)) return schedule(sheet, "all");
    const rows = rowsOfAddress(e.address);
    // Rows above the data (title, lines, header) decide recognition: re-read the sheet.
    if (rows === "all" || rows.some((r) => r < table.headerRow))
      return schedule(sheet, "all");
    schedule(sheet, rows);
  };
  const onSelectionChanged = async (
    e: Excel.WorksheetSelectionChangedEventArgs,
  ) => {
    const sheet = names.get(e.worksheetId);
    if (sheet === undefined) return;
    const previous = selection.get(sheet);
    selection.set(sheet, e.address);
    if (!previous || !isData(sheet) || !tableOf(sheet)) return;
    const rows = rowsOfAddress(previous);
    if (rows !== "all") schedule(sheet, rows);
  };
  const onActivated = async (e: Excel.WorksheetActivatedEventArgs) => {
    const sheet = names.get(e.worksheetId);
    const left = active;
    active = sheet;
    if (left !== undefined && left !== sheet && isData(left))
      schedule(left, "all");
  };
  const onAddedOrDeleted = async () => schedule(undefined, "all");
  // Hiding or showing rows changes no value, only ROW-HIDDEN: the table's sheet is read again (its hidden rows with
  // it). Columns have no such event: they are read again when the user leaves the sheet.
  const onRowHiddenChanged = async (
    e: Excel.WorksheetRowHiddenChangedEventArgs,
  ) => {
    const sheet = names.get(e.worksheetId);
    if (sheet !== undefined && isData(sheet) && tableOf(sheet))
      schedule(sheet, "all");
  };

  /** Re-reads what is pending and re-checks it. */
  async function process(work: Pending): Promise<void> {
    if (stopped || !open) return;
    if (work.full) {
      adopt(await runLive((context) => readOpenWorkbook(context)));
      return;
    }
    const current = open;
    const grids = new Map(current.workbook.sheets.map((s) => [s.name, s]));
    const whole = [...work.sheets]
      .filter(([, rows]) => rows === "all")
      .map(([name]) => name);
    const partial = [...work.sheets].filter(
      (e): e is [string, Set<number>] => e[1] !== "all",
    );
    // Fresh copies of the rows to re-read: compared with the cached grid before anything is replaced.
    const fresh = new Map<string, Sheet>();
    const blocks: BlockSpec[] = [];
    for (const [name, rows] of partial) {
      const used = current.used.get(name);
      if (!used || !grids.has(name)) continue;
      fresh.set(name, { name, rows: [], merges: [] });
      for (const [row, count] of runs([...rows].sort((a, b) => a - b)))
        blocks.push({
          sheet: name,
          row,
          col: 0,
          rows: count,
          cols: used.col + used.cols,
        });
    }
    const hidden = new Map(current.book.sheets.map((s) => [s.name, s.hidden]));
    const reread = await runLive((context) =>
      readSheets(
        context,
        whole
          .filter((n) => hidden.has(n))
          .map((name) => ({ name, hidden: hidden.get(name)! })),
        { blocks, grids: fresh, rowBytes: current.rowBytes },
      ),
    );
    if (stopped || open !== current) return;
    let changed = applyWhole(current, reread);
    if (changed) {
      adopt(current);
      return;
    }
    for (const [name, rows] of partial) {
      const sheet = grids.get(name);
      const copy = fresh.get(name);
      if (!sheet || !copy) continue;
      const edited = [...rows].filter(
        (r) => !sameRow(sheet.rows[r], copy.rows[r]),
      );
      if (edited.length === 0) continue;
      const table = tableOf(name);
      // An edit above the data (a missed header edit) may change recognition: check everything again.
      const rowsOnly =
        table !== undefined && edited.every((r) => r >= table.headerRow);
      if (rowsOnly) tables ??= liveWorkbook(current.workbook);
      for (const r of edited) sheet.rows[r] = copy.rows[r] ?? [];
      trimRows(sheet);
      changed = true;
      if (rowsOnly) report = recheckRows(tables!, name, edited);
      else adopt(current);
    }
    if (changed) options.onUpdate(report!);
  }

  /** Replaces whole sheets that changed; true when any did (the caller re-checks everything). */
  function applyWhole(current: OpenWorkbook, reread: SheetRead[]): boolean {
    let changed = false;
    for (const r of reread) {
      const i = current.workbook.sheets.findIndex(
        (s) => s.name === r.sheet.name,
      );
      if (i < 0) continue;
      current.used.set(r.sheet.name, r.used);
      current.rowBytes.set(r.sheet.name, r.rowBytes);
      if (sameSheet(current.workbook.sheets[i]!, r.sheet)) continue;
      current.workbook.sheets[i] = r.sheet;
      changed = true;
    }
    return changed;
  }

  // The handlers are registered in their own sync before the first read (no edit falls between read and
  // registration); when the read fails they are removed before the error goes up, so none is left behind.
  const first = await runLive(async (context) => {
    const sheets = context.workbook.worksheets;
    handlers = [
      sheets.onChanged.add(onChanged),
      sheets.onSelectionChanged.add(onSelectionChanged),
      sheets.onActivated.add(onActivated),
      sheets.onAdded.add(onAddedOrDeleted),
      sheets.onDeleted.add(onAddedOrDeleted),
      ...(isExcelApiSupported("1.11")
        ? [sheets.onRowHiddenChanged.add(onRowHiddenChanged)]
        : []),
    ];
    await context.sync();
    try {
      return await readOpenWorkbook(context);
    } catch (err) {
      stopped = true;
      for (const h of handlers) h.remove();
      handlers = [];
      await context.sync().catch(() => undefined);
      throw err;
    }
  });
  adopt(first);

  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      const context = handlers[0]?.context;
      if (!context) return;
      await Excel.run(context, async (ctx) => {
        for (const h of handlers) h.remove();
        await ctx.sync();
      });
      handlers = [];
    },
    async idle() {
      while (timer !== undefined || running > 0)
        await new Promise((r) => setTimeout(r, Math.max(1, delay)));
    },
    wrote(sheetName, cells) {
      const sheet = open?.workbook.sheets.find((s) => s.name === sheetName);
      if (!open || !sheet || !report) return;
      const table = tableOf(sheetName);
      if (table) tables ??= liveWorkbook(open.workbook);
      for (const { row, col, value } of cells) {
        const line = (sheet.rows[row] ??= []);
        line[col] = { ...line[col], v: value };
      }
      report = table
        ? recheckRows(tables!, sheetName, [...new Set(cells.map((c) => c.row))])
        : checkWorkbook(open.workbook);
      options.onUpdate(report);
    },
  };
}

/** Same cells (values, formulas, formats, errors) in two grid rows. */
function sameRow(
  a: Sheet["rows"][number] | undefined,
  b: Sheet["rows"][number] | undefined,
): boolean {
  return JSON.stringify(a ?? []) === JSON.stringify(b ?? []);
}

function sameSheet(a: Sheet, b: Sheet): boolean {
  return (
    a.rows.length === b.rows.length &&
    a.rows.every((r, i) => sameRow(r, b.rows[i])) &&
    JSON.stringify(a.merges) === JSON.stringify(b.merges) &&
    JSON.stringify(a.mark) === JSON.stringify(b.mark) &&
    JSON.stringify(a.hiddenRows ?? []) === JSON.stringify(b.hiddenRows ?? []) &&
    JSON.stringify(a.hiddenCols ?? []) === JSON.stringify(b.hiddenCols ?? [])
  );
}

/** Drops trailing grid rows without cells. */
function trimRows(sheet: Sheet): void {
  let n = sheet.rows.length;
  while (n > 0 && !(sheet.rows[n - 1]?.some((c) => c !== undefined) ?? false))
    n--;
  sheet.rows.length = n;
}
