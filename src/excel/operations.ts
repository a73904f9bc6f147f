import type { ExcelOperations } from "../taskpane/operations";
import { insertTemplate } from "./insertTemplate";

/**
 * The Office.js implementation of the task pane's {@link ExcelOperations}: turns the adapter's thrown
 * Chinese errors into `{ ok: false, message }` values for the UI.
 */
export function createExcelOperations(): ExcelOperations {
  return {
    async insertTable(tableId, years) {
      try {
        return { ok: true, sheets: await insertTemplate(tableId, { years }) };
      } catch (err) {
        return {
          ok: false,
          message: err instanceof Error ? err.message : String(err),
        };
      }
    },
  };
}
