/**
 * Office.js errors in Chinese (错误说明): every error code a user of this add-in can meet (Excel.ErrorCodes and
 * OfficeExtension.ErrorCodes of @types/office-js, plus the web's request size limit) worded for the user, so the pane
 * never shows Excel's raw (often English) text. The code stays on the {@link OperationError} for the self-test.
 */
import { isOperationError, OperationError } from "../ports";

/** Passes an OperationError through unchanged (already worded by a deeper step), wraps anything else. */
export function asOperationError(action: string, err: unknown): OperationError {
  return isOperationError(err) ? err : toOperationError(action, err);
}

/** What the user reads for each Office.js error code. */
export const OFFICE_ERROR_TEXT: Readonly<Record<string, string>> = {
  AccessDenied:
    "Excel 拒绝访问：工作簿或工作表可能受保护，或为只读。请撤销保护或另存一份后再试。",
  ActivityLimitReached: "Excel 暂时忙不过来（操作过多）。请稍候再试。",
  ApiNotFound:
    "当前 Excel 版本缺少本操作需要的功能。请升级到 Microsoft 365 或使用 Excel 网页版。",
  CannotRegisterEvent:
    "Excel 未能登记实时检查所需的事件。请关闭任务窗格后重新打开。",
  Conflict: "工作簿正被他人同时编辑，操作发生冲突。请稍候再试。",
  ConnectionFailure: "与 Excel 的连接中断。请关闭任务窗格后重新打开。",
  DirtySupportingFormula: "相关公式尚未计算完成。请稍候再试。",
  FilteredRangeConflict: "操作与已筛选的区域冲突。请先清除筛选后再试。",
  FormulaLengthExceedsLimit: "公式过长，超出 Excel 的限制。",
  GeneralException:
    "Excel 内部出错，本次操作未完成。请再试一次；仍不成功时请保存并重新打开工作簿。",
  InactiveWorkbook:
    "工作簿当前不可用（可能已关闭或在后台）。请切换回该工作簿后再试。",
  InsertDeleteConflict: "插入或删除操作与表格、筛选或合并单元格冲突。",
  InvalidArgument:
    "Excel 不接受本次写入的参数（数据格式或范围不符）。工作簿未被修改。",
  InvalidBinding: "绑定的区域已失效。",
  InvalidObjectPath:
    "要操作的工作表或区域已不存在（可能刚被删除或改名）。请重新检查后再试。",
  InvalidOperation: "Excel 当前不允许该操作。",
  InvalidOperationInCellEditMode:
    "您正在编辑单元格。请按 Enter 或 Esc 结束编辑后再试。",
  InvalidReference: "引用的区域无效（可能已被删除）。",
  InvalidRequestContext: "与 Excel 的会话已失效。请关闭任务窗格后重新打开。",
  InvalidSelection: "当前选择的区域不能执行该操作。",
  InvalidState: "Excel 当前状态不允许该操作。请稍候再试。",
  ItemAlreadyExists: "同名的工作表或名称已存在。",
  ItemNotFound: "找不到要操作的工作表、区域或名称（可能已被删除或改名）。",
  MergedRangeConflict: "操作与合并单元格冲突。请先取消相关单元格的合并后再试。",
  NonBlankCellOffSheet: "插入会把有内容的单元格挤出工作表边界。",
  NotAllowed: "Excel 不允许该操作。",
  NotImplemented:
    "当前 Excel 版本未实现该功能。请升级到 Microsoft 365 或使用 Excel 网页版。",
  NotSupported: "当前 Excel 不支持该操作。",
  OperationAborted: "操作已被取消。",
  OperationCellsExceedLimit: "一次操作涉及的单元格过多，超出 Excel 的限制。",
  PivotTableRangeConflict: "操作与数据透视表冲突。",
  PropertyNotLoaded:
    "读取工作簿时出错（数据未载入）。请重新检查；仍不成功时请报告此问题。",
  RangeExceedsLimit: "区域过大，超出 Excel 的限制。",
  RequestAborted: "请求被中断（可能网络中断或工作簿已关闭）。请再试一次。",
  RequestPayloadSizeLimitExceeded:
    "一次传给 Excel 的数据超过 5 MB 上限（Excel 网页版的限制）。",
  ResponsePayloadSizeLimitExceeded:
    "Excel 一次返回的数据超过 5 MB 上限（Excel 网页版的限制）。",
  RunMustReturnPromise: "加载项内部错误（批处理未返回）。请报告此问题。",
  UnsupportedFeature:
    "工作簿中含有 Excel 网页版不支持的功能。请在 Excel 桌面版中打开后再试。",
  UnsupportedOperation: "当前 Excel 不支持该操作。",
  UnsupportedSheet: "该类型的工作表（如图表工作表、宏表）不支持此操作。",
  ValueNotLoaded:
    "读取工作簿时出错（数据未载入）。请重新检查；仍不成功时请报告此问题。",
};

/** The Office.js error code of a thrown value (`err.code` of an OfficeExtension.Error), or undefined. */
export function officeErrorCode(err: unknown): string | undefined {
  if (typeof err !== "object" || err === null) return undefined;
  const code = (err as { code?: unknown }).code;
  return typeof code === "string" && code !== "" ? code : undefined;
}

/** The Chinese text of an Office.js error code; a generic sentence naming the code for one not listed. */
export function officeErrorText(code: string): string {
  return (
    OFFICE_ERROR_TEXT[code] ??
    `Excel 返回错误（代码 ${code}），本次操作未完成。`
  );
}

/**
 * Turns anything an operation threw into an {@link OperationError} whose message starts with `${action}失败：`.
 * An OperationError keeps its code (its message gets the prefix); an Office.js error gets the text of its code; an
 * Error of ours (a Chinese message thrown by the adapter) keeps its message under the code `Invalid`.
 */
export function toOperationError(action: string, err: unknown): OperationError {
  const prefix = `${action}失败：`;
  if (isOperationError(err))
    return new OperationError(err.code, `${prefix}${err.message}`, {
      cause: err,
    });
  const code = officeErrorCode(err);
  if (code !== undefined)
    return new OperationError(code, `${prefix}${officeErrorText(code)}`, {
      cause: err,
    });
  const text = err instanceof Error ? err.message : String(err);
  return new OperationError("Invalid", `${prefix}${text}`, { cause: err });
}
