/**
 * Inserts official templates into the open workbook (Office.js): one new worksheet per table (or per
 * year for T4/T5), drawn from core/template's layout, with the hidden list sheet behind the dropdowns.
 * One `Excel.run`; a read and one write request (plus one to turn this add-in's events back on), whatever the
 * number of sheets (newSheets.ts).
 */
import { getTable } from "../core/catalog/tables";
import type { TableId } from "../core/catalog/types";
import { layoutTemplate } from "../core/template";
import { drawLayout } from "./drawLayout";
import { addSheets } from "./newSheets";
import { assertExcelApi } from "./requirements";

/**
 * Inserts the template of `tableId` as new worksheets; existing sheets are never modified.
 * @param tableId the table (catalog id)
 * @param options.years for T4/T5 (`leader-suppliers`, `member-transactions`): one sheet per year, in
 *   the order given (e.g. `[2022, 2023, 2024]`); without years one sheet with the year left blank.
 *   Ignored for the other tables.
 * @returns the names of the created sheets (`新增贷款明细表`, or `新增贷款明细表(2)` when the name was taken)
 * @throws Error with a Chinese message: Excel too old (ExcelApi 1.9 missing), not in Excel, a foreign
 *   sheet named like our list sheet, or Excel refused the batch (its message is kept as `cause`)
 */
export async function insertTemplate(
  tableId: TableId,
  options: { years?: number[] } = {},
): Promise<string[]> {
  const table = getTable(tableId);
  const years: (number | undefined)[] =
    table.yearInTitle && options.years?.length ? options.years : [undefined];
  const layouts = years.map((year) =>
    layoutTemplate(table, year === undefined ? {} : { year }),
  );
  assertExcelApi();
  return addSheets(`插入《${table.title}》`, async (add, budget) => {
    const added: Excel.Worksheet[] = [];
    for (const layout of layouts) {
      const sheet = add(layout.sheetName);
      await drawLayout(sheet, layout, budget);
      added.push(sheet);
    }
    return added[0]!;
  });
}
