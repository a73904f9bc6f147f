/** Messages of the T1 新增贷款明细表 rules (rules/loan.ts), quoting 晋工信投资字〔2026〕12号. Amounts in 万元. */
import type { LOAN_RULES } from "../rules/loan";
import type { CodesOf, MessagesFor } from "./types";

/** The notice's words (附件1 六(一)), shown apart from the messages (messages/types.ts `Wording`). */
const DRAW_AND_PAY = "新增贷款须于2024年当年提款并付息";
const EXCLUDED =
  "用于偿还股东借款或其他银行贷款（包括为偿还银行贷款借用的过桥资金）、金融投资（如购买理财、股票、虚拟货币等）、个人消费等领域的年度新增贷款不予贴息";
const MIN_INTEREST = "申报企业2024年度全部新增贷款产生的利息不得低于10万元";
/** Readings (../shared/spec/tables.md): never an error, and say what the notice says. */
const NO_FORMULA = "通知未规定利息和天数的算法，本检查仅供核对。";

export const LOAN_MESSAGES = {
  "LOAN-DRAW-YEAR": (p) => ({
    text: `贷款提款时间为${p.date}，不在2024年，该笔贷款不能申请贴息。`,
    quote: DRAW_AND_PAY,
  }),
  "LOAN-PAID-2024": (p) => ({
    text: `${p.value === undefined ? "2024年利息实际发生额未填写" : `2024年利息实际发生额为${p.value}万元`}，不能说明该笔贷款2024年已付息。`,
    quote: DRAW_AND_PAY,
  }),
  "LOAN-ACCRUAL-YEAR": (p) =>
    p.kind === "start"
      ? {
          text: `2024年借款起息日为${p.date}，不在2024年。`,
          quote: DRAW_AND_PAY,
        }
      : p.kind === "order"
        ? `2024年借款止息日${p.end}早于起息日${p.start}。`
        : `2024年借款止息日为${p.date}，晚于2024年12月31日：本栏应填2024年内最后一次付息的止息日（以借款借据为准），不是贷款到期日。`,
  "LOAN-ACCRUAL-BEFORE-DRAW": (p) =>
    `2024年借款起息日${p.start}早于贷款提款时间${p.draw}：贷款提款后才开始计息，请核对借款借据。`,
  "LOAN-DAYS": (p) =>
    p.kind === "range"
      ? `2024年实际付息天数为${p.days}，应在1到366天之间。`
      : `2024年实际付息天数为${p.days}天，与起息日${p.start}到止息日${p.end}的天数不符：算头不算尾为${p.diff}天，算头又算尾为${p.diffBoth}天。${NO_FORMULA}`,
  "LOAN-INTEREST-CALC": (p) =>
    `2024年利息实际发生额${p.interest}万元与按本金、利率、天数计算的结果相差较大：${p.principal}万元×${p.rate}%×${p.days}天÷360＝${p.expected}万元（已按360天、365天和天数加1天比对，差额均超过0.01万元且超过1%）。${NO_FORMULA}请核对付息流水或利息单。`,
  "LOAN-INTEREST-MIN": (p) => ({
    text:
      p.kind === "withoutExcluded"
        ? `2024年利息合计为${p.sum}万元，但扣除用途属于不予贴息范围的${p.excluded}笔贷款后为${p.without}万元，低于10万元：能否申报取决于这些贷款的用途，请核实。`
        : `2024年提款的${p.rows}笔新增贷款利息合计为${p.sum}万元，低于10万元${p.excluded ? `（扣除用途属于不予贴息范围的${p.excluded}笔后为${p.without}万元）` : ""}。`,
    quote: MIN_INTEREST,
  }),
  "LOAN-PURPOSE-EXCLUDED": (p) => ({
    text:
      p.negation === undefined
        ? `贷款用途“${p.purpose}”${p.purpose === p.keyword ? "" : `含“${p.keyword}”，`}属于不予贴息的用途（${p.label}）。本工具识别的不予贴息用途：${p.list}。`
        : `贷款用途“${p.purpose}”提到“${p.keyword}”，同一句中有否定词“${p.negation}”：请人工确认该笔贷款不属于不予贴息的用途（${p.label}）。`,
    quote: EXCLUDED,
  }),
  "LOAN-PURPOSE-EMPTY": () => ({
    text: "2024年度新增贷款用途未填写，请逐笔填写。",
    quote: "逐笔贷款说明用途",
  }),
  "LOAN-CONTRACT-DUP": (p) => ({
    text: `借款合同${p.contract}在${p.date}提款${p.principal}万元的贷款与第${p.firstRow}行重复，同一笔贷款可能填了两次（同一合同分次提款时，各笔的提款时间或金额应不同）。`,
    quote: "同一笔贷款，产业链贷款贴息与项目贴息不重复支持",
  }),
  "LOAN-TERM-FORMAT": (p) =>
    p.kind === "unreadable"
      ? `借款时限“${p.value}”无法识别为起止日期，请按通知表样写成“X年X月X日—X年X月X日”，如2024年3月5日—2025年3月4日。`
      : p.kind === "order"
        ? `借款时限的结束日${p.end}不晚于开始日${p.start}。`
        : `借款时限从${p.start}开始，晚于贷款提款时间${p.draw}。`,
  "LOAN-RATE-RANGE": (p) =>
    p.kind === "fraction"
      ? `贷款利率填的是${p.rate}，看起来是小数形式（即${p.percent}%）。本栏表头为“贷款利率（%）”，应填百分数的数值，如${p.percent}。`
      : `贷款利率${p.rate}%不在通常的0.5%～15%之间，请核对。表头为“贷款利率（%）”，如3.45表示3.45%。`,
  "LOAN-CHAIN": (p) =>
    p.kind === "unknown"
      ? `所属省级重点产业链“${p.chain}”不是16条省级重点产业链之一${p.suggest ? `（是否应为“${p.suggest}”？）` : ""}：${p.list}。`
      : p.kind === "info"
        ? `所属省级重点产业链“${p.chain}”与项目情况表（工作表“${p.sheet}”）项目名称中的“${p.expected}”不一致。通知要求项目名称填写“产业链贷款贴息（省级重点产业链名称）”。`
        : `所属省级重点产业链“${p.chain}”与本表其他行的“${p.expected}”不一致：同一申报企业所属产业链应相同。`,
  "LOAN-SHANXI": (p) => ({
    text: `贷款用途“${p.purpose}”提到${p.place}（${p.province}），固定资产贷款可能未投向山西省境内，请核实。`,
    quote: "固定资产贷款须投向山西省境内",
  }),
  "LOAN-PAGE": () => ({
    text: "对应付息流水或利息单所在页码未填写，请填写利息支付凭证（付息流水、利息单）在申报材料中的页码。",
    quote: "应与正文中省级重点产业链链上企业2024年度新增贷款明细表对应",
  }),
  "LOAN-SETTLE-DATE": (p) => ({
    text: `2024年借款止息日为${p.date}，晚于银行通常的年内最后结息日12月21日：到该日的利息可能未在2024年内支付，请核对利息单。`,
    quote: DRAW_AND_PAY,
  }),
} satisfies MessagesFor<CodesOf<typeof LOAN_RULES>>;
