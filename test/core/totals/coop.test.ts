/** The 协作配套 year analysis as the workbook report carries it (WorkbookReport.coop). */
import {
  checkWorkbook,
  recognizeWorkbook,
} from "../../../src/core/check/engine";
import { coopYearAnalysis } from "../../../src/core/facts/coop";
import { coopSummary } from "../../../src/core/totals/coop";
import { tableSheet, workbookOf } from "../../helpers/coop";

const B_USC = "91140105234567894Y";

function leader(year: number, invoiceAmount: number) {
  return tableSheet("leader-suppliers", {
    year,
    rows: [
      {
        supplierName: "山西乙材料有限公司",
        orgCode: B_USC,
        contractAmount: invoiceAmount,
        invoiceAmount,
      },
    ],
  });
}

describe("coopSummary", () => {
  it("is undefined for a workbook without a T4/T5 sheet, and the report has no coop", () => {
    const wb = workbookOf(tableSheet("insurance-credit", { rows: [] }));
    expect(
      coopSummary(coopYearAnalysis(recognizeWorkbook(wb).tables)),
    ).toBeUndefined();
    expect("coop" in checkWorkbook(wb)).toBe(false);
  });

  it("gives each supplier's annual 已开发票金额 and tiers; checkWorkbook carries the same", () => {
    const wb = workbookOf(
      leader(2022, 300),
      leader(2023, 600),
      leader(2024, 1200.5),
    );
    const summary = coopSummary(
      coopYearAnalysis(recognizeWorkbook(wb).tables),
    )!;
    expect(summary.member).toBeUndefined();
    const [partner] = summary.leader!.partners;
    expect(summary.leader!.partners).toHaveLength(1);
    expect(partner!.name).toBe("山西乙材料有限公司");
    expect(partner!.years[2022]).toEqual({ invoice: 300, contract: 300 });
    expect(partner!.years[2023]).toEqual({
      invoice: 600,
      contract: 600,
      tier: 500,
    });
    expect(partner!.years[2024]).toEqual({
      invoice: 1200.5,
      contract: 1200.5,
      tier: 1000,
    });
    expect(partner!.previousTier).toBe(500);
    expect(partner!.newTier).toBe(1000);
    expect(checkWorkbook(wb).coop).toEqual(summary);
  });
});
