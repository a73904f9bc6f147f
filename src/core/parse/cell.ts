/** Checks every value parser makes first. Internal to parse/. */
import type { Cell } from "../model/grid";

/**
 * Reason a cell holds nothing to read as a `what` (`数字`, `日期`…): empty or spaces only, an error value, a logical
 * value. Undefined when it holds a number or a text.
 */
export function unreadable(
  cell: Cell | undefined,
  what: string,
): string | undefined {
  if (cell?.e) return `单元格显示错误值${cell.e}`;
  if (!cell || cell.v === null || cell.v === undefined) return "单元格为空";
  if (typeof cell.v === "string" && cell.v.trim() === "") return "单元格为空";
  if (typeof cell.v === "boolean")
    return `单元格是逻辑值${cell.v ? "TRUE" : "FALSE"}，不是${what}`;
  return undefined;
}
