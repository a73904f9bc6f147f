import { checkWorkbook } from "../../../src/core/check/engine";
import type { Finding } from "../../../src/core/model/finding";
import { tableSheet, workbookOf } from "../../helpers/sheet";
import type { CellInput, TableSheet } from "../../helpers/sheet";

/** A complete, correct 情况表 row (附件2 二(一)). */
function infoRow(
  extra: Record<string, CellInput> = {},
): Record<string, CellInput> {
  return {
    seq: 1,
    city: "太原市",
    county: "小店区",
    devZone: "山西转型综改示范区",
    enterpriseName: "太原市晋阳特钢有限公司",
    special: "企业增量提质专项",
    direction: "产业链贷款贴息",
    projectName: "产业链贷款贴息（特钢材料产业链）",
    nature: "民营企业",
    category: "传统优势产业",
    industry: "钢铁",
    contact: "王明 13803510001",
    ...extra,
  };
}

function findings(
  s: TableSheet,
  rule: string,
): Pick<Finding, "cell" | "rule" | "severity">[] {
  return checkWorkbook(workbookOf([s]))
    .tables.flatMap((t) => t.findings)
    .filter((f) => f.rule === rule)
    .map(({ cell, rule: r, severity }) => ({ cell, rule: r, severity }));
}

function message(s: TableSheet, rule: string): string {
  const f = checkWorkbook(workbookOf([s]))
    .tables.flatMap((t) => t.findings)
    .filter((x) => x.rule === rule);
  expect(f).toHaveLength(1);
  return f[0]!.message;
}

test("a complete, correct 情况表 row has no finding at all", () => {
  const r = checkWorkbook(
    workbookOf([tableSheet("project-info", [infoRow()])]),
  );
  expect(r.tables).toHaveLength(1);
  expect(r.tables[0]!.table).toBe("project-info");
  expect(r.tables[0]!.findings).toEqual([]);
});

describe.each([
  ["INFO-SPECIAL", "special", "企业提质专项", "error"],
  ["INFO-NATURE", "nature", "私营企业", "error"],
  ["INFO-CATEGORY", "category", "新兴产业", "error"],
  ["INFO-CITY", "city", "郑州市", "error"],
  ["INFO-CONTACT", "contact", "王明 0351-3046297", "warning"],
] as const)("%s", (rule, key, bad, severity) => {
  test("passes on the official value", () => {
    expect(findings(tableSheet("project-info", [infoRow()]), rule)).toEqual([]);
  });
  test(`fails on “${bad}”`, () => {
    const s = tableSheet("project-info", [infoRow({ [key]: bad })]);
    expect(findings(s, rule)).toEqual([{ cell: s.at(key, 0), rule, severity }]);
  });
});

describe("enumeration suggestions", () => {
  test("民营 → INFO-NATURE 错误 suggesting 民营企业", () => {
    const s = tableSheet("project-info", [infoRow({ nature: "民营" })]);
    expect(findings(s, "INFO-NATURE")).toEqual([
      { cell: s.at("nature", 0), rule: "INFO-NATURE", severity: "error" },
    ]);
    expect(message(s, "INFO-NATURE")).toContain("是否应为“民营企业”？");
  });
  test("a value close to none gets no suggestion", () => {
    const s = tableSheet("project-info", [infoRow({ nature: "外资企业" })]);
    expect(message(s, "INFO-NATURE")).not.toContain("是否应为");
  });
});

describe("INFO-DIRECTION", () => {
  test("ASCII quotes and spaces still match the official direction", () => {
    const s = tableSheet("project-info", [
      infoRow({
        direction: '"链主"企业新增协作配套奖励',
        projectName: "“链主”企业新增协作配套奖励（光伏产业链）",
      }),
    ]);
    expect(findings(s, "INFO-DIRECTION")).toEqual([]);
  });
  test("a direction of another 专项 → 错误 naming its 专项", () => {
    const s = tableSheet("project-info", [
      infoRow({ direction: "用水强度奖励", projectName: "用水强度奖励" }),
    ]);
    expect(findings(s, "INFO-DIRECTION")).toEqual([
      { cell: s.at("direction", 0), rule: "INFO-DIRECTION", severity: "error" },
    ]);
    expect(message(s, "INFO-DIRECTION")).toContain("绿色低碳转型专项");
  });
  test("the slash form copied from the notice → 警告 asking to choose one", () => {
    const s = tableSheet("project-info", [
      infoRow({
        special: "集聚集约增效专项",
        direction:
          "专业镇品牌价值提升（区域公共品牌宣传奖励/中国消费名品区域品牌奖励）",
        projectName: "清徐老陈醋",
      }),
    ]);
    expect(findings(s, "INFO-DIRECTION")).toEqual([
      {
        cell: s.at("direction", 0),
        rule: "INFO-DIRECTION",
        severity: "warning",
      },
    ]);
  });
  test("试点示范奖励 is not applied for through 附件3 → 错误", () => {
    const s = tableSheet("project-info", [
      infoRow({ direction: "试点示范奖励" }),
    ]);
    expect(message(s, "INFO-DIRECTION")).toContain("免申即享");
  });
});

describe("INFO-INDUSTRY", () => {
  test("an industry of the other 行业分类 → 错误", () => {
    const s = tableSheet("project-info", [
      infoRow({ category: "传统优势产业", industry: "新材料" }),
    ]);
    expect(findings(s, "INFO-INDUSTRY")).toEqual([
      { cell: s.at("industry", 0), rule: "INFO-INDUSTRY", severity: "error" },
    ]);
    expect(message(s, "INFO-INDUSTRY")).toContain("战略性新兴产业");
  });
  test("an industry of its own 行业分类 passes", () => {
    expect(
      findings(
        tableSheet("project-info", [
          infoRow({ category: "战略性新兴产业", industry: "新材料" }),
        ]),
        "INFO-INDUSTRY",
      ),
    ).toEqual([]);
  });
});

describe("INFO-CITY", () => {
  test("山西转型综改示范区 typed as the city → 警告, not 错误", () => {
    const s = tableSheet("project-info", [
      infoRow({ city: "山西转型综改示范区" }),
    ]);
    expect(findings(s, "INFO-CITY")).toEqual([
      { cell: s.at("city", 0), rule: "INFO-CITY", severity: "warning" },
    ]);
  });
  test("a city typed without 市 → 警告 suggesting the official name (太原 → 太原市)", () => {
    const s = tableSheet("project-info", [infoRow({ city: "太原" })]);
    expect(findings(s, "INFO-CITY")).toEqual([
      { cell: s.at("city", 0), rule: "INFO-CITY", severity: "warning" },
    ]);
    expect(message(s, "INFO-CITY")).toContain("“太原市”");
  });
  test("the official name passes", () => {
    expect(
      findings(
        tableSheet("project-info", [infoRow({ city: "太原市" })]),
        "INFO-CITY",
      ),
    ).toEqual([]);
  });
});

describe("INFO-COUNTY", () => {
  test("a county of another city → 警告", () => {
    const s = tableSheet("project-info", [
      infoRow({ city: "太原市", county: "平遥县" }),
    ]);
    expect(findings(s, "INFO-COUNTY")).toEqual([
      { cell: s.at("county", 0), rule: "INFO-COUNTY", severity: "warning" },
    ]);
    expect(message(s, "INFO-COUNTY")).toContain("太原市");
  });
  test("a county of the city passes", () => {
    expect(
      findings(
        tableSheet("project-info", [
          infoRow({ city: "晋中市", county: "平遥县" }),
        ]),
        "INFO-COUNTY",
      ),
    ).toEqual([]);
  });
  test("a county without 县/区/市 → 警告 suggesting its full name (清徐 → 清徐县)", () => {
    const s = tableSheet("project-info", [
      infoRow({ city: "太原市", county: "清徐" }),
    ]);
    expect(findings(s, "INFO-COUNTY")).toEqual([
      { cell: s.at("county", 0), rule: "INFO-COUNTY", severity: "warning" },
    ]);
    expect(message(s, "INFO-COUNTY")).toContain("“清徐县”");
  });
});

describe("INFO-PROJECT-NAME", () => {
  test("产业链贷款贴息 needs （省级重点产业链名称）", () => {
    const s = tableSheet("project-info", [
      infoRow({ projectName: "2024年新增贷款贴息" }),
    ]);
    expect(findings(s, "INFO-PROJECT-NAME")).toEqual([
      {
        cell: s.at("projectName", 0),
        rule: "INFO-PROJECT-NAME",
        severity: "warning",
      },
    ]);
    expect(message(s, "INFO-PROJECT-NAME")).toContain(
      "产业链贷款贴息（省级重点产业链名称）",
    );
  });
  test("a chain named without 产业链 passes", () => {
    expect(
      findings(
        tableSheet("project-info", [
          infoRow({ projectName: "产业链贷款贴息（特钢材料）" }),
        ]),
        "INFO-PROJECT-NAME",
      ),
    ).toEqual([]);
  });
  test("两化融合 level copied as A/AA/AAA → 警告 asking to choose", () => {
    const s = tableSheet("project-info", [
      infoRow({
        special: "数字化智能化改造专项",
        direction: "两化融合管理体系贯标",
        projectName: "两化融合管理体系贯标评定（A/AA/AAA级）",
      }),
    ]);
    expect(message(s, "INFO-PROJECT-NAME")).toContain("选择其中一项");
  });
  test("两化融合 with one level passes", () => {
    const s = tableSheet("project-info", [
      infoRow({
        special: "数字化智能化改造专项",
        direction: "两化融合管理体系贯标",
        projectName: "两化融合管理体系贯标评定（AA级）",
      }),
    ]);
    expect(findings(s, "INFO-PROJECT-NAME")).toEqual([]);
  });
});

describe("INFO-REVENUE-INDUSTRY", () => {
  const revenue = (direction: string, category: string, industry: string) =>
    tableSheet("project-info", [
      infoRow({
        direction,
        projectName: `${direction}（${industry}）`,
        category,
        industry,
      }),
    ]);
  test("制造业营收进档 for 钢铁 passes; for 食品 (消费品工业) → 错误", () => {
    expect(
      findings(
        revenue("制造业营收进档奖励", "传统优势产业", "钢铁"),
        "INFO-REVENUE-INDUSTRY",
      ),
    ).toEqual([]);
    const s = revenue("制造业营收进档奖励", "传统优势产业", "食品");
    expect(findings(s, "INFO-REVENUE-INDUSTRY")).toEqual([
      {
        cell: s.at("industry", 0),
        rule: "INFO-REVENUE-INDUSTRY",
        severity: "error",
      },
    ]);
  });
  test("消费品工业营收进档 needs 食品/轻工/纺织/现代医药", () => {
    expect(
      findings(
        revenue("消费品工业营收进档奖励", "战略性新兴产业", "现代医药"),
        "INFO-REVENUE-INDUSTRY",
      ),
    ).toEqual([]);
    expect(
      findings(
        revenue("消费品工业营收进档奖励", "传统优势产业", "化工"),
        "INFO-REVENUE-INDUSTRY",
      ),
    ).toHaveLength(1);
  });
});

describe("INFO-MANUFACTURING", () => {
  test("保险增信补贴 for 钢铁 passes; for 软件和信息技术服务业 → 警告", () => {
    expect(
      findings(
        tableSheet("project-info", [
          infoRow({ direction: "保险增信补贴", projectName: "保险增信补贴" }),
        ]),
        "INFO-MANUFACTURING",
      ),
    ).toEqual([]);
    const s = tableSheet("project-info", [
      infoRow({
        direction: "保险增信补贴",
        projectName: "保险增信补贴",
        category: "战略性新兴产业",
        industry: "软件和信息技术服务业",
      }),
    ]);
    expect(findings(s, "INFO-MANUFACTURING")).toEqual([
      {
        cell: s.at("industry", 0),
        rule: "INFO-MANUFACTURING",
        severity: "warning",
      },
    ]);
  });
});
