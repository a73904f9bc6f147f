/**
 * The application package (../shared/spec/tables.md, "The application package"): an enterprise sends its 项目情况表
 * and the detail tables of its 申报方向, in one workbook or several files. Files checked or merged together are
 * grouped by enterprise, and three rules look across the files of a group or across groups:
 * - `PACKAGE-TABLES` 警告: the 情况表 applies for a direction whose detail table is in none of the group's files
 *   (附件2 四(四): the documents each direction must bring);
 * - `PACKAGE-DIRECTION` 警告: a detail table whose direction is not a 申报方向 of the group's 情况表;
 * - `MERGE-CONTRACT-DUP` 警告: the same 借款合同编号 with the same bank (or the same 保险单号 / 设备租赁合同编号) in two
 *   enterprises' tables (附件1 六(一)(二)(三): one loan, policy or lease is supported once).
 *
 * Grouping key: the 统一社会信用代码 when the tables give the applicant's one — the official tables have no such
 * column, so in practice it is the normalised 企业名称 (names/company.ts `companyKey`).
 *
 * The engine records each workbook's {@link PackageFacts} (plain data, so that checks run in workers can send them);
 * {@link checkPackages} runs the rules on the facts of many files. Pure.
 */
import { columnOf, getTable } from "../catalog/tables";
import type { TableId } from "../catalog/types";
import type { Finding, Severity } from "../model/finding";
import { a1 } from "../model/grid";
import { wordFinding } from "../messages";
import { companyKey } from "../names/company";
import { compact } from "../parse";
import { rememberText } from "../util/remember";
import { directionOf } from "../rules/info";
import { factOf, RowItems, type FactKind } from "../facts/tableFacts";
import type { DataRow, TableContext } from "../model/table";
import { text } from "../model/table";

/** A place in a workbook: sheet, A1 cell and Excel row (1-based). */
interface Place {
  sheet: string;
  cell?: string;
  row?: number;
  column?: string;
}

/** What one workbook brings to its package. */
export interface PackageFacts {
  /** The applicant's 企业名称 (the 情况表's, else the one most detail tables name); absent when none is given. */
  enterprise?: string;
  /** 申报方向 of the 情况表 rows, each with the place of its cell. */
  applications: (Place & { direction: string })[];
  /** Detail tables (not 情况表 or 汇总表), with the year of T4/T5. */
  details: { table: TableId; sheet: string; year?: number }[];
  /** Loan contracts, insurance policies and lease contracts, each with its place. */
  contracts: (Place & { kind: ContractKind; number: string; bank?: string })[];
}

/** What a contract number identifies: a T1 loan (with its bank), a T2 policy, a T3 lease. */
export type ContractKind = "loan" | "policy" | "lease";

/** The tables that are not detail tables of one direction. */
const NOT_DETAIL = new Set<TableId>([
  "project-info",
  "application-summary",
  "exempt-summary",
]);

/** The 申报方向 each detail table belongs to (附件2 四(四)); undefined for 情况表 and 汇总表. */
export const DIRECTION_OF_TABLE: Partial<Record<TableId, readonly string[]>> = {
  "loan-interest": ["产业链贷款贴息"],
  "insurance-credit": ["保险增信补贴"],
  "finance-lease": ["融资租赁补贴"],
  "lease-equipment": ["融资租赁补贴"],
  "leader-suppliers": [
    "“链主”企业新增协作配套奖励",
    "“链主”企业存量协作配套提升奖励",
  ],
  "member-transactions": ["链上企业协作配套奖励"],
  "compute-services": ["人工智能（算力服务）"],
  "related-parties": ["人工智能（算力服务）"],
};

/** The detail tables a direction needs (附件2 四(四)); T4/T5 for each of 2022, 2023 and 2024. */
const NEEDED: Readonly<Record<string, readonly TableId[]>> = {
  产业链贷款贴息: ["loan-interest"],
  保险增信补贴: ["insurance-credit"],
  融资租赁补贴: ["finance-lease", "lease-equipment"],
  "“链主”企业新增协作配套奖励": ["leader-suppliers"],
  "“链主”企业存量协作配套提升奖励": ["leader-suppliers"],
  链上企业协作配套奖励: ["member-transactions"],
  "人工智能（算力服务）": ["compute-services"],
};

/** Tables needed once per year of the 协作配套 analysis. */
const YEARLY = new Set<TableId>(["leader-suppliers", "member-transactions"]);
const COOP_YEARS = [2022, 2023, 2024] as const;

/** The contract columns of each table: number column, and the counterparty column that must match too. */
const CONTRACT_COLUMNS: Partial<
  Record<TableId, { kind: ContractKind; number: string; bank?: string }>
> = {
  "loan-interest": { kind: "loan", number: "contractNo", bank: "bank" },
  "insurance-credit": { kind: "policy", number: "policyNo" },
  "finance-lease": { kind: "lease", number: "contractNo" },
};

/** Code, severity and notice section of the package rules (the message catalog words them). */
export const PACKAGE_RULES: readonly {
  code: string;
  severity: Severity;
  source: string;
}[] = [
  { code: "PACKAGE-TABLES", severity: "warning", source: "附件2 四(四)" },
  { code: "PACKAGE-DIRECTION", severity: "warning", source: "附件2 四(四)" },
  {
    code: "MERGE-CONTRACT-DUP",
    severity: "warning",
    source: "附件1 六(一)(二)(三)",
  },
];

/** Where a column of a table is: its sheet, grid column and official header (looked up once per table). */
interface ColumnPlace {
  sheet: string;
  col: number | undefined;
  header: string | undefined;
}

function columnPlace(ctx: TableContext, key: string): ColumnPlace {
  return {
    sheet: ctx.sheet.name,
    col: ctx.columns[key],
    header: columnOf(ctx.table, key)?.header,
  };
}

/** The place of a column's cell in a row, written into `into` (after the keys it has). */
function placeAt<T extends object>(
  at: ColumnPlace,
  row: number,
  into: T,
): T & Place {
  const place = into as T & Place;
  place.sheet = at.sheet;
  if (at.col !== undefined) place.cell = a1(row, at.col);
  place.row = row + 1;
  if (at.header !== undefined) place.column = at.header;
  return place;
}

type Contract = PackageFacts["contracts"][number];

/** {@link companyKey} of a bank: the same few banks on every row, each worked on once. */
const bankKey = rememberText(companyKey);

/** The contract a row of a T1/T2/T3 names, with its place (undefined for rows without one). */
function contractOf(
  cols: NonNullable<(typeof CONTRACT_COLUMNS)[TableId]>,
  at: ColumnPlace,
  row: DataRow,
): Contract | undefined {
  if (row.merged[cols.number]) return undefined;
  const number = text(row, cols.number);
  if (compact(number) === "") return undefined;
  // One object per row of a large table: made whole, with the keys in the report's order, when every key has a value
  // (a T1 row's), else built key by key.
  if (cols.bank && at.col !== undefined && at.header !== undefined)
    return {
      kind: cols.kind,
      number,
      bank: bankKey(text(row, cols.bank)),
      sheet: at.sheet,
      cell: a1(row.row, at.col),
      row: row.row + 1,
      column: at.header,
    };
  const contract = { kind: cols.kind, number } as Contract;
  if (cols.bank) contract.bank = bankKey(text(row, cols.bank));
  return placeAt(at, row.row, contract);
}

/** The contracts of a table's rows, kept in its facts (facts/tableFacts.ts): made once per row. */
const CONTRACTS: FactKind<RowItems<Contract>> = {
  make: (ctx) => {
    const cols = CONTRACT_COLUMNS[ctx.table.id];
    const at = cols && columnPlace(ctx, cols.number);
    return new RowItems((row) => cols && contractOf(cols, at!, row));
  },
};

/**
 * The package facts of one workbook's recognised tables.
 * @param tables the workbook's recognised tables (engine `recognizeWorkbook`)
 * @param enterprises the applicant named by each table's report (same order), for the package's enterprise
 */
export function packageFacts(
  tables: readonly TableContext[],
  enterprises: readonly (string | undefined)[],
): PackageFacts {
  const applications: PackageFacts["applications"] = [];
  const details: PackageFacts["details"] = [];
  const contracts: PackageFacts["contracts"] = [];
  let infoName: string | undefined;
  for (const ctx of tables) {
    const id = ctx.table.id;
    if (id === "project-info") {
      const at = columnPlace(ctx, "direction");
      for (const row of ctx.rows) {
        infoName ??= text(row, "enterpriseName") || undefined;
        const direction = directionOf(row);
        if (direction) applications.push(placeAt(at, row.row, { direction }));
      }
      continue;
    }
    if (NOT_DETAIL.has(id)) continue;
    details.push({
      table: id,
      sheet: ctx.sheet.name,
      ...(ctx.year !== undefined ? { year: ctx.year } : {}),
    });
    if (!CONTRACT_COLUMNS[id]) continue;
    for (const c of factOf(ctx, CONTRACTS).items) contracts.push(c);
  }
  const counts = new Map<string, number>();
  for (const name of enterprises)
    if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
  let most: string | undefined;
  for (const [name, n] of counts)
    if (most === undefined || n > counts.get(most)!) most = name;
  const enterprise = infoName ?? most;
  return {
    ...(enterprise !== undefined ? { enterprise } : {}),
    applications,
    details,
    contracts,
  };
}

/** One file of a package check: its name as shown and its facts. */
export interface PackageFile {
  file: string;
  facts: PackageFacts;
}

/** The files of one enterprise. */
export interface PackageGroup {
  /** Grouping key: normalised 企业名称 (see the module comment); '' for files that name no enterprise. */
  key: string;
  /** The enterprise's name as the first file gives it ('' when none). */
  enterprise: string;
  /** Indexes into the files given to {@link groupPackages}, in input order. */
  files: number[];
}

/**
 * Groups files by enterprise (normalised 企业名称). Files naming no enterprise are each a group of their own (key '').
 * @returns the groups in order of their first file
 */
export function groupPackages(files: readonly PackageFile[]): PackageGroup[] {
  const groups: PackageGroup[] = [];
  const byKey = new Map<string, PackageGroup>();
  files.forEach((f, i) => {
    const name = f.facts.enterprise ?? "";
    const key = name === "" ? "" : companyKey(name);
    const known = key === "" ? undefined : byKey.get(key);
    if (known) known.files.push(i);
    else {
      const g = { key, enterprise: name, files: [i] };
      groups.push(g);
      if (key !== "") byKey.set(key, g);
    }
  });
  return groups;
}

/** A located finding of a package rule, message from the catalog. */
function finding(
  code: string,
  file: string,
  place: Place,
  params: Record<string, string | number>,
): Finding & { file: string } {
  const def = PACKAGE_RULES.find((r) => r.code === code)!;
  const { text, quote } = wordFinding(code, {
    ...(place.column !== undefined ? { column: place.column } : {}),
    ...params,
  });
  return {
    file,
    sheet: place.sheet,
    ...(place.cell !== undefined ? { cell: place.cell } : {}),
    ...(place.row !== undefined ? { row: place.row } : {}),
    ...(place.column !== undefined ? { column: place.column } : {}),
    severity: def.severity,
    rule: code,
    message: text,
    source: def.source,
    ...(quote !== undefined ? { quote } : {}),
  };
}

/** Official titles of tables, for messages (T4/T5 with their three years). */
function tableNames(ids: readonly TableId[]): string {
  return ids.map(tableWords).join("、");
}
function tableWords(id: TableId): string {
  return getTable(id).title.replace("____", "2022、2023、2024");
}

/** PACKAGE-TABLES and PACKAGE-DIRECTION on one group. */
function checkGroup(
  files: readonly PackageFile[],
  group: PackageGroup,
): (Finding & { file: string })[] {
  const out: (Finding & { file: string })[] = [];
  const members = group.files.map((i) => files[i]!);
  const applied = new Set(
    members.flatMap((m) => m.facts.applications.map((a) => a.direction)),
  );
  const present = members.flatMap((m) => m.facts.details);
  const fileCount = members.length;
  const said = new Set<string>();
  for (const m of members)
    for (const a of m.facts.applications) {
      // One finding per direction of the enterprise, at its first application.
      if (said.has(a.direction)) continue;
      said.add(a.direction);
      const missing = (NEEDED[a.direction] ?? []).filter((id) => {
        const found = present.filter((d) => d.table === id);
        if (found.length === 0) return true;
        if (!YEARLY.has(id)) return false;
        const years = new Set(found.map((d) => d.year));
        return COOP_YEARS.some((y) => !years.has(y)) && !years.has(undefined);
      });
      if (missing.length > 0)
        out.push(
          finding("PACKAGE-TABLES", m.file, a, {
            direction: a.direction,
            missing: tableNames(missing),
            files: fileCount,
          }),
        );
    }
  if (applied.size === 0) return out;
  for (const m of members)
    for (const d of m.facts.details) {
      const own = DIRECTION_OF_TABLE[d.table];
      if (!own || own.some((x) => applied.has(x))) continue;
      out.push(
        finding(
          "PACKAGE-DIRECTION",
          m.file,
          { sheet: d.sheet },
          {
            table: tableWords(d.table),
            direction: own.join("或"),
            applied: [...applied].join("、"),
          },
        ),
      );
    }
  return out;
}

/** MERGE-CONTRACT-DUP across groups: a contract of one enterprise found again in another's tables. */
function contractDuplicates(
  files: readonly PackageFile[],
  groups: readonly PackageGroup[],
): (Finding & { file: string })[] {
  const out: (Finding & { file: string })[] = [];
  const first = new Map<
    string,
    { group: PackageGroup; file: string; place: Place }
  >();
  for (const group of groups) {
    if (group.key === "") continue;
    for (const i of group.files) {
      const f = files[i]!;
      for (const c of f.facts.contracts) {
        const key = [
          c.kind,
          compact(c.number).toUpperCase(),
          c.bank ?? "",
        ].join("\u0000");
        const seen = first.get(key);
        if (!seen) {
          first.set(key, { group, file: f.file, place: c });
          continue;
        }
        if (seen.group === group) continue;
        out.push(
          finding("MERGE-CONTRACT-DUP", f.file, c, {
            kind: c.kind,
            number: c.number,
            other: seen.group.enterprise,
            otherFile: seen.file,
            otherPlace: `工作表“${seen.place.sheet}”${seen.place.cell ?? ""}`,
          }),
        );
      }
    }
  }
  return out;
}

/**
 * The package rules on files checked or merged together.
 * @param files each file's name and facts (engine report `package`), in input order
 * @returns the groups by enterprise, and the findings (each with its `file`), group by group
 */
export function checkPackages(files: readonly PackageFile[]): {
  groups: PackageGroup[];
  findings: (Finding & { file: string })[];
} {
  const groups = groupPackages(files);
  return {
    groups,
    findings: [
      ...groups.flatMap((g) => checkGroup(files, g)),
      ...contractDuplicates(files, groups),
    ],
  };
}
