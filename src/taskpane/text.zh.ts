/**
 * Every string the task pane shows (界面文字), in Chinese. Table titles, purposes and notice sections come
 * from the catalog (src/core/catalog), not from here.
 */
import type { FindingCounts, Severity } from "../core/model/finding";
import { countsText, severityText } from "../core/messages/severity";

export const TEXT = {
  appTitle: "技改填报助手",
  appSubtitle: "山西省技术改造专项资金事项类项目申报",
  detecting: "正在检测运行环境…",
  loading: "正在载入…",
  noExcelHere: "当前页面不在 Excel 中，无法插入表格。",
  modeExcel: "Excel 加载项模式",
  modeBrowser: "浏览器模式：审核工作台",
  /** Why the page is in browser mode. */
  browserReason: {
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
  workbenchIntro:
    "打开企业报送的申报表文件，逐个检查，生成审核结果、差错清单和申报汇总表。",
  workbenchLocal: "文件只在本机浏览器中处理，不会上传到任何服务器。",
  // —— 审核工作台（浏览器模式）与合并汇总——
  dropHint: "将企业报送的表格文件拖到此处，或",
  pickFiles: "选择文件",
  acceptedTypes:
    "支持 .xlsx、.xlsm、.xls、.et、.ods、.csv，可一次选择多个文件。",
  loadSamples: "载入示例文件",
  samplesLoading: "正在载入示例文件…",
  samplesFailed: (detail: string) => `示例文件载入失败：${detail}`,
  clearFiles: "清空",
  /** Where a file is in its job. */
  stage: {
    queued: "等待处理",
    reading: "正在读取…",
    checking: "正在检查…",
    done: "已完成",
  },
  fileSize: (bytes: number) =>
    bytes < 1024 ? `${bytes} 字节` : `${(bytes / 1024).toFixed(1)} KB`,
  tablesHeading: "识别到的表格",
  tableLine: (sheet: string, title: string, rows: number) =>
    `工作表“${sheet}”：${title}（${rows} 行）`,
  totalsLabel: "合计：",
  noTables: "未识别到通知中的表格。",
  counts: (c: FindingCounts) => countsText(c),
  noFindings: "未发现问题。",
  unreadableTitle: "无法读取",
  filterLabel: "显示级别：",
  filterOption: (severity: Severity, n: number) =>
    `${severityText(severity)}（${n}）`,
  filteredOut: "所选级别下没有检查结果。",
  /** Columns of the findings list. */
  findingColumns: {
    file: "文件",
    severity: "级别",
    sheet: "工作表",
    cell: "单元格",
    column: "列名",
    rule: "规则",
    message: "说明",
    source: "通知依据",
    place: "级别与位置",
  },
  findingsOf: (file: string) => `${file} 的检查结果`,
  downloadReview: "下载审核结果.xlsx",
  reviewFileName: (file: string) =>
    `${file.replace(/\.[^.]+$/, "")}-审核结果.xlsx`,
  mergeHeading: "合并为申报汇总表",
  mergeIntro:
    "将各企业的项目情况表合并为申报汇总表（附件3），“免申即享”申报表合并为“免申即享”申报汇总表（附件4），序号重新编排，并附合并日志和审核结果。",
  unitLabel: "审核单位（选填，填写在“审核单位（公章）：”之后）",
  unitPlaceholder: "如：太原市工业和信息化局",
  mergeButton: "合并为申报汇总表",
  merging: "正在合并…",
  mergedRows: (summary: number, exempt: number) =>
    `申报汇总表 ${summary} 行${exempt > 0 ? `，“免申即享”申报汇总表 ${exempt} 行` : ""}`,
  downloadMerged: "下载汇总表.xlsx",
  mergedFileName: "汇总表.xlsx",
  mergeLogHeading: "合并日志",
  mergeFindingsHeading: "合并检查结果",
  templatesHeading: "空白表样",
  templateLabel: "表格",
  allTables: "全部表格（一个工作簿）",
  downloadTemplate: "下载空白表样",
  templatesFileName: "技改专项申报表样.xlsx",
  notReturnList: (file: string) =>
    `“${file}”不是差错清单：其中没有标题为“差错清单”、含“序号、文件、工作表、单元格、列名、级别、问题、通知依据、企业答复”栏目的工作表。`,
  fileNotReadable: (file: string) =>
    `无法读取文件：${file}（文件可能已被移动、删除或正被其他程序占用）`,
  checkFailed: (file: string, reason: string) =>
    `检查时程序内部错误：${file}（${reason}）`,

  // —— 审核工作台：文件概览、单个文件、合并预览 ——
  checkProgress: (done: number, total: number) =>
    `已检查 ${done} / ${total} 个文件`,
  overviewHeading: (shown: number, total: number) =>
    shown === total
      ? `已载入 ${total} 个文件`
      : `已载入 ${total} 个文件，显示 ${shown} 个`,
  overviewTable: "文件概览",
  searchLabel: "查找文件或企业",
  statusFilterLabel: "状态",
  allStatuses: "全部状态",
  sortLabel: "排序",
  sortOptions: {
    status: "按状态（有错误在前）",
    enterprise: "按企业分组",
    file: "按文件名",
    errors: "按错误数",
  },
  overviewColumns: {
    file: "文件 / 企业 / 申报方向",
    status: "状态、问题数与操作",
  },
  noEnterprise: "（未识别到企业名称）",
  enterpriseGroup: (name: string, n: number) => `${name}（${n} 个文件）`,
  shortCounts: (c: FindingCounts) => countsText(c, "short"),
  explainedCounts: (yes: number, no: number) =>
    `警告已说明 ${yes}，未说明 ${no}`,
  includeLabel: "纳入汇总",
  includeSwitch: (file: string) => `${file}：纳入汇总`,
  removeFile: (file: string) => `移除 ${file}`,
  remove: "移除",
  openFile: (file: string) => `查看 ${file} 的检查结果`,
  noMatch: "没有符合条件的文件。",
  backToOverview: "返回文件概览",
  excludedNote: "不纳入汇总（审核人员选择）",
  excludedCount: (n: number) => `${n} 个文件不纳入汇总`,
  downloadReturns: "下载差错清单",
  downloadAllReturns: (n: number) =>
    `下载差错清单（${n} 个文件，按企业各一份）`,
  excludedList: (names: readonly string[]) => `不纳入汇总：${names.join("、")}`,
  excludedReason: "审核人员选择不纳入汇总",
  returnFileName: (enterprise: string) =>
    `差错清单_${enterprise.replace(/[\\/:*?"<>|]/g, "_")}.xlsx`,
  workerStopped: (file: string, reason: string) =>
    `文件过大或已损坏：${file}（${reason}）`,
  workerCrashed: "处理该文件时文件处理线程意外终止，其他文件不受影响",
  workerTimeout: (seconds: number) =>
    `处理超过 ${seconds} 秒，已停止，其他文件不受影响`,
  findingsPage: (from: number, to: number, total: number) =>
    `第 ${from}–${to} 条，共 ${total} 条`,
  previousPage: "上一页",
  nextPage: "下一页",
  findingsLoading: "正在载入检查结果…",
  explanationOf: (state: string, text: string) => `${state}：${text}`,
  quoteToggle: "通知原文",
  previewButton: "预览汇总",
  previewHeading: "汇总预览",
  previewNote: "以下为将写入汇总表的行，确认无误后下载。",
  previewRows: (from: number, to: number, total: number) =>
    `第 ${from}–${to} 行，共 ${total} 行`,
  previewEmpty: "没有可合并的行。",

  // —— Excel 加载项：合并汇总选项卡 ——
  mergeTabIntro:
    "选择各企业报送的文件（可多选），合并为申报汇总表（附件3）和“免申即享”申报汇总表（附件4），与合并日志、审核结果一起写入当前工作簿的新工作表（不覆盖已有工作表）。",
  mergeWriteButton: "合并并写入工作表",
  writingSheets: "正在写入工作表…",
  chosenFiles: (n: number) => `已选择 ${n} 个文件`,
  writtenTitle: "已写入",
  written: (sheets: readonly string[]) => `已新建工作表：${sheets.join("、")}`,
  writeFailedTitle: "写入失败",

  /** 检查 tab (src/taskpane/check). Notice quotations are the notice's words. */
  check: {
    live: "实时检查",
    recheck: "重新检查",
    checking: "检查中…",
    checkedAt: (time: string) => `上次检查：${time}`,

    recognitionTitle: "识别结果",
    recognised: (sheet: string, title: string, rows: number) =>
      `工作表“${sheet}”识别为：${title}（数据 ${rows} 行）`,
    unrecognised: (sheet: string) => `工作表“${sheet}”未识别为通知中的表格`,
    noTables:
      "未在本工作簿中识别到通知中的表格。可在“表格模板”中插入通知附件中的表格后填写。",

    findingsTitle: "检查结果",
    filterLabel: "按级别筛选",
    filterAll: "全部",
    count: (severity: Severity, n: number) => `${severityText(severity)} ${n}`,
    explainedCount: (n: number) => `已说明 ${n}`,
    empty: (tables: number, rows: number) =>
      `已检查 ${tables} 张表、${rows} 行，未发现问题`,
    emptyFilter: (severity: Severity) => `没有${severityText(severity)}。`,
    showMore: (severity: Severity, n: number) =>
      `显示更多${severityText(severity)}（还有 ${n} 条）`,
    workbookGroup: "整个工作簿",
    unrecognisedGroup: (sheet: string) => `工作表“${sheet}”（未识别）`,
    tableGroup: (sheet: string, title: string) =>
      `${title}（工作表“${sheet}”）`,
    ruleAndSource: (rule: string, source: string) =>
      `${rule} · 依据：${source || "—"}`,
    quoteSummary: "通知原文",

    returnOpen: "打开差错清单",
    returnOpening: "正在读取差错清单…",
    returnClose: "关闭差错清单",
    returnTitle: (file: string, n: number) =>
      `差错清单“${file}”：${n} 项。点击一项定位到本工作簿中的单元格。`,
    returnListLabel: "差错清单中的问题",
    returnPlace: (sheet: string, place: string) =>
      [sheet ? `工作表“${sheet}”` : "", place].filter(Boolean).join(" "),
    returnAnswer: (answer: string) => `企业答复：${answer}`,
    returnEmpty: (file: string) => `差错清单“${file}”中没有需要修改的问题。`,
    quote: (quote: string) => `“${quote}”`,

    mark: "在表格中标记",
    clearMarks: "清除标记",
    marked: (n: number) => `已在表格中标记 ${n} 个问题（单元格的值不变）。`,
    marksCleared: "已清除标记，单元格的值和格式与标记前相同。",

    explain: "填写说明",
    editExplanation: "修改说明",
    removeExplanation: "删除说明",
    saveExplanation: "保存说明",
    cancel: "取消",
    explanationLabel: "说明",
    explanationHint:
      "写明数据为什么是对的，例如依据哪份借据、合同或流水（至少 6 个字）。",
    explanation: (text: string) => `说明：${text}`,

    totalsTitle: "合计",
    sheetRows: (sheet: string, rows: number, records: number) =>
      `工作表“${sheet}”，数据 ${rows} 行（${records} 条记录）`,
    noSums: "本表没有需要合计的万元列。",
    interestTotal: (amount: string) => `2024年提款贷款的利息合计 ${amount}`,
    interestReached: (minimum: string) => `达到 ${minimum}`,
    interestShort: (gap: string) => `还差 ${gap}`,
    interestRule:
      "通知要求：申报企业2024年度全部新增贷款产生的利息不得低于10万元（按2024年提款的贷款计算）。",
    interestWithoutExcluded: (amount: string) =>
      `扣除不予贴息用途的贷款后：${amount}`,

    coopTitle: (title: string) => `协作配套年度分析：${title}`,
    coopBasis: "交易额按已开发票金额计算，单位：万元。",
    coopIncomplete: (years: string) =>
      `缺少${years}年度的工作表，以下数字不完整。`,
    coopPartner: "企业",
    coopYear: (year: number) => `${year}年`,
    coopTier: "2024年档位",
    coopTotal: "合计",
    coopUnnamed: "（未填名称）",
    tierNew: (tier: string) => `${tier}（首次达到）`,
    tierKept: (tier: string) => `${tier}（未提升）`,
    tierNone: "未达到500万元",
    coopChain: (chain: string, from: string) =>
      `申报企业所属产业链：${chain}（依据${from}）`,
    coopExcluded: (n: number) =>
      `另有 ${n} 行所属产业链与申报企业不同，未计入。`,
    coopNetNew: (
      c2022: number,
      c2023: number,
      c2024: number,
      a: number,
      b: number,
      conservative: number,
    ) =>
      `交易额500万元以上的协作配套企业：2022年 ${c2022} 户，2023年 ${c2023} 户，2024年 ${c2024} 户；净增 ${a} 户，新增协作配套企业 ${b} 户，较保守的数字 ${conservative} 户。`,

    fillInterest: "计算天数与利息",
    renumber: "重排序号",
    fillTitle: (action: string, sheet: string) => `${action}：工作表“${sheet}”`,
    fillIntro: (n: number) =>
      `将写入以下 ${n} 个单元格（只填写空单元格，不修改已有数据）：`,
    renumberIntro: (n: number) => `将改写以下 ${n} 个“序号”单元格：`,
    fillNothing: "没有需要写入的单元格。",
    fillCell: "单元格",
    fillBefore: "原值",
    fillAfter: "新值",
    fillEmpty: "（空）",
    fillMore: (n: number) => `另有 ${n} 个单元格未列出。`,
    fillNotes: "以下行未处理：",
    fillConfirm: "确认写入",
    filled: (n: number) => `已写入 ${n} 个单元格。`,
    fillSkipped: (n: number) => `${n} 个单元格在预览后被修改，未写入。`,

    reviewTitle: "审核",
    reviewIntro:
      "检查整个工作簿，并把合计、问题清单和说明写入新的“审核结果”工作表（不覆盖已有工作表，可按A4横向打印）。",
    review: "生成审核结果",
    reviewing: "正在生成审核结果…",
    reviewed: (sheet: string) => `已写入工作表“${sheet}”。`,
  },
  /** 加载项自检 (src/taskpane/selftest). */
  selfTest: {
    open: "加载项自检",
    back: "返回",
    title: "加载项自检",
    intro:
      "检查本 Excel 能否运行本加载项：运行环境、所需的 Excel 功能（ExcelApi 要求集），并在当前工作簿中临时插入一张《新增贷款明细表》，填写一行、检查后删除（约需几秒，工作簿恢复原样）。建议先保存工作簿。",
    run: "开始自检",
    running: "正在自检…",
    sections: {
      host: "运行环境",
      requirements: "Excel 功能",
      steps: "实际操作",
    },
    status: {
      passed: "通过",
      missing: "不支持",
      failed: "失败",
      skipped: "未执行",
    },
    code: (code: string) => `错误代码：${code}`,
    summary: (failed: number, missing: number) =>
      failed === 0 && missing === 0
        ? "全部通过：本加载项可以在此 Excel 中正常使用。"
        : `${failed} 项失败，${missing} 项不支持。请把本页截图或抄录错误代码后反馈给维护人员。`,
  },
} as const;
