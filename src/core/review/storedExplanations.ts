/**
 * Reading back the explanations (核实说明) stored on our explanation sheet (check/ownSheets.ts `EXPLANATION_SHEET`):
 * each row is checked against {@link ExplanationSchema}. This is the only module of the core that uses zod; the
 * adapters load it only for a workbook that has the sheet (xlsx/explanations.ts, excel/check/explanations.ts), so that
 * reading the many workbooks without one never evaluates zod.
 */
import { z } from "zod";
import { cellText, type Sheet } from "../model/grid";
import { type Explanation, explanationKey } from "./explanations";

/**
 * The shape of one explanation read back from a workbook: a hand-edited or damaged row of our sheet that does not
 * fit it is skipped.
 */
export const ExplanationSchema = z.object({
  sheet: z.string().min(1),
  cell: z.union([z.literal(""), z.string().regex(/^[A-Z]{1,3}[1-9]\d*$/)]),
  rule: z.string().regex(/^[A-Z]+(-[A-Z0-9]+)+$/),
  text: z.string().min(1),
  time: z.string(),
}) satisfies z.ZodType<Explanation>;

/**
 * Explanations from the rows of our explanation sheet (header first); rows that do not fit
 * {@link ExplanationSchema} (no sheet, rule or text; a cell that is not an A1 address) are skipped, a later row for
 * the same finding replaces an earlier one.
 */
export function explanationsFromRows(
  rows: readonly (readonly unknown[])[],
): Explanation[] {
  const byKey = new Map<string, Explanation>();
  for (const row of rows.slice(1)) {
    const [sheet, cell, rule, text, time] = [0, 1, 2, 3, 4].map((i) => {
      const v = row[i];
      return v === null || v === undefined ? "" : String(v).trim();
    }) as [string, string, string, string, string];
    const parsed = ExplanationSchema.safeParse({
      sheet,
      cell,
      rule,
      text,
      time,
    });
    if (!parsed.success) continue;
    const e = parsed.data;
    byKey.delete(explanationKey(e));
    byKey.set(explanationKey(e), e);
  }
  return [...byKey.values()];
}

/**
 * The explanations on our explanation sheet of a workbook read from a file (explanations.ts `explanationSheetOf`
 * finds it).
 */
export function explanationsFromSheet(sheet: Sheet): Explanation[] {
  return explanationsFromRows(
    sheet.rows.map((r) => (r ?? []).map((c) => cellText(c))),
  );
}
