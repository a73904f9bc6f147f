import {
  DIRECTION_ELIGIBILITY,
  ELIGIBILITY_DIRECTIONS,
  GENERAL_CONDITIONS,
  inputsFor,
} from "../../../src/core/catalog/eligibility";
import {
  evaluateEligibility,
  type Answers,
} from "../../../src/core/eligibility/evaluate";

/** Answers from plain values (`{ revenue2024: 1 }` → `{ revenue2024: { v: 1 } }`). */
function answers(values: Record<string, string | number>): Answers {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { v }]));
}

/** The verdict and reason of one condition of a direction. */
function verdictOf(
  direction: string,
  id: string,
  values: Record<string, string | number>,
) {
  const r = evaluateEligibility(direction, answers(values))!;
  const found = r.results.find((x) => x.condition.id === id);
  if (!found) throw new Error(`no condition ${id} for ${direction}`);
  return {
    verdict: found.verdict,
    reason: found.reason,
    source: found.condition.source,
  };
}

const ALL_YES = {
  legalPerson: "是",
  inShanxi: "是",
  noOtherFunding: "是",
  notBlacklisted: "是",
  noAccident: "是",
};

describe("boundaries: the notice's 以上/不低于/达/及以上 include the number", () => {
  // [direction, condition, inputs at the line, the number that is one step under, one step over]
  const single: [string, string, string, number, number, number][] = [
    [
      "专业镇品牌价值提升（区域公共品牌宣传奖励）",
      "adFee",
      "adFee",
      50,
      49.99,
      50.01,
    ],
    [
      "新药研发和产业化（仿制药）",
      "drugSales",
      "drugSales",
      500,
      499.99,
      500.01,
    ],
    [
      "新药研发和产业化（全球注册认证）",
      "globalSales",
      "globalSales",
      500,
      499.99,
      500.01,
    ],
    ["二氧化碳排放管理水平奖励", "co2Emission", "co2Emission", 2.6, 2.59, 2.61],
    ["用水强度奖励", "waterUse", "waterUse", 500000, 499999, 500001],
    ["产业链贷款贴息", "interest2024", "interest2024", 10, 9.99, 10.01],
    [
      "兼并重组奖励",
      "mergerInvestment",
      "mergerInvestment",
      50000,
      49999.99,
      50000.01,
    ],
    ["兼并重组奖励", "mergerStake", "mergerStake", 50, 49.99, 50.01],
  ];
  it.each(single)(
    "%s %s: at the line 符合, under 不符合, over 符合",
    (direction, id, key, at, under, over) => {
      expect(verdictOf(direction, id, { [key]: at }).verdict).toBe("符合");
      expect(verdictOf(direction, id, { [key]: under }).verdict).toBe("不符合");
      expect(verdictOf(direction, id, { [key]: over }).verdict).toBe("符合");
      expect(verdictOf(direction, id, {}).verdict).toBe("待核实");
    },
  );

  // 营收进档: increase (万元) and growth (%) from 2023 and 2024 营业收入.
  const revenue: [string, number][] = [
    ["制造业营收进档奖励", 30000],
    ["消费品工业营收进档奖励", 10000],
    ["数字核心产业营收进档奖励", 5000],
  ];
  it.each(revenue)(
    "%s: increase of exactly %d 万元 meets it, 0.01 万元 less does not",
    (direction, line) => {
      // 2023 revenue small enough that the growth is far above 15 %.
      const at = verdictOf(direction, "revenueIncrease", {
        revenue2023: 10000,
        revenue2024: 10000 + line,
      });
      expect(at.verdict).toBe("符合");
      expect(
        verdictOf(direction, "revenueIncrease", {
          revenue2023: 10000,
          revenue2024: 10000 + line - 0.01,
        }).verdict,
      ).toBe("不符合");
      expect(
        verdictOf(direction, "revenueIncrease", {
          revenue2023: 10000,
          revenue2024: 10000 + line + 0.01,
        }).verdict,
      ).toBe("符合");
    },
  );
  it.each(revenue)(
    "%s: growth of exactly 15 %% meets it, just under does not",
    (direction) => {
      // 2023: 1,000,000 万元; 2024: +150,000 is exactly 15 %.
      expect(
        verdictOf(direction, "revenueGrowth", {
          revenue2023: 1000000,
          revenue2024: 1150000,
        }).verdict,
      ).toBe("符合");
      expect(
        verdictOf(direction, "revenueGrowth", {
          revenue2023: 1000000,
          revenue2024: 1149999.99,
        }).verdict,
      ).toBe("不符合");
      expect(
        verdictOf(direction, "revenueGrowth", {
          revenue2023: 1000000,
          revenue2024: 1150000.01,
        }).verdict,
      ).toBe("符合");
    },
  );
  it("growth exactly 15 % with figures whose binary quotient is not exact (3 → 3.45)", () => {
    // (3.45 − 3) ÷ 3 is 0.15000000000000002 in floating point; exactly 15 % in decimal.
    const r = verdictOf("消费品工业营收进档奖励", "revenueGrowth", {
      revenue2023: 3,
      revenue2024: 3.45,
    });
    expect(r.verdict).toBe("符合");
    expect(r.reason).toBe("2024年营收增速为15%，达到15%");
  });

  it("资源综合利用: 2024 minus the larger of 2022 and 2023 must be ≥ 1 万吨", () => {
    const v = (w2022: number, w2023: number, w2024?: number) =>
      verdictOf("资源综合利用量奖励", "wasteIncrease", {
        waste2022: w2022,
        waste2023: w2023,
        ...(w2024 === undefined ? {} : { waste2024: w2024 }),
      }).verdict;
    expect(v(10, 12, 13)).toBe("符合"); // 13 − 12 = 1: at the line
    expect(v(10, 12, 12.99)).toBe("不符合");
    expect(v(10, 12, 13.01)).toBe("符合");
    expect(v(12, 10, 13)).toBe("符合"); // 2022 larger: 13 − 12
    expect(v(12, 10, 12.99)).toBe("不符合"); // not 12.99 − 10: the 2023 dip does not count as new
    expect(v(10, 12)).toBe("待核实");
  });

  it("兼并重组 completed on 2024-01-01 counts (以后 includes the day), 2023-12-31 does not", () => {
    expect(
      verdictOf("兼并重组奖励", "mergerDate", { mergerDate: "2024年1月1日" })
        .verdict,
    ).toBe("符合");
    expect(
      verdictOf("兼并重组奖励", "mergerDate", { mergerDate: "2023-12-31" })
        .verdict,
    ).toBe("不符合");
    expect(
      verdictOf("兼并重组奖励", "mergerDate", { mergerDate: "2024-01-02" })
        .verdict,
    ).toBe("符合");
    // An Excel date serial (45292 = 2024-01-01 in the 1900 system).
    expect(
      verdictOf("兼并重组奖励", "mergerDate", { mergerDate: 45292 }).verdict,
    ).toBe("符合");
    expect(
      verdictOf("兼并重组奖励", "mergerDate", { mergerDate: 45291 }).verdict,
    ).toBe("不符合");
  });
});

describe("industries of the 营收进档 directions (附件1 六(四)–(六))", () => {
  it("制造业营收进档 excludes 消费品工业 and 电子信息制造业", () => {
    expect(
      verdictOf("制造业营收进档奖励", "industry", { industry: "钢铁" }).verdict,
    ).toBe("符合");
    expect(
      verdictOf("制造业营收进档奖励", "industry", { industry: "食品" }).verdict,
    ).toBe("不符合");
    expect(
      verdictOf("制造业营收进档奖励", "industry", { industry: "电子信息" })
        .verdict,
    ).toBe("不符合");
    expect(
      verdictOf("制造业营收进档奖励", "industry", {
        industry: "软件和信息技术服务业",
      }).verdict,
    ).toBe("不符合");
  });
  it("消费品工业 needs 食品/轻工/纺织/现代医药; 数字核心产业 the four digital ones", () => {
    expect(
      verdictOf("消费品工业营收进档奖励", "industry", { industry: "现代医药" })
        .verdict,
    ).toBe("符合");
    expect(
      verdictOf("消费品工业营收进档奖励", "industry", { industry: "钢铁" })
        .verdict,
    ).toBe("不符合");
    expect(
      verdictOf("数字核心产业营收进档奖励", "industry", { industry: "通信业" })
        .verdict,
    ).toBe("符合");
    expect(
      verdictOf("数字核心产业营收进档奖励", "industry", { industry: "化工" })
        .verdict,
    ).toBe("不符合");
  });
});

describe("the general conditions (正文 一(一)(二)) and the overall verdict", () => {
  it("every direction starts with the five general conditions, each with its section", () => {
    for (const d of ELIGIBILITY_DIRECTIONS) {
      const r = evaluateEligibility(d, {})!;
      expect(
        r.results.slice(0, 5).map((x) => [x.condition.id, x.condition.source]),
      ).toEqual([
        ["legalPerson", "正文 一(一)"],
        ["inShanxi", "正文 一(一)"],
        ["noOtherFunding", "正文 一(一)"],
        ["notBlacklisted", "正文 一(二)"],
        ["noAccident", "正文 一(二)"],
      ]);
    }
  });
  it("是 → 符合, 否 → 不符合, empty → 待核实", () => {
    expect(
      verdictOf("保险增信补贴", "noAccident", { noAccident: "是" }).verdict,
    ).toBe("符合");
    expect(
      verdictOf("保险增信补贴", "noAccident", { noAccident: "否" }),
    ).toEqual({
      verdict: "不符合",
      reason: "填写为“否”：2024年度未发生较大及以上生产安全事故",
      source: "正文 一(二)",
    });
    expect(verdictOf("保险增信补贴", "noAccident", {}).verdict).toBe("待核实");
  });
  it("a qualifying 制造业营收进档 applicant: every condition 符合, with the figures in the reasons", () => {
    const r = evaluateEligibility(
      "制造业营收进档奖励",
      answers({
        ...ALL_YES,
        industry: "钢铁",
        revenue2023: 200000,
        revenue2024: 235000,
        noEmergingDouble: "是",
      }),
    )!;
    expect(r.overall).toBe("符合");
    expect(
      r.results
        .filter((x) => x.condition.test.kind === "atLeast")
        .map((x) => x.reason),
    ).toEqual([
      "2024年营收增量为35,000万元，达到30,000万元",
      "2024年营收增速为17.5%，达到15%",
    ]);
  });
  it("one 不符合 makes the whole 不符合; otherwise one 待核实 makes it 待核实", () => {
    const base = { ...ALL_YES, industry: "钢铁", noEmergingDouble: "是" };
    expect(
      evaluateEligibility(
        "制造业营收进档奖励",
        answers({ ...base, revenue2023: 200000, revenue2024: 220000 }),
      )!.overall,
    ).toBe("不符合");
    expect(
      evaluateEligibility(
        "制造业营收进档奖励",
        answers({ ...base, revenue2023: 200000 }),
      )!.overall,
    ).toBe("待核实");
  });
  it("growth needs a positive 2023 revenue; unreadable figures are 待核实 with the reason", () => {
    expect(
      verdictOf("制造业营收进档奖励", "revenueGrowth", {
        revenue2023: 0,
        revenue2024: 5,
      }).reason,
    ).toBe("“2023年营业收入”须大于0，才能计算增速");
    expect(
      verdictOf("制造业营收进档奖励", "revenueIncrease", {
        revenue2023: "3亿元",
        revenue2024: 1,
      }),
    ).toEqual({
      verdict: "待核实",
      reason:
        "“2023年营业收入”：“3亿元”的单位是“亿元”，本栏单位为万元，请换算为万元后只填数字",
      source: "附件1 六(四)",
    });
  });
  it("试点示范: the programme must be one the notice lists (a 国家级 prefix is fine)", () => {
    expect(
      verdictOf("试点示范奖励", "demonstrationProgramme", {
        demonstrationProgramme: "国家级绿色工厂",
      }).verdict,
    ).toBe("符合");
    expect(
      verdictOf("试点示范奖励", "demonstrationProgramme", {
        demonstrationProgramme: "专精特新“小巨人”企业",
      }).verdict,
    ).toBe("不符合");
  });
  it("an unknown direction has no result; a direction without thresholds has a note", () => {
    expect(evaluateEligibility("不存在的方向", {})).toBeUndefined();
    expect(evaluateEligibility("两化融合管理体系贯标", {})!.note).toContain(
      "未规定",
    );
    expect(
      evaluateEligibility("两化融合管理体系贯标", {})!.results,
    ).toHaveLength(GENERAL_CONDITIONS.length);
  });
  it("each condition reads inputs that exist, and each direction's own conditions cite 附件1 or 附件2", () => {
    for (const d of DIRECTION_ELIGIBILITY) {
      expect(inputsFor(d.direction).length).toBeGreaterThan(0);
      for (const c of d.conditions) expect(c.source).toMatch(/^附件[12] /);
    }
  });
});
