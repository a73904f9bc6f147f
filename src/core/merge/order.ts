/**
 * The order of the merged rows (正文 二(二): the city reviewer's 申报汇总表): by 所在市 in the official order of
 * Shanxi's cities, then 所在县 in the official order of the city's counties, then file name, then the row's place in
 * its file. Values not in the lists come after the listed ones, by their text; the order never depends on locale.
 */
import { CITIES, COUNTIES_BY_CITY, matchEnum } from "../catalog";
import { cityOf } from "../rules/info";

/** What a row is ordered by. */
export interface RowOrderKey {
  city: string;
  county: string;
  file: string;
  /** Input index of the file (two inputs may have the same name). */
  fileIndex: number;
  /** Sheet index in its workbook. */
  sheetIndex: number;
  /** 0-based grid row in its sheet. */
  row: number;
}

/** Plain code-point comparison (stable across machines, unlike localeCompare). */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Position of `value` in `list` (official spelling or a typed variant), or the list's length when absent. */
function rank(value: string | undefined, list: readonly string[]): number {
  const official = value === undefined ? undefined : matchEnum(value, list);
  return official === undefined ? list.length : list.indexOf(official);
}

/** Compares two rows for the merged order (negative: `a` first). */
export function compareRows(a: RowOrderKey, b: RowOrderKey): number {
  const cityA = cityOf(a.city);
  const cityB = cityOf(b.city);
  const counties = (city: string | undefined) =>
    city ? (COUNTIES_BY_CITY[city] ?? []) : [];
  return (
    rank(cityA, CITIES) - rank(cityB, CITIES) ||
    compareText(cityA ?? a.city.trim(), cityB ?? b.city.trim()) ||
    rank(a.county, counties(cityA)) - rank(b.county, counties(cityB)) ||
    compareText(a.county.trim(), b.county.trim()) ||
    compareText(a.file, b.file) ||
    a.fileIndex - b.fileIndex ||
    a.sheetIndex - b.sheetIndex ||
    a.row - b.row
  );
}
