/**
 * 资格自检 (eligibility check) as data: the conditions the notice (晋工信投资字〔2026〕12号) sets before any table is
 * filled — the general ones of 正文 一 and the thresholds of each 申报方向 in 附件1 (and 附件2 where the notice puts a
 * threshold there) — each with the notice's words and its section. This is the only place these numbers are written:
 * the evaluator (core/eligibility), the 资格自检 sheet's formulas and the task pane's form all read them from here.
 *
 * **Reading of 以上 / 不低于 / 达 / 及以上**: the number itself is included (≥). 《民法典》第一千二百五十九条:
 * "民法所称的‘以上’‘以下’‘以内’‘届满’，包括本数"; the notice itself writes "须在1万吨及以上" for the same kind of
 * threshold, and "2024年1月1日以后" includes that day.
 * Amounts are in 万元 (the unit of every table of the notice): 3亿元 = 30000 万元.
 */
import {
  INDUSTRIES_BY_CATEGORY,
  DIRECTIONS_BY_SPECIAL,
  DEMO_PROGRAMMES,
} from "./enums";

/** The kinds of figure the enterprise types. */
export type InputKind =
  "amount" | "number" | "percent" | "date" | "yesNo" | "industry" | "programme";

/** One figure or answer the enterprise gives. */
export interface EligibilityInput {
  key: string;
  /** The question or figure, in the notice's words. */
  label: string;
  kind: InputKind;
  /** Unit shown beside the cell (万元, %, 万吨, 万吨二氧化碳当量, 立方米). */
  unit?: string;
}

/**
 * A computed figure: an input as typed, `a − b`, the growth `(a − b) ÷ b` in percent, or `a − max(b, c)` (the
 * 2024 increase not counted twice, 附件2 三(二)4(4)).
 */
export type Metric =
  | { input: string }
  | { diff: [string, string] }
  | { growth: [string, string] }
  | { overMax: [string, readonly string[]] };

/** How a condition is decided. */
export type Test =
  /** The answer 是 meets it, 否 does not. */
  | { kind: "yes"; input: string }
  /** The metric is at least `min` (≥, see the reading above). */
  | {
      kind: "atLeast";
      metric: Metric;
      min: number;
      unit: string;
      metricLabel: string;
    }
  /** The date is on or after `date` (ISO). */
  | { kind: "onOrAfter"; input: string; date: string }
  /** The typed value is one of `values`. */
  | { kind: "oneOf"; input: string; values: readonly string[] };

/** One condition of the notice. */
export interface Condition {
  id: string;
  /** Short name shown in the verdict list. */
  label: string;
  /** The notice's words. */
  quote: string;
  /** Seed section, e.g. `附件1 六(四)`. */
  source: string;
  test: Test;
}

/** The conditions of one 申报方向 (besides the general ones). */
export interface DirectionEligibility {
  direction: string;
  /** 申报专项 of the direction. */
  special: string;
  conditions: readonly Condition[];
  /** What the notice leaves to the reviewers (no threshold to check here), shown as a note. */
  note?: string;
}

/** 试点示范奖励: applied for through the “免申即享”申报表 (正文 二(三)1), not the 情况表's direction list. */
export const DEMONSTRATION_DIRECTION = "试点示范奖励";

export const ELIGIBILITY_INPUTS: readonly EligibilityInput[] = [
  {
    key: "legalPerson",
    label: "项目申报企业（单位）为独立法人企业或其他法人单位",
    kind: "yesNo",
  },
  { key: "inShanxi", label: "事项类项目在山西省境内实施", kind: "yesNo" },
  {
    key: "noOtherFunding",
    label: "事项类项目没有获得过其他省级财政资金支持",
    kind: "yesNo",
  },
  {
    key: "notBlacklisted",
    label:
      "未列入“信用中国（山西）”网站失信黑名单或“国家企业信用信息公示系统”严重违法失信企业名单",
    kind: "yesNo",
  },
  {
    key: "noAccident",
    label: "2024年度未发生较大及以上生产安全事故",
    kind: "yesNo",
  },
  { key: "industry", label: "所属行业", kind: "industry" },
  { key: "revenue2023", label: "2023年营业收入", kind: "amount", unit: "万元" },
  { key: "revenue2024", label: "2024年营业收入", kind: "amount", unit: "万元" },
  {
    key: "noEmergingDouble",
    label: "未就同一营业收入享受战略性新兴产业奖补",
    kind: "yesNo",
  },
  {
    key: "mergerInvestment",
    label: "并购企业对目标企业的实际出资额（折合人民币，最后一次并购）",
    kind: "amount",
    unit: "万元",
  },
  { key: "mergerStake", label: "并购企业占股比例", kind: "percent", unit: "%" },
  {
    key: "mergerDate",
    label: "完成兼并重组（工商变更和股权变更）的日期",
    kind: "date",
  },
  {
    key: "mergerUnrelated",
    label: "兼并重组交易为非关联企业交易",
    kind: "yesNo",
  },
  {
    key: "mergerApproved",
    label: "兼并重组符合国家规定并已取得相关核准手续",
    kind: "yesNo",
  },
  {
    key: "waste2022",
    label: "2022年度消纳工业固废量",
    kind: "number",
    unit: "万吨",
  },
  {
    key: "waste2023",
    label: "2023年度消纳工业固废量",
    kind: "number",
    unit: "万吨",
  },
  {
    key: "waste2024",
    label: "2024年度消纳工业固废量",
    kind: "number",
    unit: "万吨",
  },
  {
    key: "wasteKinds",
    label:
      "所计固废均为本省产生的煤矸石、粉煤灰、脱硫石膏、赤泥、冶炼渣（不含高炉渣）",
    kind: "yesNo",
  },
  {
    key: "co2Emission",
    label: "年度温室气体排放量",
    kind: "number",
    unit: "万吨二氧化碳当量",
  },
  { key: "ultraLow", label: "企业已实现超低排放", kind: "yesNo" },
  {
    key: "waterUse",
    label: "年度用水量（取水量）",
    kind: "number",
    unit: "立方米",
  },
  {
    key: "waterAdvanced",
    label: "2024年度新增达到用水定额先进值",
    kind: "yesNo",
  },
  {
    key: "adFee",
    label: "2024年度投放广告宣传区域公共品牌的广告费用",
    kind: "amount",
    unit: "万元",
  },
  {
    key: "brandTown",
    label: "宣传的是省级特色专业镇区域公共品牌",
    kind: "yesNo",
  },
  {
    key: "drugSales",
    label: "申报品种年度销售收入",
    kind: "amount",
    unit: "万元",
  },
  {
    key: "drugNewCert",
    label: "新取得药品注册证书（或完成一致性评价）",
    kind: "yesNo",
  },
  {
    key: "globalSales",
    label: "申报品种在国外当地首次实现的年度销售收入",
    kind: "amount",
    unit: "万元",
  },
  {
    key: "interest2024",
    label: "2024年度全部新增贷款产生的利息",
    kind: "amount",
    unit: "万元",
  },
  {
    key: "chainMember",
    label: "企业为省级重点产业链制造业领域、数字核心产业领域链上企业",
    kind: "yesNo",
  },
  {
    key: "drawnAndPaid2024",
    label: "新增贷款于2024年当年提款并付息",
    kind: "yesNo",
  },
  {
    key: "demonstrationProgramme",
    label: "申报奖励的国家级试点示范",
    kind: "programme",
  },
  {
    key: "demoNational2024",
    label: "该试点示范为企业2024年度新增的国家级试点示范",
    kind: "yesNo",
  },
];

/** An input by key. @throws Error for an unknown key (a programming error). */
export function eligibilityInput(key: string): EligibilityInput {
  const found = ELIGIBILITY_INPUTS.find((i) => i.key === key);
  if (!found) throw new Error(`未知的自检项目：${key}`);
  return found;
}

const yes = (
  id: string,
  label: string,
  quote: string,
  source: string,
  input = id,
): Condition => ({
  id,
  label,
  quote,
  source,
  test: { kind: "yes", input },
});

/** 正文 一(一)(二): every applicant. */
export const GENERAL_CONDITIONS: readonly Condition[] = [
  yes(
    "legalPerson",
    "独立法人",
    "事项类项目申报企业（单位）须为独立法人企业或其他法人单位。",
    "正文 一(一)",
  ),
  yes(
    "inShanxi",
    "在山西省境内实施",
    "事项类项目在山西省境内实施",
    "正文 一(一)",
  ),
  yes(
    "noOtherFunding",
    "未获其他省级财政资金支持",
    "没有获得过其他省级财政资金支持。",
    "正文 一(一)",
  ),
  yes(
    "notBlacklisted",
    "不在失信名单",
    "列入“信用中国（山西）”网站失信黑名单或“国家企业信用信息公示系统”严重违法失信企业名单的……不得申报。",
    "正文 一(二)",
  ),
  yes(
    "noAccident",
    "2024年度无较大及以上生产安全事故",
    "2024年度发生较大及以上生产安全事故的，不得申报。",
    "正文 一(二)",
  ),
];

const industries = Object.values(INDUSTRIES_BY_CATEGORY).flat();
/** 消费品工业 (附件1 六(五) "含食品、轻纺、现代医药产业"). */
export const CONSUMER_INDUSTRIES = [
  "食品",
  "轻工",
  "纺织",
  "现代医药",
] as const;
/** 数字核心产业 (附件1 六(六) "含电子信息制造业、软件和信息技术服务业、通信业、互联网和相关服务业"). */
export const DIGITAL_CORE_INDUSTRIES = [
  "电子信息",
  "软件和信息技术服务业",
  "通信业",
  "互联网和相关服务业",
] as const;
/** 所属行业 values that are not 制造业 (services of the 数字核心产业). */
const NON_MANUFACTURING = [
  "软件和信息技术服务业",
  "通信业",
  "互联网和相关服务业",
];
/** 制造业 industries outside 消费品工业 and 电子信息制造业 (附件1 六(四) "不含消费品工业、电子信息制造业"). */
export const MANUFACTURING_REVENUE_INDUSTRIES: readonly string[] =
  industries.filter(
    (i) =>
      !(CONSUMER_INDUSTRIES as readonly string[]).includes(i) &&
      !(DIGITAL_CORE_INDUSTRIES as readonly string[]).includes(i),
  );
/** 制造业 industries (all but the service sectors). */
export const MANUFACTURING_INDUSTRIES: readonly string[] = industries.filter(
  (i) => !NON_MANUFACTURING.includes(i),
);

const growth = (min: number): Condition["test"] => ({
  kind: "atLeast",
  metric: { growth: ["revenue2024", "revenue2023"] },
  min,
  unit: "%",
  metricLabel: "2024年营收增速",
});
const increase = (min: number): Condition["test"] => ({
  kind: "atLeast",
  metric: { diff: ["revenue2024", "revenue2023"] },
  min,
  unit: "万元",
  metricLabel: "2024年营收增量",
});

/** The three 营收进档 directions (附件1 六(四)–(六)): increase, growth, industry, and no double reward. */
function revenue(
  direction: string,
  source: string,
  minIncrease: number,
  increaseWords: string,
  industryWords: string,
  allowed: readonly string[],
): DirectionEligibility {
  return {
    direction,
    special: "企业增量提质专项",
    conditions: [
      {
        id: "industry",
        label: "所属行业",
        quote: industryWords,
        source,
        test: { kind: "oneOf", input: "industry", values: allowed },
      },
      {
        id: "revenueIncrease",
        label: "营收增量",
        quote: increaseWords,
        source,
        test: increase(minIncrease),
      },
      {
        id: "revenueGrowth",
        label: "营收增速",
        quote: "营收增速 15% 以上",
        source,
        test: growth(15),
      },
      yes(
        "noEmergingDouble",
        "未重复享受",
        "同一企业已享受战略性新兴产业奖补营业收入部分，不得重复享受技改资金营收进档奖励，下同。",
        "附件1 六(四)",
      ),
    ],
  };
}

/** Conditions per 申报方向; a direction not listed has only the general conditions and a note. */
export const DIRECTION_ELIGIBILITY: readonly DirectionEligibility[] = [
  {
    direction: "专业镇品牌价值提升（区域公共品牌宣传奖励）",
    special: "集聚集约增效专项",
    conditions: [
      yes(
        "brandTown",
        "省级特色专业镇区域公共品牌",
        "省级特色专业镇所在地政府联合企业或企业 2024 年度……投放广告宣传区域公共品牌",
        "附件1 一(三)",
      ),
      {
        id: "adFee",
        label: "广告费用",
        quote: "广告费用在 50 万元以上的，对实际支付广告费予以奖励。",
        source: "附件1 一(三)",
        test: {
          kind: "atLeast",
          metric: { input: "adFee" },
          min: 50,
          unit: "万元",
          metricLabel: "2024年度广告费用",
        },
      },
    ],
  },
  {
    direction: "新药研发和产业化（仿制药）",
    special: "技术创新牵引专项",
    conditions: [
      yes(
        "drugNewCert",
        "新取得注册证书",
        "对新取得药品注册证书、年度销售收入首次达到 500 万元以上的品种，予以奖励。",
        "附件1 三(一)",
      ),
      {
        id: "drugSales",
        label: "年度销售收入",
        quote: "年度销售收入首次达到 500 万元以上的品种",
        source: "附件1 三(一)",
        test: {
          kind: "atLeast",
          metric: { input: "drugSales" },
          min: 500,
          unit: "万元",
          metricLabel: "年度销售收入",
        },
      },
    ],
  },
  {
    direction: "新药研发和产业化（全球注册认证）",
    special: "技术创新牵引专项",
    conditions: [
      {
        id: "globalSales",
        label: "国外年度销售收入",
        quote:
          "开展全球注册认证并在国外当地首次实现年度销售收入 500 万元以上的品种，予以奖励。",
        source: "附件1 三(五)",
        test: {
          kind: "atLeast",
          metric: { input: "globalSales" },
          min: 500,
          unit: "万元",
          metricLabel: "国外年度销售收入",
        },
      },
    ],
  },
  {
    direction: "二氧化碳排放管理水平奖励",
    special: "绿色低碳转型专项",
    conditions: [
      {
        id: "co2Emission",
        label: "年度温室气体排放量",
        quote:
          "年度温室气体排放量达 2.6 万吨二氧化碳当量（综合能源消费量约 1 万吨标准煤）的企业",
        source: "附件1 五(二)",
        test: {
          kind: "atLeast",
          metric: { input: "co2Emission" },
          min: 2.6,
          unit: "万吨二氧化碳当量",
          metricLabel: "年度温室气体排放量",
        },
      },
      yes("ultraLow", "超低排放", "在实现超低排放的基础上", "附件1 五(二)"),
    ],
  },
  {
    direction: "用水强度奖励",
    special: "绿色低碳转型专项",
    conditions: [
      {
        id: "waterUse",
        label: "年度用水量",
        quote: "取水量（年度用水量不低于500000m³）",
        source: "附件2 四(四)5(3)",
        test: {
          kind: "atLeast",
          metric: { input: "waterUse" },
          min: 500000,
          unit: "立方米",
          metricLabel: "年度用水量",
        },
      },
      yes(
        "waterAdvanced",
        "达到先进值",
        "对 2024 年度新增企业达到先进值的予以奖励。",
        "附件1 五(三)",
      ),
    ],
  },
  {
    direction: "资源综合利用量奖励",
    special: "绿色低碳转型专项",
    conditions: [
      {
        id: "industry",
        label: "制造业企业",
        quote: "对 2024 年度新增本省产生的工业固废……消纳量的制造业企业",
        source: "附件1 五(四)",
        test: {
          kind: "oneOf",
          input: "industry",
          values: MANUFACTURING_INDUSTRIES,
        },
      },
      yes(
        "wasteKinds",
        "所计固废种类",
        "本省产生的工业固废（煤矸石、粉煤灰、脱硫石膏、赤泥、冶炼渣（高炉渣除外））",
        "附件1 五(四)",
      ),
      {
        id: "wasteIncrease",
        label: "2024年度新增消纳量",
        quote:
          "申报企业 2024 年度新增消纳工业固废量须在 1 万吨及以上。……（以2022年度数据为基期值，对比2023年度、2024年度数据，不奖励重复增量部分）",
        source: "附件1 五(四)；附件2 三(二)4(4)",
        test: {
          kind: "atLeast",
          metric: { overMax: ["waste2024", ["waste2022", "waste2023"]] },
          min: 1,
          unit: "万吨",
          metricLabel: "2024年度新增消纳量（2024年度减2022、2023年度中较大者）",
        },
      },
    ],
  },
  {
    direction: "产业链贷款贴息",
    special: "企业增量提质专项",
    conditions: [
      yes(
        "chainMember",
        "省级重点产业链链上企业",
        "省级重点产业链制造业领域、数字核心产业领域链上企业（含“链主”“链核”企业）2024 年度新增贷款",
        "附件1 六(一)",
      ),
      yes(
        "drawnAndPaid2024",
        "2024年当年提款并付息",
        "新增贷款须于 2024 年当年提款并付息",
        "附件1 六(一)",
      ),
      {
        id: "interest2024",
        label: "2024年度利息",
        quote: "申报企业 2024 年度全部新增贷款产生的利息不得低于 10 万元。",
        source: "附件1 六(一)",
        test: {
          kind: "atLeast",
          metric: { input: "interest2024" },
          min: 10,
          unit: "万元",
          metricLabel: "2024年度全部新增贷款利息",
        },
      },
    ],
  },
  revenue(
    "制造业营收进档奖励",
    "附件1 六(四)",
    30000,
    "2024 年度营收增量 3 亿元以上",
    "制造业领域（不含消费品工业、电子信息制造业）企业",
    MANUFACTURING_REVENUE_INDUSTRIES,
  ),
  revenue(
    "消费品工业营收进档奖励",
    "附件1 六(五)",
    10000,
    "2024 年度营收增量在 1 亿元以上",
    "消费品工业（含食品、轻纺、现代医药产业）企业",
    CONSUMER_INDUSTRIES,
  ),
  revenue(
    "数字核心产业营收进档奖励",
    "附件1 六(六)",
    5000,
    "2024 年度营收增量在 5000 万元以上",
    "数字核心产业（含电子信息制造业、软件和信息技术服务业、通信业、互联网和相关服务业）企业",
    DIGITAL_CORE_INDUSTRIES,
  ),
  {
    direction: DEMONSTRATION_DIRECTION,
    special: "企业增量提质专项",
    conditions: [
      {
        id: "demonstrationProgramme",
        label: "纳入奖励范围的试点示范",
        quote:
          "纳入奖励范围的国家级试点示范包括：企业技术中心……制造业数字化转型促进中心等两化融合类。",
        source: "附件1 六(七)",
        test: {
          kind: "oneOf",
          input: "demonstrationProgramme",
          values: Object.values(DEMO_PROGRAMMES).flat(),
        },
      },
      yes(
        "demoNational2024",
        "2024年度新增国家级",
        "企业 2024 年度新增国家级试点示范",
        "附件1 六(七)",
      ),
    ],
    note: "试点示范奖励实行“免申即享”：填报“免申即享”申报表，由市工信局汇总报送（正文 二(三)1）。",
  },
  {
    direction: "兼并重组奖励",
    special: "企业增量提质专项",
    conditions: [
      {
        id: "industry",
        label: "制造业重点领域企业",
        quote: "支持制造业重点领域企业按照市场化原则进行兼并重组",
        source: "附件1 六(八)",
        test: {
          kind: "oneOf",
          input: "industry",
          values: MANUFACTURING_INDUSTRIES,
        },
      },
      {
        id: "mergerInvestment",
        label: "实际出资额",
        quote: "并购企业对目标企业的实际出资额折合人民币 5 亿元以上",
        source: "附件1 六(八)",
        test: {
          kind: "atLeast",
          metric: { input: "mergerInvestment" },
          min: 50000,
          unit: "万元",
          metricLabel: "实际出资额",
        },
      },
      {
        id: "mergerStake",
        label: "占股比例",
        quote: "并购企业占股比例在 50%以上",
        source: "附件1 六(八)",
        test: {
          kind: "atLeast",
          metric: { input: "mergerStake" },
          min: 50,
          unit: "%",
          metricLabel: "占股比例",
        },
      },
      {
        id: "mergerDate",
        label: "完成时间",
        quote:
          "并购企业须于 2024 年 1 月 1 日以后完成企业兼并重组，完成工商变更和股权变更等相关手续。",
        source: "附件1 六(八)",
        test: { kind: "onOrAfter", input: "mergerDate", date: "2024-01-01" },
      },
      yes(
        "mergerUnrelated",
        "非关联企业交易",
        "兼并重组交易应为符合国家规定并已取得相关核准手续的非关联企业交易。",
        "附件1 六(八)",
      ),
      yes(
        "mergerApproved",
        "已取得核准手续",
        "兼并重组交易应为符合国家规定并已取得相关核准手续的非关联企业交易。",
        "附件1 六(八)",
      ),
    ],
  },
];

/** Every 申报方向 the 资格自检 offers: the 情况表's directions, then 试点示范奖励. */
export const ELIGIBILITY_DIRECTIONS: readonly string[] = [
  ...Object.values(DIRECTIONS_BY_SPECIAL).flat(),
  DEMONSTRATION_DIRECTION,
];

/** Note for a direction without a threshold of its own. */
const NO_THRESHOLD =
  "通知对本方向未规定可在此自检的数额门槛，请对照附件1所列条件准备材料。";

/**
 * The conditions of `direction`: the general ones (正文 一), then the direction's own.
 * @returns undefined for a text that is not a 申报方向 of the notice
 */
export function eligibilityFor(
  direction: string,
): (DirectionEligibility & { general: readonly Condition[] }) | undefined {
  if (!ELIGIBILITY_DIRECTIONS.includes(direction)) return undefined;
  const own = DIRECTION_ELIGIBILITY.find((d) => d.direction === direction);
  const special =
    own?.special ??
    Object.entries(DIRECTIONS_BY_SPECIAL).find(([, ds]) =>
      ds.includes(direction),
    )?.[0] ??
    "";
  return {
    direction,
    special,
    conditions: own?.conditions ?? [],
    general: GENERAL_CONDITIONS,
    ...(own?.note ? { note: own.note } : own ? {} : { note: NO_THRESHOLD }),
  };
}

/** The inputs a direction's conditions read, in {@link ELIGIBILITY_INPUTS} order (general ones first). */
export function inputsFor(direction: string): EligibilityInput[] {
  const e = eligibilityFor(direction);
  if (!e) return [];
  const keys = new Set<string>();
  for (const c of [...e.general, ...e.conditions])
    for (const k of testInputs(c.test)) keys.add(k);
  return ELIGIBILITY_INPUTS.filter((i) => keys.has(i.key));
}

/** The input keys a test reads. */
export function testInputs(test: Test): string[] {
  if (test.kind !== "atLeast") return [test.input];
  const m = test.metric;
  if ("input" in m) return [m.input];
  if ("diff" in m) return [...m.diff];
  if ("growth" in m) return [...m.growth];
  return [m.overMax[0], ...m.overMax[1]];
}
