/**
 * The rule engine: recognises the tables of a workbook, runs a set of rules on them (row rules per data row, table
 * rules, workbook rules), and turns the issues they report into located Chinese findings.
 *
 * Stamping: the rule's code; severity and source from the rule's definition (an issue may override the severity;
 * generic rules cite the source of their table); the message and quote from MESSAGES_ZH; the location (sheet, A1
 * cell from the row and the column key's grid column, Excel row, the column's official header). At most one finding
 * per (cell, rule); ROW-REQUIRED gives way to any other rule's finding on the same cell (the specific rule, e.g.
 * LOAN-PURPOSE-EMPTY, says more). Findings are sorted by row, then column.
 *
 * Texts are remembered ({@link rememberingTexts}) for the length of {@link checkWorkbook} and
 * {@link recognizeWorkbook}; the live re-check (check/recheck.ts) and the merge open their own.
 *
 * Entry points: {@link checkWorkbook} (every rule of the registry), the live re-check's {@link checkTableRows},
 * {@link checkTableRules} and {@link checkWorkbookRules}, and {@link runRules} for another set of rules (the merge's).
 */
import { columnOf, titleFor } from "../catalog/tables";
import type { TableId } from "../catalog/types";
import { countFindings } from "../model/finding";
import type { Finding, RawFinding } from "../model/finding";
import { a1 } from "../model/grid";
import type { Workbook } from "../model/grid";
import { wordFinding } from "../messages";
import {
  linkRecords,
  readRow,
  recognizeSheet,
  recordsAt,
  rowKind,
  rowReader,
  sheetView,
} from "../recognize";
import type { TableReport, WorkbookReport } from "./report";
import { isOwnSheet } from "./ownSheets";
import { packageFacts } from "./package";
import { computeTotals, totalsExtensions } from "../totals";
import { coopSummary } from "../totals/coop";
import { settleRepeats, sortFindings } from "./settle";
import { rememberingTexts } from "../util/remember";
import { factOf, replaceRows } from "../facts/tableFacts";
import { workbookFacts, type WorkbookFacts } from "../facts/workbookFacts";
import { ENTERPRISE_NAMES } from "../rules/generic";
import { RULES, ruleByCode } from "../rules/registry";
import type { Issue, RuleDef } from "../rules/types";
import {
  rowIndex,
  type DataRow,
  type TableContext,
  type WorkbookContext,
} from "../model/table";

/**
 * A set of rules the engine runs: built once by {@link ruleSet}, it sorts the rules by table and kind so that a check
 * does not filter the whole list per table.
 */
export interface RuleSet {
  /** The row and table rules that apply to table `id`. */
  forTable(id: TableId): { row: readonly RuleDef[]; table: readonly RuleDef[] };
  /** The rules with a workbook check. */
  workbook: readonly RuleDef[];
  /** A rule of the set by code, else of the registry (RULE-FAILED, TABLE-COLUMNS of recognition). */
  byCode(code: string): RuleDef | undefined;
}

/** A {@link RuleSet} of the given rules. */
export function ruleSet(rules: readonly RuleDef[]): RuleSet {
  const own = new Map(rules.map((r) => [r.code, r]));
  const byTable = new Map<TableId, { row: RuleDef[]; table: RuleDef[] }>();
  return {
    forTable(id) {
      let r = byTable.get(id);
      if (!r) {
        const applies = rules.filter(
          (x) => x.tables === "all" || x.tables.includes(id),
        );
        r = {
          row: applies.filter((x) => x.row),
          table: applies.filter((x) => x.table),
        };
        byTable.set(id, r);
      }
      return r;
    },
    workbook: rules.filter((r) => r.workbook),
    byCode: (code) => own.get(code) ?? ruleByCode(code),
  };
}

/** Every rule of the registry. */
const ALL_RULES = ruleSet(RULES);

/** An issue stamped with the code of the rule that reported it. */
function stamp(rule: RuleDef, issue: Issue<object>): RawFinding {
  return { rule: rule.code, ...issue };
}

/** Runs `fn`; a rule that throws on unexpected input becomes a RULE-FAILED finding instead of stopping the check. */
function guarded(rule: RuleDef, out: RawFinding[], fn: () => void): void {
  try {
    fn();
  } catch (e) {
    out.push({
      rule: "RULE-FAILED",
      params: {
        failed: rule.code,
        error: e instanceof Error ? e.message : String(e),
      },
    });
  }
}

/** Row rules on the given rows. */
function runRowRules(
  rules: RuleSet,
  ctx: TableContext,
  rows: readonly DataRow[],
  out: RawFinding[],
): void {
  for (const rule of rules.forTable(ctx.table.id).row) {
    const emit = (issue: Issue<object>) => out.push(stamp(rule, issue));
    guarded(rule, out, () => {
      for (const r of rows) rule.row!(r, ctx, emit);
    });
  }
}

/** Table rules of one table. */
function runTableRules(
  rules: RuleSet,
  ctx: TableContext,
  out: RawFinding[],
): void {
  for (const rule of rules.forTable(ctx.table.id).table) {
    const emit = (issue: Issue<object>) => out.push(stamp(rule, issue));
    guarded(rule, out, () => rule.table!(ctx, emit));
  }
}

/** Row and table rules of one table, as raw findings. */
function inspectTable(rules: RuleSet, ctx: TableContext): RawFinding[] {
  const out: RawFinding[] = [];
  runRowRules(rules, ctx, ctx.rows, out);
  runTableRules(rules, ctx, out);
  return out;
}

/** The official header of a column key (`group/header` for T8's sub-columns). */
function headerOf(ctx: TableContext, key: string): string | undefined {
  const def = columnOf(ctx.table, key);
  return def && (def.group ? `${def.group}/${def.header}` : def.header);
}

/** A finding located and worded, with the issue it was made from (0-based row, column key, params). */
export interface CheckedIssue {
  finding: Finding;
  issue: RawFinding;
}

/** A finding with its 0-based grid column (-1 for none) and the issue it came from. */
interface Located {
  f: Finding;
  col: number;
  issue: RawFinding;
}

/**
 * Locates and words raw findings (code-stamped issues): severity, source, message and quote, sheet, cell, range.
 * @param ctx the table the findings belong to (undefined for file-level and unrecognised-sheet findings).
 * @param sheetName sheet of findings without a table (an unrecognised sheet), '' for file level.
 * @returns one per raw finding, in the given order.
 */
function locate(
  raw: readonly RawFinding[],
  ctx: TableContext | undefined,
  sheetName = "",
  rules: RuleSet = ALL_RULES,
): Located[] {
  const located: Located[] = [];
  for (const r of raw) {
    const def = rules.byCode(r.rule);
    const gridCol = r.col !== undefined && ctx ? ctx.columns[r.col] : undefined;
    const cell =
      r.row !== undefined && gridCol !== undefined
        ? a1(r.row, gridCol)
        : undefined;
    // A finding about several rows of the column (LOAN-CHAIN for every row, ROW-HIDDEN): its first cell and range.
    const span =
      cell !== undefined && r.rowEnd !== undefined && r.rowEnd > r.row!
        ? {
            range: `${cell}:${a1(r.rowEnd, gridCol!)}`,
            rows: r.rowEnd - r.row! + 1,
          }
        : {};
    const sheet = ctx?.sheet.name ?? sheetName;
    const column =
      r.col !== undefined && ctx ? headerOf(ctx, r.col) : undefined;
    const params = {
      ...(column !== undefined ? { column } : {}),
      ...(cell !== undefined ? { cell } : {}),
      ...r.params,
    };
    const { text: message, quote } = wordFinding(r.rule, params);
    const source =
      def?.tableSource && ctx ? ctx.table.source : (def?.source ?? "");
    const f: Finding = {
      sheet,
      ...(cell !== undefined ? { cell } : {}),
      ...span,
      ...(r.row !== undefined ? { row: r.row + 1 } : {}),
      ...(column !== undefined ? { column } : {}),
      severity: r.severity ?? def?.severity ?? "warning",
      rule: r.rule,
      message,
      source,
      ...(quote !== undefined ? { quote } : {}),
    };
    located.push({ f, col: gridCol ?? -1, issue: r });
  }
  return located;
}

/**
 * Turns raw findings into findings ({@link locate}), then {@link settleFindings} (one per (cell, rule); ROW-REQUIRED
 * dropped where another rule reports the same cell; sorted by row then column).
 */
function finalize(
  raw: readonly RawFinding[],
  ctx: TableContext | undefined,
  sheetName = "",
): Finding[] {
  return settleFindings(locate(raw, ctx, sheetName));
}

/**
 * Runs a set of rules' row and table checks on one recognised table: the engine's entry point for a check with other
 * rules than the registry's (the merge runs the MERGE-* rules on the merged 汇总表 this way). A rule that throws
 * becomes a RULE-FAILED finding.
 * @returns each issue located and worded, with the issue it came from, in the order the rules reported them (rule
 *   by rule; not settled: each finding stands alone).
 */
export function runRules(rules: RuleSet, ctx: TableContext): CheckedIssue[] {
  return locate(inspectTable(rules, ctx), ctx, "", rules).map(
    ({ f, issue }) => ({ finding: f, issue }),
  );
}

/**
 * The engine's policy for one table's located findings: one per (sheet, cell, rule), the first kept; ROW-REQUIRED
 * dropped where another rule reports the same cell; sorted by row (findings without a row first), then by `col`
 * (0-based grid column, -1 for none), keeping the given order among equals.
 */
export function settleFindings(
  located: readonly { f: Finding; col: number }[],
): Finding[] {
  // The rules found on each cell: a second finding of one of them on the cell is left out.
  const byCell = new Map<string, Set<string>>();
  const unique = located.filter(({ f }) => {
    if (f.cell === undefined) return true;
    const at = `${f.sheet}!${f.cell}`;
    const rules = byCell.get(at);
    if (!rules) byCell.set(at, new Set([f.rule]));
    else if (rules.has(f.rule)) return false;
    else rules.add(f.rule);
    return true;
  });
  const kept = unique.filter(
    ({ f }) =>
      f.rule !== "ROW-REQUIRED" ||
      f.cell === undefined ||
      byCell.get(`${f.sheet}!${f.cell}`)!.size === 1,
  );
  kept.sort((a, b) => (a.f.row ?? 0) - (b.f.row ?? 0) || a.col - b.col);
  return kept.map((x) => x.f);
}

/**
 * A table's report from its raw findings: repeats settled (one finding per distinct problem, with its range) and
 * sorted by severity, then cell (core/check/settle.ts).
 */
function reportOf(ctx: TableContext, raw: readonly RawFinding[]): TableReport {
  return tableReport(ctx, sortFindings(settleRepeats(finalize(raw, ctx))));
}

/** Summary tables list many enterprises: their 企业名称 column names no single applicant. */
const MULTI_ENTERPRISE = new Set(["application-summary", "exempt-summary"]);

/**
 * The applicant of a table: the `企业名称：` line, else (tables of one application) the 企业名称 most rows give.
 */
function applicantOf(ctx: TableContext): string | undefined {
  if (ctx.enterprise !== undefined || MULTI_ENTERPRISE.has(ctx.table.id))
    return ctx.enterprise;
  return factOf(ctx, ENTERPRISE_NAMES).mostRows();
}

/**
 * A table's report from its current rows (totals in 万元, row and record counts, title, enterprise, year) with the
 * given findings (live re-check: the findings are merged by the caller).
 */
export function tableReport(
  ctx: TableContext,
  findings: Finding[],
): TableReport {
  const t = computeTotals(ctx);
  const extend = totalsExtensions[ctx.table.id];
  const enterprise = applicantOf(ctx);
  return {
    sheet: ctx.sheet.name,
    table: ctx.table.id,
    title: titleFor(ctx.table, ctx.year),
    headerRow: ctx.headerRows[ctx.headerRows.length - 1]! + 1,
    rows: t.rows,
    records: t.records,
    totals: t.totals,
    findings,
    ...(enterprise !== undefined ? { enterprise } : {}),
    ...(ctx.year !== undefined ? { year: ctx.year } : {}),
    ...(extend ? { extra: extend(ctx) } : {}),
  };
}

/**
 * Recognises every sheet of a workbook (hidden sheets too; not our dropdown-list sheet `techfund_lists`).
 * @returns the recognised tables in sheet order, and for each other sheet its TABLE-COLUMNS findings (a likeness
 *   with the columns found and missing, 警告; none for an empty sheet or one without table-like rows).
 */
export function recognizeWorkbook(wb: Workbook): {
  tables: TableContext[];
  unrecognized: { sheet: string; findings: Finding[] }[];
} {
  return rememberingTexts(() => {
    const tables: TableContext[] = [];
    const unrecognized: { sheet: string; findings: Finding[] }[] = [];
    for (const sheet of wb.sheets) {
      // Our own sheets (dropdown lists, explanations, 审核结果) are not user data.
      if (isOwnSheet(sheet)) continue;
      const r = recognizeSheet(sheet, wb.date1904);
      if (r.ok) tables.push(...r.tables);
      else
        unrecognized.push({
          sheet: sheet.name,
          findings: finalize(r.findings, undefined, sheet.name),
        });
    }
    return { tables, unrecognized };
  });
}

/**
 * Checks one recognised table with its row and table rules (no workbook rules).
 * @returns its report: totals (万元), counts, findings sorted by row then column.
 */
export function checkTable(ctx: TableContext): TableReport {
  return reportOf(ctx, inspectTable(ALL_RULES, ctx));
}

/**
 * Live re-check: re-reads the given grid rows from `ctx.sheet` (the adapter updates the sheet's cells),
 * updates `ctx.rows` and the table's facts (rows that became blank leave, new data rows join), and runs the row rules
 * on the records those rows belong to. Rows outside the table's data area (header, 合计) are ignored.
 * @param rows 0-based grid rows that changed.
 * @returns the findings of the row rules for the affected records (replace the previous findings of those rows).
 */
export function checkTableRows(ctx: TableContext, rows: number[]): Finding[] {
  return recheckTableRows(ctx, rows).findings;
}

/**
 * {@link checkTableRows}, with the grid rows whose row-rule findings the result replaces: the rows edited and every
 * row of a record that has one of them or a neighbour of one, before or after the edit (a row that leaves or joins
 * can end or start its neighbour's record).
 */
export function recheckTableRows(
  ctx: TableContext,
  rows: readonly number[],
): { findings: Finding[]; replaced: Set<number> } {
  const view = sheetView(ctx.sheet);
  const reader = rowReader(view, ctx.table, ctx.columns, ctx.date1904);
  const firstData = ctx.headerRows[ctx.headerRows.length - 1]! + 1;
  const next = [...ctx.rows];
  const removed: DataRow[] = [];
  const added: DataRow[] = [];
  const changed = new Set<number>();
  for (const r of rows) {
    if (r < firstData || r === ctx.totalRow || changed.has(r)) continue;
    changed.add(r);
    const i = rowIndex(next, r);
    const old = next[i]?.row === r ? next[i] : undefined;
    const now = rowKind(reader, r) === "data" ? readRow(reader, r) : undefined;
    if (old) removed.push(old);
    if (now) added.push(now);
    if (old && now) next[i] = now;
    else if (old) next.splice(i, 1);
    else if (now) next.splice(i, 0, now);
  }
  const near = new Set(changed);
  const before = [...neighbours(ctx.rows, changed)];
  for (const r of recordsAt(ctx, new Set(before))) near.add(r.row);
  linkRecords(ctx.table, next, ctx.columns.seq !== undefined);
  replaceRows(ctx, next, removed, added);
  for (const r of neighbours(ctx.rows, changed)) near.add(r);
  const affected = recordsAt(ctx, near);
  const replaced = new Set([...near, ...affected.map((r) => r.row)]);
  const out: RawFinding[] = [];
  runRowRules(ALL_RULES, ctx, affected, out);
  return { findings: finalize(out, ctx), replaced };
}

/** The grid rows of `rows` (grid order) at or next to one of `at`. */
function* neighbours(
  rows: readonly DataRow[],
  at: ReadonlySet<number>,
): Generator<number> {
  for (const r of at) {
    const i = rowIndex(rows, r);
    for (let j = Math.max(0, i - 1); j <= i + 1 && j < rows.length; j++)
      yield rows[j]!.row;
  }
}

/**
 * Live re-check: the findings of the table rules of one table (TOTAL-MISMATCH, SEQ, LOAN-INTEREST-MIN …)
 * from its current rows; with {@link checkTableRows} for the row rules of edited rows.
 */
export function checkTableRules(ctx: TableContext): Finding[] {
  const out: RawFinding[] = [];
  runTableRules(ALL_RULES, ctx, out);
  return finalize(out, ctx);
}

/**
 * Checks a workbook: recognition, then every rule (row, table and workbook rules).
 * @returns per table its report; file- and workbook-level findings and those of unrecognised sheets in `findings`;
 *   counts over all findings; `coop`, the 协作配套 year analysis, when a sheet is a T4/T5 list; `package`, what the
 *   workbook brings to its enterprise's application package (core/check/package.ts).
 * @param recognized the workbook's recognition when the caller already made it (the merge), else made here. Never throws for bad data (a failing rule becomes a RULE-FAILED finding).
 */
export function checkWorkbook(
  wb: Workbook,
  recognized?: ReturnType<typeof recognizeWorkbook>,
): WorkbookReport {
  return rememberingTexts(() =>
    checkRecognized(wb, recognized ?? recognizeWorkbook(wb)),
  );
}

/** {@link checkWorkbook} of a recognised workbook. */
function checkRecognized(
  wb: Workbook,
  { tables, unrecognized }: ReturnType<typeof recognizeWorkbook>,
): WorkbookReport {
  const raw = new Map<TableContext, RawFinding[]>(
    tables.map((t) => [t, inspectTable(ALL_RULES, t)]),
  );
  const facts = workbookFacts(tables);
  const fileRaw = inspectWorkbook(
    { fileName: wb.fileName, tables, facts },
    raw,
  );
  const reports = tables.map((t) => reportOf(t, raw.get(t)!));
  const findings = sortFindings([
    ...unrecognized.flatMap((u) => u.findings),
    ...finalize(fileRaw, undefined),
  ]);
  const all = [...findings, ...reports.flatMap((r) => r.findings)];
  const coop = coopSummary(facts.coop);
  const otherSheets = unrecognized
    .filter((u) => u.findings.length === 0)
    .map((u) => u.sheet);
  return {
    file: wb.fileName,
    tables: reports,
    findings,
    ...(otherSheets.length > 0 ? { otherSheets } : {}),
    package: packageFacts(
      tables,
      reports.map((r) => r.enterprise),
    ),
    counts: countFindings(all),
    ...(coop ? { coop } : {}),
  };
}

/** Workbook rules: raw findings into `raw` per table; returns the file-level ones. */
function inspectWorkbook(
  context: WorkbookContext,
  raw: Map<TableContext, RawFinding[]>,
): RawFinding[] {
  const fileRaw: RawFinding[] = [];
  for (const rule of ALL_RULES.workbook) {
    guarded(rule, fileRaw, () =>
      rule.workbook!(context, (table, issue) =>
        (table ? raw.get(table)! : fileRaw).push(stamp(rule, issue)),
      ),
    );
  }
  return fileRaw;
}

/**
 * Live re-check: the findings of the workbook rules (across tables: LOAN-CHAIN, NAME-MISMATCH, COOP-…)
 * from the tables' current rows, per table and at file level, with the workbook's facts they were checked against
 * (for the report's `coop`).
 */
export function checkWorkbookRules(
  fileName: string,
  tables: TableContext[],
): {
  byTable: Map<TableContext, Finding[]>;
  file: Finding[];
  facts: WorkbookFacts;
} {
  const raw = new Map<TableContext, RawFinding[]>(tables.map((t) => [t, []]));
  const facts = workbookFacts(tables);
  const file = finalize(
    inspectWorkbook({ fileName, tables, facts }, raw),
    undefined,
  );
  return {
    byTable: new Map(tables.map((t) => [t, finalize(raw.get(t)!, t)])),
    file,
    facts,
  };
}
