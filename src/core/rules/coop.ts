/**
 * Rules of the 协作配套 lists (../shared/spec/tables.md T4/T5): T4 “链主”企业____年度协作配套企业清单
 * (`leader-suppliers`, 附件1 六(十); 附件2 四(四)6(6)) and T5 链上企业____年度围绕“链主”企业协作配套交易明细表
 * (`member-transactions`, 附件1 六(十一); 附件2 四(四)6(7)). The year figures are the workbook's fact the engine hands
 * over (`WorkbookContext.facts.coop`, facts/coop.ts).
 */
import { COOP_TYPES, enumKey, matchEnum } from "../catalog";
import { isBlank } from "../model/grid";
import { suggestListValue } from "../meaning/suggest";
import { readPlace } from "../names/place";
import { formatDate, readOrgCode } from "../parse";
import type { ParseReason } from "../parse/reasons";
import { COOP_YEARS, type CoopYear } from "../catalog/years";
import {
  coopRows,
  type CoopListAnalysis,
  type Partner,
  type Progress,
  type YearRow,
} from "../facts/coop";
import { defineRule } from "./types";
import { dateOf, num, text, type WorkbookContext } from "../model/table";

const LISTS = ["leader-suppliers", "member-transactions"] as const;
/** True for one of the three 协作配套类型 (填写说明2); quotes and spaces ignored, so the official `“消纳配套”和“供应配套”` counts. */
export function isCoopType(value: string): boolean {
  return matchEnum(value, COOP_TYPES) !== undefined;
}

/** What a 备注 says about “2024年新增协作配套企业（年度交易金额500万元以上）” (填写说明4): new, not new, or nothing. */
export function newMarkOf(remark: string): "new" | "not-new" | undefined {
  const s = enumKey(remark);
  if (!s) return undefined;
  if (
    /^(否|不是|非)/.test(s) ||
    /(不是|不属于|并非|非)(2024年度?)?新增/.test(s)
  )
    return "not-new";
  if (s === "是" || s.includes("新增")) return "new";
  return undefined;
}

/** The workbook's 情况表 applies for “链主”企业新增协作配套奖励 (direction or 项目名称, quotes ignored). */
function appliesForNewPartners(workbook: WorkbookContext): boolean {
  return workbook.tables
    .filter((t) => t.table.id === "project-info")
    .some((t) =>
      t.rows.some((r) =>
        enumKey(`${text(r, "direction")}|${text(r, "projectName")}`).includes(
          "链主企业新增协作配套奖励",
        ),
      ),
    );
}

/** Year figures as message params: a2022…a2024 (已开发票金额 sums), c2022…c2024 (合同金额 sums), in 万元. */
export type YearFigures = Record<`${"a" | "c"}${CoopYear}`, number>;

/** Params of COOP-PLACE: the 所在地 typed and what it lacks. */
export type PlaceParams = { value: string } & (
  | { kind: "city"; city: string }
  | { kind: "mismatch"; county: string; within: string }
  | { kind: "none" }
);

/** Params of COOP-NEW-MARK: a partner's figures and how its 备注 mark differs from them. */
export type NewMarkParams = YearFigures & { name: string } & (
    | { kind: "mark-new" }
    | { kind: "mark-not-new" }
    | { kind: "unmarked"; applying: 0 | 1 }
  );

/** Params of COOP-TIER: a tier first reached in 2024, per partner or for the list's total. */
export type TierParams = YearFigures & {
  list: "leader-suppliers" | "member-transactions";
  /** The tier reached in 2024 and the highest of 2022/2023, 万元. */
  tier: number | undefined;
  prev: number | undefined;
} & (
    | { scope: "partner"; name: string }
    | { scope: "total"; chain: string | undefined }
  );

/** The {@link YearFigures} of a partner or a list's total. */
function yearParams(p: Progress): YearFigures {
  const out = {} as YearFigures;
  for (const y of COOP_YEARS) {
    out[`a${y}`] = p.years[y].invoice;
    out[`c${y}`] = p.years[y].contract;
  }
  return out;
}

/** The analyses of the lists that have all three year sheets. */
function completeLists(workbook: WorkbookContext): CoopListAnalysis[] {
  const { leader, member } = workbook.facts.coop;
  return [leader, member].filter(
    (a): a is CoopListAnalysis => a !== undefined && a.complete,
  );
}

/** The partner's first row on a 2024 sheet (where its findings go). */
function first2024(p: Partner): YearRow | undefined {
  return p.rows.find((r) => r.year === 2024);
}

export const COOP_RULES = [
  defineRule<{ value: string; suggest?: string }>()({
    code: "COOP-TYPE",
    severity: "error",
    source: "附件2 协作配套表 填写说明2",
    tables: LISTS,
    row(row, _table, emit) {
      const value = text(row, "coopType");
      if (value && !row.merged.coopType && !isCoopType(value))
        emit({
          row: row.row,
          col: "coopType",
          params: {
            value,
            ...((near) => (near ? { suggest: near } : {}))(
              suggestListValue(value, COOP_TYPES),
            ),
          },
        });
    },
  }),
  defineRule<{ reason: ParseReason }>()({
    code: "COOP-CODE",
    severity: "error",
    source: "附件2 四(四)6(6)；GB 11714、GB 32100",
    tables: ["leader-suppliers"],
    row(row, _table, emit) {
      const cell = row.cells.orgCode;
      // empty: ROW-REQUIRED; error value: FORMULA-ERROR; a merged copy: reported on the area's first cell
      if (isBlank(cell) || cell?.e || row.merged.orgCode) return;
      const read = readOrgCode(cell);
      if (!read.ok)
        emit({
          row: row.row,
          col: "orgCode",
          params: { reason: read.reason },
        });
    },
  }),
  defineRule<PlaceParams>()({
    code: "COOP-PLACE",
    severity: "warning",
    source: "附件2 协作配套表 填写说明3",
    tables: ["leader-suppliers"],
    row(row, _table, emit) {
      const value = text(row, "location");
      if (!value || row.merged.location) return;
      const place = readPlace(value);
      if (place.kind === "county") return;
      const params: PlaceParams =
        place.kind === "city"
          ? { value, kind: "city", city: place.city }
          : place.kind === "mismatch"
            ? {
                value,
                kind: "mismatch",
                county: place.county,
                within: place.within,
              }
            : { value, kind: "none" };
      emit({ row: row.row, col: "location", params });
    },
  }),
  defineRule<{ invoice: number; contract: number }>()({
    code: "COOP-INVOICE-OVER",
    severity: "warning",
    source: "附件2 四(四)6(6)、6(7)",
    tables: LISTS,
    row(row, _table, emit) {
      const invoice = num(row, "invoiceAmount");
      const contract = num(row, "contractAmount");
      if (
        invoice !== undefined &&
        contract !== undefined &&
        invoice > contract &&
        !row.merged.invoiceAmount
      )
        emit({
          row: row.row,
          col: "invoiceAmount",
          params: { invoice, contract },
        });
    },
  }),
  defineRule<{ date: string; year: number | undefined }>()({
    code: "COOP-CONTRACT-DATE",
    severity: "warning",
    source: "附件2 协作配套表 填写说明1",
    tables: LISTS,
    row(row, table, emit) {
      const date = dateOf(row, "contractDate");
      if (
        date &&
        table.year !== undefined &&
        date.y > table.year &&
        !row.merged.contractDate
      )
        emit({
          row: row.row,
          col: "contractDate",
          params: { date: formatDate(date), year: table.year },
        });
    },
  }),
  defineRule<
    | { kind: "unknown" }
    | { kind: "other"; year: number }
    | { kind: "missing"; missing: string }
  >()({
    code: "COOP-YEARS",
    severity: "error",
    source: "附件2 协作配套表 填写说明1",
    tables: LISTS,
    workbook(workbook, emit) {
      for (const id of LISTS) {
        const own = workbook.tables.filter((t) => t.table.id === id);
        if (own.length === 0) continue;
        for (const t of own) {
          if (t.year === undefined) emit(t, { params: { kind: "unknown" } });
          else if (!(COOP_YEARS as readonly number[]).includes(t.year))
            emit(t, {
              params: { kind: "other", year: t.year },
            });
        }
        const missing = COOP_YEARS.filter(
          (y) => !own.some((t) => t.year === y),
        );
        if (missing.length > 0)
          emit(own[0], {
            params: {
              kind: "missing",
              missing: missing.map((y) => `${y}年`).join("、"),
            },
          });
      }
    },
  }),
  defineRule<NewMarkParams>()({
    code: "COOP-NEW-MARK",
    severity: "info",
    source: "附件2 协作配套表 填写说明4",
    tables: ["leader-suppliers"],
    workbook(workbook, emit) {
      const leader = workbook.facts.coop.leader;
      if (!leader?.complete || !leader.netNew) return;
      const applying = appliesForNewPartners(workbook);
      const newOnes = new Set(leader.netNew.newPartners);
      for (const p of leader.partners) {
        const rows2024 = p.rows.filter((r) => r.year === 2024);
        const marked = rows2024
          .map((r) => ({ r, mark: newMarkOf(text(r.row, "remark")) }))
          .filter((m) => m.mark !== undefined);
        const params = { name: p.name, ...yearParams(p) };
        const isNew = newOnes.has(p);
        for (const { r, mark } of marked) {
          if ((mark === "new") !== isNew)
            emit(r.table, {
              row: r.row.row,
              col: "remark",
              severity: "warning",
              params: {
                ...params,
                kind: mark === "new" ? "mark-new" : "mark-not-new",
              },
            });
        }
        const at = rows2024[0];
        if (isNew && marked.length === 0 && at)
          emit(at.table, {
            row: at.row.row,
            col: "remark",
            severity: applying ? "warning" : "info",
            params: { ...params, kind: "unmarked", applying: applying ? 1 : 0 },
          });
      }
    },
  }),
  defineRule<TierParams>()({
    code: "COOP-TIER",
    severity: "info",
    source: "附件1 六(十)、六(十一)",
    tables: LISTS,
    workbook(workbook, emit) {
      for (const list of completeLists(workbook)) {
        for (const p of list.partners) {
          const at = first2024(p);
          if (p.newTier === undefined || !at) continue;
          emit(at.table, {
            row: at.row.row,
            col: "invoiceAmount",
            params: {
              scope: "partner",
              list: list.tableId,
              name: p.name,
              tier: p.newTier,
              prev: p.previousTier,
              ...yearParams(p),
            },
          });
        }
        emit(list.sheets[2024][0], {
          params: {
            scope: "total",
            list: list.tableId,
            chain: list.chain?.chain,
            tier: list.total.newTier,
            prev: list.total.previousTier,
            ...yearParams(list.total),
          },
        });
      }
    },
  }),
  defineRule<{
    n2022: number;
    n2023: number;
    n2024: number;
    a: number;
    b: number;
    names: string;
    conservative: number;
  }>()({
    code: "COOP-NET-NEW",
    severity: "info",
    source: "附件1 六(十)",
    tables: ["leader-suppliers"],
    workbook(workbook, emit) {
      const leader = workbook.facts.coop.leader;
      if (!leader?.complete || !leader.netNew) return;
      const { counts, a, newPartners, conservative } = leader.netNew;
      emit(leader.sheets[2024][0], {
        params: {
          n2022: counts[2022],
          n2023: counts[2023],
          n2024: counts[2024],
          a,
          b: newPartners.length,
          names: newPartners.map((p) => p.name).join("、"),
          conservative,
        },
      });
    },
  }),
  defineRule<{ value: string; chain: string; from: string }>()({
    code: "COOP-SAME-CHAIN",
    severity: "warning",
    source: "附件1 六(十一)",
    tables: ["member-transactions"],
    workbook(workbook, emit) {
      const member = workbook.facts.coop.member;
      if (!member) return;
      for (const [t, applicant] of member.chains) {
        if (!applicant) continue;
        for (const { row, chain } of coopRows(t)) {
          if (
            chain !== undefined &&
            chain !== applicant.chain &&
            !row.merged.chain
          )
            emit(t, {
              row: row.row,
              col: "chain",
              params: {
                value: text(row, "chain"),
                chain: applicant.chain,
                from: applicant.from,
              },
            });
        }
      }
    },
  }),
] as const;
