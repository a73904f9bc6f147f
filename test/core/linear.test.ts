/**
 * Work grows with the input, not faster: doubling the rows of one enterprise's 申报汇总表 (the grouping case of the
 * MERGE-* rules), or the sheets of a workbook, costs less than 3 times as much. Measured as the process's CPU time
 * (not wall time: this machine is shared), the least of three runs per size, so that a collection, a cold JIT or a busy
 * neighbour does not decide; a quadratic step costs 4 times as much per doubling at these sizes, a linear one 2.
 */
import { mergeFiles } from "../../src/core/merge";
import { checkWorkbook } from "../../src/core/check/engine";
import { reviewLayout } from "../../src/core/review/reviewReport";
import type { Workbook } from "../../src/core/model/grid";
import {
  sheetFromRows,
  tableSheet,
  workbookOf,
  type CellInput,
} from "../helpers/sheet";

/** A 情况表 row of one enterprise; every third applies for 两化融合 (MERGE-LIANGHUA groups them). */
function row(i: number, enterpriseName: string): Record<string, CellInput> {
  return {
    seq: i + 1,
    city: "晋城市",
    county: "泽州县",
    enterpriseName,
    special: "企业增量提质专项",
    direction: i % 3 ? "链上企业协作配套奖励" : "两化融合管理体系贯标",
    projectName: `技术改造项目${i}`,
    nature: "民营企业",
    category: "战略性新兴产业",
    industry: "高端装备制造",
    contact: "冯工 13835610011",
  };
}

/** CPU milliseconds of `work`. */
function cpuMs(work: () => void): number {
  const start = process.cpuUsage();
  work();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/**
 * Per size, the least CPU time of three runs of `work` on the input made for it (runs interleaved across sizes).
 * @returns the ratios of each size's time to the previous size's
 */
function growth<T>(
  sizes: readonly number[],
  make: (n: number) => T,
  work: (input: T) => void,
): number[] {
  const inputs = sizes.map(make);
  const best = sizes.map(() => Infinity);
  for (let round = 0; round < 3; round++)
    inputs.forEach((input, i) => {
      best[i] = Math.min(
        best[i]!,
        cpuMs(() => work(input)),
      );
    });
  return best.slice(1).map((t, i) => t / best[i]!);
}

const oneEnterprise = (n: number): Workbook =>
  workbookOf(
    [
      tableSheet(
        "application-summary",
        Array.from({ length: n }, (_, i) => row(i, "晋城市某某机械有限公司")),
      ),
    ],
    "汇总.xlsx",
  );

test("checking, merging and reporting 10,000 → 20,000 → 40,000 rows of one enterprise: each doubling < 3× the CPU time", () => {
  // mergeFiles checks each table with every rule (MERGE-* included) before merging.
  const ratios = growth([10_000, 20_000, 40_000], oneEnterprise, (wb) => {
    const merged = mergeFiles([
      { fileName: wb.fileName, read: { ok: true, workbook: wb } },
    ]);
    reviewLayout(merged.checks);
  });
  for (const r of ratios) expect(r).toBeLessThan(3);
}, 300_000);

/** A workbook of `n` sheets: every other one a 情况表 of one row, the others a note that is no table. */
const manySheets = (n: number): Workbook =>
  workbookOf(
    Array.from({ length: n }, (_, i) =>
      i % 2
        ? tableSheet("project-info", [row(i, `企业${i}`)], { name: `表${i}` })
        : sheetFromRows(`说明${i}`, [["说明"], [`第${i}页`]]),
    ),
    "多表.xlsx",
  );

test("checking, merging and reporting a workbook of 2,500 → 5,000 → 10,000 sheets: each doubling < 3× the CPU time", () => {
  const ratios = growth([2_500, 5_000, 10_000], manySheets, (wb) => {
    checkWorkbook(wb);
    const merged = mergeFiles([
      { fileName: wb.fileName, read: { ok: true, workbook: wb } },
    ]);
    reviewLayout(merged.checks);
  });
  for (const r of ratios) expect(r).toBeLessThan(3);
}, 300_000);
