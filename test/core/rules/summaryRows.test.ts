import { checkWorkbook } from "../../../src/core/check/engine";
import { reviewerCity } from "../../../src/core/rules/summaryRows";
import type { Finding } from "../../../src/core/model/finding";
import { tableSheet, workbookOf } from "../../helpers/sheet";
import type { CellInput, TableSheet } from "../../helpers/sheet";

function row(
  seq: number,
  enterpriseName: string,
  direction: string,
  projectName: string,
  city = "太原市",
): Record<string, CellInput> {
  return {
    seq,
    city,
    county: city === "太原市" ? "小店区" : "榆次区",
    enterpriseName,
    special:
      direction === "两化融合管理体系贯标"
        ? "数字化智能化改造专项"
        : "企业增量提质专项",
    direction,
    projectName,
    nature: "民营企业",
    category: "战略性新兴产业",
    industry: "新材料",
    contact: "赵敏 13700000003",
  };
}

function summary(
  rows: Record<string, CellInput>[],
  unit = "太原市工业和信息化局",
): TableSheet {
  return tableSheet("application-summary", rows, {
    lines: [`审核单位（公章）：${unit}`],
  });
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

const A = "太原市甲新材料有限公司";
const B = "太原市乙新材料有限公司";
const LOAN = "产业链贷款贴息";

test("an 申报汇总表 with distinct rows has no MERGE finding", () => {
  const s = summary([
    row(1, A, LOAN, "产业链贷款贴息（光伏产业链）"),
    row(2, B, LOAN, "产业链贷款贴息（光伏产业链）"),
  ]);
  const r = checkWorkbook(workbookOf([s]));
  expect(r.tables[0]!.table).toBe("application-summary");
  expect(
    r.tables[0]!.findings.filter((f) => f.rule.startsWith("MERGE-")),
  ).toEqual([]);
});

test("MERGE-DUP: same enterprise, direction and project name → 警告 on the later row", () => {
  const s = summary([
    row(1, A, LOAN, "产业链贷款贴息（光伏产业链）"),
    row(2, ` ${A}`, LOAN, "产业链贷款贴息(光伏产业链)"),
  ]);
  expect(findings(s, "MERGE-DUP")).toEqual([
    { cell: s.at("enterpriseName", 1), rule: "MERGE-DUP", severity: "warning" },
  ]);
});

test("MERGE-LEAD-CHOICE: both 链主 methods by one enterprise → 错误", () => {
  const s = summary([
    row(
      1,
      A,
      "“链主”企业新增协作配套奖励",
      "“链主”企业新增协作配套奖励（光伏产业链）",
    ),
    row(
      2,
      B,
      "“链主”企业新增协作配套奖励",
      "“链主”企业新增协作配套奖励（光伏产业链）",
    ),
    row(
      3,
      A,
      "“链主”企业存量协作配套提升奖励",
      "“链主”企业存量协作配套提升奖励（光伏产业链）",
    ),
  ]);
  expect(findings(s, "MERGE-LEAD-CHOICE")).toEqual([
    {
      cell: s.at("direction", 2),
      rule: "MERGE-LEAD-CHOICE",
      severity: "error",
    },
  ]);
});

test("MERGE-LIANGHUA: 两化融合 twice by one enterprise → 错误; once each by two → nothing", () => {
  const lh = "两化融合管理体系贯标";
  const twice = summary([
    row(1, A, lh, "两化融合管理体系贯标评定（A级）"),
    row(2, A, lh, "两化融合管理体系贯标评定（AA级）"),
  ]);
  expect(findings(twice, "MERGE-LIANGHUA")).toEqual([
    {
      cell: twice.at("direction", 1),
      rule: "MERGE-LIANGHUA",
      severity: "error",
    },
  ]);
  const once = summary([
    row(1, A, lh, "两化融合管理体系贯标评定（A级）"),
    row(2, B, lh, "两化融合管理体系贯标评定（A级）"),
  ]);
  expect(findings(once, "MERGE-LIANGHUA")).toEqual([]);
});

test("MERGE-CITY: a 晋中市 row in 太原市's summary → 警告", () => {
  const s = summary([
    row(1, A, LOAN, "产业链贷款贴息（光伏产业链）"),
    row(2, B, LOAN, "产业链贷款贴息（光伏产业链）", "晋中市"),
  ]);
  expect(findings(s, "MERGE-CITY")).toEqual([
    { cell: s.at("city", 1), rule: "MERGE-CITY", severity: "warning" },
  ]);
});

test("reviewerCity reads the city from the 审核单位 name", () => {
  expect(reviewerCity("太原市工业和信息化局")).toBe("太原市");
  expect(reviewerCity("大同工信局")).toBe("大同市");
  expect(reviewerCity("山西转型综改示范区管委会")).toBeUndefined();
});
