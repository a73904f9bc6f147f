/** Checks every value parser makes first. Internal to parse/. */
import type { Cell } from "../model/grid";
import type { Expected, ParseReason } from "./reasons";

/**
 * Reason a cell holds nothing to read as the `expected` kind of value: empty or spaces only, an error value, a logical
 * value. Undefined when it holds a number or a text.
 */
export function unreadable(
  cell: Cell | undefined,
  expected: Expected,
): ParseReason | undefined {
  if (cell?.e) return { code: "CELL-ERROR", error: cell.e };
  if (!cell || cell.v === null || cell.v === undefined)
    return { code: "CELL-EMPTY" };
  if (typeof cell.v === "string" && cell.v.trim() === "")
    return { code: "CELL-EMPTY" };
  if (typeof cell.v === "boolean")
    return { code: "CELL-LOGICAL", value: cell.v, expected };
  return undefined;
}
