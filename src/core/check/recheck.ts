/**
 * Live re-check of edited rows, pure. The add-in re-reads only the edited rows of a table into the
 * sheet's grid; {@link recheckRows} then re-runs the row rules on the records those rows belong to, the table rules
 * on that table and the workbook rules (across tables), and merges with the row- and table-rule findings it keeps
 * for every other row and table. The report equals what `checkWorkbook` (check/engine.ts, the CLI's engine) gives
 * for the same grid.
 *
 * {@link liveWorkbook} costs about one full check (it splits every table's findings by kind); each re-check then
 * costs the row rules of the edited records plus the table rules of one table and the workbook rules, which read
 * the table's facts (facts/tableFacts.ts: sums, rows by contract, name and chain, the 10 万元 figures, the package's
 * contracts, each 协作配套 row's partner and chain) that the edited rows update instead of walking every row; the
 * workbook's facts (the 协作配套 year analysis) are put together again from them on each re-check.
 */
import { countFindings, type Finding } from "../model/finding";
import { parseA1, type Workbook } from "../model/grid";
import type { WorkbookReport } from "./report";
import {
  checkTableRows,
  checkTableRules,
  checkWorkbookRules,
  recheckTableRows,
  recognizeWorkbook,
  settleFindings,
  tableReport,
} from "./engine";
import type { TableContext } from "../model/table";
import { packageFacts } from "./package";
import { settleRepeats, sortFindings } from "./settle";
import { coopSummary } from "../totals/coop";
import { rememberingTexts } from "../util/remember";

/** What a live re-check keeps for one table between edits. */
export interface LiveTable {
  ctx: TableContext;
  /** Findings of the row rules, for every data row. */
  rowFindings: Finding[];
  /** Findings of the table rules. */
  tableFindings: Finding[];
}

/** What a live re-check keeps for a workbook between edits. */
export interface LiveWorkbook {
  fileName: string;
  tables: LiveTable[];
  /** Findings of the sheets not recognised as tables (they change only when those sheets are read again). */
  unrecognized: Finding[];
  /** Sheets without a table and without a finding (report `otherSheets`). */
  otherSheets: string[];
}

/**
 * Starts live checking of a workbook: recognises its tables (their contexts keep pointing at `wb`'s sheets, whose
 * rows the adapter updates) and computes the row- and table-rule findings of each.
 */
export function liveWorkbook(wb: Workbook): LiveWorkbook {
  return rememberingTexts(() => startLive(wb));
}

/** {@link liveWorkbook}, inside its remembering. */
function startLive(wb: Workbook): LiveWorkbook {
  const { tables, unrecognized } = recognizeWorkbook(wb);
  return {
    fileName: wb.fileName,
    tables: tables.map((ctx) => ({
      ctx,
      rowFindings: checkTableRows(
        ctx,
        ctx.rows.map((r) => r.row),
      ),
      tableFindings: checkTableRules(ctx),
    })),
    unrecognized: unrecognized.flatMap((u) => u.findings),
    otherSheets: unrecognized
      .filter((u) => u.findings.length === 0)
      .map((u) => u.sheet),
  };
}

/**
 * Re-checks edited rows of one table: the caller has already written their new cells into the sheet's grid (rows that
 * became empty hold no cells). Rows outside the table's data area are ignored.
 * @param sheet the table's sheet
 * @param rows 0-based grid rows that changed
 * @returns the workbook's new report
 * @throws Error when the sheet is not one of the live tables (the caller checks first)
 */
export function recheckRows(
  live: LiveWorkbook,
  sheet: string,
  rows: readonly number[],
): WorkbookReport {
  return rememberingTexts(() => recheckNow(live, sheet, rows));
}

/** {@link recheckRows}, inside its remembering. */
function recheckNow(
  live: LiveWorkbook,
  sheet: string,
  rows: readonly number[],
): WorkbookReport {
  const table = live.tables.find((t) => t.ctx.sheet.name === sheet);
  if (!table) throw new Error(`工作表“${sheet}”不是已识别的表格`);
  const fresh = recheckTableRows(table.ctx, rows);
  table.rowFindings = [
    ...table.rowFindings.filter(
      (f) => f.row === undefined || !fresh.replaced.has(f.row - 1),
    ),
    ...fresh.findings,
  ];
  table.tableFindings = checkTableRules(table.ctx);
  return reportNow(live);
}

/** The report of the live state: every table's kept findings with the workbook rules run now, repeats settled and
 * sorted as `checkWorkbook` does. */
export function liveReport(live: LiveWorkbook): WorkbookReport {
  return rememberingTexts(() => reportNow(live));
}

/** {@link liveReport}, inside the caller's remembering. */
function reportNow(live: LiveWorkbook): WorkbookReport {
  const contexts = live.tables.map((t) => t.ctx);
  const workbook = checkWorkbookRules(live.fileName, contexts);
  const tables = live.tables.map((t) =>
    tableReport(
      t.ctx,
      sortFindings(
        settleRepeats(
          mergeFindings([
            ...t.rowFindings,
            ...t.tableFindings,
            ...workbook.byTable.get(t.ctx)!,
          ]),
        ),
      ),
    ),
  );
  const findings = sortFindings([...live.unrecognized, ...workbook.file]);
  const coop = coopSummary(workbook.facts.coop);
  return {
    file: live.fileName,
    tables,
    findings,
    ...(live.otherSheets.length > 0 ? { otherSheets: live.otherSheets } : {}),
    package: packageFacts(
      contexts,
      tables.map((t) => t.enterprise),
    ),
    counts: countFindings([...findings, ...tables.flatMap((t) => t.findings)]),
    ...(coop ? { coop } : {}),
  };
}

/**
 * Findings of one table put together the way the engine's `finalize` does ({@link settleFindings}): one per
 * (cell, rule), the first kept; ROW-REQUIRED dropped where another rule reports the same cell; sorted by row, then
 * column (stable).
 */
export function mergeFindings(findings: readonly Finding[]): Finding[] {
  return settleFindings(
    findings.map((f) => ({
      f,
      col: f.cell === undefined ? -1 : parseA1(f.cell).c,
    })),
  );
}
