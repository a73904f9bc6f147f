/**
 * 合并: the rows of the 项目情况表 (附件2 二(一)) received by a city reviewer become its 申报汇总表
 * (附件3), and the rows of the enterprises' “免申即享”申报表 its “免申即享”申报汇总表 (附件4) — 正文 二(二), 二(三)1.
 *
 * Every received sheet recognised as 项目情况表 or 申报汇总表 gives its rows to the 申报汇总表; every sheet recognised
 * as the “免申即享” table (with or without 序号) gives its rows to the 免申即享汇总表. Each such table is checked with
 * its row and table rules (INFO-*, DEMO-*, generic); the MERGE-* rules then run once on the merged 申报汇总表, so they
 * see the rows of all files, and each of their findings is mapped back to the file and cell it came from.
 *
 * Nothing is dropped silently: every input has a line in the 合并日志 (已合并 / 有错误仍合并 / 未识别到情况表 /
 * 无法读取 with the reason). Values are taken as stored (cellValue.ts): a formula cell gives its cached value (never its
 * formula), text stays text with every character whatever it starts with, numbers stay numbers (a number typed as text
 * that a number cell would show otherwise, such as CSV `1.10`, stays its text); what Excel cannot store of a value is
 * said in the file's 合并日志 line.
 */
import { CATALOG_VERSION, getTable } from "../catalog/tables";
import type { TableId } from "../catalog/types";
import { countFindings } from "../model/finding";
import { groupBy } from "../util/groupBy";
import { rememberingTexts } from "../util/remember";
import type { Finding, FindingCounts } from "../model/finding";
import { a1 } from "../model/grid";
import type { Cell, Sheet } from "../model/grid";
import { recognizeSheet } from "../recognize";
import type { FileCheck } from "../review/reviewReport";
import { checkPackages } from "../check/package";
import type { WorkbookReport } from "../check/report";
import {
  checkWorkbook,
  recognizeWorkbook,
  ruleSet,
  runRules,
} from "../check/engine";
import { MERGE_RULES } from "../rules/summaryRows";
import type { DataRow, TableContext } from "../model/table";
import { text } from "../model/table";
import { layoutTemplate } from "../template";
import { mergedValue, storableText } from "./cellValue";
import { compareRows } from "./order";
import type {
  MergedRow,
  MergedTable,
  MergeFinding,
  MergeInput,
  MergeLogEntry,
  MergeOptions,
  MergeResult,
  MergeStatus,
  RowSource,
} from "./types";

/** Sheet names of the merged workbook. */
export const MERGE_SHEET_NAMES = {
  summary: "申报汇总表",
  exempt: "免申即享汇总表",
  log: "合并日志",
  review: "审核结果",
} as const;

/** The line above the header of both 汇总表 (附件3, 附件4), before the unit's name. */
export const REVIEWER_LABEL = "审核单位（公章）：";

/** Tables whose rows go to the 申报汇总表 (附件3) and to the 免申即享汇总表 (附件4). */
const TARGET_OF: Partial<Record<TableId, MergedTable["tableId"]>> = {
  "project-info": "application-summary",
  "application-summary": "application-summary",
  "exempt-summary": "exempt-summary",
};

const MERGE_CODES = new Set<string>(MERGE_RULES.map((r) => r.code));
/** The MERGE-* rules, run on the merged 汇总表. */
const MERGE_SET = ruleSet(MERGE_RULES);

/** A received table rows are taken from. */
interface Taken {
  ctx: TableContext;
  target: MergedTable["tableId"];
  file: string;
  fileIndex: number;
  sheetIndex: number;
  date1904: boolean;
}

/** A data row waiting for its place in the merged table. */
interface Pending {
  from: Taken;
  data: DataRow;
}

/** What the merge knows of one readable file. */
interface FileState {
  taken: Taken[];
  /** The check of the whole workbook (every table: 情况表 and detail tables), without the MERGE-* findings. */
  report?: WorkbookReport;
  reason?: string;
  /** Why the file could not be checked (an unexpected program error), when it could not. */
  failed?: string;
}

/** Why no row was taken from a readable file (Chinese). */
function nothingTakenReason(taken: Taken[], others: TableContext[]): string {
  if (taken.length > 0)
    return `${taken.map((t) => `工作表“${t.ctx.sheet.name}”`).join("、")}中没有填写数据的行`;
  const seen = others.map((t) => `工作表“${t.sheet.name}”为${t.table.title}`);
  return `未找到项目情况表、申报汇总表或“免申即享”申报表${seen.length > 0 ? `（${seen.join("；")}）` : ""}`;
}

/**
 * Recognises and checks one readable file — every table, so that a detail table's 错误 counts in the file's status;
 * the MERGE-* findings are left to the merged table.
 */
function inspectFile(
  input: MergeInput & { read: { ok: true } },
  fileIndex: number,
): FileState {
  return rememberingTexts(() => inspectFileNow(input, fileIndex));
}

/** {@link inspectFile}, inside its remembering (texts are remembered file by file). */
function inspectFileNow(
  input: MergeInput & { read: { ok: true } },
  fileIndex: number,
): FileState {
  const wb = input.read.workbook;
  const recognized = recognizeWorkbook(wb);
  const taken: Taken[] = [];
  const others: TableContext[] = [];
  for (const ctx of recognized.tables) {
    const target = TARGET_OF[ctx.table.id];
    if (target)
      taken.push({
        ctx,
        target,
        file: input.fileName,
        fileIndex,
        sheetIndex: wb.sheets.indexOf(ctx.sheet),
        date1904: wb.date1904,
      });
    else others.push(ctx);
  }
  const full = checkWorkbook(wb, recognized);
  const own = (fs: Finding[]) =>
    fs
      .filter((f) => !MERGE_CODES.has(f.rule))
      .map((f) => ({ ...f, file: input.fileName }));
  const tables = full.tables.map((t) => ({ ...t, findings: own(t.findings) }));
  const findings = own(full.findings);
  const report: WorkbookReport = {
    ...full,
    file: input.fileName,
    tables,
    findings,
    counts: countFindings([...findings, ...tables.flatMap((t) => t.findings)]),
  };
  const rows = taken.reduce((n, t) => n + t.ctx.rows.length, 0);
  return {
    taken,
    report,
    ...(rows > 0 ? {} : { reason: nothingTakenReason(taken, others) }),
  };
}

/**
 * {@link inspectFile}, but an unexpected failure on one file (a program error) becomes that file's reason instead of
 * stopping the merge of all the others.
 */
function safeInspect(
  input: MergeInput & { read: { ok: true } },
  fileIndex: number,
): FileState {
  try {
    return inspectFile(input, fileIndex);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return {
      taken: [],
      failed: `检查时程序内部错误：${input.fileName}（${reason}）`,
    };
  }
}

/** The merged sheet as a grid: the layout's texts, then the rows' cells; marked as the table. */
function sheetOf(table: MergedTable): Sheet {
  const { layout } = table;
  const rows: (Cell | undefined)[][] = [];
  for (const c of layout.cells) {
    if (c.value === undefined) continue;
    (rows[c.r] ??= [])[c.c] = { v: c.value };
  }
  for (const r of table.rows) rows[r.row] = [...r.cells];
  for (let r = 0; r <= layout.lastRow; r++) rows[r] ??= [];
  return {
    name: table.sheetName,
    rows,
    merges: layout.merges,
    mark: { tableId: table.tableId, version: CATALOG_VERSION },
  };
}

/**
 * Builds a merged table from its pending rows (already in merged order).
 * @param note receives, per input, what of a value Excel cannot store (see cellValue.ts), in Chinese
 */
function buildTable(
  tableId: MergedTable["tableId"],
  sheetName: string,
  pending: readonly Pending[],
  unit: string,
  note: (input: number, text: string) => void,
): MergedTable {
  const def = getTable(tableId);
  const layout = layoutTemplate(def, { dataRows: Math.max(1, pending.length) });
  for (const c of layout.cells)
    if (c.r === layout.lineRows[0] && c.c === 0)
      c.value = `${REVIEWER_LABEL}${unit}`;
  layout.sheetName = sheetName;
  const rows = pending.map(({ from, data }, i): MergedRow => {
    const seq = i + 1;
    const sourceCells = def.columns.map((col) => {
      const c = from.ctx.columns[col.key];
      return c === undefined ? undefined : a1(data.row, c);
    });
    const cells = def.columns.map((col, c) => {
      if (col.key === "seq") return { v: seq };
      const cell = mergedValue(data.cells[col.key], from.date1904);
      if (typeof cell?.v !== "string") return cell;
      const stored = storableText(cell.v);
      for (const change of stored.changes)
        note(
          from.fileIndex,
          `工作表“${from.ctx.sheet.name}”${sourceCells[c] ?? ""}（${col.header}）${change}`,
        );
      return { v: stored.text };
    });
    return {
      seq,
      row: layout.dataRows.first + i,
      source: {
        file: from.file,
        input: from.fileIndex,
        sheet: from.ctx.sheet.name,
        row: data.row + 1,
      },
      cells,
      sourceCells,
    };
  });
  const table: MergedTable = {
    tableId,
    sheetName,
    layout,
    rows,
    sheet: { name: sheetName, rows: [], merges: [] },
  };
  table.sheet = sheetOf(table);
  return table;
}

/**
 * Reads the merged sheet back as our checker does and runs the MERGE-* rules on it.
 * @throws Error when the merged sheet does not read back as its table with every row (a programming error).
 */
function mergeFindings(
  table: MergedTable,
): { finding: MergeFinding; input?: number }[] {
  const recognised = recognizeSheet(table.sheet, false);
  if (!recognised.ok || recognised.table.table.id !== table.tableId)
    throw new Error(
      `合并程序内部错误：${table.sheetName}未能按${table.tableId}读回`,
    );
  const ctx = recognised.table;
  if (ctx.rows.length !== table.rows.length)
    throw new Error(
      `合并程序内部错误：${table.sheetName}写入${table.rows.length}行，读回${ctx.rows.length}行`,
    );
  const byRow = new Map(table.rows.map((r) => [r.row, r]));
  const columnIndex = (key: string | undefined) =>
    key === undefined
      ? -1
      : getTable(table.tableId).columns.findIndex((c) => c.key === key);
  return runRules(MERGE_SET, ctx).map(
    ({ finding: f, issue: r }): { finding: MergeFinding; input?: number } => {
      const at = r.row === undefined ? undefined : byRow.get(r.row);
      const firstRow =
        r.params && "firstRow" in r.params ? r.params.firstRow : undefined;
      const related =
        typeof firstRow === "number"
          ? byRow.get(firstRow - 1)?.source
          : undefined;
      const note = [
        f.row !== undefined ? `合并后见“${table.sheetName}”第${f.row}行` : "",
        related && typeof firstRow === "number"
          ? `第${firstRow}行来自“${related.file}”${placeText(related)}`
          : "",
      ].filter(Boolean);
      const message =
        note.length > 0 ? `${f.message}（${note.join("；")}）` : f.message;
      const merged =
        f.row !== undefined
          ? {
              merged: {
                sheet: f.sheet,
                ...(f.cell ? { cell: f.cell } : {}),
                row: f.row,
              },
            }
          : {};
      if (!at) return { finding: { ...f, file: "", message, ...merged } };
      const sourceCell = at.sourceCells[columnIndex(r.col)];
      const finding: MergeFinding = {
        file: at.source.file,
        sheet: at.source.sheet,
        ...(sourceCell !== undefined ? { cell: sourceCell } : {}),
        row: at.source.row,
        ...(f.column !== undefined ? { column: f.column } : {}),
        severity: f.severity,
        rule: f.rule,
        message,
        source: f.source,
        ...merged,
        ...(related ? { related } : {}),
      };
      return { finding, input: at.source.input };
    },
  );
}

/** `工作表“项目情况表”第4行`. */
function placeText(s: RowSource): string {
  return `工作表“${s.sheet}”第${s.row}行`;
}

function statusOf(rows: number, counts: FindingCounts): MergeStatus {
  if (rows === 0) return "未识别到情况表";
  return counts.errors > 0 ? "有错误仍合并" : "已合并";
}

/**
 * Which inputs are merged: not excluded by the reviewer, and not byte-identical (same SHA-256) to an earlier input
 * that is merged. @returns per input undefined (merged) or its log status and reason
 */
function skipped(
  inputs: readonly MergeInput[],
): ({ status: "已排除" | "重复文件"; reason: string } | undefined)[] {
  const firstBySha = new Map<string, string>();
  return inputs.map((input) => {
    if (input.excluded !== undefined)
      return { status: "已排除", reason: input.excluded };
    if (input.sha256 === undefined || !input.read.ok) return undefined;
    const first = firstBySha.get(input.sha256);
    if (first !== undefined)
      return {
        status: "重复文件",
        reason: `与“${first}”内容完全相同（SHA-256 相同），只合并一次`,
      };
    firstBySha.set(input.sha256, input.fileName);
    return undefined;
  });
}

/**
 * Merges received files into the 申报汇总表 (附件3) and, when there are “免申即享” rows, the 免申即享汇总表 (附件4).
 * Rows are ordered by 所在市 (official order), 所在县, file name, then their place in the file (see merge/order.ts),
 * and numbered 1..n. Every table of a file is checked, so a 错误 in a detail table (贷款明细表 …) makes the file
 * 有错误仍合并; the package rules (core/check/package.ts: PACKAGE-TABLES, PACKAGE-DIRECTION, MERGE-CONTRACT-DUP) run across
 * the merged files. A file the reviewer excluded (`MergeInput.excluded`) is logged 已排除, a byte-identical copy of an
 * earlier file 重复文件 naming that file; neither is checked nor gives rows. Never throws for bad data: an unreadable
 * file is logged as 无法读取 with its reason.
 * @param inputs the received files in input order (size and SHA-256 computed by the adapter)
 * @param options.unit 审核单位名称 for the `审核单位（公章）：` line (MERGE-CITY compares 所在市 with its city)
 * @returns the merged tables, the 合并日志 (one entry per input), every finding (each with its `file`), their
 *   counts, per checked input its check for the 审核结果 layout, and the merged files grouped by enterprise
 * @throws Error only on a programming error (the merged rows do not read back, or rows out ≠ rows taken)
 */
export function mergeFiles(
  inputs: readonly MergeInput[],
  options: MergeOptions = {},
): MergeResult {
  const unit = options.unit?.trim() ?? "";
  const skip = skipped(inputs);
  const states = inputs.map((input, i) =>
    input.read.ok && !skip[i]
      ? safeInspect({ ...input, read: input.read }, i)
      : undefined,
  );
  const pending: Record<MergedTable["tableId"], Pending[]> = {
    "application-summary": [],
    "exempt-summary": [],
  };
  for (const state of states)
    for (const from of state?.taken ?? [])
      for (const data of from.ctx.rows)
        pending[from.target].push({ from, data });
  const key = (p: Pending) => ({
    city: text(p.data, "city"),
    county: text(p.data, "county"),
    file: p.from.file,
    fileIndex: p.from.fileIndex,
    sheetIndex: p.from.sheetIndex,
    row: p.data.row,
  });
  const sorted = (list: Pending[]) =>
    list
      .map((p) => ({ p, k: key(p) }))
      .sort((a, b) => compareRows(a.k, b.k))
      .map((x) => x.p);

  // What Excel cannot store of a file's values, by input: said in its 合并日志 line.
  const notes = inputs.map((): string[] => []);
  const note = (input: number, text: string) => notes[input]!.push(text);
  const summary = buildTable(
    "application-summary",
    MERGE_SHEET_NAMES.summary,
    sorted(pending["application-summary"]),
    unit,
    note,
  );
  const exemptRows = sorted(pending["exempt-summary"]);
  const exempt =
    exemptRows.length > 0
      ? buildTable(
          "exempt-summary",
          MERGE_SHEET_NAMES.exempt,
          exemptRows,
          unit,
          note,
        )
      : undefined;

  const merged = [
    ...mergeFindings(summary),
    ...(exempt ? mergeFindings(exempt) : []),
  ];

  // The package rules across the checked files; their findings go to the file they point at.
  const checked = states.flatMap((state, i) =>
    state?.report?.package
      ? [{ input: i, file: inputs[i]!.fileName, facts: state.report.package }]
      : [],
  );
  const packageRun = checkPackages(checked);
  const packages = packageRun.groups.map((g) => ({
    ...g,
    files: g.files.map((k) => checked[k]!.input),
  }));
  const inputOfFile = new Map(checked.map((c) => [c.file, c.input]));
  const packageFindings = groupBy(packageRun.findings, (f) =>
    inputOfFile.get(f.file),
  );
  const enterpriseOf = new Map<number, string>();
  for (const g of packages)
    for (const i of g.files)
      if (g.enterprise) enterpriseOf.set(i, g.enterprise);

  const mergedByInput = groupBy(merged, (m) => m.input);
  const findings: MergeFinding[] = [];
  const checks: FileCheck[] = [];
  const noCounts = { errors: 0, warnings: 0, infos: 0 };
  const log = inputs.map((input, i): MergeLogEntry => {
    const state = states[i];
    const base = {
      file: input.fileName,
      ...(input.size !== undefined ? { size: input.size } : {}),
      ...(input.sha256 !== undefined ? { sha256: input.sha256 } : {}),
      summaryRows: 0,
      exemptRows: 0,
      sheets: [],
      counts: noCounts,
    };
    const skip_ = skip[i];
    if (skip_) return { ...base, ...skip_ };
    if (!input.read.ok || !state?.report) {
      const error = input.read.ok
        ? (state?.failed ?? "")
        : input.read.error.message;
      checks.push({ file: input.fileName, status: "unreadable", error });
      return { ...base, status: "无法读取", reason: error };
    }
    const report = state.report;
    const mergedHere = (mergedByInput.get(i) ?? []).map((m) => m.finding);
    const added = [...(packageFindings.get(i) ?? []), ...mergedHere];
    const own = [
      ...report.findings,
      ...report.tables.flatMap((t) => t.findings),
    ] as MergeFinding[];
    const all = [...own, ...added];
    findings.push(...all);
    const counts = countFindings(all);
    checks.push({
      file: input.fileName,
      status: "ok",
      report: {
        ...report,
        findings: [...report.findings, ...added],
        counts,
      },
      explanations: input.explanations ?? [],
    });
    const rowsOf = (target: MergedTable["tableId"]) =>
      state.taken
        .filter((t) => t.target === target)
        .reduce((n, t) => n + t.ctx.rows.length, 0);
    const summaryRows = rowsOf("application-summary");
    const exemptCount = rowsOf("exempt-summary");
    const enterprise = enterpriseOf.get(i);
    const reason = [state.reason ?? "", ...notes[i]!]
      .filter(Boolean)
      .join("；");
    return {
      ...base,
      status: statusOf(summaryRows + exemptCount, counts),
      ...(reason ? { reason } : {}),
      summaryRows,
      exemptRows: exemptCount,
      sheets: state.taken
        .filter((t) => t.ctx.rows.length > 0)
        .map((t) => t.ctx.sheet.name),
      counts,
      ...(enterprise !== undefined ? { enterprise } : {}),
    };
  });
  findings.push(
    ...merged.filter((m) => m.input === undefined).map((m) => m.finding),
  );

  const taken = log.reduce((n, e) => n + e.summaryRows + e.exemptRows, 0);
  const out = summary.rows.length + (exempt?.rows.length ?? 0);
  if (taken !== out)
    throw new Error(`合并程序内部错误：取用 ${taken} 行，写出 ${out} 行`);

  return {
    summary,
    ...(exempt ? { exempt } : {}),
    log,
    findings,
    counts: countFindings(findings),
    checks,
    packages,
  };
}
