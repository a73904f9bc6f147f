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
import { cellText, columnLetters, isBlank } from "../grid";
import { readNumber, round, sumExact } from "../parse";
import { normHeader } from "../recognize/normalize";
import { recordRows } from "../recognize/records";
import { columnSum } from "../totals";
import {
  defineRule,
  type DataRow,
  type Emit,
  type TableContext,
} from "./types";

/** Params of TABLE-COLUMNS: the columns missing or extra on a recognised table, or why a sheet is no table. */
/** Params of ROW-REQUIRED: the table and column, and how the notice requires it. */
export interface RequiredParams {
  table: TableId;
  key: string;
  required: Requirement;
}

/** Params of CELL-TYPE: the text typed, why it cannot be read, and the column's type. */
export interface CellTypeParams {
  value: string;
  reason: string | undefined;
  type: ColumnType;
}

export type TableColumnsParams =
  | { kind: "missing"; title: string; missing: string }
  | { kind: "extra"; title: string; extra: string }
  | { kind: "likeness"; title: string; found: string; missing: string };

/** Where the layout of every table is given: the fallback source of generic findings (else the table's own). */
const LAYOUTS = "附件2、附件3、附件4 表样";

/**
 * AMOUNT-UNIT threshold: 100,000 万元 (10 亿元) in one row of a 万元 column. Twice the highest 协作配套 tier (50,000 万元),
 * and what a 10 万元 amount typed in yuan (100,000) reaches; genuine single amounts this large are rare enough for a 警告.
 */
export const AMOUNT_UNIT_LIMIT = 100_000;
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

/** Columns found on a sheet that a rule looks at, computed once per recognised table (its column map). */
function foundColumns(
  pick: (c: ColumnDef) => boolean,
): (ctx: TableContext) => ColumnDef[] {
  const cache = new WeakMap<object, ColumnDef[]>();
  return (ctx) => {
    let cols = cache.get(ctx.columns);
    if (!cols) {
      cols = ctx.table.columns.filter(
        (c) => pick(c) && ctx.columns[c.key] !== undefined,
      );
      cache.set(ctx.columns, cols);
    }
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

/** The most common non-empty value of a text column, counting spellings that normalise alike as one. */
function mostCommon(rows: readonly DataRow[], key: string): string | undefined {
  const bySpelling = new Map<string, number>();
  for (const r of rows) {
    const t = r.values[key];
    if (typeof t === "string") bySpelling.set(t, (bySpelling.get(t) ?? 0) + 1);
  }
  const byNorm = new Map<string, { text: string; n: number }>();
  let best: { text: string; n: number } | undefined;
  for (const [text, n] of bySpelling) {
    const norm = normHeader(text);
    const e = byNorm.get(norm) ?? { text, n: 0 };
    e.n += n;
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
  const name = mostCommon(ctx.rows, "enterpriseName");
  return name ? { name, fromLine: false } : undefined;
}

function checkRequired(
  row: DataRow,
  table: TableContext,
  emit: Emit<RequiredParams>,
): void {
  if (row.continuation) return;
  const rows =
    table.table.continuationRows || row.merged.seq
      ? recordRows(table, row)
      : [row];
  for (const c of requiredColumns(table)) {
    if (allEmpty(rows, c.key)) {
      emit({
        row: row.row,
        col: c.key,
        severity: c.required === "notice" ? "error" : "warning",
        params: { table: table.table.id, key: c.key, required: c.required },
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
    const def = table.table.columns.find((c) => c.key === key);
    if (!def || !TYPED.has(def.type) || row.merged[key] || row.cells[key]?.e)
      continue;
    emit({
      row: row.row,
      col: key,
      params: {
        value: cellText(row.cells[key]),
        reason: row.unreadable[key],
        type: def.type,
      },
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
  defineRule<{ value: number; wan: number }>()({
    code: "AMOUNT-UNIT",
    severity: "warning",
    source: LAYOUTS,
    tableSource: true,
    tables: "all",
    row(row, table, emit) {
      for (const c of amountColumns(table)) {
        if (row.merged[c.key]) continue;
        const v = row.values[c.key];
        if (typeof v === "number" && Math.abs(v) >= AMOUNT_UNIT_LIMIT) {
          emit({
            row: row.row,
            col: c.key,
            params: { value: v, wan: round(v / 10_000, 6) },
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
        if (!read.ok) continue;
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
      const differs = new Map<string, boolean>();
      for (const r of ctx.rows) {
        const v = r.values.enterpriseName;
        if (typeof v !== "string" || r.merged.enterpriseName) continue;
        let d = differs.get(v);
        if (d === undefined) differs.set(v, (d = normHeader(v) !== expected));
        if (d) {
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
      if (ctx.extraColumns.length > 0) {
        const extra = ctx.extraColumns
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
  defineRule<{ failed: string; error: string }>()({
    // Not a check of the data: a rule that failed on unexpected input says so instead of stopping the whole check.
    code: "RULE-FAILED",
    severity: "warning",
    source: LAYOUTS,
    tables: "all",
  }),
] as const;
