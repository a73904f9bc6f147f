/** Messages of the 算力服务 rules (T9, COMPUTE-*), each with the notice's words it rests on. */
import { wan } from "./amounts";
import { reasonText } from "./parse";
import type { COMPUTE_RULES } from "../rules/compute";
import type { CodesOf, MessagesFor } from "./types";

/** The notice's words (附件1 三(七), 附件2 四(四)3(7)), shown apart from the messages. */
const RELATED = "算力需求方与算力供给方不得存在关联关系";
const DOCS =
  "完成算力服务的项目明细表及有效证明材料（服务合同、结算凭证、用户验收报告及其他完成算力服务的证明材料，服务合同和结算凭证编号应与明细表对应）";
const SMART =
  "企业采购智能算力开展AI大模型训练、推理的项目，按照算力服务金额予以奖励";

export const COMPUTE_MESSAGES = {
  "COMPUTE-RELATED": (p) => ({
    quote: RELATED,
    text:
      p.relation === "申报企业本身"
        ? `算力供给方就是申报企业本身（${p.party}），不能申请奖励。`
        : `算力供给方是关联方清单中的“${p.party}”（关联关系：${p.relation}），不能申请奖励。`,
  }),
  "COMPUTE-RELATED-NAME": (p) => ({
    quote: RELATED,
    text: `算力供给方的字号“${p.trade}”与${
      p.relation === "申报企业本身" ? "申报企业" : `关联方（${p.relation}）`
    }“${p.party}”的字号${p.trade === p.partyTrade ? "相同" : `“${p.partyTrade}”相近（一个以另一个开头）`}，可能存在关联关系，请核实。字号按企业名称去掉行政区划、行业用语和组织形式后比较。`,
  }),
  "COMPUTE-RELATED-LIST": () => ({
    quote: RELATED,
    text: `本工作簿没有关联方清单：只能核对算力供给方是否为申报企业本身。可插入“关联方清单”填写申报企业的关联方，以便逐一核对。关联方清单为本工具增设，通知未要求。`,
  }),
  "COMPUTE-CODE": (p) =>
    p.kind === "org"
      ? {
          text: `填写的是9位组织机构代码${p.code}，本列应填写18位统一社会信用代码（GB 32100），用于核对关联关系。`,
          quote: RELATED,
        }
      : `统一社会信用代码有误：${reasonText(p.reason)}（按GB 32100检查校验码）。`,
  "COMPUTE-SETTLE-OVER": (p) => ({
    quote: DOCS,
    text:
      Number(p.count) > 1
        ? `同一服务合同的${p.count}笔结算金额合计${wan(p.settled)}，大于合同金额${wan(p.contract)}，请核对。`
        : `结算金额${wan(p.settled)}大于合同金额${wan(p.contract)}，请核对。`,
  }),
  "COMPUTE-DOC-NUMBERS": (p) => {
    if (p.kind === "dup")
      return {
        quote: DOCS,
        text: `结算凭证编号“${p.value}”与第${p.firstRow}行重复：同一结算凭证不应计入两次（一份合同可以有多笔结算，但每笔结算凭证编号不同）。`,
      };
    const what = p.kind === "contractNo" ? "服务合同编号" : "结算凭证编号";
    return { text: `${what}未填写，请填写。`, quote: DOCS };
  },
  "COMPUTE-TYPE": (p) => ({
    quote: SMART,
    text:
      p.kind === "general"
        ? "算力类型为通用算力：奖励针对采购的智能算力。"
        : p.kind === "type"
          ? `算力类型“${p.value}”不是“智能算力”或“通用算力”，奖励针对采购的智能算力。`
          : `用途“${p.value}”不是训练或推理。`,
  }),
} satisfies MessagesFor<CodesOf<typeof COMPUTE_RULES>>;
