import type { Cell } from "../core/grid";
import type { FormOperations } from "../ports";
import { chineseYearMonth } from "../core/forms/date";
import {
  insertEligibilitySheet,
  insertExemptApplication,
  insertReportForms,
} from "./insertForms";
import { asOperationError } from "./officeErrors";

/** Runs an insert; any failure becomes an OperationError (`${action}失败：…`). */
async function inserted(
  action: string,
  make: () => Promise<string[]>,
): Promise<string[]> {
  try {
    return await make();
  } catch (err) {
    throw asOperationError(action, err);
  }
}

/** The Office.js implementation of {@link FormOperations}: new sheets in the open workbook, never overwriting. */
export function createFormOperations(
  now: () => Date = () => new Date(),
): FormOperations {
  return {
    reportForms: () => {
      const d = now();
      return inserted("插入申请报告表样", () =>
        insertReportForms(chineseYearMonth(d.getFullYear(), d.getMonth() + 1)),
      );
    },
    exemptApplication: () =>
      inserted("插入“免申即享”申报表", () => insertExemptApplication()),
    eligibility: (direction, answers, chain) =>
      inserted("插入资格自检表", () =>
        insertEligibilitySheet(
          direction,
          Object.fromEntries(
            Object.entries(answers).map(([k, v]): [string, Cell] => [k, { v }]),
          ),
          chain,
        ),
      ),
  };
}
