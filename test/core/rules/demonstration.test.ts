import { checkWorkbook } from "../../../src/core/check/engine";
import { splitNameYear } from "../../../src/core/rules/demonstration";
import type { Finding } from "../../../src/core/model/finding";
import { tableSheet, workbookOf } from "../../helpers/sheet";
import type { CellInput, TableSheet } from "../../helpers/sheet";

/** A correct 附件4 row: 绿色工厂 newly approved in 2024, two programmes in all. */
function demonstrationRow(
  extra: Record<string, CellInput> = {},
): Record<string, CellInput> {
  return {
    seq: 1,
    city: "长治市",
    county: "潞州区",
    devZone: "",
    enterpriseName: "长治市潞安精密制造有限公司",
    demonstrationApplied: "绿色工厂",
    demo2024_1: "绿色工厂",
    demonstrationCount: 2,
    demonstrationCum_1: "企业技术中心（2021年）",
    demonstrationCum_2: "绿色工厂（2024年）",
    nature: "地方国企",
    industry: "传统装备制造",
    contact: "李华 13935500002",
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

/** The first message of a rule on a sheet. */
function message(s: TableSheet, rule: string): string {
  return checkWorkbook(workbookOf([s]))
    .tables.flatMap((t) => t.findings)
    .find((f) => f.rule === rule)!.message;
}

/** The notice's words of the first finding of `rule`. */
function quote(s: TableSheet, rule: string): string | undefined {
  return checkWorkbook(workbookOf([s]))
    .tables.flatMap((t) => t.findings)
    .find((f) => f.rule === rule)!.quote;
}

test("a correct 附件4 row (two-row header) is recognised and has no finding", () => {
  const r = checkWorkbook(
    workbookOf([tableSheet("exempt-summary", [demonstrationRow()])]),
  );
  expect(r.tables.map((t) => t.table)).toEqual(["exempt-summary"]);
  expect(r.tables[0]!.findings).toEqual([]);
});

test("splitNameYear reads 名称+获批年度 in the forms people type", () => {
  expect(splitNameYear("绿色工厂（2023年）")).toEqual({
    name: "绿色工厂",
    year: 2023,
  });
  expect(splitNameYear("绿色工厂 2023")).toEqual({
    name: "绿色工厂",
    year: 2023,
  });
  expect(splitNameYear("2022年度企业技术中心")).toEqual({
    name: "企业技术中心",
    year: 2022,
  });
  expect(splitNameYear("绿色工厂")).toEqual({ name: "绿色工厂" });
});

test("DEMO-ONE-PER-YEAR: two programmes applied for → 错误", () => {
  const s = tableSheet("exempt-summary", [
    demonstrationRow({
      demonstrationApplied: "绿色工厂、绿色供应链",
      demo2024_2: "绿色供应链",
    }),
  ]);
  expect(findings(s, "DEMO-ONE-PER-YEAR")).toEqual([
    {
      cell: s.at("demonstrationApplied", 0),
      rule: "DEMO-ONE-PER-YEAR",
      severity: "error",
    },
  ]);
  expect(
    findings(
      tableSheet("exempt-summary", [demonstrationRow()]),
      "DEMO-ONE-PER-YEAR",
    ),
  ).toEqual([]);
});

describe("DEMO-IN-2024-LIST", () => {
  test("a name not among the 2024 approvals → 错误", () => {
    const s = tableSheet("exempt-summary", [
      demonstrationRow({ demonstrationApplied: "能效领跑者" }),
    ]);
    expect(findings(s, "DEMO-IN-2024-LIST")).toEqual([
      {
        cell: s.at("demonstrationApplied", 0),
        rule: "DEMO-IN-2024-LIST",
        severity: "error",
      },
    ]);
  });
  test("only a near match (国家级绿色工厂 vs 绿色工厂) → 警告", () => {
    const s = tableSheet("exempt-summary", [
      demonstrationRow({ demonstrationApplied: "国家级绿色工厂" }),
    ]);
    expect(findings(s, "DEMO-IN-2024-LIST")).toEqual([
      {
        cell: s.at("demonstrationApplied", 0),
        rule: "DEMO-IN-2024-LIST",
        severity: "warning",
      },
    ]);
  });
});

test("DEMO-COUNT: 3 declared, 2 listed → 警告", () => {
  const s = tableSheet("exempt-summary", [
    demonstrationRow({ demonstrationCount: 3 }),
  ]);
  expect(findings(s, "DEMO-COUNT")).toEqual([
    {
      cell: s.at("demonstrationCount", 0),
      rule: "DEMO-COUNT",
      severity: "warning",
    },
  ]);
});

describe("DEMO-CUMULATIVE", () => {
  test("a 2024 approval missing from the cumulative list → 警告 on the 2024 cell", () => {
    const s = tableSheet("exempt-summary", [
      demonstrationRow({ demonstrationCum_2: null, demonstrationCount: 1 }),
    ]);
    expect(findings(s, "DEMO-CUMULATIVE")).toEqual([
      {
        cell: s.at("demo2024_1", 0),
        rule: "DEMO-CUMULATIVE",
        severity: "warning",
      },
    ]);
  });
  test("a cumulative year after 2024 → 警告", () => {
    const s = tableSheet("exempt-summary", [
      demonstrationRow({ demonstrationCum_1: "企业技术中心（2025年）" }),
    ]);
    expect(findings(s, "DEMO-CUMULATIVE")).toEqual([
      {
        cell: s.at("demonstrationCum_1", 0),
        rule: "DEMO-CUMULATIVE",
        severity: "warning",
      },
    ]);
  });
});

test("DEMO-REPEAT: the programme applied for was approved in 2021 → 警告", () => {
  const s = tableSheet("exempt-summary", [
    demonstrationRow({
      demonstrationApplied: "企业技术中心",
      demo2024_1: "企业技术中心",
      demonstrationCum_2: "企业技术中心（2024年）",
    }),
  ]);
  expect(findings(s, "DEMO-REPEAT")).toEqual([
    {
      cell: s.at("demonstrationApplied", 0),
      rule: "DEMO-REPEAT",
      severity: "warning",
    },
  ]);
  expect(
    findings(tableSheet("exempt-summary", [demonstrationRow()]), "DEMO-REPEAT"),
  ).toEqual([]);
});

test("DEMO-KIND: a programme the notice does not list → 警告 on each cell", () => {
  const s = tableSheet("exempt-summary", [
    demonstrationRow({
      demonstrationApplied: "专精特新“小巨人”企业",
      demo2024_1: "专精特新“小巨人”企业",
      demonstrationCum_2: "专精特新“小巨人”企业（2024年）",
    }),
  ]);
  expect(findings(s, "DEMO-KIND")).toEqual([
    {
      cell: s.at("demonstrationApplied", 0),
      rule: "DEMO-KIND",
      severity: "warning",
    },
    { cell: s.at("demo2024_1", 0), rule: "DEMO-KIND", severity: "warning" },
    {
      cell: s.at("demonstrationCum_2", 0),
      rule: "DEMO-KIND",
      severity: "warning",
    },
  ]);
});

test("DEMO-KIND: a 省级/市级 title → 错误, even when it contains a national programme's name", () => {
  const s = tableSheet("exempt-summary", [
    demonstrationRow({
      demonstrationApplied: "山西省绿色工厂",
      demo2024_1: "山西省绿色工厂",
      demonstrationCum_2: "太原市级企业技术中心（2023年）",
    }),
  ]);
  expect(findings(s, "DEMO-KIND")).toEqual([
    {
      cell: s.at("demonstrationApplied", 0),
      rule: "DEMO-KIND",
      severity: "error",
    },
    { cell: s.at("demo2024_1", 0), rule: "DEMO-KIND", severity: "error" },
    {
      cell: s.at("demonstrationCum_2", 0),
      rule: "DEMO-KIND",
      severity: "error",
    },
  ]);
  expect(message(s, "DEMO-KIND")).toContain(
    "是省级试点示范（“山西省”），不是国家级的绿色工厂",
  );
  expect(quote(s, "DEMO-KIND")).toBe("企业2024年度新增国家级试点示范");
  const national = tableSheet("exempt-summary", [
    demonstrationRow({ demonstrationApplied: "国家级绿色工厂" }),
  ]);
  expect(
    findings(national, "DEMO-KIND").filter(
      (f) => f.cell === national.at("demonstrationApplied", 0),
    ),
  ).toEqual([]);
});

test("获批年度 compare as numbers: 2024, 2024年 and （2024） are one year", () => {
  for (const cum of [
    "绿色工厂 2024",
    "绿色工厂2024年",
    "绿色工厂（2024）",
    "绿色工厂（2024年）",
  ]) {
    const s = tableSheet("exempt-summary", [
      demonstrationRow({
        demonstrationApplied: "绿色工厂",
        demo2024_1: "绿色工厂（2024）",
        demonstrationCount: 1,
        demonstrationCum_1: cum,
        demonstrationCum_2: null,
      }),
    ]);
    expect(findings(s, "DEMO-CUMULATIVE")).toEqual([]);
    expect(findings(s, "DEMO-IN-2024-LIST")).toEqual([]);
    expect(findings(s, "DEMO-REPEAT")).toEqual([]);
  }
});
