/**
 * Benchmark workbooks, laid out as people make them from the notice: title row, the lines under it (`单位：万元`,
 * `企业名称：…`), the header row, the 合计 row where the notice puts it (with SUM formulas), then numbered rows with
 * realistic values — dates as date cells in Chinese format, amounts with decimals, interest computed from principal ×
 * rate × days / 360 — and about 2 % of rows made wrong on purpose (a 2023 drawdown, an excluded purpose, a wrong
 * interest, a text in a date column). Written with SheetJS, compressed like Excel's files.
 */
import * as XLSX from "@e965/xlsx";
import { getTable, titleFor } from "../src/core/catalog/tables";
import type { ColumnDef, TableDef, TableId } from "../src/core/catalog/types";
import { DEPENDENT_LISTS, ENUMS } from "../src/core/catalog/enums";
import { dateToSerial } from "../src/core/parse";

const DATE_FORMAT = 'yyyy"年"m"月"d"日"';

/** Valid 统一社会信用代码 (GB 32100 check characters). */
const CREDIT_CODES = [
  "91140105110014526B",
  "91140105234567894Y",
  "91140105MA0K12348G",
];
const BANKS = [
  "中国工商银行太原分行",
  "中国建设银行晋中分行",
  "晋商银行长治分行",
  "中国银行大同分行",
];
const PURPOSES = [
  "购买生产设备",
  "支付原材料采购款",
  "技术改造项目建设",
  "补充流动资金（生产经营）",
];

/** A small deterministic random generator (mulberry32), so that runs compare. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Value = XLSX.CellObject | undefined;

const s = (v: string): XLSX.CellObject => ({ t: "s", v });
const n = (v: number, z?: string): XLSX.CellObject =>
  z ? { t: "n", v, z } : { t: "n", v };
const serial = (y: number, m: number, d: number) =>
  dateToSerial({ y, m, d }, false);
const dateCell = (y: number, m: number, d: number) =>
  n(serial(y, m, d), DATE_FORMAT);
const round = (x: number, places: number) =>
  Math.round(x * 10 ** places) / 10 ** places;
const pick = <T>(list: readonly T[], r: () => number): T =>
  list[Math.floor(r() * list.length)]!;

/** Calendar date of a day number in 2024 (1 = 2024-01-01). */
function dayOf2024(day: number): [number, number, number] {
  const d = new Date(Date.UTC(2024, 0, day));
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}

/** One T1 data row (columns of loan-interest in catalog order); `wrong` makes one deliberate mistake. */
function loanRow(i: number, r: () => number, wrong: boolean): Value[] {
  const principal = round(50 + r() * 1950, 2);
  const rate = pick([3.1, 3.45, 3.65, 3.85, 4.2], r);
  const drawDay = 1 + Math.floor(r() * 300);
  const [y, m, d] = dayOf2024(drawDay);
  const endDay = 355; // 2024-12-20, the usual last settlement date
  const days = endDay - drawDay;
  let interest = round((principal * rate * days) / 100 / 360, 4);
  let draw = dateCell(y, m, d);
  let purpose = pick(PURPOSES, r);
  let accrualStart: Value = dateCell(y, m, d);
  if (wrong) {
    const kind = i % 4;
    if (kind === 0) draw = dateCell(2023, 11, 30);
    else if (kind === 1) purpose = "偿还股东借款";
    else if (kind === 2) interest = round(interest * 1.5, 4);
    else accrualStart = s("2024年13月5日");
  }
  return [
    n(i + 1),
    s("山西示例装备制造有限公司"),
    s("高端装备制造产业链"),
    n(principal),
    s(pick(BANKS, r)),
    s(`JK2024-${String(i + 1).padStart(6, "0")}`),
    draw,
    s(`${y}年${m}月${d}日—${y + 3}年${m}月${d}日`),
    accrualStart,
    dateCell(...dayOf2024(endDay)),
    n(rate),
    n(days),
    n(interest),
    s(`${2 * i + 1}-${2 * i + 2}`),
    s(purpose),
  ];
}

/** Amount columns that are a contract's or a loan's total (the others — paid, invoiced, settled — stay below them). */
const LARGE_AMOUNTS = new Set([
  "loanAmount",
  "insuredAmount",
  "contractAmount",
]);

/**
 * A value for a column of any table, by its key and type: enums consistent with the column they depend on, dates in
 * January–February of `year` (before the periods, which start on 3月5日), paid amounts below contract amounts, the
 * premium = 保险金额 × 费率.
 */
function genericValue(
  col: ColumnDef,
  row: Record<string, string | number>,
  i: number,
  r: () => number,
  year: number,
): Value {
  const keep = (v: string | number) => (
    (row[col.key] = v),
    typeof v === "number" ? n(v) : s(v)
  );
  switch (col.key) {
    case "enterpriseName":
      return s("山西示例装备制造有限公司");
    case "chain":
      return keep("光伏产业链");
    case "location":
      return s("山西省太原市小店区");
    case "computeType":
      return s("智能算力");
    case "use":
      return s("训练");
    case "premium":
      return n(
        round((Number(row.insuredAmount) * Number(row.premiumRate)) / 100, 4),
      );
    case "multiple":
      return n(round(Number(row.insuredAmount) / Number(row.loanAmount), 2));
    case "supplierName":
    case "leaderName":
      return s(`山西示例配套${(i % 12) + 1}有限公司`);
    case "orgCode":
    case "supplierCode":
      return s(CREDIT_CODES[i % CREDIT_CODES.length]!);
  }
  switch (col.type) {
    case "seq":
      return n(i + 1);
    case "amount":
      return keep(
        round(
          LARGE_AMOUNTS.has(col.key) ? 1000 + r() * 4000 : 10 + r() * 900,
          2,
        ),
      );
    case "date":
      return dateCell(year, 1 + Math.floor(r() * 2), 1 + Math.floor(r() * 28));
    case "dateRange":
      return s(`${year}年3月5日至${year + 1}年3月4日`);
    case "percent":
      return keep(pick([0.5, 1.2, 1.5], r));
    case "integer":
    case "number":
      return n(1 + Math.floor(r() * 20));
    case "code":
      return s(pick(CREDIT_CODES, r));
    case "contact":
      return s(`张三 138${String(10000000 + i).slice(-8)}`);
    case "pages":
      return s(`${i + 1}`);
    case "enum": {
      const dependent =
        col.enum && col.dependsOn
          ? DEPENDENT_LISTS[col.enum]?.[String(row[col.dependsOn])]
          : undefined;
      const values = dependent ?? (col.enum ? ENUMS[col.enum].values : []);
      return keep(values.length > 0 ? pick(values, r) : "");
    }
    default:
      return s(`${col.header.slice(0, 6)}${i + 1}`);
  }
}

/** The grid of one sheet: title, lines, header, 合计 (above or below), rows. */
function tableGrid(
  table: TableDef,
  dataRows: Value[][],
  year?: number,
): Value[][] {
  const lines = table.lines.map((l) =>
    l.startsWith("企业名称")
      ? l.replace("：", "：山西示例装备制造有限公司")
      : l,
  );
  const head: Value[][] = [
    [s(titleFor(table, year))],
    ...lines.map((l) => [s(l)]),
    table.columns.map((c) => s(c.header)),
  ];
  const first = head.length + (table.total === "above" ? 2 : 1); // Excel row of the first data row
  const last = first + dataRows.length - 1;
  const total: Value[] = table.columns.map((c, ci) => {
    if (ci === 0) return s(table.totalLabel);
    if (!c.sum) return undefined;
    const col = XLSX.utils.encode_col(ci);
    return { t: "n", v: 0, f: `SUM(${col}${first}:${col}${last})` };
  });
  if (table.total === "above") return [...head, total, ...dataRows];
  if (table.total === "below") return [...head, ...dataRows, total];
  return [...head, ...dataRows];
}

/** A SheetJS sheet from a grid; 合计 formulas get their cached value (the column's sum). */
function toSheet(grid: Value[][]): XLSX.WorkSheet {
  const ws: XLSX.WorkSheet = {};
  let maxC = 0;
  grid.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (!cell) return;
      ws[XLSX.utils.encode_cell({ r, c })] = cell;
      maxC = Math.max(maxC, c);
    }),
  );
  for (const cell of Object.values(ws) as XLSX.CellObject[]) {
    const m = /^SUM\(([A-Z]+)(\d+):[A-Z]+(\d+)\)$/.exec(cell.f ?? "");
    if (!m) continue;
    let sum = 0;
    for (let r = Number(m[2]); r <= Number(m[3]); r++) {
      const v = (ws[`${m[1]}${r}`] as XLSX.CellObject | undefined)?.v;
      if (typeof v === "number") sum += v;
    }
    cell.v = round(sum, 4);
  }
  ws["!ref"] = XLSX.utils.encode_range({
    s: { r: 0, c: 0 },
    e: { r: grid.length - 1, c: maxC },
  });
  ws["!merges"] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: maxC } }];
  return ws;
}

/** Bytes of an .xlsx workbook of the given sheets. */
function xlsx(sheets: { name: string; grid: Value[][] }[]): Uint8Array {
  const book = XLSX.utils.book_new();
  for (const sheet of sheets)
    XLSX.utils.book_append_sheet(book, toSheet(sheet.grid), sheet.name);
  return XLSX.write(book, {
    type: "buffer",
    bookType: "xlsx",
    compression: true,
  }) as Uint8Array;
}

/** A T1 workbook (省级重点产业链链上企业2024年度新增贷款明细表) of `rows` loans, about 2 % of them wrong. */
export function loanWorkbook(rows: number, seed = 1): Uint8Array {
  const r = rng(seed);
  const data = Array.from({ length: rows }, (_, i) =>
    loanRow(i, r, r() < 0.02),
  );
  const table = getTable("loan-interest");
  return xlsx([{ name: table.sheetName, grid: tableGrid(table, data) }]);
}

/** A workbook of table `id` with `rows` rows of values by column type (T4/T5: one sheet per year 2022–2024). */
function tableWorkbook(id: TableId, rows: number, r: () => number): Uint8Array {
  const table = getTable(id);
  const grid = (year?: number) => {
    const data = Array.from({ length: rows }, (_, i) => {
      const row: Record<string, string | number> = {};
      return table.columns.map((c) => genericValue(c, row, i, r, year ?? 2024));
    });
    return tableGrid(table, data, year);
  };
  if (table.yearInTitle)
    return xlsx(
      [2022, 2023, 2024].map((y) => ({
        name: `${table.sheetName}${y}`,
        grid: grid(y),
      })),
    );
  return xlsx([{ name: table.sheetName, grid: grid() }]);
}

/** The mix of received workbooks of a city reviewer: which table, and how many rows. */
const MIX: { id: TableId; rows: [number, number] }[] = [
  { id: "loan-interest", rows: [5, 60] },
  { id: "project-info", rows: [1, 3] },
  { id: "insurance-credit", rows: [3, 30] },
  { id: "finance-lease", rows: [3, 30] },
  { id: "leader-suppliers", rows: [5, 40] },
  { id: "member-transactions", rows: [3, 20] },
  { id: "application-summary", rows: [3, 30] },
  { id: "compute-services", rows: [3, 20] },
];

/**
 * `count` workbooks as a reviewer receives them (the tables of {@link MIX} in turn, 1–60 rows each).
 * @returns file name → bytes, and the total of data rows
 */
export function receivedWorkbooks(
  count: number,
  seed = 7,
): { files: [string, Uint8Array][]; rows: number } {
  const r = rng(seed);
  const files: [string, Uint8Array][] = [];
  let total = 0;
  for (let i = 0; i < count; i++) {
    const {
      id,
      rows: [lo, hi],
    } = MIX[i % MIX.length]!;
    const rows = lo + Math.floor(r() * (hi - lo + 1));
    const bytes =
      id === "loan-interest"
        ? loanWorkbook(rows, seed + i)
        : tableWorkbook(id, rows, r);
    total += getTable(id).yearInTitle ? 3 * rows : rows;
    files.push([`${String(i + 1).padStart(3, "0")}-${id}.xlsx`, bytes]);
  }
  return { files, rows: total };
}
