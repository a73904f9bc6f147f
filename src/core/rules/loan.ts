/**
 * Rules of T1 省级重点产业链链上企业2024年度新增贷款明细表 (`loan-interest`, 产业链贷款贴息).
 * Seed: 附件1 六(一); 附件2 一(三)6, 三(二)5(1). Codes, severities and readings: ../shared/spec/tables.md, T1.
 * Amounts in 万元, 利率 in percent (3.45 means 3.45 %), 天数 in days.
 */
import { CHAINS } from "../catalog/enums";
import { LOAN_YEAR } from "../catalog/years";
import {
  EXCLUDED_KINDS_TEXT,
  excludedLoanPurpose,
} from "../meaning/loanPurpose";
import { isBlank } from "../model/grid";
import {
  compact,
  compareDates,
  daysBetween,
  formatDate,
  round,
} from "../parse";
import type { CalendarDate } from "../parse";
import { placeOutsideShanxi } from "../meaning/places";
import { suggestListValue } from "../meaning/suggest";
import { rememberText } from "../util/remember";
import { factOf, RowsByKey, type FactKind } from "../facts/tableFacts";
import { interestFigures, MIN_TOTAL_INTEREST } from "../facts/loanInterest";
import {
  periodCheck,
  yearCheck,
  type PeriodParams,
  type YearParams,
} from "./ranges";
import { defineRule } from "./types";
import {
  dateOf,
  num,
  text,
  type DataRow,
  type TableContext,
} from "../model/table";

const LOAN = ["loan-interest"] as const;
/** The year the notice subsidises ("2024年度新增贷款"). */
const YEAR = LOAN_YEAR;
const YEAR_END: CalendarDate = { y: YEAR, m: 12, d: 31 };
/** Usual last quarterly interest settlement date of the year (banks settle on the 21st of the last month). */
const LAST_SETTLEMENT: CalendarDate = { y: YEAR, m: 12, d: 21 };
/** Plausible annual loan rates, percent (LOAN-RATE-RANGE). */
const RATE_MIN = 0.5;
const RATE_MAX = 15;

/**
 * The excluded purpose a 用途 text names (with its clause's negation, if any), or undefined: the meaning-based matcher
 * of meaning/loanPurpose.ts.
 */
export const excludedPurpose = excludedLoanPurpose;

/** Words of a fixed-asset purpose (厂房建设, 设备购置, 生产线 …): "固定资产贷款须投向山西省境内" (附件1 六(一)). */
const FIXED_ASSET =
  /厂房|设备|建设|购置|生产线|基地|工程|新建|扩建|改造|安装|项目/;

/** A rate typed as a fraction (0.0345 for 3.45 %), read as the percent it stands for; else the rate itself. */
function ratePercent(rate: number): number {
  if (rate >= RATE_MIN) return rate;
  const percent = round(rate * 100, 6);
  return percent >= RATE_MIN && percent <= RATE_MAX ? percent : rate;
}

/**
 * A chain name in canonical form (`光伏`, `“光伏产业链”` → `光伏产业链`); text that names none of the 16 chains is
 * returned without spaces and quotes.
 */
export const canonicalChain = rememberText((name: string): string => {
  const flat = compact(name).replace(/[“”"'‘’]/g, "");
  const short = flat.replace(/产业链$/, "");
  return CHAINS.find((c) => c === flat || c === `${short}产业链`) ?? flat;
});

/** The chain in a 情况表 项目名称 `产业链贷款贴息（光伏产业链）` (附件2 一(三)6), canonical; undefined for other names. */
export function chainOfProjectName(projectName: string): string | undefined {
  const m = /^产业链贷款贴息[(（](.+)[)）]$/.exec(
    compact(projectName).replace(/[“”"]/g, ""),
  );
  return m ? canonicalChain(m[1]!) : undefined;
}

/** LOAN-INTEREST-CALC's tolerance: the typed interest within 0.01 万元 or 1 % of a computed one. */
function near(interest: number, computed: number): boolean {
  return (
    Math.abs(interest - computed) <= Math.max(0.01, 0.01 * computed) + 1e-9
  );
}

/** Excel's 1-based row number of a data row, for messages that point at another row. */
function excelRow(row: DataRow): number {
  return row.row + 1;
}

/** `s.toUpperCase()`, and `s` itself when that changes nothing (contract numbers are mostly upper-case ASCII already). */
function upperCase(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if ((code >= 0x61 && code <= 0x7a) || code >= 0x80) return s.toUpperCase();
  }
  return s;
}

/** LOAN-CONTRACT-DUP's key of a row: its contract without spaces, in upper case; undefined when the row gives no
 * contract, 提款时间 or amount. */
function contractKey(row: DataRow): string | undefined {
  const contract = upperCase(compact(text(row, "contractNo")));
  if (contract === "" || !dateOf(row, "drawdownDate")) return undefined;
  return num(row, "principal") === undefined ? undefined : contract;
}
const ROWS_BY_CONTRACT: FactKind<RowsByKey> = {
  make: () => new RowsByKey(contractKey),
};

/** The canonical chain a row names (undefined for an empty 所属省级重点产业链). */
function chainKey(row: DataRow): string | undefined {
  const typed = text(row, "chain");
  return typed === "" ? undefined : canonicalChain(typed);
}
const CHAIN_ROWS: FactKind<RowsByKey> = {
  make: () => new RowsByKey(chainKey),
};

export const LOAN_RULES = [
  defineRule<YearParams>()({
    code: "LOAN-DRAW-YEAR",
    severity: "error",
    source: "附件1 六(一)",
    tables: LOAN,
    row: yearCheck("drawdownDate"),
  }),
  defineRule<{ value: number | undefined }>()({
    code: "LOAN-PAID-2024",
    severity: "error",
    source: "附件1 六(一)",
    tables: LOAN,
    row(row, _table, emit) {
      if (row.merged.interest) return;
      const interest = num(row, "interest");
      const empty = isBlank(row.cells.interest);
      if (empty || (interest !== undefined && interest <= 0)) {
        emit({
          row: row.row,
          col: "interest",
          params: { value: empty ? undefined : interest },
        });
      }
    },
  }),
  defineRule<
    | { kind: "start" | "late"; date: string }
    | { kind: "order"; start: string; end: string }
  >()({
    code: "LOAN-ACCRUAL-YEAR",
    severity: "error",
    source: "附件1 六(一)",
    tables: LOAN,
    row(row, _table, emit) {
      const start = dateOf(row, "accrualStart");
      const end = dateOf(row, "accrualEnd");
      if (start && start.y !== YEAR && !row.merged.accrualStart) {
        emit({
          row: row.row,
          col: "accrualStart",
          params: { kind: "start", date: formatDate(start) },
        });
      }
      if (row.merged.accrualEnd) return;
      if (start && end && compareDates(end, start) < 0) {
        emit({
          row: row.row,
          col: "accrualEnd",
          params: {
            kind: "order",
            start: formatDate(start),
            end: formatDate(end),
          },
        });
      } else if (end && compareDates(end, YEAR_END) > 0) {
        emit({
          row: row.row,
          col: "accrualEnd",
          severity: "warning",
          params: { kind: "late", date: formatDate(end) },
        });
      }
    },
  }),
  defineRule<{ start: string; draw: string }>()({
    code: "LOAN-ACCRUAL-BEFORE-DRAW",
    severity: "warning",
    source: "附件1 六(一)",
    tables: LOAN,
    row(row, _table, emit) {
      const start = dateOf(row, "accrualStart");
      const draw = dateOf(row, "drawdownDate");
      if (start && draw && compareDates(start, draw) < 0) {
        emit({
          row: row.row,
          col: "accrualStart",
          params: { start: formatDate(start), draw: formatDate(draw) },
        });
      }
    },
  }),
  defineRule<
    | { kind: "range"; days: number }
    | {
        kind: "diff";
        days: number;
        diff: number;
        diffBoth: number;
        start: string;
        end: string;
      }
  >()({
    code: "LOAN-DAYS",
    severity: "warning",
    source: "附件2 三(二)5(1)",
    tables: LOAN,
    row(row, _table, emit) {
      const days = num(row, "days");
      if (days === undefined) return;
      if (days < 1 || days > 366) {
        emit({
          row: row.row,
          col: "days",
          params: { kind: "range", days },
        });
        return;
      }
      const start = dateOf(row, "accrualStart");
      const end = dateOf(row, "accrualEnd");
      // An end after 2024 (a maturity date typed there) is LOAN-ACCRUAL-YEAR's finding; no day count to compare.
      if (
        !start ||
        !end ||
        compareDates(end, start) < 0 ||
        compareDates(end, YEAR_END) > 0
      )
        return;
      const diff = daysBetween(start, end);
      if (days !== diff && days !== diff + 1) {
        emit({
          row: row.row,
          col: "days",
          params: {
            kind: "diff",
            days,
            diff,
            diffBoth: diff + 1,
            start: formatDate(start),
            end: formatDate(end),
          },
        });
      }
    },
  }),
  defineRule<{
    interest: number;
    principal: number;
    rate: number;
    days: number;
    expected: number;
  }>()({
    code: "LOAN-INTEREST-CALC",
    severity: "warning",
    source: "附件2 三(二)5(1)",
    tables: LOAN,
    row(row, _table, emit) {
      const principal = num(row, "principal");
      const typedRate = num(row, "rate");
      const days = num(row, "days");
      const interest = num(row, "interest");
      if (
        principal === undefined ||
        typedRate === undefined ||
        days === undefined ||
        interest === undefined
      )
        return;
      const rate = ratePercent(typedRate);
      // Values other rules report (LOAN-RATE-RANGE other than a fraction typed for a percent, LOAN-DAYS out of
      // 1..366, LOAN-PAID-2024) give no sensible interest to compare.
      if (
        principal <= 0 ||
        interest <= 0 ||
        days < 1 ||
        days > 366 ||
        rate < RATE_MIN ||
        rate > RATE_MAX
      )
        return;
      const perDay = (principal * rate) / 100;
      // Either day count (both ends or one), on a 360- or a 365-day year.
      if (
        near(interest, (perDay * days) / 360) ||
        near(interest, (perDay * days) / 365) ||
        near(interest, (perDay * (days + 1)) / 360) ||
        near(interest, (perDay * (days + 1)) / 365)
      )
        return;
      emit({
        row: row.row,
        col: "interest",
        params: {
          interest,
          principal,
          rate,
          days,
          expected: round((perDay * days) / 360, 4),
        },
      });
    },
  }),
  defineRule<
    | {
        kind?: undefined;
        sum: number;
        rows: number;
        excluded: number;
        without: number;
      }
    | {
        kind: "withoutExcluded";
        sum: number;
        without: number;
        excluded: number;
      }
  >()({
    code: "LOAN-INTEREST-MIN",
    severity: "error",
    source: "附件1 六(一)",
    tables: LOAN,
    table(table, emit) {
      const figures = interestFigures(table);
      if (figures.counted === 0) return;
      const sum = figures.interest2024;
      const without = figures.interestWithoutExcluded;
      const excluded = figures.excludedRows.length;
      const at =
        table.totalRow === undefined
          ? { col: "interest" as const }
          : { row: table.totalRow, col: "interest" as const };
      // One finding per cell: the 错误 carries the sum without excluded rows too. When the threshold holds with and
      // without the excluded rows, the rule holds and says nothing (the totals show both sums).
      if (sum < MIN_TOTAL_INTEREST) {
        emit({
          ...at,
          params: { sum, rows: figures.counted, excluded, without },
        });
      } else if (excluded > 0 && without < MIN_TOTAL_INTEREST) {
        emit({
          ...at,
          severity: "warning",
          params: { kind: "withoutExcluded", sum, without, excluded },
        });
      }
    },
  }),
  defineRule<{
    purpose: string;
    keyword: string;
    label: string;
    negation: string | undefined;
    list: string;
  }>()({
    code: "LOAN-PURPOSE-EXCLUDED",
    severity: "error",
    source: "附件1 六(一)",
    tables: LOAN,
    row(row, _table, emit) {
      if (row.merged.purpose) return;
      const purpose = text(row, "purpose");
      const match = excludedPurpose(purpose);
      if (!match) return;
      emit({
        row: row.row,
        col: "purpose",
        ...(match.negation ? { severity: "warning" as const } : {}),
        params: {
          purpose,
          keyword: match.phrase,
          label: match.kind,
          negation: match.negation,
          list: EXCLUDED_KINDS_TEXT,
        },
      });
    },
  }),
  defineRule()({
    code: "LOAN-PURPOSE-EMPTY",
    severity: "error",
    source: "附件2 三(二)5(1)",
    tables: LOAN,
    row(row, _table, emit) {
      if (isBlank(row.cells.purpose)) emit({ row: row.row, col: "purpose" });
    },
  }),
  defineRule<{ purpose: string; place: string; province: string }>()({
    code: "LOAN-SHANXI",
    severity: "warning",
    source: "附件1 六(一)",
    tables: LOAN,
    row(row, _table, emit) {
      if (row.merged.purpose) return;
      const purpose = text(row, "purpose");
      if (!FIXED_ASSET.test(compact(purpose))) return;
      const place = placeOutsideShanxi(purpose);
      if (place)
        emit({
          row: row.row,
          col: "purpose",
          params: { purpose, place: place.place, province: place.province },
        });
    },
  }),
  defineRule<{
    contract: string;
    date: string;
    principal: number;
    firstRow: number;
  }>()({
    code: "LOAN-CONTRACT-DUP",
    severity: "warning",
    source: "附件1 六(一)",
    tables: LOAN,
    table(table, emit) {
      // A repeat is the same contract, day and amount as an earlier row: among the rows of a contract on several rows.
      for (const rows of factOf(table, ROWS_BY_CONTRACT).repeated()) {
        for (const [i, row] of rows.entries()) {
          const draw = dateOf(row, "drawdownDate")!;
          const principal = num(row, "principal")!;
          const seen = rows
            .slice(0, i)
            .find(
              (r) =>
                num(r, "principal") === principal &&
                compareDates(dateOf(r, "drawdownDate")!, draw) === 0,
            );
          if (!seen) continue;
          emit({
            row: row.row,
            col: "contractNo",
            params: {
              contract: text(row, "contractNo"),
              date: formatDate(draw),
              principal,
              firstRow: excelRow(seen),
            },
          });
        }
      }
    },
  }),
  defineRule<PeriodParams<{ kind: "afterDraw"; draw: string }>>()({
    code: "LOAN-TERM-FORMAT",
    severity: "warning",
    source: "附件2 三(二)5(1)",
    tables: LOAN,
    row: periodCheck("term", (range, row) => {
      const draw = dateOf(row, "drawdownDate");
      return draw && compareDates(range.start, draw) > 0
        ? { kind: "afterDraw", draw: formatDate(draw) }
        : undefined;
    }),
  }),
  defineRule<
    | { kind: "range"; rate: number }
    | { kind: "fraction"; rate: number; percent: number }
  >()({
    code: "LOAN-RATE-RANGE",
    severity: "warning",
    source: "附件2 三(二)5(1)",
    tables: LOAN,
    row(row, _table, emit) {
      if (row.merged.rate) return;
      const rate = num(row, "rate");
      if (rate === undefined || (rate >= RATE_MIN && rate <= RATE_MAX)) return;
      const percent = ratePercent(rate);
      emit({
        row: row.row,
        col: "rate",
        params:
          percent === rate
            ? { kind: "range", rate }
            : { kind: "fraction", rate, percent },
      });
    },
  }),
  defineRule<ChainParams>()({
    code: "LOAN-CHAIN",
    severity: "warning",
    source: "附件2 一(三)6；附件5",
    tables: LOAN,
    workbook(workbook, emit) {
      const info = projectChain(workbook.tables);
      for (const table of workbook.tables.filter(
        (t) => t.table.id === "loan-interest",
      )) {
        checkChains(table, info, (row, params) =>
          emit(table, { row, col: "chain", params }),
        );
      }
    },
  }),
  defineRule()({
    code: "LOAN-PAGE",
    severity: "warning",
    source: "附件2 四(四)6(1)",
    tables: LOAN,
    row(row, _table, emit) {
      if (isBlank(row.cells.pages)) emit({ row: row.row, col: "pages" });
    },
  }),
  defineRule<{ date: string }>()({
    code: "LOAN-SETTLE-DATE",
    severity: "info",
    source: "附件1 六(一)",
    tables: LOAN,
    row(row, _table, emit) {
      if (row.merged.accrualEnd) return;
      const end = dateOf(row, "accrualEnd");
      if (
        end &&
        compareDates(end, LAST_SETTLEMENT) > 0 &&
        compareDates(end, YEAR_END) <= 0
      ) {
        emit({
          row: row.row,
          col: "accrualEnd",
          params: { date: formatDate(end) },
        });
      }
    },
  }),
] as const;

/** Params of LOAN-CHAIN: a chain not among the 16 (with the nearest one), or unlike the 情况表's or the other rows'. */
export type ChainParams =
  | { kind: "unknown"; chain: string; list: string; suggest?: string }
  | { kind: "info"; chain: string; expected: string; sheet: string }
  | { kind: "rows"; chain: string; expected: string };

/** The chain named by the first 情况表 项目名称 of the form `产业链贷款贴息（…）`, with the sheet it is on. */
function projectChain(
  tables: readonly TableContext[],
): { chain: string; sheet: string } | undefined {
  for (const t of tables.filter((x) => x.table.id === "project-info")) {
    for (const row of t.rows) {
      const chain = chainOfProjectName(text(row, "projectName"));
      if (chain !== undefined) return { chain, sheet: t.sheet.name };
    }
  }
  return undefined;
}

/**
 * LOAN-CHAIN on one table: a row naming none of the 16 chains; else a row whose chain differs from the 情况表's
 * (when the workbook has one), or from the chain most rows name (ties: the first row's).
 * The same finding on every row is settled into one finding for the column's range by the engine (core/check/settle.ts).
 */
function checkChains(
  table: TableContext,
  info: { chain: string; sheet: string } | undefined,
  report: (row: number, params: ChainParams) => void,
): void {
  const byChain = factOf(table, CHAIN_ROWS);
  const common = byChain.mostRows();
  for (const [chain, rows] of byChain.entries()) {
    const known = (CHAINS as readonly string[]).includes(chain);
    if (known && (info ? chain === info.chain : chain === common)) continue;
    for (const row of rows) {
      if (row.merged.chain) continue; // a merged copy: reported on the area's first cell
      report(row.row, chainParams(text(row, "chain"), chain, info, common));
    }
  }
}

/** LOAN-CHAIN's params for a row naming `typed` (canonical `chain`) that differs from the chain expected. */
function chainParams(
  typed: string,
  chain: string,
  info: { chain: string; sheet: string } | undefined,
  common: string | undefined,
): ChainParams {
  if (!(CHAINS as readonly string[]).includes(chain)) {
    const near = suggestListValue(typed, CHAINS);
    return {
      kind: "unknown",
      chain: typed,
      list: CHAINS.join("、"),
      ...(near !== undefined ? { suggest: near } : {}),
    };
  }
  return info
    ? { kind: "info", chain: typed, expected: info.chain, sheet: info.sheet }
    : { kind: "rows", chain: typed, expected: common! };
}
