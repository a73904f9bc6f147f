/**
 * Rules of the “免申即享”申报汇总表 (附件4) for 试点示范奖励 (附件1 六(七)): one new programme a year, approved in
 * 2024, not rewarded before, and the cumulative list consistent with the 2024 list and the count.
 */
import { DEMO_PROGRAMMES, enumKey } from "../catalog";
import { demonstrationLevelOf } from "../meaning/demonstrationLevel";
import { defineRule } from "./types";
import { num, text, type DataRow } from "../model/table";

const TABLES = ["exempt-summary"] as const;
const YEAR_2024 = ["demo2024_1", "demo2024_2", "demo2024_3"] as const;
const CUMULATIVE = [
  "demonstrationCum_1",
  "demonstrationCum_2",
  "demonstrationCum_3",
] as const;
const PROGRAMMES = Object.values(DEMO_PROGRAMMES).flat();

/** Separators between several names typed in one cell. */
const SEPARATORS = /[、，,；;/\n]|和|及/;

/** A cumulative entry `试点示范名称+获批年度`, e.g. `绿色工厂（2023年）`, `绿色工厂 2023`, `2023年绿色工厂`. */
export function splitNameYear(entry: string): { name: string; year?: number } {
  const years = [...entry.matchAll(/(\d{4})\s*年?(度)?/g)];
  const last = years.at(-1);
  const name = enumKey(
    entry.replace(/[（(]?\s*\d{4}\s*年?度?\s*[)）]?/g, ""),
  ).replace(/[+＋]$/, "");
  return last ? { name, year: Number(last[1]) } : { name };
}

/** The non-empty texts of columns `keys` of a row, with their keys. */
function names<K extends string>(
  row: DataRow<K>,
  keys: readonly NoInfer<K>[],
): { key: K; value: string }[] {
  return keys
    .map((key) => ({ key, value: text(row, key) }))
    .filter((x) => x.value !== "");
}

/**
 * Same programme: equal comparable forms of the names without their 获批年度, so that `绿色工厂`, `绿色工厂（2024）` and
 * `绿色工厂2024年` are one programme.
 */
function same(a: string, b: string): boolean {
  return splitNameYear(a).name === splitNameYear(b).name;
}

/** Near match: one name contains the other (e.g. `国家级绿色工厂` and `绿色工厂`), years left out. */
function near(a: string, b: string): boolean {
  const x = splitNameYear(a).name;
  const y = splitNameYear(b).name;
  return x.length > 1 && y.length > 1 && (x.includes(y) || y.includes(x));
}

const onePerYear = defineRule<{ value: string; count: number }>()({
  code: "DEMO-ONE-PER-YEAR",
  severity: "error",
  source: "附件1 六(七)",
  tables: TABLES,
  row(row, _t, emit) {
    const v = text(row, "demonstrationApplied");
    const parts = v.split(SEPARATORS).filter((s) => s.trim() !== "");
    if (parts.length > 1)
      emit({
        row: row.row,
        col: "demonstrationApplied",
        params: { value: v, count: parts.length },
      });
  },
});

const inList = defineRule<{ value: string; near: string; listed: string }>()({
  code: "DEMO-IN-2024-LIST",
  severity: "error",
  source: "附件1 六(七)；附件4",
  tables: TABLES,
  row(row, _t, emit) {
    const applied = text(row, "demonstrationApplied");
    if (applied === "" || SEPARATORS.test(applied)) return;
    const approved = names(row, YEAR_2024).map((x) => x.value);
    if (approved.some((n) => same(n, applied))) return;
    const close = approved.find((n) => near(n, applied));
    emit({
      row: row.row,
      col: "demonstrationApplied",
      params: {
        value: applied,
        near: close ?? "",
        listed: approved.join("、"),
      },
      ...(close ? { severity: "warning" as const } : {}),
    });
  },
});

const count = defineRule<{ value: number; listed: number }>()({
  code: "DEMO-COUNT",
  severity: "warning",
  source: "附件4",
  tables: TABLES,
  row(row, _t, emit) {
    const n = num(row, "demonstrationCount");
    const listed = names(row, CUMULATIVE).length;
    if (n !== undefined && n !== listed)
      emit({
        row: row.row,
        col: "demonstrationCount",
        params: { value: n, listed },
      });
  },
});

const cumulative = defineRule<
  | { case: "late"; value: string; year: number }
  | { case: "missing"; value: string }
>()({
  code: "DEMO-CUMULATIVE",
  severity: "warning",
  source: "附件4",
  tables: TABLES,
  row(row, _t, emit) {
    const cum = names(row, CUMULATIVE).map((x) => ({
      ...x,
      ...splitNameYear(x.value),
    }));
    for (const c of cum)
      if (c.year !== undefined && c.year > 2024)
        emit({
          row: row.row,
          col: c.key,
          params: { case: "late", value: c.value, year: c.year },
        });
    for (const a of names(row, YEAR_2024))
      if (!cum.some((c) => same(c.name, a.value)))
        emit({
          row: row.row,
          col: a.key,
          params: { case: "missing", value: a.value },
        });
  },
});

const repeat = defineRule<{ value: string; year: number }>()({
  code: "DEMO-REPEAT",
  severity: "warning",
  source: "附件1 六(七)",
  tables: TABLES,
  row(row, _t, emit) {
    const applied = text(row, "demonstrationApplied");
    if (applied === "") return;
    const earlier = names(row, CUMULATIVE)
      .map((x) => splitNameYear(x.value))
      .find(
        (c) => c.year !== undefined && c.year < 2024 && same(c.name, applied),
      );
    if (earlier?.year !== undefined)
      emit({
        row: row.row,
        col: "demonstrationApplied",
        params: { value: applied, year: earlier.year },
      });
  },
});

/** Levels a name says that make it no national programme (省级/市级/县级, 山西省…, 太原市…). */
const LOCAL_LEVELS: Readonly<Record<string, string>> = {
  provincial: "省级",
  municipal: "市级",
  county: "县级",
};

const kind = defineRule<{
  value: string;
  /** 省级, 市级 or 县级 when the name is a local programme, with the word that says so. */
  level?: string;
  word?: string | undefined;
  programme?: string | undefined;
}>()({
  code: "DEMO-KIND",
  severity: "warning",
  source: "附件1 六(七)",
  tables: TABLES,
  row(row, _t, emit) {
    for (const { key, value } of names(row, [
      "demonstrationApplied",
      ...YEAR_2024,
      ...CUMULATIVE,
    ])) {
      if (SEPARATORS.test(value)) continue;
      const reading = demonstrationLevelOf(
        splitNameYear(value).name,
        PROGRAMMES,
      );
      const local = LOCAL_LEVELS[reading.level];
      if (local !== undefined)
        emit({
          row: row.row,
          col: key,
          severity: "error",
          params: {
            value,
            level: local,
            word: reading.word,
            programme: reading.programme,
          },
        });
      else if (reading.programme === undefined)
        emit({ row: row.row, col: key, params: { value } });
    }
  },
});

export const DEMONSTRATION_RULES = [
  onePerYear,
  inList,
  count,
  cumulative,
  repeat,
  kind,
] as const;
