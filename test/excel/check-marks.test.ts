/**
 * 在表格中标记 / 清除标记: our conditional formats mark the finding cells; no cell's value or format changes; clearing
 * leaves the workbook exactly as before (cells, formats, the user's own conditional formats), to the byte.
 */
import { createCheckOperations } from "../../src/excel/check/operations";
import { MARK_COLORS, MARK_FORMULA } from "../../src/excel/check/marks";
import { workbookOf } from "../helpers/rows";
import { FakeExcel, installCheckFake, uninstallCheckFake } from "./checkFake";
import { DRAWN_2023, GOOD, SHEET, t1 } from "./checkT1";

afterEach(uninstallCheckFake);

/** A T1 workbook whose cells carry formats and a conditional format of the user's own. */
function formatted(): FakeExcel {
  const fake = FakeExcel.of(
    workbookOf(
      t1([GOOD, DRAWN_2023, { ...GOOD, contractNo: "X-3", purpose: "" }]),
    ),
  );
  const sheet = fake.sheet(SHEET);
  for (const [k, cell] of sheet.cells) {
    if (k.startsWith("4,") || k.startsWith("5,"))
      cell.formats = { "fill.color": "#FFFFFF", "font.bold": false };
    if (k === "5,6") cell.numberFormat = 'yyyy"年"m"月"d"日"';
  }
  sheet.conditionalFormats.push({
    id: "{user-1}",
    type: "Custom",
    address: "D5:D7",
    formula: "=D5>5000",
    fill: "#00FF00",
  });
  sheet.conditionalFormats.push({
    id: "{user-2}",
    type: "DataBar",
    address: "M5:M7",
  });
  return fake;
}

describe("marks", () => {
  it("marks each finding cell with a rule of ours, by severity, without changing any cell", async () => {
    const fake = installCheckFake(formatted());
    const ops = createCheckOperations();
    const report = await ops.checkWorkbook();
    const cells = JSON.stringify([...fake.sheet(SHEET).cells]);
    await ops.markFindings(report.tables[0]!.findings);
    expect(JSON.stringify([...fake.sheet(SHEET).cells])).toBe(cells);
    const ours = fake
      .sheet(SHEET)
      .conditionalFormats.filter((cf) => cf.formula === MARK_FORMULA);
    expect(ours).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          type: "Custom",
          address: expect.stringContaining("G6"),
          fill: MARK_COLORS.error,
        }),
        expect.objectContaining({
          address: expect.stringContaining("O7"),
          fill: MARK_COLORS.error,
        }),
      ]),
    );
    // The user's own rules are still there.
    expect(fake.sheet(SHEET).conditionalFormats.map((cf) => cf.id)).toEqual(
      expect.arrayContaining(["{user-1}", "{user-2}"]),
    );
  });

  it("clears to the byte: cells, formats and the user's conditional formats as before marking", async () => {
    const fake = installCheckFake(formatted());
    const ops = createCheckOperations();
    const before = fake.snapshot();
    const report = await ops.checkWorkbook();
    await ops.markFindings(report.tables[0]!.findings);
    await ops.markFindings(report.tables[0]!.findings); // marking again replaces, does not pile up
    expect(
      fake
        .sheet(SHEET)
        .conditionalFormats.filter((cf) => cf.formula === MARK_FORMULA).length,
    ).toBe(1);
    expect(fake.snapshot()).not.toBe(before);
    await ops.clearMarks();
    expect(fake.snapshot()).toBe(before);
  });

  it("clearing a workbook without marks writes nothing", async () => {
    const fake = installCheckFake(formatted());
    const before = fake.snapshot();
    await createCheckOperations().clearMarks();
    expect(fake.snapshot()).toBe(before);
    // Sheets, their conditional formats' types, the formula of the user's custom rule: nothing to delete, no 4th sync.
    expect(fake.syncs).toBe(3);
  });
});
