/**
 * Rules for all tables (tables.md "All tables"): required cells, readable numbers and dates, amounts that look like
 * yuan, 合计 rows, 序号, enterprise names, error values, and the columns of a recognised table.
 */
import type {
  ColumnDef,
  ColumnType,
  Requirement,
  TableId,
} from "../catalog/types";
import { cellText, columnLetters, isBlank } from "../model/grid";
import { readNumber, round, sumExact } from "../parse";
import type { ParseReason } from "../parse/reasons";
import { normHeader } from "../recognize/normalize";
import { recordRows } from "../recognize/records";
import { columnSum } from "../facts/columnSum";
import { factOf, RowsByKey, type FactKind } from "../facts/tableFacts";
import { defineRule, type Emit } from "./types";
import { type DataRow, type TableContext } from "../model/table";

/** Params of ROW-REQUIRED: the table and column, how the notice requires it, and whether the layout is ours. */
export interface RequiredParams {
  table: TableId;
  key: string;
  required: Requirement;
  /** 1 on a table whose layout this tool drew (the notice gives none). */
  ours?: 1;
}

/** Params of CELL-TYPE: the text typed, why it cannot be read (the parser's reason), and the column's type. */
export interface CellTypeParams {
  value: string;
  reason: ParseReason;
  type: ColumnType;
}

/** Params of TABLE-COLUMNS: the columns missing or extra on a recognised table, or why a sheet is no table. */
export type TableColumnsParams =
  | { kind: "missing"; title: string; missing: string }
  | { kind: "extra"; title: string; extra: string }
  | { kind: "likeness"; title: string; found: string; missing: string };

/** Params of ROW-HIDDEN: a run of hidden data rows, or a hidden column holding data. */
export type HiddenParams =
  | { kind: "rows"; count: number; from: number; to: number }
  | { kind: "column"; count: number; letter: string };

/** Where the layout of every table is given: the fallback source of generic findings (else the table's own). */
const LAYOUTS = "附件2、附件3、附件4 表样";

/**
 * AMOUNT-UNIT threshold: 100,000 万元 (10 亿元) in one row of a 万元 column. Twice the highest 协作配套 tier (50,000 万元),
 * and what a 10 万元 amount typed in yuan (100,000) reaches; genuine single amounts this large are rare enough for a 警告.
 */
export const AMOUNT_UNIT_LIMIT = 100_000;
/**
 * Amounts that are a small part of another amount of their row: 利息 of its 本金 (at most 15 % a year), 保费 of its 保险金额
 * (a rate of a few percent). One that reaches that amount, or 10,000 万元 (1 亿元), was typed in yuan.
 */
const SMALL_AMOUNTS: Readonly<Record<string, string>> = {
  interest: "principal",
  premium: "insuredAmount",
};
export const SMALL_AMOUNT_LIMIT = 10_000;
/** TOTAL-MISMATCH tolerance: 0.0001 万元 (1 元). */
export const TOTAL_TOLERANCE = 0.0001;

/** Column types a typed value must be readable as (CELL-TYPE); date ranges have their own rules (LOAN-TERM-FORMAT …). */
const TYPED: ReadonlySet<ColumnType> = new Set([
  "seq",
  "integer",
  "number",
  "amount",
  "percent",
  "date",
]);

/** Tables whose rows all belong to one applicant (企业名称 / 企业（单位）名称 column). */
const APPLICANT_ROWS: ReadonlySet<TableId> = new Set([
  "loan-interest",
  "insurance-credit",
  "finance-lease",
  "project-info",
]);
/** Tables listing many enterprises (the city's 汇总表): never compared with one applicant. */
const MULTI_ENTERPRISE: ReadonlySet<TableId> = new Set([
  "application-summary",
  "exempt-summary",
]);

/**
 * Columns found on a sheet that a rule looks at, computed once per recognised table (its column map). Row rules ask
 * for them on every row: the last table's answer is kept beside the map, so that a row costs one comparison, not a
 * WeakMap look-up (which costs more than the rule's own work on a row).
 */
function foundColumns(
  pick: (c: ColumnDef) => boolean,
): (ctx: TableContext) => ColumnDef[] {
  const cache = new WeakMap<object, ColumnDef[]>();
  let last: { columns: object; cols: ColumnDef[] } | undefined;
  return (ctx) => {
    if (last?.columns === ctx.columns) return last.cols;
    let cols = cache.get(ctx.columns);
    if (!cols) {
      cols = ctx.table.columns.filter(
        (c) => pick(c) && ctx.columns[c.key] !== undefined,
      );
      cache.set(ctx.columns, cols);
    }
    last = { columns: ctx.columns, cols };
    return cols;
  };
}
const requiredColumns = foundColumns((c) => c.required !== "optional");
const amountColumns = foundColumns((c) => c.type === "amount");
const everyColumn = foundColumns(() => true);

/** A cell with nothing in it for ROW-REQUIRED: no reading, no unreadable text, no error value. */
function isEmpty(r: DataRow, key: string): boolean {
  return (
    r.values[key] === undefined &&
    r.unreadable[key] === undefined &&
    !r.cells[key]?.e
  );
}

/** True when column `key` is empty ({@link isEmpty}) on every one of `rows`. */
function allEmpty(rows: readonly DataRow[], key: string): boolean {
  for (const r of rows) if (!isEmpty(r, key)) return false;
  return true;
}

/** The rows of a table by the 企业名称 they give (as read), kept in the table's facts (facts/tableFacts.ts). */
export const ENTERPRISE_NAMES: FactKind<RowsByKey> = {
  make: () =>
    new RowsByKey((r) => {
      const v = r.values.enterpriseName;
      return typeof v === "string" ? v : undefined;
    }),
};

/** The most common 企业名称 of a table's rows, counting spellings that normalise alike as one. */
function mostCommonName(ctx: TableContext): string | undefined {
  const byNorm = new Map<string, { text: string; n: number }>();
  let best: { text: string; n: number } | undefined;
  for (const [text, rows] of factOf(ctx, ENTERPRISE_NAMES).inTableOrder()) {
    const norm = normHeader(text);
    const e = byNorm.get(norm) ?? { text, n: 0 };
    e.n += rows.length;
    byNorm.set(norm, e);
    if (!best || e.n > best.n) best = e;
  }
  return best?.text;
}

/** The enterprise a table belongs to: its `企业名称：` line, else the most common 企业名称 of its rows. */
function enterpriseOf(
  ctx: TableContext,
): { name: string; fromLine: boolean } | undefined {
  if (ctx.enterprise) return { name: ctx.enterprise, fromLine: true };
  if (
    !APPLICANT_ROWS.has(ctx.table.id) ||
    ctx.columns.enterpriseName === undefined
  )
    return undefined;
  const name = mostCommonName(ctx);
  return name ? { name, fromLine: false } : undefined;
}

/** The key of the first column (left to right) where a row has something; the first column found otherwise. */
function firstFilled(ctx: TableContext, row: DataRow): string {
  const cols = everyColumn(ctx)
    .filter((c) => c.key !== "seq")
    .sort((a, b) => ctx.columns[a.key]! - ctx.columns[b.key]!);
  return (cols.find((c) => !isBlank(row.cells[c.key])) ?? cols[0])!.key;
}

function checkRequired(
  row: DataRow,
  table: TableContext,
  emit: Emit<RequiredParams>,
): void {
  if (row.continuation) return;
  // A record of one row (most tables, most rows) is read without a list.
  const rows =
    table.table.continuationRows || row.merged.seq
      ? recordRows(table, row)
      : undefined;
  for (const c of requiredColumns(table)) {
    if (rows ? allEmpty(rows, c.key) : isEmpty(row, c.key)) {
      emit({
        row: row.row,
        col: c.key,
        // Our own layouts (the notice names none of their columns): a likely gap, never a condition of the notice.
        severity:
          c.required === "notice" && !table.table.ourLayout
            ? "error"
            : "warning",
        params: {
          table: table.table.id,
          key: c.key,
          required: c.required,
          ...(table.table.ourLayout ? { ours: 1 } : {}),
        },
      });
    }
  }
}

function checkCellType(
  row: DataRow,
  table: TableContext,
  emit: Emit<CellTypeParams>,
): void {
  for (const key in row.unreadable) {
    const reason = row.unreadable[key];
    const def = table.table.columns.find((c) => c.key === key);
    if (
      !reason ||
      !def ||
      !TYPED.has(def.type) ||
      row.merged[key] ||
      row.cells[key]?.e
    )
      continue;
    emit({
      row: row.row,
      col: key,
      params: { value: cellText(row.cells[key]), reason, type: def.type },
    });
  }
}

/** The 合计 cells of summed columns that hold something. */
function totalCells(ctx: TableContext): { def: ColumnDef; col: number }[] {
  if (ctx.totalRow === undefined) return [];
  const out: { def: ColumnDef; col: number }[] = [];
  for (const def of ctx.table.columns) {
    const col = ctx.columns[def.key];
    if (
      def.sum &&
      col !== undefined &&
      !isBlank(ctx.sheet.rows[ctx.totalRow]?.[col])
    )
      out.push({ def, col });
  }
  return out;
}

/** Rows (0-based, inclusive) one SUM argument covers; undefined for a form not understood. */
function argRows(
  arg: string,
  letter: string,
  totalRow: number,
): [number, number] | undefined {
  const a = arg.replace(/\$/g, "").trim().toUpperCase();
  const L = letter;
  let m = new RegExp(`^${L}(\\d+):${L}(\\d+)$`).exec(a);
  if (m) return [Number(m[1]) - 1, Number(m[2]) - 1];
  if (a === `${L}:${L}`) return [0, Infinity];
  m = new RegExp(`^${L}(\\d+)$`).exec(a);
  if (m) return [Number(m[1]) - 1, Number(m[1]) - 1];
  m = new RegExp(`^INDEX\\(${L}:${L},ROW\\(\\)\\+(\\d+)\\):${L}(\\d+)$`).exec(
    a,
  );
  if (m) return [totalRow + Number(m[1]), Number(m[2]) - 1];
  m = new RegExp(`^${L}(\\d+):INDEX\\(${L}:${L},ROW\\(\\)-(\\d+)\\)$`).exec(a);
  if (m) return [Number(m[1]) - 1, totalRow - Number(m[2])];
  return undefined;
}

/**
 * The rows a 合计 formula sums in its own column, from the formula text alone (`SUM(D5:D24)`,
 * `SUM(INDEX(D:D,ROW()+1):D1048576)`, `SUM(J4:INDEX(J:J,ROW()-1))`, several arguments); undefined for any other
 * formula (not judged).
 */
export function summedRows(
  formula: string,
  letter: string,
  totalRow: number,
): [number, number][] | undefined {
  const m = /^\s*=?\s*SUM\((.*)\)\s*$/i.exec(formula);
  if (!m) return undefined;
  const args: string[] = [];
  let depth = 0;
  let start = 0;
  const body = m[1]!;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === "(") depth++;
    else if (ch === ")") depth--;
    else if (ch === "," && depth === 0) {
      args.push(body.slice(start, i));
      start = i + 1;
    }
  }
  args.push(body.slice(start));
  const spans: [number, number][] = [];
  for (const arg of args) {
    const span = argRows(arg, letter, totalRow);
    if (!span) return undefined;
    spans.push(span);
  }
  return spans;
}

/** TOTAL-RANGE: the data rows (0-based) with a number in column `def` that the 合计 formula does not sum. */
function rowsOutside(
  ctx: TableContext,
  def: ColumnDef,
  col: number,
): { formula: string; rows: number[] } | undefined {
  const cell = ctx.sheet.rows[ctx.totalRow!]?.[col];
  if (cell?.f === undefined) return undefined;
  const spans = summedRows(cell.f, columnLetters(col), ctx.totalRow!);
  if (!spans) return undefined;
  // Every data row lies between the first and the last: a span covering both leaves none out.
  const first = ctx.rows[0]?.row ?? 0;
  const last = ctx.rows[ctx.rows.length - 1]?.row ?? 0;
  if (spans.some(([a, b]) => a <= first && last <= b)) return undefined;
  const rows: number[] = [];
  for (const r of ctx.rows) {
    if (typeof r.values[def.key] !== "number") continue;
    if (!spans.some(([a, b]) => r.row >= a && r.row <= b)) rows.push(r.row);
  }
  return rows.length > 0 ? { formula: cell.f, rows } : undefined;
}

export const GENERIC_RULES = [
  defineRule<RequiredParams>()({
    code: "ROW-REQUIRED",
    severity: "error",
    source: LAYOUTS,
    tableSource: true,
    tables: "all",
    row: checkRequired,
  }),
  defineRule<CellTypeParams>()({
    code: "CELL-TYPE",
    severity: "error",
    source: LAYOUTS,
    tableSource: true,
    tables: "all",
    row: checkCellType,
    table(ctx, emit) {
      // A 合计 cell that is not a number.
      for (const { def, col } of totalCells(ctx)) {
        const cell = ctx.sheet.rows[ctx.totalRow!]![col]!;
        if (cell.e) continue;
        const read = readNumber(cell);
        if (!read.ok) {
          emit({
            row: ctx.totalRow!,
            col: def.key,
            params: {
              value: cellText(cell),
              reason: read.reason,
              type: def.type,
            },
          });
        }
      }
    },
  }),
  defineRule<{
    value: number;
    wan: number;
    /** The amount of the row it reaches (利息 its 本金, 保费 its 保险金额), with that column's header. */
    base?: number;
    baseColumn?: string | undefined;
  }>()({
    code: "AMOUNT-UNIT",
    severity: "warning",
    source: LAYOUTS,
    tableSource: true,
    tables: "all",
    row(row, table, emit) {
      for (const c of amountColumns(table)) {
        if (row.merged[c.key]) continue;
        const v = row.values[c.key];
        if (typeof v !== "number") continue;
        const of = SMALL_AMOUNTS[c.key];
        const base = of ? row.values[of] : undefined;
        const yuan =
          Math.abs(v) >= (of ? SMALL_AMOUNT_LIMIT : AMOUNT_UNIT_LIMIT) ||
          (typeof base === "number" && base > 0 && v >= base);
        if (yuan) {
          emit({
            row: row.row,
            col: c.key,
            params: {
              value: v,
              wan: round(v / 10_000, 6),
              ...(typeof base === "number" && v >= base
                ? {
                    base,
                    baseColumn: table.table.columns.find((x) => x.key === of)
                      ?.header,
                  }
                : {}),
            },
          });
        }
      }
    },
  }),
  defineRule<{
    value: number;
    expected: number;
    diff: number;
    formula: string | undefined;
  }>()({
    code: "TOTAL-MISMATCH",
    severity: "error",
    source: LAYOUTS,
    tableSource: true,
    tables: "all",
    table(ctx, emit) {
      for (const { def, col } of totalCells(ctx)) {
        const cell = ctx.sheet.rows[ctx.totalRow!]![col]!;
        const read = readNumber(cell);
        // A formula that leaves rows out is TOTAL-RANGE: said once, there.
        if (!read.ok || rowsOutside(ctx, def, col)) continue;
        const expected = columnSum(ctx, def.key);
        const diff = sumExact([read.value, -expected]);
        if (Math.abs(diff) <= TOTAL_TOLERANCE) continue;
        const formula = cell.f !== undefined;
        emit({
          row: ctx.totalRow!,
          col: def.key,
          severity: formula ? "warning" : "error",
          params: { value: read.value, expected, diff, formula: cell.f },
        });
      }
    },
  }),
  defineRule<{ formula: string; count: number; first: number; last: number }>()(
    {
      code: "TOTAL-RANGE",
      severity: "error",
      source: LAYOUTS,
      tableSource: true,
      tables: "all",
      table(ctx, emit) {
        if (ctx.totalRow === undefined) return;
        for (const def of ctx.table.columns) {
          const col = ctx.columns[def.key];
          // A formula without a cached value (written by a program, never opened) counts too.
          if (!def.sum || col === undefined) continue;
          const out = rowsOutside(ctx, def, col);
          if (!out) continue;
          emit({
            row: ctx.totalRow!,
            col: def.key,
            params: {
              formula: out.formula,
              count: out.rows.length,
              first: out.rows[0]! + 1,
              last: out.rows[out.rows.length - 1]! + 1,
            },
          });
        }
      },
    },
  ),
  defineRule<{ value: number; expected: number }>()({
    code: "SEQ",
    severity: "warning",
    source: LAYOUTS,
    tableSource: true,
    tables: "all",
    table(ctx, emit) {
      if (ctx.columns.seq === undefined) return;
      let prev = 0;
      for (const r of ctx.rows) {
        if (r.continuation) continue;
        const v = r.values.seq;
        if (typeof v !== "number") {
          prev++;
          continue;
        }
        if (v !== prev + 1)
          emit({
            row: r.row,
            col: "seq",
            params: { value: v, expected: prev + 1 },
          });
        prev = v;
      }
    },
  }),
  defineRule<{
    value: string;
    expected: string;
    against: "line" | "rows" | "info";
    sheet?: string;
  }>()({
    code: "NAME-MISMATCH",
    severity: "warning",
    source: LAYOUTS,
    tableSource: true,
    tables: "all",
    table(ctx, emit) {
      if (
        !APPLICANT_ROWS.has(ctx.table.id) ||
        ctx.columns.enterpriseName === undefined
      )
        return;
      const ref = enterpriseOf(ctx);
      if (!ref) return;
      const expected = normHeader(ref.name);
      // Names repeat on every row: normalise each spelling once.
      for (const [v, rows] of factOf(ctx, ENTERPRISE_NAMES).entries()) {
        if (normHeader(v) === expected) continue;
        for (const r of rows) {
          if (r.merged.enterpriseName) continue;
          emit({
            row: r.row,
            col: "enterpriseName",
            params: {
              value: v,
              expected: ref.name,
              against: ref.fromLine ? "line" : "rows",
            },
          });
        }
      }
    },
    workbook(wb, emit) {
      const info = wb.tables.find(
        (t) => t.table.id === "project-info" && enterpriseOf(t),
      );
      if (!info) return;
      const ref = enterpriseOf(info)!;
      const expected = normHeader(ref.name);
      for (const t of wb.tables) {
        if (t === info || MULTI_ENTERPRISE.has(t.table.id)) continue;
        const own = enterpriseOf(t);
        if (!own || normHeader(own.name) === expected) continue;
        const params = {
          value: own.name,
          expected: ref.name,
          against: "info" as const,
          sheet: info.sheet.name,
        };
        const row = own.fromLine
          ? undefined
          : t.rows.find(
              (r) =>
                typeof r.values.enterpriseName === "string" &&
                normHeader(r.values.enterpriseName) === normHeader(own.name),
            );
        emit(
          t,
          row
            ? {
                row: row.row,
                col: "enterpriseName",
                params,
              }
            : { params },
        );
      }
    },
  }),
  defineRule<{ value: string }>()({
    code: "FORMULA-ERROR",
    severity: "error",
    source: LAYOUTS,
    tableSource: true,
    tables: "all",
    row(row, table, emit) {
      for (const { key } of everyColumn(table)) {
        const e = row.cells[key]?.e;
        if (e && !row.merged[key])
          emit({
            row: row.row,
            col: key,
            params: { value: e },
          });
      }
    },
    table(ctx, emit) {
      if (ctx.totalRow === undefined) return;
      for (const key in ctx.columns) {
        const e = ctx.sheet.rows[ctx.totalRow]?.[ctx.columns[key]!]?.e;
        if (e)
          emit({
            row: ctx.totalRow,
            col: key,
            params: { value: e },
          });
      }
    },
  }),
  defineRule<TableColumnsParams>()({
    code: "TABLE-COLUMNS",
    severity: "error",
    source: LAYOUTS,
    tableSource: true,
    tables: "all",
    table(ctx, emit) {
      const headerRow = ctx.headerRows[ctx.headerRows.length - 1]!;
      const title = ctx.table.title;
      // The enterprise's “免申即享”申报表 is the 汇总表 without 序号 (tables.md T8, reading): no 序号 asked of a
      // sheet that does not call itself a 汇总表.
      const application =
        ctx.table.id === "exempt-summary" &&
        !ctx.title?.replace(/\s/g, "").includes("汇总表");
      const missing = (level: ColumnDef["required"]) =>
        ctx.table.columns
          .filter(
            (c) =>
              c.required === level &&
              ctx.columns[c.key] === undefined &&
              !(application && c.key === "seq"),
          )
          .map((c) => (c.group ? `${c.group}/${c.header}` : c.header))
          .join("、");
      const notice = missing("notice");
      if (notice)
        emit({
          row: headerRow,
          params: { kind: "missing", title, missing: notice },
        });
      const expected = missing("expected");
      if (expected) {
        emit({
          row: headerRow,
          severity: "warning",
          params: { kind: "missing", title, missing: expected },
        });
      }
      // A 序号 column on a table without one (关联方清单) is no extra column.
      const extras = ctx.extraColumns.filter(
        (x) => normHeader(x.header) !== "序号",
      );
      if (extras.length > 0) {
        const extra = extras
          .map((x) => `${x.header}（${columnLetters(x.col)}列）`)
          .join("、");
        emit({
          row: headerRow,
          severity: "info",
          params: { kind: "extra", title, extra },
        });
      }
    },
  }),
  defineRule<HiddenParams>()({
    code: "ROW-HIDDEN",
    severity: "warning",
    source: LAYOUTS,
    tableSource: true,
    tables: "all",
    table(ctx, emit) {
      if (!ctx.sheet.hiddenRows?.length && !ctx.sheet.hiddenCols?.length)
        return;
      // Hidden data rows, one finding per run of consecutive hidden rows (on the first column with data).
      const hidden = new Set(ctx.sheet.hiddenRows ?? []);
      let run: DataRow[] = [];
      const flush = () => {
        if (run.length === 0) return;
        const first = run[0]!;
        const last = run[run.length - 1]!;
        emit({
          row: first.row,
          ...(last.row !== first.row ? { rowEnd: last.row } : {}),
          col: firstFilled(ctx, first),
          params: {
            kind: "rows",
            count: run.length,
            from: first.row + 1,
            to: last.row + 1,
          },
        });
        run = [];
      };
      for (const r of ctx.rows) {
        if (!hidden.has(r.row)) {
          flush();
          continue;
        }
        if (run.length > 0 && run[run.length - 1]!.row !== r.row - 1) flush();
        run.push(r);
      }
      flush();
      // Hidden columns of the table that hold data.
      const hiddenCols = new Set(ctx.sheet.hiddenCols ?? []);
      for (const c of ctx.table.columns) {
        const col = ctx.columns[c.key];
        if (col === undefined || !hiddenCols.has(col)) continue;
        const filled = ctx.rows.filter((r) => !isBlank(r.cells[c.key]));
        if (filled.length === 0) continue;
        emit({
          row: filled[0]!.row,
          ...(filled.length > 1
            ? { rowEnd: filled[filled.length - 1]!.row }
            : {}),
          col: c.key,
          params: {
            kind: "column",
            count: filled.length,
            letter: columnLetters(col),
          },
        });
      }
    },
  }),
  defineRule<{ failed: string; error: string }>()({
    // Not a check of the data: a rule that failed on unexpected input says so instead of stopping the whole check.
    code: "RULE-FAILED",
    severity: "warning",
    source: LAYOUTS,
    tables: "all",
  }),
] as const;
