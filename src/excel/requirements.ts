/**
 * The Office.js requirement sets the add-in uses, and the check that tells the user, in Chinese,
 * when their Excel lacks one. The manifest should declare only the lowest set (ExcelApi 1.1) so the
 * task pane still opens on an older Excel and can show this message instead of not loading at all.
 */
import { OperationError } from "../ports";

/** Each feature the add-in uses (template inserter, checking in Excel) and the ExcelApi version that brought it. */
export const EXCEL_API_FEATURES: readonly {
  feature: string;
  version: string;
}[] = [
  {
    feature:
      "工作表、单元格值与公式、格式、列宽行高（worksheets.add, range.formulas, range.format）",
    version: "1.1",
  },
  { feature: "合并单元格（range.merge）", version: "1.2" },
  {
    feature: "定义名称（workbook.names.add, worksheet.names.add）",
    version: "1.4",
  },
  { feature: "冻结窗格（worksheet.freezePanes）", version: "1.7" },
  { feature: "数据验证与下拉列表（range.dataValidation）", version: "1.8" },
  {
    feature:
      "页面设置：纸张、方向、缩放、打印标题、页脚（worksheet.pageLayout）",
    version: "1.9",
  },
  { feature: "条件格式标记（range.conditionalFormats）", version: "1.6" },
  {
    feature:
      "实时检查：工作表更改、激活、选择事件（worksheets.onChanged/onActivated/onSelectionChanged），按行列读取（getRangeByIndexes），多区域标记（worksheet.getRanges）",
    version: "1.9",
  },
];

/**
 * Features used only when present: the add-in works without them, in the way `missing` tells the user (the self-test
 * shows it after "本 Excel 不支持 ExcelApi x："). Each is looked up with {@link isExcelApiSupported} where it is used.
 */
export const OPTIONAL_EXCEL_API_FEATURES: readonly {
  feature: string;
  version: string;
  missing: string;
}[] = [
  {
    feature:
      "编辑单元格时延后执行（Excel.run 的 delayForCellEdit）；行隐藏事件（worksheets.onRowHiddenChanged）",
    version: "1.11",
    missing:
      "您正在编辑单元格时，实时检查会失败后自动重试（不丢失修改）；隐藏或取消隐藏行后不会自动重新检查，请点击“重新检查”。",
  },
  {
    feature: "合并单元格区域（range.getMergedAreasOrNullObject）",
    version: "1.13",
    missing:
      "合并单元格只按左上角单元格读取，合并区域中其他行的该栏会被当作空白（可能多报“必填”问题）。",
  },
  {
    feature: "更改事件的来源（WorksheetChangedEventArgs.triggerSource）",
    version: "1.14",
    missing:
      "更改事件不注明来源，本加载项改由暂停自身事件和写入区域识别自己的写入，功能不受影响。",
  },
];

/** True when running inside Office and Excel supports ExcelApi `version`. */
export function isExcelApiSupported(version: string): boolean {
  return (
    typeof Office !== "undefined" &&
    Office.context?.requirements?.isSetSupported("ExcelApi", version) === true
  );
}

/** The highest ExcelApi version in {@link EXCEL_API_FEATURES}: all the add-in needs (optional features aside). */
export const REQUIRED_EXCEL_API = "1.9";

/**
 * Checks that the running Excel supports ExcelApi {@link REQUIRED_EXCEL_API}.
 * @param action what the user wants to do, in the message when not in Excel (default 插入模板)
 * @throws OperationError `NotInExcel` when not running inside Office, `ExcelTooOld` when the set is missing.
 */
export function assertExcelApi(action = "插入模板"): void {
  if (typeof Office === "undefined" || !Office.context?.requirements) {
    throw new OperationError(
      "NotInExcel",
      `未在 Excel 中运行：请在 Excel（桌面版或网页版）中打开本加载项后再${action}。`,
    );
  }
  if (
    !Office.context.requirements.isSetSupported("ExcelApi", REQUIRED_EXCEL_API)
  ) {
    throw new OperationError(
      "ExcelTooOld",
      `您的 Excel 版本不支持 ExcelApi ${REQUIRED_EXCEL_API}（数据验证/页面设置），请升级到 Microsoft 365 或使用 Excel 网页版。`,
    );
  }
}
