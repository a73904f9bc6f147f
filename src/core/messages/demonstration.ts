import { DEMO_PROGRAMMES } from "../catalog/enums";
import type { DEMONSTRATION_RULES } from "../rules/demonstration";
import type { CodesOf, MessagesFor } from "./types";

const KINDS = Object.values(DEMO_PROGRAMMES).flat().join("、");

export const DEMO_MESSAGES = {
  "DEMO-ONE-PER-YEAR": (p) => ({
    text: `申报奖励的试点示范填写了${p.count}项（“${p.value}”）。`,
    quote: "同一年度新增试点示范只奖励1项",
  }),
  "DEMO-IN-2024-LIST": (p) =>
    p.near
      ? `申报奖励的“${p.value}”与2024年度获批名称“${p.near}”不完全一致，请核实。`
      : {
          text: `申报奖励的“${p.value}”不在企业2024年度获批的国家级试点示范名称中（${p.listed || "未填写"}）。`,
          quote: "企业2024年度新增国家级试点示范",
        },
  "DEMO-COUNT": (p) =>
    `累计获批数量填写为${p.value}个，但列出的累计获批名称为${p.listed}个。`,
  "DEMO-CUMULATIVE": (p) =>
    p.case === "late"
      ? `累计获批名称“${p.value}”的获批年度为${p.year}年，晚于2024年度（表头：“截至2024年度累计获批”）。`
      : `2024年度获批的“${p.value}”未列入截至2024年度累计获批的名称。`,
  "DEMO-REPEAT": (p) => ({
    text: `申报奖励的“${p.value}”已于${p.year}年获批，奖励对象为2024年度新增试点示范。`,
    quote: "同一企业同一项试点示范只奖励1次",
  }),
  "DEMO-KIND": (p) => ({
    text:
      p.level !== undefined
        ? `“${p.value}”是${p.level}试点示范（“${p.word}”）${p.programme ? `，不是国家级的${p.programme}` : ""}，不在奖励范围（${KINDS}）。`
        : `“${p.value}”不属于通知所列纳入奖励范围的国家级试点示范（${KINDS}），请核实。`,
    quote: "企业2024年度新增国家级试点示范",
  }),
} satisfies MessagesFor<CodesOf<typeof DEMONSTRATION_RULES>>;
