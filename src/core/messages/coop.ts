/** Messages of the 协作配套 rules (T4/T5, COOP-*), each with the notice's words it rests on. */
import type { COOP_RULES, YearFigures } from "../rules/coop";
import { COOP_YEARS } from "../catalog/years";
import { reasonText } from "./parse";
import { tierLabel, wan } from "./amounts";
import { type CodesOf, type MessagesFor, quoted } from "./types";

/** The notice's words (the tables' 填写说明 1–4, 附件1 六(十)、六(十一)), shown apart from the messages. */
const YEARS = "请根据2022年、2023年、2024年不同年份逐年填写";
const TYPES =
  "‘协作配套类型’为‘消纳配套’、‘供应配套’、‘消纳配套’和‘供应配套’等3种情况中的一种";
const PLACE = "‘所在地’一栏填写至县（市、区）一级";
const MARK =
  "具体申报‘链主’企业新增协作配套的企业须重点标注协作配套企业是否为‘2024年新增协作配套企业（年度交易金额500万元以上）’";
const TIERS_TEXT =
  "500万元、1000万元、2000万元、3000万元、5000万元、1亿元、3亿元、5亿元";
const LEADER_TIER = `相较2022年、2023年，2024年‘链主’企业与已有产业链协作配套企业协作配套交易额首次提升到${TIERS_TEXT}，分档予以‘链主’企业奖励。达到高档位的，不对低档位奖励资金进行累加奖励`;
const MEMBER_TIER = `相较2022年、2023年，2024年链上企业与同一产业链‘链主’企业协作配套交易额首次提升到${TIERS_TEXT}，分档予以链上企业奖励，达到高档位的，不对低档位奖励资金进行累加奖励`;
const NET_NEW =
  "相较2022年、2023年，2024年‘链主’企业每净增一户协作配套交易额不低于500万元协作配套企业，对‘链主’企业予以奖励";
const READING =
  "交易额按各年度表中已开发票金额之和计算（本工具的理解：通知要求以发票数据为依据），金额按填写值";

/** `已开发票金额：2022年480万元、2023年900万元、2024年2100万元（合同金额：…）`. */
function years(p: YearFigures): string {
  const part = (prefix: "a" | "c") =>
    COOP_YEARS.map((y) => `${y}年${wan(p[`${prefix}${y}`])}`).join("、");
  return `已开发票金额：${part("a")}（合同金额：${part("c")}）`;
}

/** `2024年首次达到2000万元档（2022、2023年最高为500万元档）` or that no higher tier was reached. */
function tierText(p: {
  tier: number | undefined;
  prev: number | undefined;
}): string {
  const prev =
    p.prev === undefined
      ? "2022、2023年均未达到500万元"
      : `2022、2023年最高为${tierLabel(p.prev)}档`;
  return p.tier === undefined
    ? `2024年未达到高于2022、2023年的档位（${prev}）`
    : `2024年首次达到${tierLabel(p.tier)}档（${prev}）`;
}

export const COOP_MESSAGES = {
  "COOP-TYPE": quoted(
    TYPES,
    (p) =>
      `协作配套类型“${p.value}”不是以下3种之一：消纳配套、供应配套、消纳配套和供应配套${p.suggest ? `（是否应为“${p.suggest}”？）` : ""}。`,
  ),
  "COOP-CODE": (p) =>
    `组织机构代码有误：${reasonText(p.reason)}（组织机构代码按GB 11714、统一社会信用代码按GB 32100检查校验码）。`,
  "COOP-PLACE": quoted(PLACE, (p) => {
    if (p.kind === "city")
      return `所在地“${p.value}”只写到${p.city}，未写到县（市、区）一级。`;
    if (p.kind === "mismatch")
      return `所在地“${p.value}”中的${p.county}不属于${p.within}，请核对。`;
    return `所在地“${p.value}”中没有县（市、区）一级的行政区划名称（如“太原市小店区”）。`;
  }),
  "COOP-INVOICE-OVER": (p) => ({
    text: `已开发票金额${wan(p.invoice)}大于合同金额${wan(p.contract)}，请核对。`,
    quote: "发票、大额合同",
  }),
  "COOP-CONTRACT-DATE": quoted(
    YEARS,
    (p) =>
      `签订合同时间${p.date}晚于本表的年度${p.year}年：本年度的交易不应依据之后签订的合同，请核对日期或年份。`,
  ),
  "COOP-YEARS": quoted(YEARS, (p) => {
    if (p.kind === "unknown")
      return `标题中的年度未填写或无法识别，请在“____年度”处填写2022、2023或2024。`;
    if (p.kind === "other")
      return `本表标题的年度是${p.year}年，通知只要求2022年、2023年、2024年的表。`;
    return `缺少${p.missing}的本表：须按2022年、2023年、2024年逐年各填一张；缺少年度时无法比较各年交易额。`;
  }),
  "COOP-NEW-MARK": quoted(MARK, (p) => {
    const figures = `${p.name}的${years(p)}`;
    if (p.kind === "mark-new")
      return `备注标注为2024年新增协作配套企业，但${figures}：${
        Number(p.a2024) < 500
          ? "2024年交易额不足500万元"
          : "该企业已在2022年或2023年的表中，是已有的协作配套企业（存量），不是新增"
      }，与标注不符，请核对。${READING}。`;
    if (p.kind === "mark-not-new")
      return `备注标注为非新增，但${figures}：2024年达到500万元，2022、2023年的表中均没有该企业，属于2024年新增协作配套企业，请核对。${READING}。`;
    const why = p.applying
      ? "本工作簿的情况表申报“链主”企业新增协作配套奖励，须在备注重点标注"
      : "如申报“链主”企业新增协作配套奖励，须在备注重点标注";
    return `${figures}：2024年达到500万元，2022、2023年的表中均没有该企业，属于“2024年新增协作配套企业（年度交易金额500万元以上）”，备注未标注。${why}。${READING}。`;
  }),
  "COOP-TIER": (p) => {
    const member = p.list === "member-transactions";
    const quote = member ? MEMBER_TIER : LEADER_TIER;
    if (p.scope === "partner")
      return {
        text: `${member ? "“链主”企业" : "协作配套企业"}${p.name}：${tierText(p)}。${years(p)}。${READING}。`,
        quote,
      };
    const who = member
      ? `与${p.chain ?? "同一产业链"}全部“链主”企业合计`
      : "全部协作配套企业合计（另一种理解：档位按全部企业合计计算）";
    return { text: `${who}：${tierText(p)}。${years(p)}。${READING}。`, quote };
  },
  "COOP-NET-NEW": (p) => {
    const net = Number(p.conservative);
    const text =
      `交易额不低于500万元的协作配套企业：2022年${p.n2022}户、2023年${p.n2023}户、2024年${p.n2024}户。` +
      `（A）2024年户数减去2022、2023年中较多的户数：${p.a}；` +
      `（B）2024年达到500万元、2022和2023年的表中均没有的新增协作配套企业：${p.b}户${p.names ? `（${p.names}）` : ""}。` +
      `${net > 0 ? `按较保守的口径（A、B中较小者），净增${net}户` : "按较保守的口径（A、B中较小者），没有净增"}` +
      `。${READING}。`;
    return { text, quote: NET_NEW };
  },
  "COOP-SAME-CHAIN": (p) => ({
    text: `所属产业链“${p.value}”与申报企业的产业链${p.chain}（${
      p.from === "情况表" ? "取自情况表的项目名称" : "按本表最常见的产业链"
    }）不同，本行不计入交易额档位。`,
    quote: MEMBER_TIER,
  }),
} satisfies MessagesFor<CodesOf<typeof COOP_RULES>>;
