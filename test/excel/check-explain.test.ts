/**
 * Explanations stored in the workbook: written to our very hidden, marked sheet; read back through a fresh
 * createCheckOperations and through xlsx/explanations.ts storedExplanations (as the CLI reads files); validated; never
 * written over a user's sheet; never checked as data.
 */
import { type Explanation } from "../../src/core/review/explanations";
import { storedExplanations } from "../../src/xlsx/explanations";
import { checkWorkbook } from "../../src/core/check/engine";
import { createCheckOperations } from "../../src/excel/check/operations";
import { readOpenWorkbook } from "../../src/excel/check/read";
import { workbookOf } from "../helpers/rows";
import { FakeExcel, installCheckFake, uninstallCheckFake } from "./checkFake";
import { GOOD, SHEET, t1 } from "./checkT1";
import { EXPLANATION_SHEET } from "../../src/core/check/ownSheets";

afterEach(uninstallCheckFake);

const DAYS: Explanation = {
  sheet: SHEET,
  cell: "L5",
  rule: "LOAN-DAYS",
  text: "借据约定按实际占用天数计息，含起息日和止息日，见第12页",
  time: "2025-03-01T09:30:00.000Z",
};

describe("explanations in the workbook", () => {
  it("persist: written to our very hidden sheet, read back by a fresh instance and by the core reader", async () => {
    const fake = installCheckFake(FakeExcel.of(workbookOf(t1([GOOD]))));
    await createCheckOperations().saveExplanation(DAYS, "warning");

    const sheet = fake.sheet(EXPLANATION_SHEET.name);
    expect(sheet.visibility).toBe("VeryHidden");
    expect(fake.names).toContainEqual(
      expect.objectContaining({
        name: "TECHFUND_EXPLAIN_V1",
        formula: "='techfund_说明'!$A$1",
      }),
    );
    expect(fake.cell(EXPLANATION_SHEET.name, "D2")).toEqual({
      value: DAYS.text,
      numberFormat: "@",
    });

    expect(await createCheckOperations().listExplanations()).toEqual([DAYS]);
    const open = await Excel.run((c) => readOpenWorkbook(c));
    expect(await storedExplanations(open.workbook)).toEqual([DAYS]);
    // Our sheet is not data: the check is the same as without it.
    expect(checkWorkbook(open.workbook).findings).toEqual(
      checkWorkbook(workbookOf(t1([GOOD]))).findings,
    );
  });

  it("replaces the explanation of the same finding, and removes one", async () => {
    installCheckFake(FakeExcel.of(workbookOf(t1([GOOD]))));
    const ops = createCheckOperations();
    const other = {
      ...DAYS,
      cell: "M5",
      rule: "LOAN-INTEREST-CALC",
      text: "银行按365天计息，见利息单第13页",
    };
    await ops.saveExplanation(DAYS, "warning");
    await ops.saveExplanation(other, "warning");
    await ops.saveExplanation(
      { ...DAYS, text: "借据第3条：计息天数含起息日和止息日" },
      "warning",
    );
    expect((await ops.listExplanations()).map((e) => e.text)).toEqual([
      other.text,
      "借据第3条：计息天数含起息日和止息日",
    ]);
    await ops.removeExplanation({
      sheet: SHEET,
      cell: "M5",
      rule: "LOAN-INTEREST-CALC",
    });
    expect((await ops.listExplanations()).map((e) => e.cell)).toEqual(["L5"]);
  });

  it("refuses an explanation of a 错误, boilerplate and short texts, writing nothing", async () => {
    const fake = installCheckFake(FakeExcel.of(workbookOf(t1([GOOD]))));
    const ops = createCheckOperations();
    await expect(
      ops.saveExplanation({ ...DAYS, rule: "LOAN-DRAW-YEAR" }, "error"),
    ).rejects.toThrow(
      "保存说明失败：错误不能通过说明解除，请修改表格中的数据。",
    );
    await expect(
      ops.saveExplanation({ ...DAYS, text: "经核实，无误。" }, "warning"),
    ).rejects.toThrow("没有说明原因");
    await expect(
      ops.saveExplanation({ ...DAYS, text: "见借据" }, "warning"),
    ).rejects.toThrow("说明至少 6 个字");
    expect(fake.sheets.map((s) => s.name)).toEqual([SHEET]);
  });

  it("never writes over a user's sheet that has our sheet's name", async () => {
    const fake = FakeExcel.of(workbookOf(t1([GOOD])));
    fake.addSheet(EXPLANATION_SHEET.name, [["用户自己的内容"]]);
    installCheckFake(fake);
    const before = fake.snapshot();
    await expect(
      createCheckOperations().saveExplanation(DAYS, "warning"),
    ).rejects.toThrow("不是本工具创建的");
    expect(fake.snapshot()).toBe(before);
    expect(await createCheckOperations().listExplanations()).toEqual([]);
  });
});

describe("a write of the explanations Excel refuses", () => {
  const OTHER: Explanation = {
    ...DAYS,
    cell: "M5",
    rule: "LOAN-INTEREST-CALC",
    text: "银行按365天计息，见利息单第13页",
  };

  /**
   * The non-empty cell values of every sheet. (A refused `values` command may leave the text format it was preceded by
   * on empty cells of our very hidden sheet: invisible and harmless, so formats are not compared.)
   */
  const values = (fake: FakeExcel) =>
    JSON.stringify(
      fake.sheets.map((s) => [
        s.name,
        [...s.cells]
          .filter(([, c]) => c.value !== "")
          .map(([k, c]) => [k, c.value]),
      ]),
    );

  /** A workbook with DAYS and OTHER saved; its values before the refused write. */
  async function saved(): Promise<{ fake: FakeExcel; before: string }> {
    const fake = installCheckFake(FakeExcel.of(workbookOf(t1([GOOD]))));
    const ops = createCheckOperations();
    await ops.saveExplanation(DAYS, "warning");
    await ops.saveExplanation(OTHER, "warning");
    return { fake, before: values(fake) };
  }

  it.each(["range.numberFormat", "range.values"])(
    "leaves the previous explanations as they were when Excel refuses %s of a new one",
    async (command) => {
      const { fake, before } = await saved();
      fake.failNext = { code: "InvalidArgument", when: (op) => op === command };
      await expect(
        createCheckOperations().saveExplanation(
          { ...DAYS, cell: "N5", text: "按借款合同第5条执行，见第14页" },
          "warning",
        ),
      ).rejects.toMatchObject({
        code: "InvalidArgument",
        message: expect.stringMatching(
          /^保存说明失败：Excel 不接受本次写入的参数/,
        ),
      });
      expect(fake.failNext).toBeUndefined();
      expect(values(fake)).toBe(before);
      expect(await createCheckOperations().listExplanations()).toEqual([
        DAYS,
        OTHER,
      ]);
      // Events were turned back on after the refusal.
      expect(fake.eventsEnabled).toBe(true);
    },
  );

  it("leaves both when Excel refuses the write of a removal (fewer rows: no old row is left below the new ones)", async () => {
    const { fake, before } = await saved();
    fake.failNext = {
      code: "GeneralException",
      when: (op) => op === "range.values",
    };
    const ops = createCheckOperations();
    await expect(
      ops.removeExplanation({ sheet: SHEET, cell: "L5", rule: "LOAN-DAYS" }),
    ).rejects.toMatchObject({ code: "GeneralException" });
    expect(values(fake)).toBe(before);
    expect(await ops.listExplanations()).toEqual([DAYS, OTHER]);
    // The same removal, not refused: OTHER moves up to row 2 and row 3 is empty.
    await ops.removeExplanation({
      sheet: SHEET,
      cell: "L5",
      rule: "LOAN-DAYS",
    });
    expect(await ops.listExplanations()).toEqual([OTHER]);
    expect(fake.cell(EXPLANATION_SHEET.name, "D2")?.value).toBe(OTHER.text);
    expect(fake.cell(EXPLANATION_SHEET.name, "A3")?.value ?? "").toBe("");
  });
});
