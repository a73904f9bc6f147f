/**
 * The Office.js implementation of the findings pane's {@link CheckOperations} (src/taskpane/checkOperations.ts).
 * Every operation checks the Excel version first (ExcelApi 1.9, requirements.ts) and turns failures into an
 * `OperationError` with a Chinese message naming the action (`检查失败：…`, officeErrors.ts), the original error kept
 * as `cause`.
 *
 * Syncs per operation: checkWorkbook 2 + one per 4 MB request of rows past the first 50 of each sheet (read.ts);
 * a live re-check ≤ 2 (live.ts); selectCell 2; marks ≤ 4; explanations 2 (read) / 3 (write); a plan 2 + requests;
 * applyFill 2; writeReviewSheet 2.
 */
import {
  explanationProblem,
  withExplanation,
  withoutExplanation,
} from "../../core/review/explanations";
import {
  planInterestFill,
  planRenumber,
  type FillPlan,
} from "../../core/fill/fillPlans";
import { recognizeSheet } from "../../core/recognize";
import { checkWorkbook } from "../../core/check/engine";
import type { TableContext } from "../../core/model/table";
import { type CheckOperations, OperationError } from "../../ports";
import { toOperationError } from "../officeErrors";
import { assertExcelApi } from "../requirements";
import { updateExplanations, readExplanations } from "./explanations";
import { applyFillPlan } from "./fill";
import { type LiveHandle, startLive } from "./live";
import { clearMarks, markFindings } from "./marks";
import { OwnWrites } from "./ownWrites";
import { readOpenWorkbook, readSheets } from "./read";
import { writeReviewSheet } from "./reviewSheet";

/** Options for tests: the live check's quiet time, the clock of 审核日期. */
export interface CheckOperationsOptions {
  delayMs?: number;
  now?: () => Date;
}

/** Runs an operation with the version check; any failure becomes an OperationError `${action}失败：…` (Chinese). */
async function attempt<T>(action: string, fn: () => Promise<T>): Promise<T> {
  try {
    assertExcelApi(action);
    return await fn();
  } catch (err) {
    throw toOperationError(action, err);
  }
}

/** Reads one sheet and recognises it as a table. @throws Error (Chinese) when it is not one */
async function tableOf(sheet: string): Promise<TableContext> {
  const [read] = await Excel.run((context) =>
    readSheets(context, [{ name: sheet, hidden: false }]),
  );
  const rec = recognizeSheet(read!.sheet, false);
  if (!rec.ok)
    throw new OperationError(
      "NotATable",
      `工作表“${sheet}”未识别为通知中的表格。`,
    );
  return rec.table;
}

/** The check operations on the open workbook (one instance per task pane). */
export function createCheckOperations(
  options: CheckOperationsOptions = {},
): CheckOperations {
  const ownWrites = new OwnWrites();
  let live: LiveHandle | undefined;
  const now = options.now ?? (() => new Date());

  return {
    checkWorkbook: () =>
      attempt("检查", async () =>
        checkWorkbook((await Excel.run((c) => readOpenWorkbook(c))).workbook),
      ),

    startLiveCheck: (onUpdate, onError) =>
      attempt("实时检查", async () => {
        await live?.stop();
        const handle = await startLive({
          onUpdate,
          ...(onError ? { onError } : {}),
          ownWrites,
          ...(options.delayMs !== undefined
            ? { delayMs: options.delayMs }
            : {}),
        });
        live = handle;
        return async () => {
          if (live === handle) live = undefined;
          try {
            await handle.stop();
          } catch (err) {
            throw toOperationError("停止实时检查", err);
          }
        };
      }),

    selectCell: (sheet, cell) =>
      attempt("定位单元格", () =>
        Excel.run(async (context) => {
          const sheets = context.workbook.worksheets;
          sheets.load("items/name,items/visibility");
          await context.sync();
          // A 差错清单 names the sheets of the file the enterprise sent: another workbook may not have them.
          const ws = sheets.items.find((s) => s.name === sheet);
          if (ws === undefined)
            throw new OperationError(
              "ItemNotFound",
              `本工作簿中没有工作表“${sheet}”。请打开报送的工作簿（差错清单中“文件”一栏），再定位到单元格 ${cell || "A1"}。`,
            );
          // Excel refuses to activate a hidden sheet; unhiding it would change the user's workbook.
          if (ws.visibility !== "Visible")
            throw new OperationError(
              "SheetHidden",
              `工作表“${sheet}”已隐藏。请先取消隐藏（右键单击任一工作表标签 → 取消隐藏），再定位到单元格 ${cell || "A1"}。`,
            );
          ws.activate();
          ws.getRange(cell || "A1").select();
          await context.sync();
        }),
      ),

    markFindings: (findings) => attempt("标记", () => markFindings(findings)),
    clearMarks: () => attempt("清除标记", () => clearMarks()),

    listExplanations: () => attempt("读取说明", () => readExplanations()),
    saveExplanation: (explanation, severity) =>
      attempt("保存说明", async () => {
        const problem = explanationProblem(explanation.text, severity);
        if (problem) throw new OperationError("Invalid", problem);
        const e = { ...explanation, text: explanation.text.trim() };
        await updateExplanations((list) => withExplanation(list, e), ownWrites);
      }),
    removeExplanation: (key) =>
      attempt("删除说明", () =>
        updateExplanations((list) => withoutExplanation(list, key), ownWrites),
      ),

    planInterestFill: (sheet) =>
      attempt("计算天数与利息", async () =>
        planInterestFill(await tableOf(sheet)),
      ),
    planRenumber: (sheet) =>
      attempt("重排序号", async () => planRenumber(await tableOf(sheet))),
    applyFill: (plan: FillPlan) =>
      attempt(
        plan.kind === "interest" ? "计算天数与利息" : "重排序号",
        async () => {
          const written = await applyFillPlan(plan, ownWrites);
          live?.wrote(
            plan.sheet,
            written.map((c) => ({ row: c.row, col: c.col, value: c.after })),
          );
          return written;
        },
      ),

    writeReviewSheet: (report, explanations) =>
      attempt("生成审核结果", () =>
        writeReviewSheet(report, explanations, ownWrites, now()),
      ),
  };
}
