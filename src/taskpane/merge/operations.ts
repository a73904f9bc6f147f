import type { MergeResult } from "../../core/merge";
import type { InsertResult } from "../operations";

/**
 * What the 合并汇总 tab asks of Excel (implemented with Office.js by `createMergeOperations()` in
 * src/excel/writeMerged.ts; fakes in tests). The component never calls Office.js itself.
 */
export interface MergeOperations {
  /**
   * Writes a merge into the open workbook as new sheets (申报汇总表, 免申即享汇总表, 合并日志, 审核结果), never
   * overwriting a sheet.
   * @returns the created sheet names, or `{ ok: false, message }` (Chinese) — it does not throw
   */
  writeMerged(result: MergeResult): Promise<InsertResult>;
}
