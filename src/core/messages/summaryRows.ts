import type { MERGE_RULES } from "../rules/summaryRows";
import type { CodesOf, MessagesFor } from "./types";

export const MERGE_MESSAGES = {
  "MERGE-DUP": (p) =>
    `“${p.value}”的同一申报方向、同一项目名称与第${p.firstRow}行重复。`,
  "MERGE-LEAD-CHOICE": (p) => ({
    text: `“${p.value}”同时申报了“链主”企业新增协作配套奖励和存量协作配套提升奖励（另见第${p.firstRow}行）。`,
    quote: "选择……两种方式的一种",
  }),
  "MERGE-LIANGHUA": (p) => ({
    text: `“${p.value}”重复申报两化融合管理体系贯标（另见第${p.firstRow}行）。`,
    quote: "同一企业只能享受一次两化融合管理体系贯标奖励",
  }),
  "MERGE-CITY": (p) =>
    `项目所在市为${p.value}，与审核单位“${p.unit}”所在的${p.unitCity}不同（按照属地原则组织申报）。`,
} satisfies MessagesFor<CodesOf<typeof MERGE_RULES>>;
