/**
 * Hidden rows and columns in Excel (ROW-HIDDEN, tables.md "All tables"): 检查 and the live check read them in the
 * same sync as the used range (src/excel/check/hidden.ts) and report ROW-HIDDEN as the file check does; the number
 * of syncs does not depend on the number of rows or of hidden rows. The T1 has loans in Excel rows 5… (grid rows
 * 4…); M is 2024年利息实际发生额 (grid column 12).
 */
import type { Sheet } from "../../src/core/model/grid";
import { checkWorkbook } from "../../src/core/check/engine";
import { splitAddress } from "../../src/excel/check/address";
import { hiddenLines } from "../../src/excel/check/hidden";
import { createCheckOperations } from "../../src/excel/check/operations";
import type { WorkbookReport } from "../../src/ports";
import { brief, workbookOf } from "../helpers/rows";
import { FakeExcel, installCheckFake, uninstallCheckFake } from "./checkFake";
import { GOOD, manyLoans, SHEET, t1 } from "./checkT1";

afterEach(uninstallCheckFake);

const LOANS = [
  GOOD,
  { ...GOOD, contractNo: "B" },
  { ...GOOD, contractNo: "C" },
];

const hiddenFindings = (report: WorkbookReport) =>
  report.tables
    .flatMap((t) => t.findings)
    .filter((f) => f.rule === "ROW-HIDDEN");

describe("检查 in Excel reads hidden rows and columns", () => {
  it("a hidden row with data (Excel row 6) and a hidden column with data (M) give ROW-HIDDEN, as the engine does", async () => {
    const sheet: Sheet = { ...t1(LOANS), hiddenRows: [5], hiddenCols: [12] };
    const fake = installCheckFake(FakeExcel.of(workbookOf(sheet)));
    const report = await createCheckOperations().checkWorkbook();
    expect(hiddenFindings(report).map(brief)).toEqual([
      { sheet: SHEET, cell: "M5", rule: "ROW-HIDDEN", severity: "warning" },
      { sheet: SHEET, cell: "B6", rule: "ROW-HIDDEN", severity: "warning" },
    ]);
    // The same report as the engine (the CLI's) for the same grid with the same hidden lines.
    expect(report).toEqual(checkWorkbook(workbookOf(sheet)));
    // Sheets and names; sample, used range and hidden lines; merged areas.
    expect(fake.syncs).toBe(3);
  });

  it("nothing hidden, or hidden lines without data (the 单位 row, a column right of the table): no ROW-HIDDEN", async () => {
    const fake = FakeExcel.of(workbookOf(t1(LOANS)));
    fake.sheet(SHEET).hiddenRows.add(1);
    fake.hideColumns(SHEET, 20, 3);
    installCheckFake(fake);
    const report = await createCheckOperations().checkWorkbook();
    expect(hiddenFindings(report)).toEqual([]);
  });

  it("every row hidden: no visible cell, the rows are read as hidden from rowHidden", async () => {
    const fake = FakeExcel.of(workbookOf(t1(LOANS)));
    for (let r = 0; r < 7; r++) fake.sheet(SHEET).hiddenRows.add(r);
    installCheckFake(fake);
    const report = await createCheckOperations().checkWorkbook();
    expect(hiddenFindings(report).map((f) => [f.cell, f.range])).toEqual([
      ["B5", "B5:B7"],
    ]);
  });

  it.each([60, 1200])(
    "%i rows with every third row and two columns hidden: as many syncs as with nothing hidden",
    async (n) => {
      const plain = installCheckFake(
        FakeExcel.of(workbookOf(t1(manyLoans(n)))),
      );
      await createCheckOperations().checkWorkbook();
      const syncsPlain = plain.syncs;
      uninstallCheckFake();

      const fake = FakeExcel.of(workbookOf(t1(manyLoans(n))));
      for (let r = 4; r < 4 + n; r += 3) fake.sheet(SHEET).hiddenRows.add(r);
      fake.hideColumns(SHEET, 11, 2);
      installCheckFake(fake);
      const report = await createCheckOperations().checkWorkbook();
      expect(fake.syncs).toBe(syncsPlain);
      // Past the 50-row sample, the rest of the rows in one request.
      expect(fake.syncs).toBe(4);
      const found = hiddenFindings(report);
      // One finding per hidden row (none adjacent) and one per hidden column (L, M).
      expect(found).toHaveLength(Math.ceil(n / 3) + 2);
      expect(
        found.filter((f) => f.message.includes("是隐藏列")).map((f) => f.cell),
      ).toEqual(["L5", "M5"]);
    },
  );
});

describe("the live check", () => {
  it("hiding a row of the table (onRowHiddenChanged) re-reads the sheet and adds ROW-HIDDEN; hiding a column is picked up on leaving the sheet", async () => {
    const fake = FakeExcel.of(workbookOf(t1(LOANS)));
    fake.addSheet("说明", [["备注"]]);
    installCheckFake(fake);
    const reports: WorkbookReport[] = [];
    const stop = await createCheckOperations({ delayMs: 0 }).startLiveCheck(
      (r) => reports.push(r),
    );
    const last = () => reports[reports.length - 1]!;
    expect(hiddenFindings(last())).toEqual([]);

    await fake.userHideRows(SHEET, 6, 1);
    await until(() => hiddenFindings(last()).length === 1);
    expect(hiddenFindings(last()).map((f) => f.cell)).toEqual(["B7"]);

    fake.hideColumns(SHEET, 12, 1);
    await fake.fire("onActivated", { worksheetId: fake.sheet("说明").id });
    await until(() => hiddenFindings(last()).length === 2);
    expect(hiddenFindings(last()).map((f) => f.cell)).toEqual(["M5", "B7"]);

    await fake.userHideRows(SHEET, 6, 1, false);
    await until(() => hiddenFindings(last()).length === 1);
    expect(hiddenFindings(last()).map((f) => f.cell)).toEqual(["M5"]);
    await stop();
  });
});

/** Lets the live check's timer and its re-read run until `done` holds (at most about a second). */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !done(); i++)
    await new Promise((r) => setTimeout(r, 5));
}

describe("the strict fake refuses what Excel refuses", () => {
  it("rowHidden, isNullObject and address cannot be read before the sync", async () => {
    installCheckFake(FakeExcel.of(workbookOf(t1(LOANS))));
    await Excel.run(async (context) => {
      const used = context.workbook.worksheets
        .getItem(SHEET)
        .getUsedRange(true);
      used.load("rowHidden");
      const visible = used.getSpecialCellsOrNullObject("Visible");
      visible.load("address,areaCount");
      /* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load -- the point: reading
         before the sync throws */
      expect(() => used.rowHidden).toThrow("rowHidden");
      expect(() => visible.isNullObject).toThrow("isNullObject");
      expect(() => visible.address).toThrow("address");
      /* eslint-enable office-addins/call-sync-before-read, office-addins/call-sync-after-load */
      await context.sync();
      expect(used.rowHidden).toBe(false);
      expect(visible.isNullObject).toBe(false);
      expect(visible.areaCount).toBe(1);
    });
  });

  it("getSpecialCells fails with ItemNotFound when no cell is visible; …OrNullObject gives a null object", async () => {
    const fake = FakeExcel.of(workbookOf(t1(LOANS)));
    fake.hideColumns(SHEET, 0, 15);
    installCheckFake(fake);
    await Excel.run(async (context) => {
      const used = context.workbook.worksheets
        .getItem(SHEET)
        .getUsedRange(true);
      const orNull = used.getSpecialCellsOrNullObject("Visible");
      orNull.load("address");
      await context.sync();
      expect(orNull.isNullObject).toBe(true);
      expect(() => orNull.address).toThrow("address");
      used.getSpecialCells("Visible").load("address");
      await expect(context.sync()).rejects.toMatchObject({
        code: "ItemNotFound",
      });
    });
  });
});

describe("hiddenLines", () => {
  const area = { row: 0, col: 0, rows: 7, cols: 15 };
  it("reads the lines no visible area covers, with quoted sheet names holding commas", () => {
    const visible = {
      address: "'a,b'!A1:L5, 'a,b'!N1:O5,'a,b'!A7:L7,'a,b'!N7:O7",
      areaCount: 4,
    };
    expect(splitAddress(visible.address)).toHaveLength(4);
    expect(hiddenLines(area, null, null, visible)).toEqual({
      rows: [5],
      cols: [12],
    });
  });
  it("reports nothing when the address was cut short (fewer areas than areaCount)", () => {
    expect(
      hiddenLines(area, null, null, { address: "S!A1:L5", areaCount: 4 }),
    ).toEqual({ rows: [], cols: [] });
  });
  it("takes rowHidden/columnHidden false as none hidden, whatever the areas", () => {
    expect(
      hiddenLines(area, false, false, { address: "S!A1:A1", areaCount: 1 }),
    ).toEqual({ rows: [], cols: [] });
  });
});
