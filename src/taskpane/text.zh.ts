/**
 * Every string the task pane shows (界面文字), in Chinese. Table titles, purposes and notice sections come
 * from the catalog (src/core/catalog), not from here.
 */
export const TEXT = {
  appTitle: "技改填报助手",
  appSubtitle: "山西省技术改造专项资金事项类项目申报",
  detecting: "正在检测运行环境…",
  modeExcel: "Excel 加载项模式",
  modeBrowser: "浏览器模式：审核工作台",
  /** Why the page is in browser mode. */
  browserReason: {
    "no-office": "未在 Office 中运行（页面直接在浏览器中打开）。",
    timeout: "等待 Office 初始化超时，已切换为浏览器模式。",
    "other-host": "当前宿主不是 Excel，已切换为浏览器模式。",
  },
  missingApiTitle: "当前 Excel 版本过低",
  /** Excel lacks a requirement set the add-in needs (manifest.xml <Requirements>). */
  missingApi: (version: string) =>
    `此 Excel 不支持 ExcelApi ${version} 要求集，无法插入带下拉选项和打印设置的表格。请使用 Microsoft 365、Excel 2021 及以上版本或 Excel 网页版。`,

  tabTemplates: "表格模板",
  tabCheck: "检查",
  tabMerge: "合并汇总",

  galleryIntro:
    "选择通知附件中的表格，一键插入为新工作表（含下拉选项、日期与万元格式、合计行和打印设置）。",
  /** Notice section a table comes from. */
  source: (section: string) => `通知出处：${section}`,
  ourLayoutTag: "（本工具拟定表样）",
  ourLayoutHint: "通知未给出表样，本工具按通知要求拟定。",
  yearsLabel: "年度（每个年度插入一个工作表）：",
  yearOption: (year: number) => `${year}年`,
  insert: "插入",
  inserting: "正在插入…",
  noYearChosen: "请至少选择一个年度。",
  insertedTitle: "插入成功",
  inserted: (sheets: readonly string[]) => `已插入工作表：${sheets.join("、")}`,
  insertFailedTitle: "插入失败",
  /** An operation failed in a way it did not report itself (a programming error or a lost Excel connection). */
  unexpected: (detail: string) => `发生意外错误：${detail}`,

  workbenchTitle: "审核工作台",
  workbenchIntro: "在浏览器中打开企业报送的申报表文件进行检查和汇总。",
  workbenchLocal: "文件只在本机浏览器中处理，不会上传到任何服务器。",
  workbenchComing: "审核工作台功能正在建设中。",
} as const;
