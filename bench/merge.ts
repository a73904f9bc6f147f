/**
 * The merge corpus of `npm run bench`: small workbooks as enterprises send them — each a 项目情况表 with one row (title,
 * enterprise line, header, row), written by SheetJS. bench/run.ts merges 1,000 of them with the whole `techfund merge`
 * process.
 */
import { promises as fs } from "fs";
import * as path from "path";
import * as XLSX from "@e965/xlsx";
import { getTable } from "../src/core/catalog/tables";

/** Valid 情况表 rows (所在市, 所在县, 申报专项, 申报方向, 项目名称, 性质, 行业分类, 所属行业) taken in turn. */
const PROJECTS: readonly string[][] = [
  [
    "太原市",
    "小店区",
    "企业增量提质专项",
    "链上企业协作配套奖励",
    "链上企业协作配套奖励（高端装备制造产业链）",
    "民营企业",
    "战略性新兴产业",
    "高端装备制造",
  ],
  [
    "晋城市",
    "泽州县",
    "企业增量提质专项",
    "制造业营收进档奖励",
    "制造业营收进档奖励（传统装备制造）",
    "地方国企",
    "传统优势产业",
    "传统装备制造",
  ],
  [
    "忻州市",
    "定襄县",
    "企业增量提质专项",
    "链上企业协作配套奖励",
    "链上企业协作配套奖励（高端装备制造产业链）",
    "民营企业",
    "战略性新兴产业",
    "高端装备制造",
  ],
  [
    "大同市",
    "平城区",
    "企业增量提质专项",
    "制造业营收进档奖励",
    "制造业营收进档奖励（传统装备制造）",
    "民营企业",
    "传统优势产业",
    "传统装备制造",
  ],
];

/** One 情况表 workbook with one row (title, enterprise line, header, row), as SheetJS writes it. */
function infoWorkbook(i: number): Uint8Array {
  const table = getTable("project-info");
  const [
    city,
    county,
    special,
    direction,
    project,
    nature,
    category,
    industry,
  ] = PROJECTS[i % PROJECTS.length]!;
  const name = `${city}示例${i + 1}号制造有限公司`;
  const phone = `138${String(10_000_000 + i).slice(-8)}`;
  const ws = XLSX.utils.aoa_to_sheet([
    [table.title],
    [`项目申报企业（单位）（公章）：${name}`],
    table.columns.map((c) => c.header),
    [
      1,
      city,
      county,
      "",
      name,
      special,
      direction,
      project,
      nature,
      category,
      industry,
      `联系人 ${phone}`,
    ],
  ]);
  ws["!merges"] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: 11 } }];
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, table.sheetName);
  return XLSX.write(wb, {
    type: "buffer",
    bookType: "xlsx",
    compression: true,
  }) as Uint8Array;
}

/** Writes `count` 情况表 workbooks into `dir` (created when missing). */
export async function writeInfoFiles(
  dir: string,
  count: number,
): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  for (let i = 0; i < count; i++)
    await fs.writeFile(
      path.join(dir, `情况表-${String(i + 1).padStart(4, "0")}.xlsx`),
      infoWorkbook(i),
    );
}
