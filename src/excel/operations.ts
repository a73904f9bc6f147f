import type { TemplateOperations } from "../ports";
import { insertTemplate } from "./insertTemplate";
import { asOperationError } from "./officeErrors";

/** The Office.js implementation of the 表格模板 port: failures become an OperationError (插入《…》失败：…). */
export function createTemplateOperations(): TemplateOperations {
  return {
    async insertTable(tableId, years) {
      try {
        return await insertTemplate(tableId, { years });
      } catch (err) {
        throw asOperationError("插入模板", err);
      }
    },
  };
}
