import type { TableId } from "../core/catalog";

/** Outcome of inserting a table: the sheets created, or a Chinese message saying why not. */
export type InsertResult =
  { ok: true; sheets: string[] } | { ok: false; message: string };

/**
 * What the task pane asks of Excel (implemented with Office.js in src/excel/operations.ts; fakes in tests).
 * Components receive it as a prop and never call Office.js themselves.
 */
export interface ExcelOperations {
  /**
   * Inserts the official template of a table as new worksheet(s), never overwriting a sheet.
   * @param tableId the table (catalog id)
   * @param years for tables with a year in the title (T4/T5): one sheet per year, e.g. [2022, 2023, 2024]
   * @returns the created sheet names, or `{ ok: false, message }` (Chinese) — it does not throw
   */
  insertTable(tableId: TableId, years?: number[]): Promise<InsertResult>;
}
