/**
 * One Office.js batch that adds new worksheets to the open workbook, never touching existing ones: one
 * `context.sync()` to read the sheet and defined names, then the writes — one request when they fit in
 * {@link MAX_REQUEST_BYTES} (templates, ordinary merges), several otherwise (budget.ts) — with this add-in's events
 * off (ownWrites.ts), so the live check does not re-read what we draw. A failure removes what was added. Sheets drawn
 * from the workbook's contents (the forms filled from its 情况表) read it first, in the same batch (addSheetsAfter).
 */
import { LIST_SHEET_NAME, uniqueSheetName } from "../core/template";
import { MAX_REQUEST_BYTES, RequestBudget } from "./budget";
import { writeQuietly } from "./check/ownWrites";
import { toOperationError } from "./officeErrors";
import { assertListSheetOurs, ensureListSheet } from "./listSheet";

/**
 * Runs `draw` in one `Excel.run`; `draw` adds its sheets through `add` and returns the sheet to activate.
 * @param draw queues the drawing; `add` adds a sheet named `base`, or `base(2)`, `base(3)`… when the name is taken, and
 *   returns it to draw on; `budget` counts the request's bytes (large writes go through `writeRows`)
 * @param action the Chinese name of the action, for the message when anything fails (`插入《…》` → `插入《…》失败：…`)
 * @returns the names of the created sheets, in the order they were added
 * @throws OperationError `${action}失败：…` (the original error kept as `cause`): a foreign sheet named like our
 *   list sheet (`NotOurSheet`), or Excel refused the batch (its error code)
 */
export async function addSheets(
  action: string,
  draw: (
    add: (base: string) => Excel.Worksheet,
    budget: RequestBudget,
  ) => Excel.Worksheet | Promise<Excel.Worksheet>,
): Promise<string[]> {
  return addSheetsAfter(
    action,
    (context) => context.sync(),
    (add, _data, budget) => draw(add, budget),
  );
}

/**
 * {@link addSheets} after reading what the sheets depend on: `read` runs first, its first sync carrying the loads of
 * the sheet and defined names (so a read of one sync adds none), then `draw` gets its result. When a write fails the
 * workbook is put back as it was (every sheet and workbook name the batch added is removed).
 * @param read the reads, in as many syncs as it needs (at least one)
 * @throws OperationError `${action}失败：…` as {@link addSheets}, and for anything `read` or `draw` throws
 */
export async function addSheetsAfter<T>(
  action: string,
  read: (context: Excel.RequestContext) => Promise<T>,
  draw: (
    add: (base: string) => Excel.Worksheet,
    data: T,
    budget: RequestBudget,
  ) => Excel.Worksheet | Promise<Excel.Worksheet>,
): Promise<string[]> {
  try {
    return await Excel.run(async (context) => {
      const workbook = context.workbook;
      const sheets = workbook.worksheets;
      sheets.load("items/name");
      workbook.names.load("items/name");
      const data = await read(context);

      const taken = sheets.items.map((s) => s.name);
      const before = new Set(taken.map((n) => n.toLowerCase()));
      const namesBefore = workbook.names.items.map((n) => n.name);
      assertListSheetOurs(taken, namesBefore);
      const created: string[] = [];
      const add = (base: string) => {
        const name = uniqueSheetName(base, taken);
        taken.push(name);
        created.push(name);
        return sheets.add(name);
      };
      try {
        await writeQuietly(context, async () => {
          ensureListSheet(workbook, taken, namesBefore);
          const budget = new RequestBudget(context, MAX_REQUEST_BYTES);
          (await draw(add, data, budget)).activate();
        });
      } catch (err) {
        // Excel ran the batch up to the failing command: remove every sheet and workbook name it added (the list
        // sheet too when this batch created it), so the workbook is as it was.
        await removeSheets(
          [...created, LIST_SHEET_NAME].filter(
            (n) => !before.has(n.toLowerCase()),
          ),
          namesBefore,
        );
        throw err;
      }
      return created;
    });
  } catch (err) {
    throw toOperationError(action, err);
  }
}

/**
 * Removes sheets a failed batch of ours added, and the workbook-scoped names it added (any name not in `namesBefore`,
 * when given). Best effort in its own `Excel.run` (2 syncs): a sheet or name that is not there is skipped, and a
 * failure here is swallowed so that the caller reports the original error.
 */
export async function removeSheets(
  sheets: readonly string[],
  namesBefore?: readonly string[],
): Promise<void> {
  try {
    await Excel.run(async (context) => {
      const all = context.workbook.worksheets;
      all.load("items/name");
      const names = context.workbook.names;
      names.load("items/name");
      await context.sync();
      const gone = new Set(sheets.map((n) => n.toLowerCase()));
      if (namesBefore) {
        const kept = new Set(namesBefore);
        for (const n of names.items) if (!kept.has(n.name)) n.delete();
      }
      for (const s of all.items) if (gone.has(s.name.toLowerCase())) s.delete();
      await context.sync();
    });
  } catch {
    // The workbook may be closing or busy; the caller's error says what failed.
  }
}
