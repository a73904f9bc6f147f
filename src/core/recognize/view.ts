/**
 * A sheet as a person sees it: every cell of a merged area shows the area's top-left cell
 * (tables.md "Records and continuation rows": merged cells are read by filling the top-left value).
 */
import type { Cell, Sheet } from "../model/grid";

/** Columns per row in the merge index key (Excel's maximum is 16,384). */
const KEY_COLS = 16384;

/** Read access to a sheet with merged areas filled. */
export interface SheetView {
  sheet: Sheet;
  /** Number of grid rows that exist (the reader bounds it by the cells that exist). */
  rowCount: number;
  /** The cell at 0-based row/col, or the top-left cell of the merged area covering it. */
  cell(row: number, col: number): Cell | undefined;
  /** True when row/col lies in a merged area but is not its top-left cell (a copy, not the user's own value). */
  isCopy(row: number, col: number): boolean;
  /**
   * The row's own cells when no merged area reaches into it (then `cell(row, c)` is `ownRow(row)?.[c]` and no cell of
   * it is a copy); null when one does. For readers of many cells of one row.
   */
  ownRow(row: number): readonly (Cell | undefined)[] | undefined | null;
  /** Number of columns of a row (the longest of its own cells and merged areas reaching into it). */
  width(row: number): number;
}

/**
 * Builds the view. Merged areas are clipped to the rows and columns that hold cells, so a whole-column merge costs
 * no more than the cells that exist.
 */
export function sheetView(sheet: Sheet): SheetView {
  const rowCount = sheet.rows.length;
  let maxCol = 0;
  for (const r of sheet.rows) if (r && r.length > maxCol) maxCol = r.length;
  const origin = new Map<number, number>();
  const widthOf = new Map<number, number>();
  /** 1 for rows holding a copy cell of a merged area: every other row reads its own cells without a map look-up. */
  const hasCopy = new Uint8Array(rowCount);
  for (const m of sheet.merges) {
    const lastRow = Math.min(m.e.r, rowCount - 1);
    const lastCol = Math.min(m.e.c, Math.max(maxCol - 1, m.s.c));
    const from = m.s.r * KEY_COLS + m.s.c;
    for (let r = m.s.r; r <= lastRow; r++) {
      for (let c = m.s.c; c <= lastCol; c++)
        if (r !== m.s.r || c !== m.s.c) {
          origin.set(r * KEY_COLS + c, from);
          hasCopy[r] = 1;
        }
      widthOf.set(r, Math.max(widthOf.get(r) ?? 0, lastCol + 1));
    }
  }
  const own = (row: number, col: number): Cell | undefined =>
    sheet.rows[row]?.[col];
  return {
    sheet,
    rowCount,
    cell(row, col) {
      if (hasCopy[row] !== 1) return own(row, col);
      const from = origin.get(row * KEY_COLS + col);
      return from === undefined
        ? own(row, col)
        : own(Math.floor(from / KEY_COLS), from % KEY_COLS);
    },
    isCopy(row, col) {
      return hasCopy[row] === 1 && origin.has(row * KEY_COLS + col);
    },
    ownRow(row) {
      return hasCopy[row] === 1 ? null : sheet.rows[row];
    },
    width(row) {
      return Math.max(sheet.rows[row]?.length ?? 0, widthOf.get(row) ?? 0);
    },
  };
}
