/**
 * Hand-made test sheets laid out as the notice prints T1–T3: title, `单位：万元` (or the table's own line), the header
 * row, then — for tables whose 合计 is above the rows — the 合计 row, then the data rows (序号 filled 1..n unless a row
 * gives `seq`, e.g. `seq: null` for a continuation row). Tables with the 合计 below (融资租赁设备明细表) get it after
 * the rows. Used by the LOAN-*, INS-*, LEASE-* tests, which check through the engine (`checkWorkbook`).
 */
import { getTable } from "../../src/core/catalog";
import type { TableId } from "../../src/core/catalog";
import type { Finding } from "../../src/core/model/finding";
import { parseA1 } from "../../src/core/model/grid";
import type {
  Cell,
  CellValue,
  Sheet,
  Workbook,
} from "../../src/core/model/grid";
import { checkWorkbook } from "../../src/core/check/engine";

/** A data row by column key; a value may be a Cell (to give a number format). */
export type RowSpec = Record<string, CellValue | Cell>;

/**
 * A clean T1 loan: 1000 万元 drawn 2024-03-05 at 3.45 %, interest from 2024-03-05 to 2024-09-02 = 181 days,
 * 1000 万元 × 3.45 % × 181 / 360 = 34.5 × 181 / 360 = 17.3458 万元 (≥ 10 万元 on its own).
 */
export const GOOD_LOAN: RowSpec = {
  enterpriseName: "阳泉市东方新材料有限公司",
  chain: "碳基新材料产业链",
  principal: 1000,
  bank: "中国工商银行股份有限公司阳泉分行",
  contractNo: "GH-YQ-2024-0008",
  drawdownDate: "2024年3月5日",
  term: "2024年3月5日—2025年3月4日",
  accrualStart: "2024年3月5日",
  accrualEnd: "2024年9月2日",
  rate: 3.45,
  days: 181,
  interest: 17.3458,
  pages: "11-12",
  purpose: "碳纤维原丝生产线设备购置",
};

/** A clean T2 record: 5000 万元 insured at 0.5 %, premium 5000 × 0.5 % = 25 万元, a one-year policy. */
export const GOOD_INSURANCE: RowSpec = {
  enterpriseName: "阳泉市东方新材料有限公司",
  projectName: "年产5万吨碳纤维项目",
  loanAmount: 5000,
  drawdownDate: "2024年4月10日",
  insurer: "中国人民财产保险股份有限公司阳泉市分公司",
  insuredAmount: 5000,
  premiumRate: 0.5,
  policyNo: "PICC-2024-001",
  signDate: "2024年4月1日",
  policyPeriod: "2024年4月1日至2025年3月31日",
  multiple: 1,
  invoiceNo: "No.12345678",
  premium: 25,
};

export interface NoticeSheetSpec {
  /** Sheet name (default: the catalog's). */
  name?: string;
  rows: RowSpec[];
  /** Merged areas in A1 form, e.g. `A5:A6`. */
  merges?: string[];
  /** Columns after the table's own, by header (e.g. `备注`), with their value per data row. */
  extra?: { header: string; values: CellValue[] }[];
}

/** Grid row (0-based) of the first data row: title, one line, header, and the 合计 row when it stands above. */
export function firstDataRow(id: TableId): number {
  return getTable(id).total === "above" ? 4 : 3;
}

function toCell(v: CellValue | Cell): Cell | undefined {
  if (v === null) return undefined;
  return typeof v === "object" ? v : { v };
}

/** A sheet of table `id` in the notice's layout. */
export function noticeSheet(id: TableId, spec: NoticeSheetSpec): Sheet {
  const table = getTable(id);
  const extra = spec.extra ?? [];
  const grid: (Cell | undefined)[][] = [
    [{ v: table.title }],
    [{ v: table.lines[0] ?? "" }],
    [
      ...table.columns.map((c) => ({ v: c.header })),
      ...extra.map((x) => ({ v: x.header })),
    ],
  ];
  const total: (Cell | undefined)[] = [{ v: table.totalLabel }];
  if (table.total === "above") grid.push(total);
  spec.rows.forEach((row, i) => {
    const cells = table.columns.map((c) =>
      c.key === "seq" && !("seq" in row)
        ? { v: i + 1 }
        : toCell(row[c.key] ?? null),
    );
    grid.push([...cells, ...extra.map((x) => toCell(x.values[i] ?? null))]);
  });
  if (table.total === "below") grid.push(total);
  const merges = (spec.merges ?? []).map((m) => {
    const [s, e] = m.split(":");
    return { s: parseA1(s!), e: parseA1(e!) };
  });
  return { name: spec.name ?? table.sheetName, rows: grid, merges };
}

/** A workbook of the given sheets (1900 date system). */
export function workbookOf(...sheets: Sheet[]): Workbook {
  return { fileName: "测试.xlsx", sheets, date1904: false };
}

/** Every finding of a workbook check (tables and file level). */
export function allFindings(wb: Workbook): Finding[] {
  const report = checkWorkbook(wb);
  return [...report.findings, ...report.tables.flatMap((t) => t.findings)];
}

/** The findings of one rule (`LOAN-DAYS`), or of a family when `code` ends with `-` (`LOAN-`). */
export function findingsOf(wb: Workbook, code: string): Finding[] {
  return allFindings(wb).filter((f) =>
    code.endsWith("-") ? f.rule.startsWith(code) : f.rule === code,
  );
}

/** A finding without its message and source, for exact comparisons. */
export function brief(f: Finding): {
  sheet: string;
  cell?: string;
  rule: string;
  severity: string;
} {
  return {
    sheet: f.sheet,
    ...(f.cell !== undefined ? { cell: f.cell } : {}),
    rule: f.rule,
    severity: f.severity,
  };
}
