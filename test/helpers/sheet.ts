/**
 * Test helpers to build sheets the way people make them: plain grids (`sheetFromRows`) and whole tables of the
 * catalog with title, lines, header and 合计 row (`tableSheet`), plus A1 addresses of the cells written.
 */
import { getTable, titleFor } from "../../src/core/catalog/tables";
import type { TableDef, TableId } from "../../src/core/catalog/types";
import { a1, parseA1 } from "../../src/core/model/grid";
import type {
  Cell,
  CellRange,
  Sheet,
  Workbook,
} from "../../src/core/model/grid";
import { dateToSerial } from "../../src/core/parse";
import { readWorkbook } from "../../src/xlsx/read";
import fs from "fs";
import path from "path";

/** What a test writes into a cell: a value, a full Cell, or null/undefined for an empty cell. */
export type CellInput = string | number | boolean | null | undefined | Cell;

function isCell(x: CellInput): x is Cell {
  return typeof x === "object" && x !== null && "v" in x;
}

/** A Cell from a test value (undefined for an empty cell). */
export function toCell(x: CellInput): Cell | undefined {
  if (x === null || x === undefined) return undefined;
  return isCell(x) ? x : { v: x };
}

/** A date cell as Excel stores it: the 1900-system serial, a date format, and the ISO date the reader adds. */
export function dateCell(iso: string, date1904 = false): Cell {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return {
    v: dateToSerial({ y, m, d }, date1904),
    z: 'yyyy"年"m"月"d"日"',
    date: iso,
  };
}

/**
 * A complete, correct T1 (新增贷款明细表) row by column key, as a person types it: 1000 万元 drawn 2024-01-16 at
 * 3.45 %, interest 2024-01-16 to 2024-12-20 = 340 days, 32.5833 万元; `extra` overrides columns.
 */
export function loanRow(
  seq: number,
  extra: Record<string, CellInput> = {},
): Record<string, CellInput> {
  return {
    seq,
    enterpriseName: "阳泉市东方新材料有限公司",
    chain: "碳基新材料产业链",
    principal: 1000,
    bank: "中国工商银行股份有限公司阳泉分行",
    contractNo: `GH-${seq}`,
    drawdownDate: dateCell("2024-01-16"),
    term: "2024年1月16日—2026年1月15日",
    accrualStart: dateCell("2024-01-16"),
    accrualEnd: dateCell("2024-12-20"),
    rate: 3.45,
    days: 340,
    interest: 32.5833,
    pages: "11",
    purpose: "设备购置",
    ...extra,
  };
}

/** A formula cell with its cached value. */
export function formulaCell(f: string, v: number | string | null): Cell {
  return { v, f };
}

/** An error cell (`#REF!`, `#N/A` …). */
export function errorCell(e: string): Cell {
  return { v: null, e };
}

/** A sheet from rows of values; `merges` in A1 form (`"A1:O1"`). */
export function sheetFromRows(
  name: string,
  rows: CellInput[][],
  merges: string[] = [],
): Sheet {
  return {
    name,
    rows: rows.map((r) => r.map(toCell)),
    merges: merges.map((m): CellRange => {
      const [s, e] = m.split(":") as [string, string];
      return { s: parseA1(s), e: parseA1(e ?? s) };
    }),
  };
}

/** A workbook of sheets. */
export function workbookOf(
  sheets: Sheet[],
  fileName = "测试.xlsx",
  date1904 = false,
): Workbook {
  return { fileName, sheets, date1904 };
}

/** Options of {@link tableSheet}. */
export interface TableSheetOptions {
  /** Sheet name (default: the catalog's sheet name, T4/T5 with the year). */
  name?: string;
  /** Title text (default: the official title, with `year` filled for T4/T5). */
  title?: string;
  year?: number;
  /** Enterprise written into the `企业名称：` / `项目申报企业（单位）（公章）：` line. */
  enterprise?: string;
  /** Lines between title and header (default: the table's lines). */
  lines?: string[];
  /** Header text per column key; null leaves the column out. Default: the official header. */
  headers?: Record<string, string | null>;
  /** Extra header texts appended after the official columns. */
  extraColumns?: string[];
  /** Where the 合计 row goes (default: the table's placement). */
  total?: "above" | "below" | "none";
  /** 合计 label (default: the table's, e.g. `合 计`). */
  totalLabel?: string;
  /** 合计 cells by column key (default: the typed exact sum of each summed column). */
  totalCells?: Record<string, CellInput>;
  /** Lines written under the table (填写说明 …), one row each. */
  notes?: string[];
  /** Blank rows inserted before data row i (by index) — e.g. `{ 2: 1 }`. */
  blankBefore?: Record<number, number>;
}

/** A built table sheet, with the addresses of what was written. */
export type TableSheet = Sheet & {
  /** 0-based grid row of data row `i`. */
  gridRow(i: number): number;
  /** A1 address of column `key` in data row `i` (`"G6"`). */
  at(key: string, i: number): string;
  /** A1 address of column `key` in the 合计 row. */
  totalAt(key: string): string;
  /** 0-based grid row of the last header row. */
  headerRow: number;
};

function keyOf(table: TableDef, k: string): string {
  const c = table.columns.find((x) => x.key === k || x.header === k);
  if (!c) throw new Error(`表${table.id}没有栏目${k}`);
  return c.key;
}

function sumOf(values: number[]): number {
  // Exact enough for tests: add as integers of 1e-6.
  return Math.round(values.reduce((s, v) => s + Math.round(v * 1e6), 0)) / 1e6;
}

/**
 * A whole table as a person lays it out: title, lines (`单位：万元`, `企业名称：…（公章）`), header (two rows for T8,
 * with merged group cells), the 合计 row above or below the data, blank rows and notes.
 * @param dataRows one record per data row, by column key or official header.
 */
export function tableSheet(
  tableId: TableId,
  dataRows: Record<string, CellInput>[],
  opts: TableSheetOptions = {},
): TableSheet {
  const table = getTable(tableId);
  const cols = table.columns.filter((c) => opts.headers?.[c.key] !== null);
  const width = cols.length + (opts.extraColumns?.length ?? 0);
  const rows: CellInput[][] = [];
  const merges: string[] = [];
  const last = a1(0, width - 1).replace(/\d+$/, "");
  rows.push([opts.title ?? titleFor(table, opts.year)]);
  merges.push(`A1:${last}1`);
  for (const line of opts.lines ?? table.lines) {
    const filled =
      opts.enterprise && /企业名称|项目申报企业/.test(line)
        ? line.includes("：（公章）")
          ? line.replace("：（公章）", `：${opts.enterprise}（公章）`)
          : `${line}${opts.enterprise}`
        : line;
    rows.push([filled]);
  }
  const grouped = cols.some((c) => c.group);
  const top: CellInput[] = [];
  const sub: CellInput[] = [];
  cols.forEach((c, i) => {
    const text = opts.headers?.[c.key] ?? c.header;
    if (c.group) {
      top.push(c.group);
      sub.push(text);
      const prev = cols[i - 1];
      if (prev?.group !== c.group) {
        const span = cols.filter((x) => x.group === c.group).length;
        merges.push(`${a1(rows.length, i)}:${a1(rows.length, i + span - 1)}`);
      }
    } else {
      top.push(text);
      sub.push(null);
      if (grouped)
        merges.push(`${a1(rows.length, i)}:${a1(rows.length + 1, i)}`);
    }
  });
  for (const x of opts.extraColumns ?? []) {
    top.push(x);
    sub.push(null);
  }
  rows.push(top);
  if (grouped) rows.push(sub);
  const headerRow = rows.length - 1;
  const colIndex = new Map(cols.map((c, i) => [c.key, i]));
  const data = dataRows.map((d) => {
    const out: Record<string, CellInput> = {};
    for (const [k, v] of Object.entries(d)) out[keyOf(table, k)] = v;
    return out;
  });
  const placement = opts.total ?? table.total;
  const totalRow = (): CellInput[] => {
    const r: CellInput[] = new Array(width).fill(null);
    r[0] = opts.totalLabel ?? table.totalLabel;
    for (const c of cols) {
      if (!c.sum) continue;
      const nums = data
        .map((d) => d[c.key])
        .filter((v): v is number => typeof v === "number");
      r[colIndex.get(c.key)!] = sumOf(nums);
    }
    if (table.totalDash && colIndex.has(table.totalDash.key))
      r[colIndex.get(table.totalDash.key)!] = table.totalDash.text;
    for (const [k, v] of Object.entries(opts.totalCells ?? {}))
      r[colIndex.get(keyOf(table, k))!] = v;
    return r;
  };
  let totalAt = -1;
  if (placement === "above") {
    totalAt = rows.length;
    rows.push(totalRow());
  }
  const gridRows: number[] = [];
  data.forEach((d, i) => {
    for (let b = 0; b < (opts.blankBefore?.[i] ?? 0); b++) rows.push([]);
    gridRows.push(rows.length);
    rows.push(cols.map((c) => d[c.key]));
  });
  if (placement === "below") {
    totalAt = rows.length;
    rows.push(totalRow());
  }
  for (const n of opts.notes ?? []) rows.push([n]);
  const sheet = sheetFromRows(
    opts.name ?? table.sheetName + (opts.year ?? ""),
    rows,
    merges,
  );
  const col = (key: string) => {
    const c = colIndex.get(keyOf(table, key));
    if (c === undefined) throw new Error(`栏目${key}未写入`);
    return c;
  };
  return Object.assign(sheet, {
    headerRow,
    gridRow: (i: number) => gridRows[i]!,
    at: (key: string, i: number) => a1(gridRows[i]!, col(key)),
    totalAt: (key: string) => a1(totalAt, col(key)),
  });
}

/** Reads a workbook file (a sample) with the project's reader. @throws Error naming the file when it cannot be read. */
export function loadWorkbook(file: string): Workbook {
  const r = readWorkbook(fs.readFileSync(file), path.basename(file));
  if (!r.ok) throw new Error(`读取失败：${file}：${JSON.stringify(r.error)}`);
  return r.workbook;
}
