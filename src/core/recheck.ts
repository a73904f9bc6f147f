/**
 * Live re-check of edited rows (issue 4 part 2), pure: the add-in re-reads only the edited rows of a table into the
 * sheet's grid, then {@link recheckRows} re-runs the row rules on the records those rows belong to and the table
 * rules on the table, and merges with what it kept from the last check. The result equals what `checkWorkbook`
 * (rules/engine.ts, the CLI's engine) gives for the same grid, except for findings of workbook rules (across sheets,
 * e.g. LOAN-CHAIN against the 情况表): those are kept from the last full check until the next one.
 */
import type { Finding } from "./findings";
import { parseA1 } from "./grid";
import type { TableReport } from "./report";
import { checkTableRows, checkTableRules, tableReport } from "./rules/engine";
import type { TableContext } from "./rules/types";

/** What a live re-check keeps for one table between edits. */
export interface LiveTable {
  ctx: TableContext;
  /** Findings of the row rules, for every data row. */
  rowFindings: Finding[];
  /** Findings that neither the row nor the table rules of this table give (workbook rules): kept as they were. */
  kept: Finding[];
}

function findingKey(f: Finding): string {
  return [f.sheet, f.cell ?? "", f.row ?? "", f.rule, f.message].join("\u0000");
}

/**
 * Starts live checking of a table: splits its last report into row-rule findings, table-rule findings and the rest.
 * @param ctx the table as recognised in the current grid (the same grid the report was made from)
 * @param previous the table's report from the last full check
 */
export function liveTable(ctx: TableContext, previous: TableReport): LiveTable {
  const rowFindings = checkTableRows(
    ctx,
    ctx.rows.map((r) => r.row),
  );
  const own = new Map<string, number>();
  for (const f of [...rowFindings, ...checkTableRules(ctx)])
    own.set(findingKey(f), (own.get(findingKey(f)) ?? 0) + 1);
  const kept = previous.findings.filter((f) => {
    const n = own.get(findingKey(f)) ?? 0;
    if (n > 0) own.set(findingKey(f), n - 1);
    return n === 0;
  });
  return { ctx, rowFindings, kept };
}

/**
 * Re-checks edited rows: the caller has already written their new cells into `live.ctx.sheet` (grid rows that became
 * empty hold no cells). Rows outside the table's data area are ignored.
 * @param rows 0-based grid rows that changed
 * @returns the table's new report (totals and counts from the current rows)
 */
export function recheckRows(
  live: LiveTable,
  rows: readonly number[],
): TableReport {
  const fresh = checkTableRows(live.ctx, [...rows]);
  const changed = new Set(rows);
  const records = new Set(
    live.ctx.rows.filter((r) => changed.has(r.row)).map((r) => r.record),
  );
  const affected = new Set([
    ...rows,
    ...live.ctx.rows.filter((r) => records.has(r.record)).map((r) => r.row),
  ]);
  live.rowFindings = [
    ...live.rowFindings.filter(
      (f) => f.row === undefined || !affected.has(f.row - 1),
    ),
    ...fresh,
  ];
  return tableReport(
    live.ctx,
    mergeFindings([
      ...live.rowFindings,
      ...checkTableRules(live.ctx),
      ...live.kept,
    ]),
  );
}

/**
 * Findings of one table put together the way the engine's `finalize` does: one per (cell, rule), the first kept;
 * ROW-REQUIRED dropped where another rule reports the same cell; sorted by row, then column (stable).
 */
export function mergeFindings(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  const rulesAt = new Map<string, Set<string>>();
  const unique = findings.filter((f) => {
    if (f.cell === undefined) return true;
    const at = `${f.sheet}!${f.cell}`;
    if (seen.has(`${at}|${f.rule}`)) return false;
    seen.add(`${at}|${f.rule}`);
    rulesAt.set(at, (rulesAt.get(at) ?? new Set()).add(f.rule));
    return true;
  });
  const kept = unique.filter(
    (f) =>
      f.rule !== "ROW-REQUIRED" ||
      f.cell === undefined ||
      rulesAt.get(`${f.sheet}!${f.cell}`)!.size === 1,
  );
  const col = (f: Finding) => (f.cell === undefined ? -1 : parseA1(f.cell).c);
  return kept
    .map((f, i) => ({ f, i, row: f.row ?? 0, col: col(f) }))
    .sort((a, b) => a.row - b.row || a.col - b.col || a.i - b.i)
    .map((x) => x.f);
}
