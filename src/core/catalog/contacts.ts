/**
 * 附件5 山西省技术改造专项资金事项类项目申报联系人, as data: for each 申报方向 the responsible 处室, contact and
 * phone, and the 专班 contacts of the 16 省级重点产业链 (附件5 "省级重点产业链各专班处室联系人"). Names are written
 * without the PDF's padding spaces (张 军 → 张军).
 */

/** One contact line of 附件5. */
export interface Contact {
  /** 负责处室. */
  office: string;
  /** 联系人 (two people share one line when the notice writes them so). */
  person: string;
  phone: string;
  /** What this 处室 handles, from the 备注 column (所属行业 or 试点示范). */
  industries?: readonly string[];
  programmes?: readonly string[];
  /** The part of a direction this line is for (reading where the notice lists two 处室 without saying which). */
  part?: string;
}

/** One row of 附件5. */
export interface DirectionContacts {
  /** 序号 of 附件5. */
  row: number;
  special: string;
  /** The 申报方向 values (catalog/enums.ts) this row covers. */
  directions: readonly string[];
  contacts: readonly Contact[];
  /** The notice adds "省级重点产业链各专班处室 附后" (chain directions). */
  chainDesks?: boolean;
  /** 备注 of the row, as the notice writes it. */
  remark?: string;
}

/** A 专班 of a 省级重点产业链. */
export interface ChainDesk {
  chain: string;
  office: string;
  person: string;
  phone: string;
}

const c = (
  office: string,
  person: string,
  phone: string,
  more: Partial<Contact> = {},
): Contact => ({
  office,
  person,
  phone,
  ...more,
});

/** 省工信厅产业链工作联系人 (附件5). */
export const CHAIN_WORK_CONTACT = {
  person: "卢长云",
  phone: "0351-3046794",
} as const;

const BY_INDUSTRY_REMARK =
  "原材料处负责钢铁、有色、建材行业，化工处负责焦化、化工、现代煤化工行业，装备处负责装备制造行业，新材料处负责新材料行业，节能处负责废弃资源综合利用行业，产业处负责新能源汽车行业";

export const CONTACTS: readonly DirectionContacts[] = [
  {
    row: 1,
    special: "集聚集约增效专项",
    directions: ["制造业新型技术改造城市"],
    contacts: [c("投资处", "孟庆春", "0351-3046297")],
  },
  {
    row: 2,
    special: "集聚集约增效专项",
    directions: ["专业镇培育评价（国家中小企业特色产业集群奖励）"],
    contacts: [c("产业处", "张军", "0351-3183775")],
  },
  {
    row: 3,
    special: "集聚集约增效专项",
    directions: [
      "专业镇品牌价值提升（区域公共品牌宣传奖励）",
      "专业镇品牌价值提升（中国消费名品区域品牌奖励）",
    ],
    contacts: [c("产业处", "张军", "0351-3183775")],
  },
  {
    row: 4,
    special: "集聚集约增效专项",
    directions: [
      "公共服务平台服务能力提升奖励（产业链）",
      "公共服务平台服务能力提升奖励（专业镇）",
    ],
    // The notice lists both 处室 without saying which part each handles; reading: 产业链 → 新材料处 (which holds
    // the 产业链 work, see CHAIN_WORK_CONTACT), 专业镇 → 产业处 (which holds the 专业镇 rows 2 and 3).
    contacts: [
      c("新材料处", "卢长云", "0351-3046794", {
        part: "公共服务平台服务能力提升奖励（产业链）",
      }),
      c("产业处", "张军", "0351-3183775", {
        part: "公共服务平台服务能力提升奖励（专业镇）",
      }),
    ],
  },
  {
    row: 5,
    special: "核心竞争力提升专项",
    directions: ["首台（套）重大技术装备（国家保险补偿奖励）"],
    contacts: [c("装备处", "司朝", "0351-3030060")],
  },
  {
    row: 6,
    special: "核心竞争力提升专项",
    directions: ["新材料首批次应用（国家保险补偿奖励）"],
    contacts: [c("新材料处", "张伸", "0351-3030056")],
  },
  {
    row: 7,
    special: "技术创新牵引专项",
    directions: [
      "新药研发和产业化（仿制药）",
      "新药研发和产业化（创新药）",
      "新药研发和产业化（改良型新药）",
      "新药研发和产业化（医疗器械）",
      "新药研发和产业化（全球注册认证）",
    ],
    contacts: [c("消费品处", "康雁翔", "0351-3030017")],
  },
  {
    row: 8,
    special: "技术创新牵引专项",
    directions: ["人工智能（工业高质量数据集）", "人工智能（算力服务）"],
    contacts: [c("数字产业处", "张海晨", "0351-3046239")],
  },
  {
    row: 9,
    special: "技术创新牵引专项",
    directions: ["人工智能（人工智能应用场景）"],
    contacts: [c("创新处", "张莉娜", "0351-3046990")],
  },
  {
    row: 10,
    special: "数字化智能化改造专项",
    directions: ["两化融合管理体系贯标"],
    contacts: [c("信息化处", "李刚瑛", "0351-3040995")],
  },
  {
    row: 11,
    special: "绿色低碳转型专项",
    directions: [
      "重点企业年度能效水平奖励",
      "二氧化碳排放管理水平奖励",
      "用水强度奖励",
      "资源综合利用量奖励",
    ],
    contacts: [
      c("节能处", "张文灿", "0351-3041522"),
      c("节能处", "侯富余", "0351-3046280"),
      c("节能处", "张建国", "0351-3046280"),
    ],
  },
  {
    row: 12,
    special: "企业增量提质专项",
    directions: ["产业链贷款贴息"],
    contacts: [c("新材料处", "卢长云", "0351-3046794")],
    chainDesks: true,
  },
  {
    row: 13,
    special: "企业增量提质专项",
    directions: ["保险增信补贴", "融资租赁补贴"],
    contacts: [c("投资处", "孟庆春", "0351-3046297")],
  },
  {
    row: 14,
    special: "企业增量提质专项",
    directions: ["制造业营收进档奖励"],
    contacts: [
      c("原材料处", "霍丽琴", "0351-3030039", {
        industries: ["钢铁", "有色", "建材"],
      }),
      c("化工处", "任雅琪", "0351-3030073", {
        industries: ["焦化", "化工", "现代煤化工"],
      }),
      c("装备处", "周继祥", "0351-3030031", {
        industries: ["传统装备制造", "高端装备制造"],
      }),
      c("新材料处", "郭毅", "0351-3046794", { industries: ["新材料"] }),
      c("节能处", "张建国", "0351-3046280", {
        industries: ["废弃资源综合利用"],
      }),
      c("产业处", "胡峻", "0351-2022229", { industries: ["新能源汽车"] }),
    ],
    remark: BY_INDUSTRY_REMARK,
  },
  {
    row: 15,
    special: "企业增量提质专项",
    directions: ["消费品工业营收进档奖励"],
    contacts: [
      c("消费品处", "康雁翔", "0351-3030017", {
        industries: ["食品", "轻工", "纺织", "现代医药"],
      }),
    ],
    remark: "消费品处负责食品、轻工、纺织、现代医药行业",
  },
  {
    row: 16,
    special: "企业增量提质专项",
    directions: ["数字核心产业营收进档奖励"],
    contacts: [
      c("电子处", "李永春", "0351-3046160", { industries: ["电子信息"] }),
      c("软件处", "郭佳", "0351-3046323", {
        industries: ["软件和信息技术服务业"],
      }),
      c("信息化处", "李刚瑛", "0351-3040995", { industries: ["通信业"] }),
      c("数字产业处", "任蕾", "0351-3046239", {
        industries: ["互联网和相关服务业"],
      }),
    ],
    remark:
      "电子处负责电子信息制造业，软件处负责软件和信息技术服务业，信息化处负责通信业，数字产业处负责互联网和相关服务业",
  },
  {
    row: 17,
    special: "企业增量提质专项",
    directions: ["试点示范奖励"],
    contacts: [
      c("投资处", "孟庆春", "0351-3046297", {
        programmes: ["制造业数字化转型促进中心"],
      }),
      c("创新处", "张莉娜", "0351-3046990", {
        programmes: [
          "企业技术中心",
          "制造业中试平台",
          "产业技术基础公共服务平台",
        ],
      }),
      c("产业处", "胡峻", "0351-2022229", {
        programmes: ["制造业单项冠军企业"],
      }),
      c("消费品处", "康雁翔", "0351-3030017", {
        programmes: ["中国消费名品企业品牌"],
      }),
      c("节能处", "张文灿", "0351-3041522", {
        programmes: [
          "绿色工厂",
          "绿色供应链",
          "能效领跑者",
          "水效领跑者",
          "绿色数据中心",
        ],
      }),
      c("装备处", "梁智渊", "0351-3183088", {
        programmes: ["卓越级智能工厂", "领航级智能工厂"],
      }),
      c("信息化处", "李刚瑛", "0351-3040995", {
        programmes: [
          "新一代信息技术与制造业融合",
          "跨行业跨领域工业互联网平台",
        ],
      }),
    ],
    remark:
      "投资处负责制造业数字化转型促进中心，创新处负责企业技术中心、制造业中试平台、产业技术基础公共服务平台，产业处负责制造业单项冠军企业，消费品处负责中国消费名品企业品牌，节能处负责绿色工厂、绿色供应链、能效领跑者、水效领跑者、绿色数据中心，装备处负责卓越级、领航级智能工厂，信息化处负责新一代信息技术与制造业融合、跨行业跨领域工业互联网平台",
  },
  {
    row: 18,
    special: "企业增量提质专项",
    directions: ["兼并重组奖励"],
    contacts: [
      c("原材料处", "霍丽琴", "0351-3030039", {
        industries: ["钢铁", "有色", "建材"],
      }),
      c("化工处", "许亚军", "0351-3183018", {
        industries: ["焦化", "化工", "现代煤化工"],
      }),
      c("装备处", "周继祥", "0351-3030031", {
        industries: ["传统装备制造", "高端装备制造"],
      }),
      c("新材料处", "郭毅", "0351-3046794", { industries: ["新材料"] }),
      c("节能处", "李萍、张建国", "0351-3046280", {
        industries: ["废弃资源综合利用"],
      }),
      c("产业处", "胡峻", "0351-2022229", { industries: ["新能源汽车"] }),
      c("电子处", "李永春", "0351-3046160", { industries: ["电子信息"] }),
      c("消费品处", "康雁翔", "0351-3030017", {
        industries: ["食品", "轻工", "纺织", "现代医药"],
      }),
    ],
    remark: `${BY_INDUSTRY_REMARK}，电子处负责电子信息行业，消费品处负责食品、轻工、纺织、现代医药行业`,
  },
  {
    row: 19,
    special: "企业增量提质专项",
    directions: ["“链主”“链核”企业认定奖励", "“链主”企业评价奖励"],
    contacts: [c("新材料处", "卢长云", "0351-3046794")],
  },
  {
    row: 20,
    special: "企业增量提质专项",
    directions: [
      "“链主”企业新增协作配套奖励",
      "“链主”企业存量协作配套提升奖励",
      "链上企业协作配套奖励",
      "产业链人才培养奖励",
    ],
    contacts: [c("新材料处", "卢长云", "0351-3046794")],
    chainDesks: true,
  },
];

/** 省级重点产业链各专班处室联系人 (附件5), in the notice's order. */
export const CHAIN_DESKS: readonly ChainDesk[] = [
  {
    chain: "特钢材料产业链",
    office: "新材料处",
    person: "李昊",
    phone: "0351-3030056",
  },
  {
    chain: "新能源汽车产业链",
    office: "产业处",
    person: "贺晋伟",
    phone: "0351-2022229",
  },
  {
    chain: "高端装备制造产业链",
    office: "装备处",
    person: "薛志勇",
    phone: "0351-3030060",
  },
  {
    chain: "风电装备产业链",
    office: "节能处",
    person: "侯富余",
    phone: "0351-3046280",
  },
  {
    chain: "氢能产业链",
    office: "化工处",
    person: "史建陶",
    phone: "0351-3183018",
  },
  {
    chain: "铝镁精深加工产业链",
    office: "原材料处",
    person: "穆永路",
    phone: "0351-3030063",
  },
  {
    chain: "光伏产业链",
    office: "创新处",
    person: "冀立田",
    phone: "0351-3046193",
  },
  {
    chain: "现代医药产业链",
    office: "消费品处",
    person: "李武",
    phone: "0351-3030023",
  },
  {
    chain: "第三代半导体产业链",
    office: "电子处",
    person: "李永春",
    phone: "0351-3046160",
  },
  {
    chain: "合成生物产业链",
    office: "合作处",
    person: "吴斌",
    phone: "0351-3041507",
  },
  {
    chain: "新型储能产业链",
    office: "电子处",
    person: "李永春",
    phone: "0351-3046160",
  },
  {
    chain: "资源循环产业链",
    office: "节能处",
    person: "张建国",
    phone: "0351-3046280",
  },
  {
    chain: "碳基新材料产业链",
    office: "化工处",
    person: "郝志伟",
    phone: "0351-3030027",
  },
  {
    chain: "信息技术融合应用产业链",
    office: "数字产业处",
    person: "郝鹏杰",
    phone: "0351-3046293",
  },
  {
    chain: "铜基新材料产业链",
    office: "原材料处",
    person: "穆永路",
    phone: "0351-3030063",
  },
  {
    chain: "装配式建筑产业链",
    office: "投资处",
    person: "孟庆春",
    phone: "0351-3046297",
  },
];

/** Whom to call for a direction: the 附件5 row, its contacts narrowed to the enterprise's case, and the chain's 专班. */
export interface ContactAnswer {
  row: DirectionContacts;
  /** The lines for this enterprise (by 所属行业, 试点示范 or part when known and listed), else all lines of the row. */
  contacts: readonly Contact[];
  /** The 专班 of the chain, for chain directions when the chain is known. */
  chainDesk?: ChainDesk;
}

/**
 * The 附件5 contacts for `direction`.
 * @param options.industry 所属行业 (narrows rows 14, 16, 18); `programme` a 试点示范 name (row 17, matched by
 *   containment: 国家级绿色工厂 → 绿色工厂); `chain` a 省级重点产业链 (with or without the trailing 产业链)
 * @returns undefined for a direction 附件5 does not list
 */
export function contactsFor(
  direction: string,
  options: { industry?: string; programme?: string; chain?: string } = {},
): ContactAnswer | undefined {
  const row = CONTACTS.find((r) => r.directions.includes(direction));
  if (!row) return undefined;
  const narrowed = row.contacts.filter(
    (x) =>
      (x.part !== undefined && x.part === direction) ||
      (options.industry !== undefined &&
        x.industries?.includes(options.industry)) ||
      (options.programme !== undefined &&
        x.programmes?.some((p) => options.programme!.includes(p))),
  );
  const chain = options.chain?.trim();
  const chainDesk =
    row.chainDesks && chain
      ? CHAIN_DESKS.find(
          (d) => d.chain === chain || d.chain === `${chain}产业链`,
        )
      : undefined;
  return {
    row,
    contacts: narrowed.length > 0 ? narrowed : row.contacts,
    ...(chainDesk ? { chainDesk } : {}),
  };
}
