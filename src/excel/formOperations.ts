import type { Cell } from "../core/model/grid";
import type { FormOperations } from "../ports";
import { chineseYearMonth } from "../core/forms/date";
import {
  insertEligibilitySheet,
  insertExemptApplication,
  insertReportForms,
} from "./insertForms";
import { eligibilityFromWorkbook } from "../core/forms/received";
import type { WorkbookEligibility } from "../ports";
import { readOpenWorkbook } from "./check/read";
import { asOperationError } from "./officeErrors";
import { assertExcelApi } from "./requirements";

/**
 * Reads the open workbook (readOpenWorkbook's syncs, no write) for the 资格自检 answers it holds.
 * @throws OperationError `读取工作簿失败：…`
 */
async function readEligibility(
  direction?: string,
): Promise<WorkbookEligibility | undefined> {
  assertExcelApi("读取工作簿");
  try {
    const open = await Excel.run((context) => readOpenWorkbook(context));
    const found = eligibilityFromWorkbook(open.workbook, direction);
    if (!found) return undefined;
    const { from } = found;
    return {
      direction: found.direction,
      answers: Object.fromEntries(
        Object.entries(from.answers).map(([k, c]) => [k, String(c?.v ?? "")]),
      ),
      ...(from.chain ? { chain: from.chain } : {}),
      filled: [
        ...from.filled.map((f) => `${f.label}“${f.text}”（${f.source}）`),
        ...(from.chain
          ? [`所属省级重点产业链“${from.chain}”（项目名称）`]
          : []),
      ],
    };
  } catch (err) {
    throw asOperationError("读取工作簿", err);
  }
}

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
    eligibilityFromWorkbook: readEligibility,
  };
}
