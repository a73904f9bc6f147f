/**
 * Explanations in the open workbook: kept on our very hidden sheet `techfund_说明` (core/review/explanations.ts
 * gives its rows), marked with the workbook-scoped name `TECHFUND_EXPLAIN_V1`, so they travel with the file and the
 * CLI reads them too. Every write rewrites the sheet's rows (a few hundred at most) as text, with this add-in's
 * events off; a write Excel refuses leaves the previous explanations as they were.
 */
import {
  type Explanation,
  explanationRows,
} from "../../core/review/explanations";
import { rangeAddress } from "../../core/model/grid";
import { OperationError } from "../../ports";
import { type OwnWrites, writeQuietly } from "./ownWrites";
import { removeSheets } from "../newSheets";
import { ownSheetNames } from "./ownSheets";
import { EXPLANATION_SHEET } from "../../core/check/ownSheets";

/**
 * Queues the loads that find our sheet; after the sync, `read()` gives its name (or undefined), all sheet names, and
 * whether our mark exists (it outlives a deleted sheet as `=#REF!$A$1` and must go before a new one is added).
 */
function loadOwn(context: Excel.RequestContext): {
  read(): { sheet?: string; taken: string[]; marked: boolean };
} {
  const names = context.workbook.names;
  names.load("items/name,items/formula");
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  return {
    read() {
      const taken = sheets.items.map((s) => s.name);
      const sheet = ownSheetNames(names.items).explanation;
      return {
        ...(sheet !== undefined && taken.includes(sheet) ? { sheet } : {}),
        taken,
        marked: names.items.some((n) => n.name === EXPLANATION_SHEET.mark),
      };
    },
  };
}

/** Reads the rows of our sheet (after its name is known). */
async function readRows(
  context: Excel.RequestContext,
  sheet: string,
): Promise<Explanation[]> {
  const used = context.workbook.worksheets.getItem(sheet).getUsedRange(true);
  used.load("values");
  await context.sync();
  // The parser (zod) is loaded only for a workbook that has explanations.
  const { explanationsFromRows } =
    await import("../../core/review/storedExplanations");
  return explanationsFromRows(used.values);
}

/** The workbook's explanations (2 syncs; 1 when there are none). */
export async function readExplanations(): Promise<Explanation[]> {
  return Excel.run(async (context) => {
    const own = loadOwn(context);
    await context.sync();
    const { sheet } = own.read();
    return sheet === undefined ? [] : readRows(context, sheet);
  });
}

/**
 * Changes the workbook's explanations: reads them, applies `update`, writes the result (3 syncs). Creates our sheet
 * (very hidden, marked) the first time.
 * @throws Error (Chinese) when a sheet named `techfund_说明` exists that is not ours
 */
export async function updateExplanations(
  update: (list: Explanation[]) => Explanation[],
  ownWrites: OwnWrites,
): Promise<void> {
  await Excel.run(async (context) => {
    const own = loadOwn(context);
    await context.sync();
    const { sheet, taken, marked } = own.read();
    const list = update(
      sheet === undefined ? [] : await readRows(context, sheet),
    );
    const rows = explanationRows(list);
    const width = rows[0]!.length;
    const area = { s: { r: 0, c: 0 }, e: { r: rows.length - 1, c: width - 1 } };
    if (sheet !== undefined) {
      // One `values` command covers the new rows and blanks whatever of the old rows lies beyond them: Excel runs a
      // batch's commands in order and keeps those that ran, so a refused write (that command) changes no
      // explanation, and no old row can survive below the new ones (as it would if a separate clear were refused).
      const ws = context.workbook.worksheets.getItem(sheet);
      const used = ws.getUsedRange(true);
      used.load("rowIndex,rowCount,columnIndex,columnCount");
      await context.sync();
      const height = Math.max(rows.length, used.rowIndex + used.rowCount);
      const cols = Math.max(width, used.columnIndex + used.columnCount);
      const grid = Array.from({ length: height }, (_, r) =>
        Array.from({ length: cols }, (_, c) => rows[r]?.[c] ?? ""),
      );
      const all = { s: { r: 0, c: 0 }, e: { r: height - 1, c: cols - 1 } };
      ownWrites.expect(sheet);
      await writeQuietly(context, () => {
        const range = ws.getRange(rangeAddress(all));
        range.numberFormat = grid.map((r) => r.map(() => "@"));
        range.values = grid;
      });
      return;
    }
    if (
      taken.some(
        (n) => n.toLowerCase() === EXPLANATION_SHEET.name.toLowerCase(),
      )
    )
      throw new OperationError(
        "NotOurSheet",
        `工作簿中已有名为“${EXPLANATION_SHEET.name}”的工作表，但不是本工具创建的。本工具需要用这个名称保存说明，请将该工作表改名后再试。`,
      );
    ownWrites.expect(EXPLANATION_SHEET.name);
    try {
      await writeQuietly(context, () => {
        // Our sheet was deleted: its mark now says =#REF!; replace it.
        if (marked)
          context.workbook.names.getItem(EXPLANATION_SHEET.mark).delete();
        const ws = context.workbook.worksheets.add(EXPLANATION_SHEET.name);
        ws.visibility = "VeryHidden";
        const range = ws.getRange(rangeAddress(area));
        range.numberFormat = rows.map((r) => r.map(() => "@"));
        range.values = rows;
        // The mark last: a sheet is ours only once its rows are there.
        context.workbook.names.add(
          EXPLANATION_SHEET.mark,
          ws.getRange("A1"),
          "技改填报助手：企业核实性说明",
        );
      });
    } catch (err) {
      await removeSheets([EXPLANATION_SHEET.name]);
      throw err;
    }
  });
}
