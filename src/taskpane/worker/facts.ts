/**
 * What the workbench's file overview shows of a checked file besides its counts: the enterprises it names (企业名称
 * lines of the tables, 企业（单位）名称 of 项目情况表 rows) and the 申报方向 of its 项目情况表 rows. Only the sheets
 * the check recognised as a table with project rows are read again.
 */
import type { TableId } from "../../core/catalog/types";
import type { Workbook } from "../../core/model/grid";
import { recognizeSheet } from "../../core/recognize";
import type { WorkbookReport } from "../../core/check/report";

/** Tables whose rows name an enterprise and a 申报方向 (附件2 二(一), 附件3, 附件4). */
const PROJECT_TABLES: ReadonlySet<TableId> = new Set([
  "project-info",
  "application-summary",
  "exempt-summary",
]);

/** The enterprises and 申报方向 of a checked workbook, each once, in the order met. */
export function fileFacts(
  wb: Workbook,
  report: WorkbookReport,
): { enterprises: string[]; directions: string[] } {
  const enterprises = new Set<string>();
  const directions = new Set<string>();
  for (const t of report.tables)
    if (t.enterprise) enterprises.add(t.enterprise);
  const projectSheets = new Set(
    report.tables
      .filter((t) => PROJECT_TABLES.has(t.table))
      .map((t) => t.sheet),
  );
  for (const sheet of wb.sheets) {
    if (!projectSheets.has(sheet.name)) continue;
    const recognised = recognizeSheet(sheet, wb.date1904);
    if (!recognised.ok) continue;
    for (const table of recognised.tables)
      for (const row of table.rows) {
        const name = row.values.enterpriseName;
        const direction = row.values.direction;
        if (typeof name === "string" && name) enterprises.add(name);
        if (typeof direction === "string" && direction)
          directions.add(direction);
      }
  }
  return { enterprises: [...enterprises], directions: [...directions] };
}
