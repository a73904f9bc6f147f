/**
 * 计算天数与利息 and 重排序号 in Excel: the plan is shown first, then written in one batch; only empty cells (or, for
 * 序号, the planned cells) are written, and a cell typed in meanwhile is left alone.
 */
import { createCheckOperations } from "../../src/excel/check/operations";
import { workbookOf } from "../helpers/rows";
import { FakeExcel, installCheckFake, uninstallCheckFake } from "./checkFake";
import { GOOD, SHEET, t1 } from "./checkT1";

afterEach(uninstallCheckFake);

const ROWS = [
  { ...GOOD, days: null, interest: null }, // row 5: both from the dates: 181 days, 17.3458 万元
  { ...GOOD, contractNo: "B", days: 180, interest: null }, // row 6: typed days kept: 1000 × 3.45 % × 180 / 360 = 17.25
  { ...GOOD, contractNo: "C", interest: 20 }, // row 7: nothing empty
  { ...GOOD, contractNo: "D", accrualStart: null, days: null, interest: null }, // row 8: no 起息日
];

describe("计算天数与利息", () => {
  it("plans only the empty cells, then writes them in one batch (3 syncs, events off), leaving a cell typed meanwhile", async () => {
    const fake = installCheckFake(FakeExcel.of(workbookOf(t1(ROWS))));
    const ops = createCheckOperations();
    const plan = await ops.planInterestFill(SHEET);
    expect(plan.changes.map((c) => [c.cell, c.before, c.after])).toEqual([
      ["L5", null, 181],
      ["M5", null, 17.3458],
      ["M6", null, 17.25],
    ]);
    expect(plan.notes).toEqual([
      "第8行：起息日或止息日为空或无法识别，未计算天数。",
      "第8行：贷款金额、利率或天数为空或无法识别，未计算利息。",
    ]);
    const before = fake.snapshot();
    fake.edit(SHEET, "M6", [[17.26]]); // the user typed the interest after seeing the plan
    const syncs = fake.syncs;
    const written = await ops.applyFill(plan);
    expect(fake.syncs - syncs).toBe(3);
    // Written with the add-in's events off (ExcelApi 1.8): no change event echoes the fill; events are on again.
    expect(fake.ownEvents).toEqual([]);
    expect(fake.eventsEnabled).toBe(true);
    expect(written.map((c) => c.cell)).toEqual(["L5", "M5"]);
    expect(fake.cell(SHEET, "L5")?.value).toBe(181);
    expect(fake.cell(SHEET, "M5")?.value).toBe(17.3458);
    expect(fake.cell(SHEET, "M6")?.value).toBe(17.26);
    // Nothing else changed.
    fake.edit(SHEET, "L5", [[null, null]]);
    fake.edit(SHEET, "M6", [[null]]);
    expect(fake.snapshot()).toBe(before);
  });

  it("refuses a sheet that is not a 新增贷款明细表", async () => {
    const fake = FakeExcel.of(workbookOf(t1([GOOD])));
    fake.addSheet("说明", [["填报说明"]]);
    installCheckFake(fake);
    await expect(
      createCheckOperations().planInterestFill("说明"),
    ).rejects.toThrow("计算天数与利息失败：工作表“说明”未识别为通知中的表格。");
  });
});

describe("重排序号", () => {
  it("renumbers 序号 1..n, writing only the cells that differ", async () => {
    const rows = [
      { ...GOOD, seq: 1 },
      { ...GOOD, contractNo: "B", seq: 3 },
      { ...GOOD, contractNo: "C", seq: 3 },
    ];
    const fake = installCheckFake(FakeExcel.of(workbookOf(t1(rows))));
    const ops = createCheckOperations();
    const plan = await ops.planRenumber(SHEET);
    expect(plan.changes.map((c) => [c.cell, c.before, c.after])).toEqual([
      ["A6", 3, 2],
    ]);
    await ops.applyFill(plan);
    expect(["A5", "A6", "A7"].map((a) => fake.cell(SHEET, a)?.value)).toEqual([
      1, 2, 3,
    ]);
  });
});
