/**
 * Rules across the rows of a 申报汇总表 (附件3) — the rows a city reviewer merges from the 情况表 it received.
 * They also run on a 情况表 with several rows.
 */
import { CITIES, enumKey } from "../catalog";
import { groupBy } from "../util/groupBy";
import { cityOf, directionOf } from "./info";
import { defineRule } from "./types";
import { text, type DataRow, type TableContext } from "../model/table";

const TABLES = ["application-summary", "project-info"] as const;

/** Params of a finding on a row that repeats an earlier one: the enterprise and the earlier row's Excel number. */
export interface DuplicateParams {
  value: string;
  firstRow: number;
}

function enterpriseKey(row: DataRow): string {
  return enumKey(text(row, "enterpriseName"));
}

/** Rows grouped by enterprise, in sheet order, skipping rows without a name. */
function byEnterprise(t: TableContext): Map<string, DataRow[]> {
  return groupBy(t.rows, (row) =>
    row.continuation ? undefined : enterpriseKey(row) || undefined,
  );
}

const duplicate = defineRule<DuplicateParams>()({
  code: "MERGE-DUP",
  severity: "warning",
  source: "附件3",
  tables: TABLES,
  table(t, emit) {
    const seen = new Map<string, DataRow>();
    for (const row of t.rows) {
      const key = [
        enterpriseKey(row),
        enumKey(text(row, "direction")),
        enumKey(text(row, "projectName")),
      ].join("|");
      if (key === "||" || enterpriseKey(row) === "") continue;
      const first = seen.get(key);
      if (first)
        emit({
          row: row.row,
          col: "enterpriseName",
          params: {
            value: text(row, "enterpriseName"),
            firstRow: first.row + 1,
          },
        });
      else seen.set(key, row);
    }
  },
});

const LEAD_NEW = "“链主”企业新增协作配套奖励";
const LEAD_STOCK = "“链主”企业存量协作配套提升奖励";

const leadChoice = defineRule<DuplicateParams>()({
  code: "MERGE-LEAD-CHOICE",
  severity: "error",
  source: "附件1 六(十)",
  tables: TABLES,
  table(t, emit) {
    for (const rows of byEnterprise(t).values()) {
      const stock = rows.find((r) => directionOf(r) === LEAD_STOCK);
      const fresh = rows.find((r) => directionOf(r) === LEAD_NEW);
      if (!stock || !fresh) continue;
      const later = stock.row > fresh.row ? stock : fresh;
      const earlier = later === stock ? fresh : stock;
      emit({
        row: later.row,
        col: "direction",
        params: {
          value: text(later, "enterpriseName"),
          firstRow: earlier.row + 1,
        },
      });
    }
  },
});

const LIANGHUA = "两化融合管理体系贯标";

const lianghua = defineRule<DuplicateParams>()({
  code: "MERGE-LIANGHUA",
  severity: "error",
  source: "附件1 四(一)",
  tables: TABLES,
  table(t, emit) {
    for (const rows of byEnterprise(t).values()) {
      const applied = rows.filter((r) => directionOf(r) === LIANGHUA);
      for (const row of applied.slice(1))
        emit({
          row: row.row,
          col: "direction",
          params: {
            value: text(row, "enterpriseName"),
            firstRow: applied[0]!.row + 1,
          },
        });
    }
  },
});

/** The city a reviewing unit (`审核单位（公章）：太原市工业和信息化局`) belongs to, if its name says. */
export function reviewerCity(unit: string | undefined): string | undefined {
  if (!unit) return undefined;
  const key = enumKey(unit);
  return CITIES.find(
    (c) =>
      key.includes(enumKey(c)) || key.startsWith(enumKey(c).replace(/市$/, "")),
  );
}

const city = defineRule<{
  value: string;
  unit: string | undefined;
  unitCity: string;
}>()({
  code: "MERGE-CITY",
  severity: "warning",
  source: "正文 二",
  tables: ["application-summary"],
  table(t, emit) {
    const unitCity = reviewerCity(t.reviewer);
    if (!unitCity) return;
    for (const row of t.rows) {
      const c = cityOf(text(row, "city"));
      if (c && c !== unitCity)
        emit({
          row: row.row,
          col: "city",
          params: { value: c, unit: t.reviewer, unitCity },
        });
    }
  },
});

export const MERGE_RULES = [duplicate, leadChoice, lianghua, city] as const;
