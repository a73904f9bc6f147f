/**
 * Messages of the T3 融资租赁补贴明细表 and 融资租赁设备明细表 rules (rules/lease.ts), quoting 晋工信投资字〔2026〕12号.
 * Amounts in 万元.
 */
import type { LEASE_RULES } from "../rules/lease";
import type { CodesOf, MessagesFor } from "./types";

/** The notice's words (附件1 六(三)), shown apart from the messages. */
const DIRECT = "融资租赁形式须为直租形式";
const IN_SHANXI = "融资租赁涉及的设备须在山西省境内使用";

export const LEASE_MESSAGES = {
  "LEASE-SIGN-YEAR": (p) => ({
    text: `合同签订时间为${p.date}，不在2024年。`,
    quote: "融资租赁合同签订时间须为2024年度",
  }),
  "LEASE-FORM": (p) => ({
    text:
      p.negation === undefined
        ? `${p.column ?? "本行"}填写“${p.text}”，含“${p.term}”：售后回租不是直租形式，不能申请融资租赁补贴。`
        : `${p.column ?? "本行"}填写“${p.text}”，提到“${p.term}”，同一句中有否定词“${p.negation}”：请人工确认融资租赁形式为直租。`,
    quote: DIRECT,
  }),
  "LEASE-PAID-OVER": (p) =>
    `2024年支付租赁费用${p.paid}万元，超过设备租赁合同额度${p.amount}万元，请核对。`,
  "LEASE-PERIOD": (p) =>
    p.kind === "unreadable"
      ? `融资租赁起止时间“${p.value}”无法识别为起止日期，请写成如2024年3月5日—2027年3月4日。`
      : p.kind === "order"
        ? `融资租赁起止时间的结束日${p.end}不晚于开始日${p.start}。`
        : `融资租赁起始日${p.start}早于合同签订时间${p.sign}，请核对。`,
  "LEASE-INVOICE": (p) => ({
    text: `本行2024年支付租赁费用${p.paid}万元，但未填写租赁费用发票编号，请填写。`,
    quote: "2024年度租赁费用支付凭证（包含转账凭证、租赁费用发票）",
  }),
  "LEASE-EQUIP-AMOUNT": (p) =>
    `金额${p.amount}万元不等于数量×单价：${p.quantity}×${p.unitPrice}万元＝${p.expected}万元。`,
  "LEASE-EQUIP-SHANXI": (p) => ({
    text:
      p.kind === "outside"
        ? `使用地点“${p.location}”在${p.province}（${p.place}），不在山西省境内，该设备不能申请融资租赁补贴。`
        : `使用地点“${p.location}”提到${p.province}（${p.place}），设备可能不在山西省境内使用，请核对。`,
    quote: IN_SHANXI,
  }),
  "LEASE-EQUIP-TOTAL": (p) =>
    p.missing
      ? `设备租赁合同${p.contract}下的${p.count}项设备金额合计${p.total}万元；融资租赁补贴明细表中没有这个合同编号，请核对。`
      : `设备租赁合同${p.contract}：融资租赁设备明细表（工作表“${p.sheet}”）中${p.count}项设备金额合计${p.total}万元，本合同额度${p.amount === undefined ? "未填写" : `${p.amount}万元`}。`,
} satisfies MessagesFor<CodesOf<typeof LEASE_RULES>>;
