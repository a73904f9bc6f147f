/**
 * The explanations (核实说明) stored in a workbook read from a file (CLI, 审核工作台): the rows of our explanation sheet
 * (core/review/explanations.ts), or none when the workbook has no such sheet. The parser (zod,
 * core/review/storedExplanations.ts) is loaded only for a workbook that has the sheet: most received workbooks were
 * not filled with the add-in, and reading them should not pay for it.
 */
import {
  explanationSheetOf,
  type Explanation,
} from "../core/review/explanations";
import type { Workbook } from "../core/model/grid";

/** The explanations stored in `wb`, in the order of its sheet's rows (see storedExplanations.ts). */
export async function storedExplanations(wb: Workbook): Promise<Explanation[]> {
  const sheet = explanationSheetOf(wb);
  if (sheet === undefined) return [];
  const { explanationsFromSheet } =
    await import("../core/review/storedExplanations");
  return explanationsFromSheet(sheet);
}
