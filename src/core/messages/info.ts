import type { INFO_RULES } from "../rules/info";
import type { CodesOf, MessagesFor } from "./types";

/** ` 是否应为“民营企业”？` when the finding suggests a list value. */
function maybe(p: { suggest?: string | undefined }): string {
  return p.suggest !== undefined ? `是否应为“${p.suggest}”？` : "";
}

const SPECIALS_TEXT =
  "集聚集约增效专项、核心竞争力提升专项、技术创新牵引专项、数字化智能化改造专项、绿色低碳转型专项、企业增量提质专项";

export const INFO_MESSAGES = {
  "INFO-SPECIAL": (p) =>
    `申报专项“${p.value}”不是通知所列专项。${maybe(p)}请填写${SPECIALS_TEXT}其中一项。`,
  "INFO-DIRECTION": (p) => {
    if (p.case === "notApplied")
      return `申报方向“${p.value}”不通过本表申报：试点示范奖励实行“免申即享”（填报附件4），“链主”“链核”企业奖励“项目单位无须申报”。`;
    if (p.case === "slash")
      return {
        text: `申报方向“${p.value}”照抄了通知中的多个选项，请只填写一个申报方向。`,
        quote: "其中一项",
      };
    if (p.case === "other")
      return `申报方向“${p.value}”属于${p.belongsTo}，与申报专项“${p.special}”不符。`;
    return `申报方向“${p.value}”不是通知所列方向${p.special ? `（${p.special}可填的方向见下拉列表）` : ""}。${maybe(p)}`;
  },
  "INFO-NATURE": (p) => ({
    text: `企业（单位）性质“${p.value}”不在通知所列范围。${maybe(p)}`,
    quote: "企业（单位）性质填写央企、省属国企、地方国企、民营企业、其他",
  }),
  "INFO-CATEGORY": (p) => ({
    text: `行业分类“${p.value}”不在通知所列范围。${maybe(p)}`,
    quote: "行业分类填写传统优势产业、战略性新兴产业",
  }),
  "INFO-INDUSTRY": (p) =>
    p.belongsTo
      ? `所属行业“${p.value}”属于${p.belongsTo}，与行业分类“${p.category}”不符。`
      : `所属行业“${p.value}”不是通知所列行业${p.category ? `（${p.category}可填的行业见下拉列表）` : ""}。${maybe(p)}`,
  "INFO-CITY": (p) =>
    p.kind === "short"
      ? `所在市填写为“${p.value}”，请填写设区市的全称“${p.suggest}”（下拉列表中的名称），以便汇总。`
      : String(p.value).includes("综改")
        ? `所在市填写了“${p.value}”：山西转型综改示范区是审核单位，请填写项目所在的市。`
        : {
            text: `所在市“${p.value}”不是山西省的设区市，请填写项目所在的设区市。`,
            quote: "在山西省境内实施",
          },
  "INFO-COUNTY": (p) =>
    p.suggest !== undefined
      ? `所在县填写为“${p.value}”，请填写${p.city}所辖县（市、区）的全称“${p.suggest}”（下拉列表中的名称）。`
      : `所在县“${p.value}”不是${p.city}所辖的县（市、区）。`,
  "INFO-CONTACT": (p) => `项目联系人及手机“${p.value}”中没有11位手机号码。`,
  "INFO-PROJECT-NAME": (p) =>
    p.case === "slash"
      ? `项目名称“${p.value}”照抄了通知中的多个选项，请选择其中一项（应为“${p.expected}”的形式）。`
      : `申报方向为${p.direction}时，项目名称应填写“${p.expected}”，现为“${p.value}”。`,
  "INFO-REVENUE-INDUSTRY": (p) => {
    if (p.direction === "制造业营收进档奖励")
      return `制造业营收进档奖励“不含消费品工业、电子信息制造业”，所属行业为“${p.value}”。`;
    if (p.direction === "消费品工业营收进档奖励")
      return `消费品工业营收进档奖励适用于“消费品工业（含食品、轻纺、现代医药产业）企业”，所属行业为“${p.value}”。`;
    return `数字核心产业营收进档奖励适用于“数字核心产业（含电子信息制造业、软件和信息技术服务业、通信业、互联网和相关服务业）企业”，所属行业为“${p.value}”。`;
  },
  "INFO-MANUFACTURING": (p) =>
    `${p.direction}面向制造业（领域）企业，所属行业“${p.value}”不属于制造业，请核实。`,
} satisfies MessagesFor<CodesOf<typeof INFO_RULES>>;
