/** The year analysis of T4/T5 (附件1 六(十)(十一)), a fact of the workbook: figures computed by hand. */
import { recognizeWorkbook } from "../../../src/core/check/engine";
import {
  chainOf,
  coopRows,
  coopYearAnalysis,
  tierOf,
  type CoopListAnalysis,
} from "../../../src/core/facts/coop";
import { replaceRows } from "../../../src/core/facts/tableFacts";
import { coopSummary } from "../../../src/core/totals/coop";
import { tableSheet, workbookOf, type RowSpec } from "../../helpers/coop";

const A_ORG = "110014526";
const A_USC = "91140105110014526B";
const B_USC = "91140105234567894Y";

function leader(year: number, rows: RowSpec[]) {
  return tableSheet("leader-suppliers", { year, rows });
}

/** 甲: 2022 old org code and 有限责任公司, 2023 credit code, 2024 two rows (one with no code, a space in the name). */
function analysis(): CoopListAnalysis {
  return coopYearAnalysis(leaderTables()).leader!;
}

/** The recognised tables of {@link analysis}'s workbook. */
function leaderTables() {
  const wb = workbookOf(
    leader(2022, [
      {
        supplierName: "山西甲机械有限责任公司",
        orgCode: A_ORG,
        contractAmount: 500,
        invoiceAmount: 480,
      },
      {
        supplierName: "山西乙材料有限公司",
        orgCode: B_USC,
        contractAmount: 600,
        invoiceAmount: 600,
      },
    ]),
    leader(2023, [
      {
        supplierName: "山西甲机械有限公司",
        orgCode: A_USC,
        contractAmount: 1000,
        invoiceAmount: 900,
      },
    ]),
    leader(2024, [
      {
        supplierName: "山西甲机械有限公司",
        orgCode: A_USC,
        contractAmount: 1600,
        invoiceAmount: 1500.25,
      },
      {
        supplierName: "山西甲机械 有限公司",
        contractAmount: 600,
        invoiceAmount: 599.75,
      },
      {
        supplierName: "山西乙材料有限公司",
        orgCode: B_USC,
        contractAmount: 450,
        invoiceAmount: 450,
      },
      { invoiceAmount: 10 },
    ]),
  );
  return recognizeWorkbook(wb).tables;
}

describe("tierOf (500, 1000, 2000, 3000, 5000 万元, 1亿, 3亿, 5亿)", () => {
  it.each([
    [499.99, undefined],
    [500, 500],
    [999.99, 500],
    [2100, 2000],
    [9999.99, 5000],
    [10000, 10000],
    [29999, 10000],
    [30000, 30000],
    [80000, 50000],
  ])("%d 万元 → %s", (amount, tier) => {
    expect(tierOf(amount)).toBe(tier);
  });
});

describe("chainOf", () => {
  it("reads the short name, quotes and spaces", () => {
    expect(chainOf("光伏")).toBe("光伏产业链");
    expect(chainOf(" 光伏产业链 ")).toBe("光伏产业链");
    expect(chainOf("氢能")).toBe("氢能产业链");
    expect(chainOf("其他链")).toBe("其他链");
    expect(chainOf("")).toBeUndefined();
  });
});

describe("coopYearAnalysis", () => {
  it("follows its tables' rows: a row taken out by a live re-check leaves the figures, the other rows are not read again", () => {
    const tables = leaderTables();
    const first = coopYearAnalysis(tables);
    const t2024 = tables.find((t) => t.year === 2024)!;
    const before = coopRows(t2024);
    expect(before).toHaveLength(4);
    const last = t2024.rows[t2024.rows.length - 1]!;
    // the unnamed row of 10 万元 deleted
    replaceRows(t2024, t2024.rows.slice(0, -1), [last], []);
    const again = coopYearAnalysis(tables);
    expect(again.leader!.total.years[2024].invoice).toBe(2550);
    expect(first.leader!.total.years[2024].invoice).toBe(2560);
    const after = coopRows(t2024);
    expect(after).toHaveLength(3);
    expect(after[0]).toBe(before[0]);
  });

  it("matches 甲 across years by code (old code ↔ credit code) and by name (no code, 有限责任公司)", () => {
    const a = analysis();
    expect(a.complete).toBe(true);
    expect(a.partners.map((p) => p.name)).toEqual([
      "山西甲机械有限公司",
      "山西乙材料有限公司",
    ]);
    const jia = a.partners[0]!;
    expect(jia.rows).toHaveLength(4);
    expect(jia.years).toEqual({
      2022: { invoice: 480, contract: 500 },
      2023: { invoice: 900, contract: 1000, tier: 500 },
      2024: { invoice: 2100, contract: 2200, tier: 2000 },
    });
    expect(jia.previousTier).toBe(500);
    expect(jia.newTier).toBe(2000);
  });

  it("gives no new tier to 乙 (600 in 2022, none in 2023, 450 in 2024)", () => {
    const yi = analysis().partners[1]!;
    expect(yi.years[2024]).toEqual({ invoice: 450, contract: 450 });
    expect(yi.previousTier).toBe(500);
    expect(yi.newTier).toBeUndefined();
  });

  it("totals every row, an unnamed one too: 1080 / 900 / 2560 → 1000, 500, 2000", () => {
    const t = analysis().total;
    expect([
      t.years[2022].invoice,
      t.years[2023].invoice,
      t.years[2024].invoice,
    ]).toEqual([1080, 900, 2560]);
    expect(t.previousTier).toBe(1000);
    expect(t.newTier).toBe(2000);
  });

  it("counts partners at ≥ 500 万元: 1 / 1 / 1 → A = 0, no new partner (甲 was at 900 in 2023)", () => {
    const n = analysis().netNew!;
    expect(n.counts).toEqual({ 2022: 1, 2023: 1, 2024: 1 });
    expect(n.a).toBe(0);
    expect(n.newPartners).toEqual([]);
    expect(n.conservative).toBe(0);
  });

  it("is incomplete without a year sheet, and absent without the list", () => {
    const wb = workbookOf(
      leader(2022, [{ supplierName: "甲", invoiceAmount: 1 }]),
    );
    const { leader: l, member } = coopYearAnalysis(
      recognizeWorkbook(wb).tables,
    );
    expect(l!.complete).toBe(false);
    expect(l!.sheets[2022]).toHaveLength(1);
    expect(member).toBeUndefined();
  });
});

describe("coopSummary (totals/coop.ts) of this analysis", () => {
  it("is plain data with sheet names and cells", () => {
    const s = coopSummary({ leader: analysis() })!.leader!;
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
    expect(s.sheets[2024]).toEqual(["链主协作配套企业清单2024"]);
    expect(s.partners[0]!.cells).toEqual([
      "链主协作配套企业清单2022!B5",
      "链主协作配套企业清单2023!B5",
      "链主协作配套企业清单2024!B5",
      "链主协作配套企业清单2024!B6",
    ]);
    expect(s.netNew).toEqual({
      counts: { 2022: 1, 2023: 1, 2024: 1 },
      a: 0,
      b: 0,
      newPartners: [],
      conservative: 0,
    });
  });
});
