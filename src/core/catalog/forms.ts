/**
 * The texts of the notice's forms (附件2 一, 二(二), 二(三), 四(三) and the formats after 附件2 五) as data: the cover
 * (封面), the 承诺书, the 现场核查表 and the 省级专项转移支付项目绩效目标表, with the rules the notice gives for
 * filling them (支持方式, the 方向-specific promises). Written as the notice prints them, PDF stray spaces removed
 * except where the notice spaces out a label on purpose (`申 报 专 项`).
 */

/** 支持方式 by 申报方向 (附件2 一(五)): 贴息, 风险补偿, else 奖励. */
export const SUPPORT_MODES: readonly {
  mode: string;
  directions: readonly string[];
}[] = [
  { mode: "贴息", directions: ["产业链贷款贴息"] },
  { mode: "风险补偿", directions: ["保险增信补贴", "融资租赁补贴"] },
];
/** 支持方式 of every other 专项（方向）. */
export const DEFAULT_SUPPORT_MODE = "奖励";

/** 支持方式 of a direction (附件2 一(五)); empty for an empty direction. */
export function supportMode(direction: string): string {
  const d = direction.trim();
  if (d === "") return "";
  return (
    SUPPORT_MODES.find((s) => s.directions.includes(d))?.mode ??
    DEFAULT_SUPPORT_MODE
  );
}

/** A promise the 承诺书 must carry for some directions (附件2 三(二)3 "申报企业在承诺书中说明"). */
export interface DirectionPromise {
  directions: readonly string[];
  text: string;
  source: string;
}

export const DIRECTION_PROMISES: readonly DirectionPromise[] = [
  {
    directions: ["新药研发和产业化（仿制药）", "新药研发和产业化（医疗器械）"],
    text: "对于仿制药、医疗器械获得奖励的品种，自取得注册批件（或通过一致性评价）之日起5年内，不得以任何形式转让给非本省注册企业，否则全额退回奖励资金。",
    source: "附件2 三(二)3(1)",
  },
  {
    directions: [
      "新药研发和产业化（创新药）",
      "新药研发和产业化（改良型新药）",
    ],
    text: "对于创新药、改良型新药获得奖励的品种，承诺在本省进行产业化且5年内不得转让给非本省注册企业，否则全额退回奖励资金。",
    source: "附件2 三(二)3(2)",
  },
];

/** The promise a direction adds to 承诺书 item 4, or undefined. */
export function directionPromise(
  direction: string,
): DirectionPromise | undefined {
  return DIRECTION_PROMISES.find((p) =>
    p.directions.includes(direction.trim()),
  );
}

/** 封面 (附件2 一 "格式附后"). */
export const COVER = {
  source: "附件2 一",
  title: ["山西省技术改造专项资金事项类项目", "申 请 报 告"],
  labels: {
    enterprise: "项目单位名称：",
    special: "申 报 专 项：",
    direction: "申 报 方 向：",
    project: "项 目 名 称：",
    industry: "所 属 行 业：",
    support: "支 持 方 式：",
    person: "联 系 人：",
    mobile: "联 系 手 机：",
  },
  seal: "（单位公章）",
  dateBlank: "二〇XX年X月",
} as const;

/** 承诺书 (附件2 二(二)). */
export const PLEDGE = {
  source: "附件2 二(二)",
  title: "承 诺 书",
  labels: [
    "项目申报企业（单位）",
    "申报专项",
    "申报方向",
    "项目名称",
    "项目实施目标",
  ],
  promiseIntro: "项目申报企业（单位）承诺：",
  promises: [
    "1.所有申报资料均真实无误，且项目未获取其他省级财政资金支持，企业不在“信用中国（山西）”网站失信黑名单，“国家企业信用信息公示系统”严重违法失信企业名单，知识产权清晰无争议，项目申报企业（单位）2024年度未发生较大及以上生产安全事故，如有虚假，愿意承担相关责任。",
    "2.专项资金获批后将按规定使用，并愿主动落实各项承诺事项，积极配合各级工信部门、山西转型综改示范区管委会完成资金项目各项工作。",
    "3.项目如未按要求落实承诺事项，视情形愿主动完成督办、整改、退还专项资金等“追溯”任务。",
    "4.其他须承诺事项。（根据事项类项目申报要求填报承诺事项）",
  ],
  signatures: [
    "单位法人代表（签名）（单位公章）",
    "项目负责人（签名）联系电话：",
  ],
  date: "年 月 日",
  reviewHeading: "市工信局（山西转型综改示范区管委会）审核意见：",
  reviewText:
    "该项目经资料审核和现场核查，申报资料和建设项目的真实性、完整性、合规性、一致性符合政策规定和申报要求。如存在不符合的情况，愿意承担相关责任。",
  reviewSeal: "（单位公章）",
} as const;

/** 现场核查表 (附件2 二(三)); the notice titles it without 专项. */
export const SITE_CHECK = {
  source: "附件2 二(三)",
  title: "山西省技术改造资金事项类项目现场核查表",
  labels: ["项目申报企业（单位）", "申报专项", "申报方向", "项目名称"],
  compliance:
    "申报资料和建设项目的真实性、完整性、合规性、一致性是否符合政策规定和申报要求",
  description:
    "申报资料和建设项目的真实性、完整性、合规性、一致性符合政策规定和申报要求情况描述（200字内）",
  accident: "项目申报企业（单位）2024年度是否发生较大及以上生产安全事故",
  yesNo: "是□ 否□",
  inspectors: "现场核查人员",
  inspectorsText:
    "核查组组长：（市工信局或山西转型综改示范区管委会分管领导担任）\n核查组成员：",
  unit: "市工信局（山西转型综改示范区管委会）",
  unitText: "负责人签字：\n盖章\n年 月 日",
  note: "注：现场核查工作应保留影像资料备查。",
} as const;

/** 省级专项转移支付项目绩效目标表 (附件2 四(三) "格式见后"). */
export const PERFORMANCE = {
  source: "附件2 四(三)",
  title: "省级专项转移支付项目绩效目标表",
  specialLabel: "专项名称",
  special: "山西省技术改造专项资金",
  authorityLabel: "省级主管部门",
  authority: "山西省工业和信息化厅",
  fundsLabel: "资金情况（万元）",
  funds: [
    "年度金额：",
    "其中：中央补助",
    "省级预算",
    "市级补助",
    "县级补助",
    "其他资金",
  ],
  goalsLabel: "总体目标",
  goals: "目标1：\n目标2：",
  indicatorsLabel: "绩效指标",
  header: ["一级指标", "二级指标", "三级指标", "指标值"],
  /** 一级指标 → its 二级指标 and the number of 三级指标 lines the notice prints under each. */
  indicators: [
    {
      level1: "产出指标",
      level2: [
        ["数量指标", 2],
        ["质量指标", 2],
        ["时效指标", 2],
        ["成本指标", 2],
      ],
    },
    {
      level1: "效益指标",
      level2: [
        ["经济效益指标", 2],
        ["社会效益指标", 2],
        ["生态效益指标", 2],
        ["可持续影响指标", 3],
      ],
    },
    { level1: "满意度指标", level2: [["服务对象满意度指标", 2]] },
  ] as readonly {
    level1: string;
    level2: readonly (readonly [string, number])[];
  }[],
  /** The first 三级指标 line of each 二级指标; the notice leaves the lines under it empty. */
  firstLine: "指标1：",
  note: "说明：1.年度金额中，省级预算填写申请金额，中央、市、县级补助按照企业实际情况填写；2.指标由企业自行制定，三级指标可以根据企业实际情况新增条目。",
} as const;
