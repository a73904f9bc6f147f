/**
 * Writes a fill plan (core/fill/fillPlans.ts) the user has seen: 计算天数与利息 or 重排序号. One `Excel.run`, 3 syncs: one to read
 * the planned cells again, one to write with the add-in's events off, one to turn them back on (ownWrites.ts). A cell whose content changed since the plan was made (a value typed in the
 * meantime, a formula) is left alone; nothing else in the sheet is written, formats are kept.
 */
import type { FillChange, FillPlan } from "../../core/fill/fillPlans";
import { type OwnWrites, writeQuietly } from "./ownWrites";

/** Consecutive runs of changes in one column, sorted by row. */
function columnRuns(changes: readonly FillChange[]): FillChange[][] {
  const sorted = [...changes].sort((a, b) => a.col - b.col || a.row - b.row);
  const out: FillChange[][] = [];
  for (const c of sorted) {
    const last = out[out.length - 1];
    const prev = last?.[last.length - 1];
    if (prev && prev.col === c.col && prev.row === c.row - 1) last!.push(c);
    else out.push([c]);
  }
  return out;
}

/** True when a cell still holds what the plan saw: the same value (empty: "") and no formula. */
function unchanged(
  change: FillChange,
  value: unknown,
  formula: unknown,
): boolean {
  const before = change.before === null ? "" : change.before;
  return (
    value === before &&
    !(typeof formula === "string" && formula.startsWith("="))
  );
}

/**
 * Writes the plan's cells that are still as planned.
 * @returns the changes written (those left alone are not in it)
 * @throws what Excel throws (the caller turns it into a Chinese message)
 */
export async function applyFillPlan(
  plan: FillPlan,
  ownWrites: OwnWrites,
): Promise<FillChange[]> {
  if (plan.changes.length === 0) return [];
  return Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(plan.sheet);
    const read = columnRuns(plan.changes).map((run) => {
      const range = ws.getRangeByIndexes(
        run[0]!.row,
        run[0]!.col,
        run.length,
        1,
      );
      range.load("values,formulas");
      return { run, range };
    });
    await context.sync();
    const kept = read.flatMap(({ run, range }) =>
      run.filter((c, i) =>
        unchanged(c, range.values[i]![0], range.formulas[i]![0]),
      ),
    );
    if (kept.length === 0) return kept;
    await writeQuietly(context, () => {
      for (const run of columnRuns(kept)) {
        const first = run[0]!;
        ws.getRangeByIndexes(first.row, first.col, run.length, 1).values =
          run.map((c) => [c.after]);
        ownWrites.expect(plan.sheet, {
          s: { r: first.row, c: first.col },
          e: { r: first.row + run.length - 1, c: first.col },
        });
      }
    });
    return kept;
  });
}
