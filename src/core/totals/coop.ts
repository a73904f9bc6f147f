/**
 * The 协作配套 year analysis (facts/coop.ts) as the workbook report carries it (`WorkbookReport.coop`): plain data, so
 * that the task pane, which receives only the report, and the CLI show each partner's annual 交易额 of 2022/2023/2024
 * and the tier it reaches.
 */
import { a1 } from "../model/grid";
import type { CoopYear } from "../catalog/years";
import type {
  ApplicantChain,
  CoopAnalysis,
  CoopListAnalysis,
  CoopListId,
  Progress,
  YearRow,
} from "../facts/coop";

/** A JSON-friendly view of one list's analysis (CLI `--json`, the task pane's totals card). */
export interface CoopListSummary {
  table: CoopListId;
  complete: boolean;
  /** Sheet names by year. */
  sheets: Record<CoopYear, string[]>;
  partners: (Progress & { name: string; cells: string[] })[];
  total: Progress;
  chain?: ApplicantChain;
  /** `sheet!A1` of the rows left out of T5's figures (another chain). */
  excluded: string[];
  netNew?: {
    counts: Record<CoopYear, number>;
    a: number;
    b: number;
    newPartners: string[];
    conservative: number;
  };
}

/** `sheet!B5`: where a row's partner name stands. */
function cellOf(r: YearRow): string {
  const col =
    r.table.columns[
      r.table.table.id === "leader-suppliers" ? "supplierName" : "leaderName"
    ] ?? 0;
  return `${r.table.sheet.name}!${a1(r.row.row, col)}`;
}

/** The analysis as plain data: T4 (`leader`, “链主”企业____年度协作配套企业清单) and T5 (`member`) when present. */
export interface CoopSummary {
  leader?: CoopListSummary;
  member?: CoopListSummary;
}

/** One list's analysis as plain data: sheet names instead of table contexts, `sheet!A1` cells instead of rows. */
function summarizeList(l: CoopListAnalysis): CoopListSummary {
  return {
    table: l.tableId,
    complete: l.complete,
    sheets: {
      2022: l.sheets[2022].map((t) => t.sheet.name),
      2023: l.sheets[2023].map((t) => t.sheet.name),
      2024: l.sheets[2024].map((t) => t.sheet.name),
    },
    partners: l.partners.map(({ rows, ...p }) => ({
      ...p,
      cells: rows.map(cellOf),
    })),
    total: l.total,
    ...(l.chain ? { chain: l.chain } : {}),
    excluded: l.excluded.map(cellOf),
    ...(l.netNew
      ? {
          netNew: {
            counts: l.netNew.counts,
            a: l.netNew.a,
            b: l.netNew.newPartners.length,
            newPartners: l.netNew.newPartners.map((p) => p.name),
            conservative: l.netNew.conservative,
          },
        }
      : {}),
  };
}

/**
 * The year analysis of a workbook's 协作配套 lists (附件1 六(十)(十一)) as plain data; amounts in 万元.
 * @returns one entry per list present (T4 `leader`, T5 `member`); undefined when no sheet is a T4 or T5 list
 */
export function coopSummary(analysis: CoopAnalysis): CoopSummary | undefined {
  const { leader, member } = analysis;
  if (!leader && !member) return undefined;
  return {
    ...(leader ? { leader: summarizeList(leader) } : {}),
    ...(member ? { member: summarizeList(member) } : {}),
  };
}
