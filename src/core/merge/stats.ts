/**
 * The 统计 sheet of a merge: per 所在市, per 申报专项 and per 申报方向, the number of applications (rows of the
 * 申报汇总表) and the sums of the 万元 columns of the detail tables the enterprises sent with them (贷款金额, 利息,
 * 保费, 租赁费用, 交易额 …). A detail table counts for an application of the same enterprise (core/check/package.ts
 * grouping) whose 申报方向 the table belongs to, so a 贷款明细表 adds to 产业链贷款贴息 only. Pure; drawn by the
 * 审核结果 writer (a {@link ReviewSheet}).
 */
import { getTable } from "../catalog/tables";
import { DIRECTION_OF_TABLE } from "../check/package";
import type { ReviewSheet } from "../review/reviewReport";
import { cellText } from "../model/grid";
import type { MergeResult } from "./types";

/** The columns of the 申报汇总表 (附件3), whose cells the merged rows hold in this order. */
const COLUMNS = getTable("application-summary").columns;

/** Sheet name of the statistics. */
export const STATS_SHEET_NAME = "统计";

/** One line of the statistics before it becomes a row. */
interface Line {
  applications: number;
  sums: Map<string, number>;
}

/** Rounds to 4 decimals (万元 to the yuan), so that sums of many rows show no binary noise. */
function round4(x: number): number {
  return Math.round(x * 10000) / 10000;
}

/**
 * The 统计 sheet of a merge: columns 统计口径, 名称, 申报项目数, then one column per 万元 header found (in order of
 * first appearance); rows grouped by 所在市, then 申报专项, then 申报方向 (each in order of first appearance in the
 * merged table), and a 合计 row.
 */
export function mergeStatsSheet(result: MergeResult): ReviewSheet {
  const checkByFile = new Map(
    result.checks.flatMap((c) => (c.status === "ok" ? [[c.file, c]] : [])),
  );
  const groupOf = new Map<number, number[]>();
  for (const g of result.packages)
    for (const i of g.files) groupOf.set(i, g.files);
  const headers: string[] = [];
  const dims = ["所在市", "申报专项", "申报方向"] as const;
  const lines = dims.map(() => new Map<string, Line>());
  const total: Line = { applications: 0, sums: new Map() };
  const add = (line: Line, sums: Map<string, number>) => {
    line.applications++;
    for (const [h, v] of sums) line.sums.set(h, (line.sums.get(h) ?? 0) + v);
  };
  for (const row of result.summary.rows) {
    const value = (key: string) => {
      const i = COLUMNS.findIndex((c) => c.key === key);
      return i >= 0 ? cellText(row.cells[i]).trim() : "";
    };
    const direction = value("direction");
    const sums = new Map<string, number>();
    for (const input of groupOf.get(row.source.input) ?? [row.source.input]) {
      const check = checkByFile.get(result.log[input]?.file ?? "");
      if (!check || check.status !== "ok") continue;
      for (const t of check.report.tables) {
        const own = DIRECTION_OF_TABLE[t.table];
        if (!own || !own.includes(direction)) continue;
        for (const [h, v] of Object.entries(t.totals)) {
          if (!headers.includes(h)) headers.push(h);
          sums.set(h, (sums.get(h) ?? 0) + v);
        }
      }
    }
    dims.forEach((d, k) => {
      const name =
        value(
          d === "所在市" ? "city" : d === "申报专项" ? "special" : "direction",
        ) || "（未填写）";
      const line = lines[k]!.get(name) ?? { applications: 0, sums: new Map() };
      lines[k]!.set(name, line);
      add(line, sums);
    });
    add(total, sums);
  }
  const cells = (dim: string, name: string, line: Line) => [
    dim,
    name,
    line.applications,
    ...headers.map((h) => round4(line.sums.get(h) ?? 0)),
  ];
  return {
    name: STATS_SHEET_NAME,
    columns: [
      { header: "统计口径", width: 10 },
      { header: "名称", width: 34, wrap: true },
      { header: "申报项目数", width: 10 },
      ...headers.map((h) => ({
        header: `${h}（万元）`,
        width: 16,
        wrap: true,
      })),
    ],
    rows: [
      ...dims.flatMap((d, k) =>
        [...lines[k]!].map(([name, line]) => ({ cells: cells(d, name, line) })),
      ),
      { cells: cells("合计", "", total) },
    ],
  };
}
