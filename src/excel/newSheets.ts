/**
 * One Office.js batch that adds new worksheets to the open workbook, never touching existing ones: two
 * `context.sync()` calls whatever the number of sheets — one to read the sheet and defined names, one to write
 * everything (the hidden list sheet behind the dropdowns included, when the workbook has none yet).
 */
import { uniqueSheetName } from "../core/template";
import { toOperationError } from "./officeErrors";
import { ensureListSheet } from "./listSheet";

/**
 * Runs `draw` in one `Excel.run`; `draw` adds its sheets through `add` and returns the sheet to activate.
 * @param add adds a sheet named `base`, or `base(2)`, `base(3)`… when the name is taken; returns it to draw on
 * @param action the Chinese name of the action, for the message when anything fails (`插入《…》` → `插入《…》失败：…`)
 * @returns the names of the created sheets, in the order they were added
 * @throws OperationError `${action}失败：…` (the original error kept as `cause`): a foreign sheet named like our
 *   list sheet (`NotOurSheet`), or Excel refused the batch (its error code)
 */
export async function addSheets(
  action: string,
  draw: (add: (base: string) => Excel.Worksheet) => Excel.Worksheet,
): Promise<string[]> {
  try {
    return await Excel.run(async (context) => {
      const workbook = context.workbook;
      const sheets = workbook.worksheets;
      sheets.load("items/name");
      workbook.names.load("items/name");
      await context.sync();

      const taken = sheets.items.map((s) => s.name);
      ensureListSheet(
        workbook,
        taken,
        workbook.names.items.map((n) => n.name),
      );
      const created: string[] = [];
      const add = (base: string) => {
        const name = uniqueSheetName(base, taken);
        taken.push(name);
        created.push(name);
        return sheets.add(name);
      };
      draw(add).activate();
      await context.sync();
      return created;
    });
  } catch (err) {
    throw toOperationError(action, err);
  }
}
