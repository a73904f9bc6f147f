/**
 * The year analysis of the 协作配套 lists (附件1 六(十)(十一); T4 “链主”企业____年度协作配套企业清单, T5 链上企业____年度
 * 围绕“链主”企业协作配套交易明细表): per partner (T4: each 协作配套企业; T5: each “链主”企业) and in total, the annual
 * 交易额 of 2022, 2023 and 2024, the tiers reached, and (T4) the net new partners at ≥ 500 万元.
 *
 * **reading** (../shared/spec/tables.md T4): a partner's annual 交易额 is the sum of its 已开发票金额 on that year's
 * sheets (the evidence asked for is invoice data, 附件2 四(四)6(6)), amounts taken as typed; 合同金额 sums are shown
 * beside it. Partners are matched across years by code (the 组织机构代码 part, so an old code and a credit code of one
 * enterprise match), else by normalised name; a row giving both links them.
 * T5: only rows of the applicant's chain count ("与同一产业链“链主”企业", 附件1 六(十一)); the chain comes from the
 * 情况表's 项目名称, else from the most common chain of the sheet.
 *
 * A fact of the workbook: the engine makes it once per check from the tables' current rows and hands it to the COOP-*
 * rules (rules/coop.ts) and the report (totals/coop.ts). What each row brings (its partner's identity keys, its
 * 所属产业链) is a fact of its table ({@link COOP_ROWS}, facts/tableFacts.ts), so a live re-check reads again only the
 * edited rows, and putting the year analysis together again walks the lists' rows without reading their cells.
 */
import { CHAINS, matchEnum } from "../catalog";
import { companyKey, orgCodeKey } from "../names/company";
import { compact, readOrgCode, sumExact } from "../parse";
import { COOP_YEARS, type CoopYear } from "../catalog/years";
import { num, text, type DataRow, type TableContext } from "../model/table";
import { factOf, RowItems, type FactKind } from "./tableFacts";

/** Tiers of 交易额 in 万元: 500, 1000, 2000, 3000, 5000 万元, 1 亿, 3 亿, 5 亿 (附件1 六(十)(十一)). */
export const COOP_TIERS: readonly number[] = [
  500, 1000, 2000, 3000, 5000, 10000, 30000, 50000,
];

/** 新增协作配套: a partner at ≥ 500 万元 in the year (附件1 六(十) "交易额不低于500万元"). */
export const NEW_PARTNER_MIN = 500;

/** The two lists analysed. */
export type CoopListId = "leader-suppliers" | "member-transactions";

/** One year's figures of a partner or of a whole list, in 万元. */
export interface YearFigures {
  /** Sum of 已开发票金额 / 已开具发票金额: the annual 交易额 (reading). */
  invoice: number;
  /** Sum of 合同金额, shown beside it. */
  contract: number;
  /** Highest tier ≤ invoice, or undefined below 500 万元. */
  tier?: number;
}

/** A data row of a year sheet. */
export interface YearRow {
  year: CoopYear;
  table: TableContext;
  row: DataRow;
}

/** Figures of a partner or a total across the three years. */
export interface Progress {
  years: Record<CoopYear, YearFigures>;
  /** Highest tier of 2022 and 2023, or undefined when neither reached 500 万元. */
  previousTier?: number;
  /** The 2024 tier when it is above every tier of 2022 and 2023 ("首次提升到"), else undefined. */
  newTier?: number;
}

/** A partner: T4 a 协作配套企业, T5 a “链主”企业. */
export interface Partner extends Progress {
  /** The name as typed on its latest year's sheet. */
  name: string;
  /** Its rows, in year and sheet order. */
  rows: YearRow[];
}

/** The applicant's chain for T5 and where it was read. */
export interface ApplicantChain {
  chain: string;
  from: "情况表" | "本表";
}

/** The analysis of one list. */
export interface CoopListAnalysis {
  tableId: CoopListId;
  /** The list's sheets by year (a year may have several sheets: "本表可另附页填写"). */
  sheets: Record<CoopYear, TableContext[]>;
  /** Every one of 2022, 2023 and 2024 has a sheet; the figures below mean something only then. */
  complete: boolean;
  partners: Partner[];
  /** All counted rows together (T4: all suppliers; T5: all “链主” of the applicant's chain). */
  total: Progress;
  /** T5: the applicant's chain (as read for the 2024 sheet, else the first sheet). */
  chain?: ApplicantChain;
  /** T5: the applicant's chain as read for each of the list's sheets, those of no known year too (COOP-SAME-CHAIN). */
  chains: ReadonlyMap<TableContext, ApplicantChain | undefined>;
  /** T5 rows left out because their 所属产业链 is not the applicant's (COOP-SAME-CHAIN). */
  excluded: YearRow[];
  /** T4 (COOP-NET-NEW): counts of partners at ≥ 500 万元 per year, (A) 2024 count − max(2022, 2023), (B) new ones. */
  netNew?: {
    counts: Record<CoopYear, number>;
    a: number;
    newPartners: Partner[];
    /** min(A, B): the conservative figure. */
    conservative: number;
  };
}

/** Analyses of the lists present in a workbook. */
export interface CoopAnalysis {
  leader?: CoopListAnalysis;
  member?: CoopListAnalysis;
}

/** The highest tier ≤ `amount` (万元), or undefined below 500 万元. */
export function tierOf(amount: number): number | undefined {
  let tier: number | undefined;
  for (const t of COOP_TIERS) if (amount >= t) tier = t;
  return tier;
}

/**
 * A 所属产业链 text as one of the 16 chains (`光伏`, `“光伏产业链”` → `光伏产业链`); other texts as typed (compacted).
 * @returns undefined for an empty text.
 */
export function chainOf(value: string): string | undefined {
  const s = compact(value);
  if (!s) return undefined;
  return matchEnum(s, CHAINS) ?? matchEnum(`${s}产业链`, CHAINS) ?? s;
}

/** A chain named in a 项目名称 such as `链上企业协作配套奖励（光伏产业链）`. */
function chainInName(name: string): string | undefined {
  const s = compact(name);
  return (
    CHAINS.find((c) => s.includes(c)) ??
    CHAINS.find((c) => s.includes(`(${c.replace(/产业链$/, "")})`))
  );
}

/**
 * The applicant's chain for a T5 sheet: from the 项目名称 of the workbook's 情况表 (a row applying for
 * 链上企业协作配套奖励 first, else any row naming a chain), else the most common 所属产业链 of the sheet (the first of
 * equals).
 */
function applicantChain(
  sheet: TableContext,
  tables: readonly TableContext[],
): ApplicantChain | undefined {
  const infoRows = tables
    .filter((t) => t.table.id === "project-info")
    .flatMap((t) => t.rows);
  const wanted = (r: DataRow) =>
    compact(`${text(r, "direction")}${text(r, "projectName")}`).includes(
      "链上企业协作配套",
    );
  for (const rows of [infoRows.filter(wanted), infoRows]) {
    for (const r of rows) {
      const chain = chainInName(text(r, "projectName"));
      if (chain) return { chain, from: "情况表" };
    }
  }
  const counts = new Map<string, number>();
  for (const { chain } of coopRows(sheet))
    if (chain) counts.set(chain, (counts.get(chain) ?? 0) + 1);
  let best: string | undefined;
  for (const [chain, n] of counts)
    if (best === undefined || n > counts.get(best)!) best = chain;
  return best === undefined ? undefined : { chain: best, from: "本表" };
}

/** Identity keys of a row's partner: `c:` + 组织机构代码 part, `n:` + normalised name. */
function partnerKeys(listId: CoopListId, row: DataRow): string[] {
  if (listId === "member-transactions") {
    const name = companyKey(text(row, "leaderName"));
    return name ? [`n:${name}`] : [];
  }
  const keys: string[] = [];
  const code = readOrgCode(row.cells.orgCode);
  if (code.ok) keys.push(`c:${orgCodeKey(code.value)}`);
  const name = companyKey(text(row, "supplierName"));
  if (name) keys.push(`n:${name}`);
  return keys;
}

/** What a row of a T4/T5 sheet brings to the analysis: its partner's identity keys and (T5) its 所属产业链. */
export interface CoopRow {
  row: DataRow;
  /** {@link partnerKeys}: none for a row that names no partner. */
  keys: readonly string[];
  /** {@link chainOf} the row's 所属产业链 (T5; undefined when empty). */
  chain?: string;
}

/** Every data row of a T4/T5 sheet as a {@link CoopRow}, in grid order: a fact of the sheet's table. */
const COOP_ROWS: FactKind<RowItems<CoopRow>> = {
  make: (ctx) => {
    const listId = ctx.table.id as CoopListId;
    return new RowItems((row) => {
      const chain =
        listId === "member-transactions"
          ? chainOf(text(row, "chain"))
          : undefined;
      const keys = partnerKeys(listId, row);
      return chain === undefined ? { row, keys } : { row, keys, chain };
    });
  },
};

/** The {@link CoopRow}s of a T4 or T5 sheet's current rows, in grid order. */
export function coopRows(sheet: TableContext): readonly CoopRow[] {
  return factOf(sheet, COOP_ROWS).items;
}

/** Groups rows whose keys meet (union–find over the keys). */
function groupByKeys(
  items: readonly { keys: readonly string[]; row: YearRow }[],
): YearRow[][] {
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let root = k;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(k, root);
    return root;
  };
  for (const { keys } of items) {
    for (const k of keys) if (!parent.has(k)) parent.set(k, k);
    for (const k of keys.slice(1)) parent.set(find(k), find(keys[0]!));
  }
  const groups = new Map<string, YearRow[]>();
  for (const { keys, row } of items) {
    const root = find(keys[0]!);
    const rows = groups.get(root);
    if (rows) rows.push(row);
    else groups.set(root, [row]);
  }
  return [...groups.values()];
}

/** The row's own amount in column `key` (a cell filled from a merged area counts once, on its top-left row). */
function ownAmount(r: YearRow, key: string): number | undefined {
  return r.row.merged[key] ? undefined : num(r.row, key);
}

/** Year figures and tiers of a set of rows. */
function progressOf(rows: readonly YearRow[]): Progress {
  const figures = (year: CoopYear): YearFigures => {
    const ofYear = rows.filter((r) => r.year === year);
    const invoice = sumExact(
      ofYear.map((r) => ownAmount(r, "invoiceAmount") ?? 0),
    );
    const contract = sumExact(
      ofYear.map((r) => ownAmount(r, "contractAmount") ?? 0),
    );
    const tier = tierOf(invoice);
    return tier === undefined
      ? { invoice, contract }
      : { invoice, contract, tier };
  };
  const years = {
    2022: figures(2022),
    2023: figures(2023),
    2024: figures(2024),
  };
  const previousTier =
    Math.max(years[2022].tier ?? 0, years[2023].tier ?? 0) || undefined;
  const tier2024 = years[2024].tier;
  const newTier =
    tier2024 !== undefined && tier2024 > (previousTier ?? 0)
      ? tier2024
      : undefined;
  return {
    years,
    ...(previousTier !== undefined ? { previousTier } : {}),
    ...(newTier !== undefined ? { newTier } : {}),
  };
}

/** Partner name as typed on its latest year's first named row (where its findings go). */
function partnerName(listId: CoopListId, rows: readonly YearRow[]): string {
  const key = listId === "leader-suppliers" ? "supplierName" : "leaderName";
  for (const year of [...COOP_YEARS].reverse())
    for (const r of rows)
      if (r.year === year && text(r.row, key)) return text(r.row, key);
  return "";
}

/** Analyses one list, or undefined when the workbook has no sheet of it. */
function analyseList(
  listId: CoopListId,
  tables: readonly TableContext[],
): CoopListAnalysis | undefined {
  const own = tables.filter((t) => t.table.id === listId);
  if (own.length === 0) return undefined;
  const sheets: Record<CoopYear, TableContext[]> = {
    2022: [],
    2023: [],
    2024: [],
  };
  for (const t of own)
    if (COOP_YEARS.includes(t.year as CoopYear))
      sheets[t.year as CoopYear].push(t);
  const complete = COOP_YEARS.every((y) => sheets[y].length > 0);

  const chains = new Map(
    own.map((t) => [
      t,
      listId === "member-transactions" ? applicantChain(t, tables) : undefined,
    ]),
  );
  const counted: YearRow[] = [];
  const excluded: YearRow[] = [];
  const keyed: { keys: readonly string[]; row: YearRow }[] = [];
  for (const year of COOP_YEARS)
    for (const table of sheets[year]) {
      const applicant = chains.get(table);
      for (const { row, keys, chain } of coopRows(table)) {
        const r: YearRow = { year, table, row };
        // T5: only rows of the applicant's chain count; a row without a chain, or a sheet without one, counts.
        if (chain !== undefined && applicant && chain !== applicant.chain) {
          excluded.push(r);
          continue;
        }
        counted.push(r);
        if (keys.length > 0) keyed.push({ keys, row: r });
      }
    }
  const partners: Partner[] = groupByKeys(keyed).map((rows) => ({
    name: partnerName(listId, rows),
    rows,
    ...progressOf(rows),
  }));

  const chain = chains.get(sheets[2024][0] ?? own[0]!);
  const analysis: CoopListAnalysis = {
    tableId: listId,
    sheets,
    complete,
    partners,
    total: progressOf(counted),
    ...(chain ? { chain } : {}),
    chains,
    excluded,
  };
  if (listId === "leader-suppliers") {
    const atLevel = (p: Partner, y: CoopYear) =>
      p.years[y].invoice >= NEW_PARTNER_MIN;
    const counts = {
      2022: partners.filter((p) => atLevel(p, 2022)).length,
      2023: partners.filter((p) => atLevel(p, 2023)).length,
      2024: partners.filter((p) => atLevel(p, 2024)).length,
    };
    const a = counts[2024] - Math.max(counts[2022], counts[2023]);
    // A 新增协作配套企业 is a new partner (填写说明4): on neither the 2022 nor the 2023 sheet, at any amount.
    const newPartners = partners.filter(
      (p) =>
        atLevel(p, 2024) &&
        !p.rows.some((r) => r.year === 2022 || r.year === 2023),
    );
    analysis.netNew = {
      counts,
      a,
      newPartners,
      conservative: Math.min(a, newPartners.length),
    };
  }
  return analysis;
}

/**
 * The year analysis of the 协作配套 lists found among a workbook's recognised tables, from their current rows.
 * @param tables every table recognised in the workbook (the 情况表 gives the applicant's chain for T5).
 * @returns `leader` for T4 and `member` for T5 when the workbook has a sheet of that list; amounts in 万元. The
 *   figures are meaningful only when `complete` (all three year sheets present; COOP-YEARS reports otherwise).
 */
export function coopYearAnalysis(
  tables: readonly TableContext[],
): CoopAnalysis {
  const leader = analyseList("leader-suppliers", tables);
  const member = analyseList("member-transactions", tables);
  return {
    ...(leader ? { leader } : {}),
    ...(member ? { member } : {}),
  };
}
