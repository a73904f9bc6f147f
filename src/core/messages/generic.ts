/** Chinese messages of the rules for all tables (rules/generic.ts). Params `column` and `cell` are added by the engine. */
import type {
  GENERIC_RULES,
  RequiredParams,
  TableColumnsParams,
} from "../rules/generic";
import type { ParamsOf } from "../rules/registry";
import { reasonText } from "./parse";
import type { CodesOf, Located, MessagesFor, Wording } from "./types";

/** The notice's sentence naming what a table must contain (附件2 三(二)5), by table id and, where one column has its own, by column key. */
const REQUIRED_SENTENCES: Record<string, string> = {
  "loan-interest":
    "须逐笔贷款填写2024年度新增贷款金额、借款银行名称、借款时限、贷款利率、2024年实际付息天数、2024年利息实际发生额等",
  "loan-interest/purpose": "逐笔贷款说明用途",
  "insurance-credit":
    "须包括承保保险公司名称、通过保险增信方式获得固定资产贷款额度、保险金额、保险费率、2024年度支付保费金额等",
  "finance-lease":
    "须包括融资租赁公司名称、设备租赁合同额度、融资租赁期限、2024年度支付租赁费用额度",
  "lease-equipment": "须包括设备型号、数量、用途、价格等",
};

/** What a column of each type must hold, with an example. */
const TYPE_EXAMPLES: Record<string, string> = {
  seq: "整数序号，如1",
  integer: "整数，如340",
  number: "数字，如1.5",
  amount: "以万元为单位的数字，如1234.56",
  percent: "百分数，如3.45（即3.45%）",
  date: "日期，如2024年3月5日",
};

function required(p: RequiredParams & Located): string | Wording {
  const head = `「${p.column}」未填写（本行已填写其他内容）。`;
  if (p.ours)
    return `${head}通知未给出本表表样，本表为本工具拟定，该栏用于核对申报材料，请补充；确实没有的，请写明原因。`;
  if (p.required !== "notice")
    return `${head}该栏是表格的一栏，请补充；确实没有的，请写明原因。`;
  if (p.key === "seq") return `${head}序号须从1开始逐行编号。`;
  if (p.key === "enterpriseName") return `${head}每一行都须填写企业名称。`;
  const sentence =
    REQUIRED_SENTENCES[`${p.table}/${p.key}`] ??
    REQUIRED_SENTENCES[String(p.table)];
  return sentence
    ? { text: `${head}请补充。`, quote: sentence }
    : `${head}该栏为通知表样中的必填栏目。`;
}

function tableColumns(p: TableColumnsParams): string {
  switch (p.kind) {
    case "missing":
      return `工作表按《${p.title}》检查，但缺少以下栏目：${p.missing}。请按通知表样补齐这些栏目（表头文字须与表样一致）。`;
    case "extra":
      return `《${p.title}》中有通知表样以外的栏目：${p.extra}。这些栏目未检查；如为表样栏目改了名称，请改回表样文字。`;
    default:
      return `工作表与《${p.title}》部分相符，找到栏目：${p.found}；缺少：${p.missing}。栏目不足，未按该表检查；请按通知表样填写表头。`;
  }
}

function nameMismatch(p: ParamsOf<"NAME-MISMATCH">): string {
  const found = `企业名称“${p.value}”`;
  if (p.against === "line")
    return `${found}与表头“企业名称：${p.expected}”不一致。同一申报材料中的企业名称应与公章名称完全一致。`;
  if (p.against === "info") {
    return `${found}与项目情况表（工作表“${p.sheet}”）的企业（单位）名称“${p.expected}”不一致。同一申报材料中的企业名称应完全一致。`;
  }
  return `${found}与本表其他行的“${p.expected}”不一致。同一张表应为同一申报企业。`;
}

export const GENERIC_MESSAGES = {
  "ROW-REQUIRED": required,
  "CELL-TYPE": (p) =>
    `「${p.column}」填写的“${p.value}”无法读取：${reasonText(p.reason)}。应填写${TYPE_EXAMPLES[String(p.type)] ?? "数字"}。`,
  "AMOUNT-UNIT": (p) =>
    p.base !== undefined
      ? `「${p.column}」为${p.value}万元，不小于同一行的「${p.baseColumn}」${p.base}万元，可能按“元”填写了；本表“单位：万元”。如按元填写，应为${p.wan}万元。`
      : `「${p.column}」为${p.value}万元，数额异常大，可能按“元”填写了；本表“单位：万元”。如按元填写，应为${p.wan}万元。`,
  "ROW-HIDDEN": (p) =>
    p.kind === "column"
      ? `${p.letter}列「${p.column}」是隐藏列，其中${p.count}行有数据：这些数据参与检查和合计，但在屏幕上和打印件上看不到，审核时请取消隐藏核对。`
      : `第${p.from === p.to ? p.from : `${p.from}～${p.to}`}行（${p.count}行）是隐藏行，有数据：这些行参与检查和合计，但在屏幕上和打印件上看不到，审核时请取消隐藏核对。`,
  "TOTAL-MISMATCH": (p) =>
    p.formula !== undefined
      ? `合计行「${p.column}」的公式 =${p.formula} 显示${p.value}，而各行合计为${p.expected}（相差${p.diff}）：公式结果未更新或求和范围未包含全部数据行，请重新计算或修正公式。`
      : `合计行「${p.column}」填写${p.value}，而各行合计为${p.expected}（相差${p.diff}万元）。请改为${p.expected}或使用求和公式。`,
  "TOTAL-RANGE": (p) =>
    `合计行「${p.column}」的公式 =${p.formula} 没有合计第${p.first === p.last ? p.first : `${p.first}～${p.last}`}行中的${p.count}行数据：打印出的合计少算了这些行。请把求和范围改为覆盖全部数据行。`,
  SEQ: (p) =>
    `序号为${p.value}，按顺序应为${p.expected}。序号应从1开始依次连续编号。`,
  "NAME-MISMATCH": nameMismatch,
  "FORMULA-ERROR": (p) =>
    `「${p.column}」显示错误值${p.value}：公式引用或计算出错，请修正公式或改填数值。`,
  "TABLE-COLUMNS": tableColumns,
  "RULE-FAILED": (p) =>
    `规则${p.failed}在本表检查时出错（${p.error}），该项检查未完成，请人工核对。`,
} satisfies MessagesFor<CodesOf<typeof GENERIC_RULES>>;
