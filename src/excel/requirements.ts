/**
 * The Office.js requirement sets the add-in uses, and the check that tells the user, in Chinese,
 * when their Excel lacks one. The manifest should declare only the lowest set (ExcelApi 1.1) so the
 * task pane still opens on an older Excel and can show this message instead of not loading at all.
 */

/** Each feature the template inserter uses and the ExcelApi version that brought it. */
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
];

/** The highest ExcelApi version in {@link EXCEL_API_FEATURES}: all the inserter needs. */
export const REQUIRED_EXCEL_API = "1.9";

/**
 * Checks that the running Excel supports ExcelApi {@link REQUIRED_EXCEL_API}.
 * @throws Error with a Chinese message when not running inside Office, or when the set is missing.
 */
export function assertExcelApi(): void {
  if (typeof Office === "undefined" || !Office.context?.requirements) {
    throw new Error(
      "未在 Excel 中运行：请在 Excel（桌面版或网页版）中打开本加载项后再插入模板。",
    );
  }
  if (
    !Office.context.requirements.isSetSupported("ExcelApi", REQUIRED_EXCEL_API)
  ) {
    throw new Error(
      `您的 Excel 版本不支持 ExcelApi ${REQUIRED_EXCEL_API}（数据验证/页面设置），请升级到 Microsoft 365 或使用 Excel 网页版。`,
    );
  }
}
