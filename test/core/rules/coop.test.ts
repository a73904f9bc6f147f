/**
 * COOP-* rules (T4 “链主”企业____年度协作配套企业清单, T5 链上企业____年度围绕“链主”企业协作配套交易明细表) through
 * the engine: for every rule code a passing case and a failing case with the exact cell, rule and severity.
 * Sheets: title, 企业名称 line, 单位 line, header on row 4, data from row 5 (test/helpers/coop.ts).
 * T4 columns: B 协作配套企业名称, C 组织机构代码, D 所在地, E 所属产业链, F 协作配套类型, I 签订合同时间, J 合同金额,
 * L 已开发票金额, M 备注. T5: B 链主企业名称, C 所属产业链, D 协作配套类型, G 签订合同时间, H 合同金额, J 已开具发票金额.
 */
import type { Finding } from "../../../src/core/model/finding";
import type { Sheet } from "../../../src/core/model/grid";
import {
  findingsOf,
  tableSheet,
  workbookOf,
  type RowSpec,
} from "../../helpers/coop";

/** Codes with valid check characters (GB 11714 / GB 32100), the credit code holding the 组织机构代码 at 9–17. */
const A_ORG = "110014526";
const A_USC = "91140105110014526B";
const B_USC = "91140105234567894Y";
const C_USC = "91140105MA0K12348G";

/** A complete T4 row of year `year` (contract signed that year), overridden by `over`. */
function supplier(year: number, over: RowSpec): RowSpec {
  return {
    supplierName: "山西甲机械有限公司",
    orgCode: A_USC,
    location: "山西省太原市小店区",
    chain: "光伏产业链",
    coopType: "供应配套",
    productName: "光伏支架",
    productModel: "ZJ-1",
    contractDate: `${year}年1月5日`,
    contractAmount: 5000,
    invoiceNos: "14002400001 00000001",
    invoiceAmount: 100,
    ...over,
  };
}

function leaderSheet(
  year: number | undefined,
  rows: RowSpec[],
  name?: string,
): Sheet {
  return tableSheet("leader-suppliers", {
    year,
    enterprise: "山西链主集团有限公司",
    rows: rows.map((r) => supplier(year ?? 2024, r)),
    ...(name ? { name } : {}),
  });
}

/** The hand-computed case of the brief (万元, 已开发票金额):
 *  甲 (A): 480 / 900 / 1500+600=2100 → tiers —, 500, 2000 → 2000 reached in 2024 above 500;
 *  乙 (B): 600 / 700 / 800 → 500 every year, no new tier;
 *  丙 (C): — / 100 / 550 → 500 new in 2024; a partner since 2023, so 存量, not a new partner (填写说明4).
 *  Totals: 1080 / 1700 / 3450 → tiers 1000, 1000, 3000. Partners ≥ 500: 1 / 2 / 3 → A = 3 − 2 = 1, B = 0.
 */
const NEW_MARK = "2024年新增协作配套企业（年度交易金额500万元以上）";
function threeYears(remarkC: string = NEW_MARK, remarkB = ""): Sheet[] {
  return [
    leaderSheet(2022, [
      {
        supplierName: "山西甲机械有限责任公司",
        orgCode: A_ORG,
        invoiceAmount: 480,
      },
      {
        supplierName: "山西乙材料有限公司",
        orgCode: B_USC,
        invoiceAmount: 600,
      },
    ]),
    leaderSheet(2023, [
      { invoiceAmount: 900 },
      {
        supplierName: "山西乙材料有限公司",
        orgCode: B_USC,
        invoiceAmount: 700,
      },
      {
        supplierName: "山西丙电子有限公司",
        orgCode: C_USC,
        invoiceAmount: 100,
      },
    ]),
    leaderSheet(2024, [
      { invoiceAmount: 1500 },
      { supplierName: "山西甲机械 有限公司", orgCode: "", invoiceAmount: 600 },
      {
        supplierName: "山西乙材料有限公司",
        orgCode: B_USC,
        invoiceAmount: 800,
        remark: remarkB,
      },
      {
        supplierName: "山西丙电子有限公司",
        orgCode: C_USC,
        invoiceAmount: 550,
        remark: remarkC,
      },
    ]),
  ];
}

/** `{sheet, cell, severity}` of findings, to compare exactly. */
function where(
  findings: Finding[],
): { sheet: string; cell?: string; severity: string }[] {
  return findings.map((f) => ({
    sheet: f.sheet,
    ...(f.cell ? { cell: f.cell } : {}),
    severity: f.severity,
  }));
}

const S2022 = "链主协作配套企业清单2022";
const S2024 = "链主协作配套企业清单2024";

describe("COOP-TYPE (填写说明2)", () => {
  it("accepts the three values, the official “消纳配套”和“供应配套” and ASCII quotes", () => {
    const wb = workbookOf(
      leaderSheet(2024, [
        { coopType: "消纳配套" },
        { coopType: "供应配套" },
        { coopType: "消纳配套和供应配套" },
        { coopType: "“消纳配套”和“供应配套”" },
        { coopType: '"消纳配套"和"供应配套"' },
      ]),
    );
    expect(findingsOf(wb, "COOP-TYPE")).toEqual([]);
  });

  it("rejects another value (错误), in T4 and T5", () => {
    const wb = workbookOf(
      leaderSheet(2024, [{ coopType: "供应" }]),
      tableSheet("member-transactions", {
        year: 2024,
        rows: [
          {
            leaderName: "山西链主集团有限公司",
            chain: "光伏产业链",
            coopType: "采购",
            invoiceAmount: 1,
          },
        ],
      }),
    );
    const found = findingsOf(wb, "COOP-TYPE");
    expect(where(found)).toEqual([
      { sheet: S2024, cell: "F5", severity: "error" },
      {
        sheet: "链上企业协作配套交易明细表2024",
        cell: "D5",
        severity: "error",
      },
    ]);
    expect(found[0]!.message).toContain("协作配套类型“供应”不是以下3种之一");
    expect(found[0]!.quote).toContain("等3种情况中的一种");
  });
});

describe("COOP-CODE (组织机构代码, GB 11714 / GB 32100)", () => {
  it("accepts a credit code, an org code with or without the hyphen", () => {
    const wb = workbookOf(
      leaderSheet(2024, [
        { orgCode: A_USC },
        { orgCode: A_ORG },
        { orgCode: "11001452-6" },
      ]),
    );
    expect(findingsOf(wb, "COOP-CODE")).toEqual([]);
  });

  it("reports a failed check character and an 18-digit code stored as a number (错误)", () => {
    const wb = workbookOf(
      leaderSheet(2024, [
        { orgCode: "110014527" },
        { orgCode: Number("911401051100145260") },
      ]),
    );
    const found = findingsOf(wb, "COOP-CODE");
    expect(where(found)).toEqual([
      { sheet: S2024, cell: "C5", severity: "error" },
      { sheet: S2024, cell: "C6", severity: "error" },
    ]);
    expect(found[0]!.message).toContain("第9位（校验码）应为“6”");
    expect(found[1]!.message).toContain("末尾数位已丢失");
  });
});

describe("COOP-PLACE (填写说明3: 填写至县（市、区）一级)", () => {
  it("accepts 太原市小店区, 山西省太原市小店区, 小店区", () => {
    const wb = workbookOf(
      leaderSheet(2024, [
        { location: "太原市小店区" },
        { location: "山西省太原市小店区" },
        { location: "小店区" },
      ]),
    );
    expect(findingsOf(wb, "COOP-PLACE")).toEqual([]);
  });

  it("warns for a city only, a county of another city, a province only (警告)", () => {
    const wb = workbookOf(
      leaderSheet(2024, [
        { location: "太原市" },
        { location: "大同市小店区" },
        { location: "山西省" },
      ]),
    );
    const found = findingsOf(wb, "COOP-PLACE");
    expect(where(found)).toEqual([
      { sheet: S2024, cell: "D5", severity: "warning" },
      { sheet: S2024, cell: "D6", severity: "warning" },
      { sheet: S2024, cell: "D7", severity: "warning" },
    ]);
    expect(found[0]!.message).toContain("只写到太原市");
    expect(found[1]!.message).toContain("小店区不属于大同市");
    expect(found[2]!.quote).toContain("‘所在地’一栏填写至县（市、区）一级");
  });
});

describe("COOP-INVOICE-OVER", () => {
  it("accepts an invoice amount equal to the contract amount", () => {
    const wb = workbookOf(
      leaderSheet(2024, [{ contractAmount: 2000, invoiceAmount: 2000 }]),
    );
    expect(findingsOf(wb, "COOP-INVOICE-OVER")).toEqual([]);
  });

  it("warns when 已开发票金额 > 合同金额 (警告)", () => {
    const wb = workbookOf(
      leaderSheet(2024, [{ contractAmount: 2000, invoiceAmount: 2100.5 }]),
    );
    const found = findingsOf(wb, "COOP-INVOICE-OVER");
    expect(where(found)).toEqual([
      { sheet: S2024, cell: "L5", severity: "warning" },
    ]);
    expect(found[0]!.message).toContain(
      "已开发票金额2100.5万元大于合同金额2000万元",
    );
  });
});

describe("COOP-CONTRACT-DATE", () => {
  it("accepts a contract signed in or before the sheet's year", () => {
    const wb = workbookOf(
      leaderSheet(2024, [
        { contractDate: "2024年12月31日" },
        { contractDate: "2021-06-01" },
      ]),
    );
    expect(findingsOf(wb, "COOP-CONTRACT-DATE")).toEqual([]);
  });

  it("warns for a contract signed after the sheet's year (警告)", () => {
    const wb = workbookOf(
      leaderSheet(2023, [{ contractDate: "2024年1月2日" }]),
    );
    const found = findingsOf(wb, "COOP-CONTRACT-DATE");
    expect(where(found)).toEqual([
      { sheet: "链主协作配套企业清单2023", cell: "I5", severity: "warning" },
    ]);
    expect(found[0]!.message).toContain(
      "签订合同时间2024年1月2日晚于本表的年度2023年",
    );
  });
});

describe("COOP-YEARS (填写说明1: 2022年、2023年、2024年逐年填写)", () => {
  it("accepts the three year sheets, with an extra page of one year", () => {
    const wb = workbookOf(
      ...threeYears(),
      leaderSheet(2024, [{ invoiceAmount: 1 }], "链主协作配套企业清单2024(续)"),
    );
    expect(findingsOf(wb, "COOP-YEARS")).toEqual([]);
  });

  it("reports a missing year on the list's first sheet (错误)", () => {
    const [s2022, , s2024] = threeYears();
    const found = findingsOf(workbookOf(s2022!, s2024!), "COOP-YEARS");
    expect(where(found)).toEqual([{ sheet: S2022, severity: "error" }]);
    expect(found[0]!.message).toContain("缺少2023年的本表");
  });

  it("reports a title with another year, and a title whose year is blank (错误)", () => {
    const wb = workbookOf(
      ...threeYears(),
      leaderSheet(2021, [{}]),
      leaderSheet(undefined, [{}], "链主清单"),
    );
    const found = findingsOf(wb, "COOP-YEARS");
    expect(where(found)).toEqual([
      { sheet: "链主协作配套企业清单2021", severity: "error" },
      { sheet: "链主清单", severity: "error" },
    ]);
    expect(found[0]!.message).toContain("本表标题的年度是2021年");
    expect(found[1]!.message).toContain("标题中的年度未填写或无法识别");
  });

  it("checks T5 on its own", () => {
    const member = tableSheet("member-transactions", {
      year: 2024,
      rows: [
        {
          leaderName: "山西链主集团有限公司",
          chain: "光伏产业链",
          coopType: "供应配套",
          invoiceAmount: 1,
        },
      ],
    });
    const found = findingsOf(workbookOf(...threeYears(), member), "COOP-YEARS");
    expect(where(found)).toEqual([
      { sheet: "链上企业协作配套交易明细表2024", severity: "error" },
    ]);
    expect(found[0]!.message).toContain("缺少2022年、2023年的本表");
  });
});

describe("COOP-TIER (附件1 六(十): 首次提升到…分档)", () => {
  it("shows 2000 万元 for 甲 (480 / 900 / 2100) and 500 万元 for 丙 (— / 100 / 550), and the total's 3000 万元", () => {
    const found = findingsOf(workbookOf(...threeYears()), "COOP-TIER");
    expect(where(found)).toEqual([
      { sheet: S2024, severity: "info" },
      { sheet: S2024, cell: "L5", severity: "info" },
      { sheet: S2024, cell: "L8", severity: "info" },
    ]);
    const [total, a, c] = found;
    expect(a!.message).toContain(
      "协作配套企业山西甲机械有限公司：2024年首次达到2000万元档（2022、2023年最高为500万元档）",
    );
    expect(a!.message).toContain(
      "2022年480万元、2023年900万元、2024年2100万元",
    );
    expect(c!.message).toContain(
      "2024年首次达到500万元档（2022、2023年均未达到500万元）",
    );
    expect(total!.message).toContain("全部协作配套企业合计");
    expect(total!.message).toContain(
      "2024年首次达到3000万元档（2022、2023年最高为1000万元档）",
    );
    expect(total!.message).toContain(
      "2022年1080万元、2023年1700万元、2024年3450万元",
    );
  });

  it("gives no tier to 乙, which stays at 500 万元 (600 / 700 / 800)", () => {
    const found = findingsOf(workbookOf(...threeYears()), "COOP-TIER");
    expect(found.some((f) => f.message.includes("山西乙材料"))).toBe(false);
  });

  it("shows nothing without the three year sheets", () => {
    const [s2022, , s2024] = threeYears();
    expect(findingsOf(workbookOf(s2022!, s2024!), "COOP-TIER")).toEqual([]);
  });

  it("shows 1亿元 as the notice writes it", () => {
    const wb = workbookOf(
      leaderSheet(2022, [{ invoiceAmount: 2500 }]),
      leaderSheet(2023, [{ invoiceAmount: 9999.99 }]),
      leaderSheet(2024, [{ contractAmount: 20000, invoiceAmount: 10000 }]),
    );
    const found = findingsOf(wb, "COOP-TIER").filter((f) => f.cell);
    expect(where(found)).toEqual([
      { sheet: S2024, cell: "L5", severity: "info" },
    ]);
    expect(found[0]!.message).toContain(
      "2024年首次达到1亿元档（2022、2023年最高为5000万元档）",
    );
  });
});

/**
 * The brief's case plus 丁, a partner found only on the 2024 sheet (520 万元): a new partner (新增协作配套企业, 填写说明4),
 * unlike 丙, a partner of 2023 (100 万元) that first reaches 500 万元 in 2024 (存量). 丁 is the 5th row of 2024: M9.
 */
const D_USC = "91140105MA0K1235XJ";
function withNewPartner(remarkD: string = NEW_MARK, remarkC = ""): Sheet[] {
  const [s2022, s2023] = threeYears(remarkC);
  const s2024 = leaderSheet(2024, [
    { invoiceAmount: 1500 },
    { supplierName: "山西甲机械 有限公司", orgCode: "", invoiceAmount: 600 },
    { supplierName: "山西乙材料有限公司", orgCode: B_USC, invoiceAmount: 800 },
    {
      supplierName: "山西丙电子有限公司",
      orgCode: C_USC,
      invoiceAmount: 550,
      remark: remarkC,
    },
    {
      supplierName: "山西丁新能源有限公司",
      orgCode: D_USC,
      invoiceAmount: 520,
      remark: remarkD,
    },
  ]);
  return [s2022!, s2023!, s2024];
}

describe("COOP-NET-NEW (附件1 六(十): 每净增一户)", () => {
  it("counts 1 / 2 / 3 partners at ≥ 500 万元: A = 1; 丙 was a partner in 2023 (存量), so B = 0: no net new partner", () => {
    const found = findingsOf(workbookOf(...threeYears("")), "COOP-NET-NEW");
    expect(where(found)).toEqual([{ sheet: S2024, severity: "info" }]);
    expect(found[0]!.message).toContain("2022年1户、2023年2户、2024年3户");
    expect(found[0]!.message).toContain(
      "2024年户数减去2022、2023年中较多的户数：1",
    );
    expect(found[0]!.message).toContain(
      "2022和2023年的表中均没有的新增协作配套企业：0户",
    );
    expect(found[0]!.message).toContain("没有净增");
  });

  it("counts a partner found only on the 2024 sheet as new: A = 4 − 2 = 2, B = 1 (丁), net 1", () => {
    const found = findingsOf(workbookOf(...withNewPartner()), "COOP-NET-NEW");
    expect(where(found)).toEqual([{ sheet: S2024, severity: "info" }]);
    expect(found[0]!.message).toContain(
      "新增协作配套企业：1户（山西丁新能源有限公司）",
    );
    expect(found[0]!.message).toContain("净增1户");
  });

  it("says there is no net new partner when none is new", () => {
    const wb = workbookOf(
      leaderSheet(2022, [{ invoiceAmount: 600 }]),
      leaderSheet(2023, [{ invoiceAmount: 600 }]),
      leaderSheet(2024, [{ invoiceAmount: 600 }]),
    );
    const found = findingsOf(wb, "COOP-NET-NEW");
    expect(where(found)).toEqual([{ sheet: S2024, severity: "info" }]);
    expect(found[0]!.message).toContain("没有净增");
  });

  it("is not shown without the three year sheets", () => {
    const [s2022, , s2024] = threeYears();
    expect(findingsOf(workbookOf(s2022!, s2024!), "COOP-NET-NEW")).toEqual([]);
  });
});

describe("COOP-NEW-MARK (填写说明4)", () => {
  /** A 情况表 applying for “链主”企业新增协作配套奖励. */
  const info = tableSheet("project-info", {
    enterprise: "山西链主集团有限公司",
    rows: [
      {
        city: "太原市",
        county: "小店区",
        enterpriseName: "山西链主集团有限公司",
        special: "企业增量提质专项",
        direction: "“链主”企业新增协作配套奖励",
        projectName: "“链主”企业新增协作配套奖励（光伏产业链）",
        nature: "民营企业",
        category: "战略性新兴产业",
        industry: "新材料",
        contact: "张三 13800000000",
      },
    ],
  });

  it("accepts the mark on the new partner 丁", () => {
    expect(
      findingsOf(workbookOf(...withNewPartner()), "COOP-NEW-MARK"),
    ).toEqual([]);
  });

  it("gives a 提示 for an unmarked new partner when the workbook does not apply for 新增协作配套奖励", () => {
    const found = findingsOf(
      workbookOf(...withNewPartner("")),
      "COOP-NEW-MARK",
    );
    expect(where(found)).toEqual([
      { sheet: S2024, cell: "M9", severity: "info" },
    ]);
    expect(found[0]!.message).toContain("山西丁新能源有限公司");
    expect(found[0]!.message).toContain(
      "2022年0万元、2023年0万元、2024年520万元",
    );
  });

  it("gives a 警告 for an unmarked new partner when the 情况表 applies for 新增协作配套奖励", () => {
    const found = findingsOf(
      workbookOf(info, ...withNewPartner("")),
      "COOP-NEW-MARK",
    );
    expect(where(found)).toEqual([
      { sheet: S2024, cell: "M9", severity: "warning" },
    ]);
    expect(found[0]!.message).toContain(
      "本工作簿的情况表申报“链主”企业新增协作配套奖励",
    );
    expect(found[0]!.quote).toContain("须重点标注协作配套企业是否为");
  });

  it("warns on a 新增 mark on 丙, a partner of 2023 that first reaches 500 万元 in 2024 (存量), and on 乙 marked new", () => {
    const found = findingsOf(
      workbookOf(...threeYears(NEW_MARK, NEW_MARK)),
      "COOP-NEW-MARK",
    );
    expect(where(found)).toEqual([
      { sheet: S2024, cell: "M7", severity: "warning" },
      { sheet: S2024, cell: "M8", severity: "warning" },
    ]);
    expect(found[1]!.message).toContain("山西丙电子有限公司");
    expect(found[1]!.message).toContain(
      "该企业已在2022年或2023年的表中，是已有的协作配套企业（存量），不是新增",
    );
  });

  it("warns when a new partner is marked 否", () => {
    const found = findingsOf(
      workbookOf(...withNewPartner("否")),
      "COOP-NEW-MARK",
    );
    expect(where(found)).toEqual([
      { sheet: S2024, cell: "M9", severity: "warning" },
    ]);
    expect(found[0]!.message).toContain("备注标注为非新增");
  });
});

describe("T5: COOP-SAME-CHAIN and COOP-TIER per “链主” and per chain (附件1 六(十一))", () => {
  function memberSheet(year: number, rows: RowSpec[]): Sheet {
    return tableSheet("member-transactions", {
      year,
      enterprise: "山西链上配件有限公司",
      rows: rows.map((r) => ({
        leaderName: "山西链主集团有限公司",
        chain: "光伏产业链",
        coopType: "供应配套",
        productName: "边框",
        productModel: "BK-2",
        contractDate: `${year}年2月1日`,
        contractAmount: 5000,
        invoiceNos: "00000001",
        ...r,
      })),
    });
  }
  const info = (projectName: string) =>
    tableSheet("project-info", {
      rows: [
        {
          city: "太原市",
          county: "小店区",
          enterpriseName: "山西链上配件有限公司",
          special: "企业增量提质专项",
          direction: "链上企业协作配套奖励",
          projectName,
          nature: "民营企业",
          category: "战略性新兴产业",
          industry: "新材料",
          contact: "李四 13900000000",
        },
      ],
    });
  /** 链主X: 300 / 800 / 1200 → 1000 above 500. 链主Y: — / — / 400 (+1000 on 氢能, left out) → no tier.
   *  Chain total: 300 / 800 / 1600 → 1000 above 500. */
  const years = () => [
    memberSheet(2022, [{ invoiceAmount: 300 }]),
    memberSheet(2023, [{ invoiceAmount: 800 }]),
    memberSheet(2024, [
      { invoiceAmount: 1200 },
      { leaderName: "山西另一链主有限公司", chain: "光伏", invoiceAmount: 400 },
      {
        leaderName: "山西另一链主有限公司",
        chain: "氢能产业链",
        invoiceAmount: 1000,
      },
    ]),
  ];
  const S = "链上企业协作配套交易明细表2024";

  it("COOP-SAME-CHAIN: accepts rows of the 情况表's chain (光伏 = 光伏产业链)", () => {
    const wb = workbookOf(
      info("链上企业协作配套奖励（光伏产业链）"),
      memberSheet(2024, [{}, { chain: "光伏" }]),
    );
    expect(findingsOf(wb, "COOP-SAME-CHAIN")).toEqual([]);
  });

  it("COOP-SAME-CHAIN: warns for a row of another chain than the 情况表's (警告)", () => {
    const found = findingsOf(
      workbookOf(info("链上企业协作配套奖励（光伏产业链）"), ...years()),
      "COOP-SAME-CHAIN",
    );
    expect(where(found)).toEqual([
      { sheet: S, cell: "C7", severity: "warning" },
    ]);
    expect(found[0]!.message).toContain(
      "所属产业链“氢能产业链”与申报企业的产业链光伏产业链（取自情况表的项目名称）不同",
    );
  });

  it("COOP-SAME-CHAIN: without a 情况表, compares with the sheet's most common chain", () => {
    const found = findingsOf(workbookOf(...years()), "COOP-SAME-CHAIN");
    expect(where(found)).toEqual([
      { sheet: S, cell: "C7", severity: "warning" },
    ]);
    expect(found[0]!.message).toContain("按本表最常见的产业链");
  });

  it("COOP-TIER: 链主X reaches 1000 万元 above 500; the chain total too; the other chain's row is left out", () => {
    const found = findingsOf(
      workbookOf(info("链上企业协作配套奖励（光伏产业链）"), ...years()),
      "COOP-TIER",
    );
    expect(where(found)).toEqual([
      { sheet: S, severity: "info" },
      { sheet: S, cell: "J5", severity: "info" },
    ]);
    expect(found[1]!.message).toContain(
      "“链主”企业山西链主集团有限公司：2024年首次达到1000万元档（2022、2023年最高为500万元档）",
    );
    expect(found[0]!.message).toContain(
      "与光伏产业链全部“链主”企业合计：2024年首次达到1000万元档",
    );
    expect(found[0]!.message).toContain(
      "2022年300万元、2023年800万元、2024年1600万元",
    );
    expect(found[0]!.quote).toContain(
      "与同一产业链‘链主’企业协作配套交易额首次提升到",
    );
  });
});
