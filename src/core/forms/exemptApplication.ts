/**
 * The enterprise's 山西省技术改造专项资金事项类项目（“免申即享”）申报表 (正文 二(三)1). The notice gives only the
 * city's 汇总表 (附件4); **reading** (tables.md T8): the 申报表 has the same columns without 序号, one row, and the
 * enterprise's seal line of the 情况表 instead of the 审核单位 line. It carries the 汇总表's mark, so that
 * recognition, the DEMO-* rules and the merge into 附件4 treat it as the 汇总表 read without 序号 (as they already
 * read such sheets). The 试点示范 columns offer the 附件1 六(七) list as a dropdown.
 */
import { getTable } from "../catalog/tables";
import type { TableDef } from "../catalog/types";
import { layoutTemplate, type TemplateLayout } from "../template";
import { programmeList } from "./eligibilitySheet";

/** Title of the enterprise's form (正文 二(三)1). */
export const EXEMPT_APPLICATION_TITLE =
  "山西省技术改造专项资金事项类项目（“免申即享”）申报表";

/** Columns that name a 试点示范 (dropdown of 附件1 六(七)). */
const PROGRAMME_KEYS = new Set([
  "demonstrationApplied",
  "demo2024_1",
  "demo2024_2",
  "demo2024_3",
]);

/** The form's table: the 汇总表's columns without 序号, its title and line. */
export function exemptApplicationTable(): TableDef {
  const summary = getTable("exempt-summary");
  return {
    ...summary,
    title: EXEMPT_APPLICATION_TITLE,
    lines: ["项目申报企业（单位）（公章）："],
    sheetName: "免申即享申报表",
    purpose: "试点示范奖励“免申即享”：企业填报的申报表（一行），报所在市工信局",
    columns: summary.columns.filter((c) => c.key !== "seq"),
  };
}

/** The layout of the one-row form; the 试点示范 columns get the 附件1 六(七) list. */
export function exemptApplicationLayout(): TemplateLayout {
  const table = exemptApplicationTable();
  const layout = layoutTemplate(table, { dataRows: 1 });
  const programmeCols = new Set(
    table.columns.flatMap((c, i) => (PROGRAMME_KEYS.has(c.key) ? [i] : [])),
  );
  const list = programmeList();
  return {
    ...layout,
    validations: [
      ...layout.validations.filter((v) => !programmeCols.has(v.range.s.c)),
      ...[...programmeCols].map((c) => ({
        range: {
          s: { r: layout.dataRows.first, c },
          e: { r: layout.dataRows.last, c },
        },
        rule: { kind: "list" as const, formula: list },
        prompt: {
          title: "国家级试点示范",
          message:
            "请从下拉列表中选择附件1 六(七)所列的国家级试点示范，或填写其名称。",
        },
        error: {
          style: "warning" as const,
          title: "不在下拉列表中",
          message:
            "通知所列纳入奖励范围的国家级试点示范见附件1 六(七)，请核实。",
        },
      })),
    ],
  };
}
