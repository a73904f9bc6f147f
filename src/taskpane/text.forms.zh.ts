/**
 * Strings of the 资格自检 form and the 申请报告表样 (forms) section, in Chinese. Kept beside text.zh.ts: conditions,
 * quotes, sections and contacts come from the catalog (src/core/catalog), not from here.
 */
export const FORMS_TEXT = {
  eligibilityTitle: "资格自检",
  eligibilityIntro:
    "选择申报方向，填写通知门槛需要的几个数字，即可看到每项条件是否符合及通知原文。数字只在本机计算，不会上传。",
  directionLabel: "申报方向",
  directionPlaceholder: "请选择申报方向",
  yes: "是",
  no: "否",
  unanswered: "未选择",
  chooseIndustry: "请选择所属行业",
  chooseProgramme: "请选择试点示范",
  chainLabel: "所属省级重点产业链（用于查找专班联系人）",
  chooseChain: "请选择产业链",
  datePlaceholder: "如 2024年3月5日",
  conditionsTitle: "逐项结果",
  overall: (verdict: string) => `总体结论：${verdict}`,
  overallHint: {
    符合: "按填写的数字，通知列出的条件均符合。材料是否齐全仍以审核为准。",
    不符合: "有条件不符合通知要求，见下方标为“不符合”的项目。",
    待核实: "还有条件需要填写或核实，见下方标为“待核实”的项目。",
  } as Record<string, string>,
  quote: (quote: string, source: string) => `通知原文：“${quote}”（${source}）`,
  contactsTitle: "咨询联系人（附件5）",
  contactLine: (office: string, person: string, phone: string) =>
    `${office} ${person} ${phone}`,
  chainDeskLine: (
    chain: string,
    office: string,
    person: string,
    phone: string,
  ) => `${chain}专班：${office} ${person} ${phone}`,
  chainDeskHint: "选择所属产业链后显示该产业链专班联系人。",
  fillFromWorkbook: "从工作簿填写",
  filledFromWorkbook: (direction: string, filled: readonly string[]) =>
    `已按工作簿选择申报方向“${direction}”${filled.length > 0 ? `，填写了${filled.join("、")}` : ""}。其余各项请逐项填写或选择。`,
  nothingInWorkbook:
    "工作簿中没有填写申报方向的项目情况表。请先选择申报方向，再从工作簿填写（新增贷款明细表的利息等）。",
  insertSheet: "插入资格自检表",
  downloadSheet: "下载资格自检表.xlsx",
  working: "正在生成…",
  insertedSheet: (sheets: readonly string[]) =>
    `已插入工作表：${sheets.join("、")}`,
} as const;

/** The 申请报告表样 panel. */
export const FORMS_PANEL_TEXT = {
  title: "申请报告表样",
  intro:
    "通知附件2规定的封面、承诺书、现场核查表和绩效目标表，以及企业填报的“免申即享”申报表。表样中的企业名称、申报专项、申报方向、项目名称等引用项目情况表，修改情况表后自动更新。",
  reportForms: "封面、承诺书、现场核查表、绩效目标表",
  reportFormsSource:
    "通知出处：附件2 一、二(二)、二(三)、四(三)；支持方式按附件2 一(五)，承诺事项按附件2 三(二)3",
  exemptApplication: "山西省技术改造专项资金事项类项目（“免申即享”）申报表",
  exemptApplicationSource:
    "通知出处：正文 二(三)1；附件1 六(七)（一行，无序号；市工信局合并为附件4）",
  insert: "插入",
  download: "下载",
  downloaded: (file: string) => `已生成：${file}`,
  failed: (detail: string) => `生成文件失败：${detail}`,
} as const;
