/**
 * Which rows and columns of a sheet's used range are hidden (隐藏的行和列), read with Office.js in the same sync as
 * the range itself, whatever the number of rows (ROW-HIDDEN, tables.md "All tables"):
 *
 * - `rowHidden` / `columnHidden` of the used range: `false` when none is hidden (the usual case: nothing more to
 *   do), `true` when all are, `null` when some are;
 * - its visible cells (`getSpecialCellsOrNullObject("Visible")`, ExcelApi 1.9) as a list of areas. A cell is visible
 *   when its row and its column both are, so a row is hidden when no area covers it, and a column likewise. Rows
 *   hidden by a filter count as hidden, as in the file reader (Excel saves them as hidden rows).
 *
 * When the areas cannot be read back whole (an address Excel shortened, or an area that is not `A1:B2`), nothing is
 * reported hidden rather than something wrongly.
 */
import { parseRange } from "../../core/model/grid";
import { splitAddress } from "./address";
import type { UsedArea } from "./read";

/** Hidden rows and columns: 0-based sheet indexes within the used range, ascending. */
export interface HiddenLines {
  rows: number[];
  cols: number[];
}

/** The proxies {@link loadHidden} queued loads on. */
export interface HiddenLoads {
  used: Excel.Range;
  visible: Excel.RangeAreas;
}

/**
 * Queues the loads on a used range (whose `rowIndex, columnIndex, rowCount, columnCount` the caller loads); read them
 * with {@link readHidden} after the sync.
 */
export function loadHidden(used: Excel.Range): HiddenLoads {
  used.load("rowHidden,columnHidden");
  const visible = used.getSpecialCellsOrNullObject("Visible");
  visible.load("address,areaCount");
  return { used, visible };
}

/** After the sync: the hidden rows and columns of the used area, from {@link loadHidden}'s loads. */
export function readHidden(loads: HiddenLoads, area: UsedArea): HiddenLines {
  const { used, visible } = loads;
  return hiddenLines(
    area,
    used.rowHidden,
    used.columnHidden,
    visible.isNullObject
      ? undefined
      : { address: visible.address, areaCount: visible.areaCount },
  );
}

/**
 * The hidden rows and columns of a used area, from what {@link loadHidden} loads.
 * @param rowHidden the used range's `rowHidden` (true: all hidden, false: none, null: some)
 * @param visible its visible cells as `'Sheet'!A1:B4, 'Sheet'!D1:D4` and their number of areas; undefined when no
 *   cell is visible
 */
export function hiddenLines(
  area: UsedArea,
  rowHidden: boolean | null,
  columnHidden: boolean | null,
  visible: { address: string; areaCount: number } | undefined,
): HiddenLines {
  const all = (first: number, count: number) =>
    Array.from({ length: count }, (_, i) => first + i);
  const none: HiddenLines = { rows: [], cols: [] };
  if (rowHidden === false && columnHidden === false) return none;
  if (!visible)
    return {
      rows: rowHidden === true ? all(area.row, area.rows) : [],
      cols: columnHidden === true ? all(area.col, area.cols) : [],
    };
  const parts = splitAddress(visible.address);
  const areas = parts.map(parseRange);
  if (areas.length !== visible.areaCount || areas.some((a) => !a)) return none;
  const rowSeen = new Uint8Array(area.rows);
  const colSeen = new Uint8Array(area.cols);
  for (const a of areas) {
    for (let r = Math.max(a!.s.r, area.row); r <= a!.e.r; r++) {
      if (r - area.row >= area.rows) break;
      rowSeen[r - area.row] = 1;
    }
    for (let c = Math.max(a!.s.c, area.col); c <= a!.e.c; c++) {
      if (c - area.col >= area.cols) break;
      colSeen[c - area.col] = 1;
    }
  }
  const unseen = (seen: Uint8Array, first: number) =>
    [...seen.keys()].filter((i) => !seen[i]).map((i) => first + i);
  return {
    rows: rowHidden === false ? [] : unseen(rowSeen, area.row),
    cols: columnHidden === false ? [] : unseen(colSeen, area.col),
  };
}
