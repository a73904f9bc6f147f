/** Messages of the T2 保险增信补贴明细表 rules (rules/insurance.ts), quoting 晋工信投资字〔2026〕12号. Amounts in 万元. */
import type { INSURANCE_RULES } from "../rules/insurance";
import type { CodesOf, MessagesFor } from "./types";

export const INSURANCE_MESSAGES = {
  "INS-DRAW-YEAR": (p) => ({
    text: `贷款提款时间为${p.date}，不在2024年。`,
    quote: "固定资产贷款须于2024年当年提款并付息",
  }),
  "INS-SIGN-YEAR": (p) => ({
    text: `保险合同签订时间为${p.date}，不在2024年。`,
    quote: "保险合同签订时间须为2024年度",
  }),
  "INS-PERIOD": (p) =>
    p.kind === "unreadable"
      ? `保单起止时间“${p.value}”无法识别为起止日期，请按通知表样写成“x年x月x日至x年x月x日”，如2024年3月5日至2025年3月4日。`
      : `保单起止时间的结束日${p.end}不晚于开始日${p.start}。`,
  "INS-COVERS-DRAW": (p) => ({
    text: `贷款提款时间${p.draw}${p.kind === "before" ? "早于" : "晚于"}保单${p.kind === "before" ? "起始日" : "到期日"}（保单起止时间${p.start}至${p.end}）：该笔贷款可能不是通过保险增信获得的，请核对。`,
    quote: "通过保险增信方式从银行获得固定资产贷款",
  }),
  "INS-SHANXI": (p) => ({
    text: `建设项目名称“${p.project}”提到${p.place}（${p.province}），项目可能不在山西省境内，请核实。`,
    quote: "用于山西省境内项目建设",
  }),
  "INS-PREMIUM-CALC": (p) =>
    p.start === undefined
      ? `2024年度支付保费金额${p.paid}万元与保险金额×保险费率不符：${p.insured}万元×${p.rate}%＝${p.expected}万元，相差超过1%。通知未规定保费算法，请核对保单和保费发票。`
      : `2024年度支付保费金额${p.paid}万元与保险金额×保险费率（${p.insured}万元×${p.rate}%＝${p.expected}万元）不同；保单期限${p.start}至${p.end}超过13个月，2024年支付的可能是分期保费，仅供核对。`,
  "INS-PREMIUM-PAID": (p) => ({
    text: `${p.value === undefined ? "2024年度支付保费金额未填写" : `2024年度支付保费金额为${p.value}万元`}：补贴的是2024年度支付的保险费用，请填写。`,
    quote:
      "须包括承保保险公司名称、通过保险增信方式获得固定资产贷款额度、保险金额、保险费率、2024年度支付保费金额等",
  }),
  "INS-INVOICE": (p) => ({
    text: `本行2024年度支付保费${p.premium}万元，但未填写保费发票编号，请填写全额保费发票的编号。`,
    quote: "保费支付凭证及全额保费发票（不含中介费）",
  }),
  "INS-MULTIPLE": (p) =>
    p.kind === "nonPositive"
      ? `投保倍数${p.multiple}应为正数。`
      : `保险金额÷贷款额度＝${p.insured}÷${p.loan}＝${p.ratio}${p.multiple === undefined ? "" : `，填写的投保倍数为${p.multiple}`}。通知未说明投保倍数的含义，此数仅供参考。`,
} satisfies MessagesFor<CodesOf<typeof INSURANCE_RULES>>;
