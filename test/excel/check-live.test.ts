/**
 * Live checking in Excel: event handlers invoked directly on the fake. A change re-checks only the changed rows, in
 * at most 2 syncs; findings of untouched rows are kept; our own writes do not loop; edits Excel does not report are
 * caught on selection change and on leaving the sheet; the result equals the engine's for the same grid.
 */
import type { WorkbookReport } from "../../src/core/check/report";
import { checkWorkbook } from "../../src/core/check/engine";
import { startLive } from "../../src/excel/check/live";
import { createCheckOperations } from "../../src/excel/check/operations";
import { OwnWrites } from "../../src/excel/check/ownWrites";
import { readOpenWorkbook } from "../../src/excel/check/read";
import { brief, workbookOf } from "../helpers/rows";
import { FakeExcel, installCheckFake, uninstallCheckFake } from "./checkFake";
import { DRAWN_2023, GOOD, manyLoans, SHEET, t1 } from "./checkT1";

afterEach(uninstallCheckFake);

/** The engine's report for what the fake workbook holds now (read back through the reader, not counted). */
async function engineNow(fake: FakeExcel): Promise<WorkbookReport> {
  const { syncs, runs } = fake;
  const requests = fake.requests.length;
  const open = await Excel.run((c) => readOpenWorkbook(c));
  fake.syncs = syncs;
  fake.runs = runs;
  fake.requests.length = requests;
  return checkWorkbook(open.workbook);
}

/** Starts a live check with no delay; returns the handle and the reports seen. */
async function live(fake: FakeExcel) {
  installCheckFake(fake);
  const reports: WorkbookReport[] = [];
  const errors: string[] = [];
  const ownWrites = new OwnWrites();
  const handle = await startLive({
    onUpdate: (r) => reports.push(r),
    onError: (m) => errors.push(m),
    ownWrites,
    delayMs: 0,
  });
  return {
    handle,
    reports,
    errors,
    ownWrites,
    last: () => reports[reports.length - 1]!,
  };
}

const T1_ROWS = [
  GOOD,
  DRAWN_2023,
  { ...GOOD, contractNo: "GH-3", purpose: "" },
];

describe("live re-check of an edited row", () => {
  it("re-reads only row 6 in one sync, updates its findings and keeps those of untouched rows", async () => {
    const fake = FakeExcel.of(workbookOf(t1(T1_ROWS)));
    const { handle, reports, last, errors } = await live(fake);
    expect(reports).toHaveLength(1);
    const before = last().tables[0]!.findings.map(brief);
    expect(before).toContainEqual({
      sheet: SHEET,
      cell: "G6",
      rule: "LOAN-DRAW-YEAR",
      severity: "error",
    });
    expect(before).toContainEqual({
      sheet: SHEET,
      cell: "O7",
      rule: "LOAN-PURPOSE-EMPTY",
      severity: "error",
    });

    // The user fixes the drawdown date of row 6 (and its term, so that nothing else complains).
    fake.edit(SHEET, "G6", [
      ["2024年11月30日", "2024年11月30日—2025年11月29日"],
    ]);
    const syncs = fake.syncs;
    const requests = fake.requests.length;
    await fake.fire("onChanged", fake.changed(SHEET, "G6:H6"));
    await handle.idle();

    expect(errors).toEqual([]);
    expect(fake.syncs - syncs).toBe(1);
    const loads = fake.requests
      .slice(requests)
      .flatMap((r) => r.loads.map((l) => l.address));
    expect(loads).toEqual(["A6:O6"]);
    const after = last().tables[0]!.findings.map(brief);
    expect(after).not.toContainEqual(
      expect.objectContaining({ cell: "G6", rule: "LOAN-DRAW-YEAR" }),
    );
    expect(after).toContainEqual({
      sheet: SHEET,
      cell: "O7",
      rule: "LOAN-PURPOSE-EMPTY",
      severity: "error",
    });
    expect(last()).toEqual(await engineNow(fake));
    await handle.stop();
  });

  it("updates totals and the table rules (LOAN-INTEREST-MIN) after an edit", async () => {
    const small = { ...GOOD, principal: 100, interest: 1.7346 };
    const fake = FakeExcel.of(workbookOf(t1([small])));
    const { handle, last } = await live(fake);
    expect(last().tables[0]!.findings.map((f) => f.rule)).toContain(
      "LOAN-INTEREST-MIN",
    );
    fake.edit(SHEET, "D5", [[1000]]);
    fake.edit(SHEET, "M5", [[17.3458]]);
    await fake.fire("onChanged", fake.changed(SHEET, "D5"));
    await fake.fire("onChanged", fake.changed(SHEET, "M5"));
    await handle.idle();
    expect(last().tables[0]!.findings.map((f) => f.rule)).not.toContain(
      "LOAN-INTEREST-MIN",
    );
    expect(last().tables[0]!.totals["2024年利息实际发生额"]).toBe(17.3458);
    expect(last()).toEqual(await engineNow(fake));
    await handle.stop();
  });

  it("re-checks a 1,000-row table's edited row with one read of that row", async () => {
    const fake = FakeExcel.of(workbookOf(t1(manyLoans(1000))));
    const { handle, last } = await live(fake);
    expect(last().counts.errors).toBe(0);
    fake.edit(SHEET, "G505", [["2023年1月1日"]]);
    const syncs = fake.syncs;
    const requests = fake.requests.length;
    await fake.fire("onChanged", fake.changed(SHEET, "G505"));
    await handle.idle();
    expect(fake.syncs - syncs).toBeLessThanOrEqual(2);
    expect(
      fake.requests
        .slice(requests)
        .flatMap((r) => r.loads.map((l) => l.address)),
    ).toEqual(["A505:O505"]);
    expect(last().tables[0]!.findings.map(brief)).toContainEqual({
      sheet: SHEET,
      cell: "G505",
      rule: "LOAN-DRAW-YEAR",
      severity: "error",
    });
    expect(last()).toEqual(await engineNow(fake));
    await handle.stop();
  });

  it("re-reads the whole sheet after a row deletion (≤ 2 syncs) and matches the engine", async () => {
    const fake = FakeExcel.of(workbookOf(t1(T1_ROWS)));
    const { handle, last } = await live(fake);
    fake.deleteRows(SHEET, 5, 1); // Excel row 6, the 2023 loan
    const syncs = fake.syncs;
    await fake.fire(
      "onChanged",
      fake.changed(SHEET, "6:6", { changeType: "RowDeleted" }),
    );
    await handle.idle();
    expect(fake.syncs - syncs).toBeLessThanOrEqual(2);
    expect(last().tables[0]!.findings.map((f) => f.rule)).not.toContain(
      "LOAN-DRAW-YEAR",
    );
    expect(last()).toEqual(await engineNow(fake));
    await handle.stop();
  });
});

describe("our own writes", () => {
  it("do not loop: the change event of a fill is ignored, the pane is updated without reading", async () => {
    const fake = FakeExcel.of(
      workbookOf(t1([{ ...GOOD, days: null, interest: null }])),
    );
    installCheckFake(fake);
    const ops = createCheckOperations({ delayMs: 0 });
    const reports: WorkbookReport[] = [];
    const stop = await ops.startLiveCheck((r) => reports.push(r));
    const plan = await ops.planInterestFill(SHEET);
    const written = await ops.applyFill(plan);
    expect(written.map((c) => c.cell)).toEqual(["L5", "M5"]);
    const updates = reports.length;
    expect(
      reports[updates - 1]!.tables[0]!.findings.map((f) => f.cell),
    ).not.toContain("M5");
    const { syncs, runs } = fake;
    // Excel echoes our write (no triggerSource before ExcelApi 1.14): no re-check, no read.
    await fake.fire("onChanged", fake.changed(SHEET, "L5"));
    await fake.fire("onChanged", fake.changed(SHEET, "M5"));
    await new Promise((r) => setTimeout(r, 20));
    expect([fake.syncs, fake.runs, reports.length]).toEqual([
      syncs,
      runs,
      updates,
    ]);
    await stop();
  });

  it("ignores an event Excel says this add-in caused (ExcelApi 1.14 triggerSource)", async () => {
    const fake = FakeExcel.of(workbookOf(t1([GOOD])));
    const { handle, reports } = await live(fake);
    const syncs = fake.syncs;
    await fake.fire(
      "onChanged",
      fake.changed(SHEET, "B5", { triggerSource: "ThisLocalAddin" }),
    );
    await handle.idle();
    expect([fake.syncs, reports.length]).toEqual([syncs, 1]);
    await handle.stop();
  });
});

describe("edits Excel does not report", () => {
  it("a dropdown pick is caught when the selection moves on: the previous selection's row is re-read", async () => {
    const fake = FakeExcel.of(workbookOf(t1(T1_ROWS)));
    const { handle, last, reports } = await live(fake);
    const id = fake.sheet(SHEET).id;
    await fake.fire("onSelectionChanged", { worksheetId: id, address: "C5" });
    await handle.idle();
    expect(reports).toHaveLength(1); // nothing changed yet: no update
    fake.edit(SHEET, "C5", [["光伏产业链"]]); // picked from the list; Excel on the web raised no onChanged
    const syncs = fake.syncs;
    await fake.fire("onSelectionChanged", { worksheetId: id, address: "D5" });
    await handle.idle();
    expect(fake.syncs - syncs).toBe(1);
    expect(last()).toEqual(await engineNow(fake));
    expect(last().tables[0]!.findings.map((f) => f.rule)).toContain(
      "LOAN-CHAIN",
    );
    await handle.stop();
  });

  it("leaving a sheet re-reads it whole", async () => {
    const wb = workbookOf(t1(T1_ROWS), {
      name: "说明",
      rows: [[{ v: "填报说明" }]],
      merges: [],
    });
    const fake = FakeExcel.of(wb);
    const { handle, last } = await live(fake);
    fake.deleteRows(SHEET, 6, 1); // Excel row 7 deleted; no event arrived
    const syncs = fake.syncs;
    await fake.fire("onActivated", { worksheetId: fake.sheet("说明").id });
    await handle.idle();
    expect(fake.syncs - syncs).toBeLessThanOrEqual(2);
    expect(last().tables[0]!.findings.map((f) => f.cell)).not.toContain("O7");
    expect(last()).toEqual(await engineNow(fake));
    await handle.stop();
  });
});

describe("stop", () => {
  it("removes every handler", async () => {
    const fake = FakeExcel.of(workbookOf(t1([GOOD])));
    const { handle } = await live(fake);
    // onChanged, onSelectionChanged, onActivated, onAdded, onDeleted, and onRowHiddenChanged (ExcelApi 1.11).
    expect(Object.values(fake.handlers).flat()).toHaveLength(6);
    await handle.stop();
    expect(Object.values(fake.handlers).flat()).toHaveLength(0);
  });
});

describe("recovery", () => {
  it("reads everything again when a re-check fails (a sheet renamed since the last read)", async () => {
    const fake = FakeExcel.of(workbookOf(t1(T1_ROWS)));
    const { handle, last, errors } = await live(fake);
    fake.sheet(SHEET).name = "贷款";
    fake.active = "贷款";
    fake.edit("贷款", "G6", [
      ["2024年11月30日", "2024年11月30日—2025年11月29日"],
    ]);
    await fake.fire("onChanged", fake.changed("贷款", "G6:H6"));
    await handle.idle();
    expect(errors).toEqual([]);
    expect(last().tables.map((t) => t.sheet)).toEqual(["贷款"]);
    expect(last()).toEqual(await engineNow(fake));
    await handle.stop();
  });
});

describe("live re-check while the user types in a cell", () => {
  it("on Excel without delayForCellEdit keeps the edited rows when the batch is refused and re-checks them later", async () => {
    const fake = FakeExcel.of(workbookOf(t1(T1_ROWS)));
    fake.apiMinor = 10; // ExcelApi 1.10: no delayForCellEdit
    const { handle, last, errors } = await live(fake);
    await fake.userEdit(SHEET, "G6", [
      ["2024年11月30日", "2024年11月30日—2025年11月29日"],
    ]);
    fake.cellEditMode = true; // the user starts typing in another cell before the re-check runs
    await new Promise((r) => setTimeout(r, 20));
    expect(errors).toEqual([]);
    expect(last().tables[0]!.findings.map(brief)).toContainEqual(
      expect.objectContaining({ cell: "G6", rule: "LOAN-DRAW-YEAR" }),
    );
    fake.cellEditMode = false;
    await handle.idle();
    expect(errors).toEqual([]);
    const now = last().tables[0]!.findings.map(brief);
    expect(now).not.toContainEqual(
      expect.objectContaining({ cell: "G6", rule: "LOAN-DRAW-YEAR" }),
    );
    expect(last()).toEqual(await engineNow(fake));
    await handle.stop();
  });

  it("with ExcelApi 1.11 runs the re-check with delayForCellEdit: it waits for the edit to end, no error", async () => {
    const fake = FakeExcel.of(workbookOf(t1(T1_ROWS)));
    const { handle, last, errors } = await live(fake);
    await fake.userEdit(SHEET, "G6", [
      ["2024年11月30日", "2024年11月30日—2025年11月29日"],
    ]);
    fake.cellEditMode = true;
    await new Promise((r) => setTimeout(r, 20));
    fake.endCellEdit();
    await handle.idle();
    expect(errors).toEqual([]);
    expect(last()).toEqual(await engineNow(fake));
    await handle.stop();
  });
});

describe("starting live checking", () => {
  it("leaves no handler registered when the first read throws", async () => {
    const fake = FakeExcel.of(workbookOf(t1(T1_ROWS)));
    installCheckFake(fake);
    fake.failNext = {
      code: "GeneralException",
      when: (op) =>
        op === "range.load" ||
        op === "range.values" ||
        op.startsWith("sheet.names.load"),
    };
    await expect(
      startLive({
        onUpdate: () => undefined,
        ownWrites: new OwnWrites(),
        delayMs: 0,
      }),
    ).rejects.toMatchObject({ code: "GeneralException" });
    expect(Object.values(fake.handlers).map((h) => h.length)).toEqual([
      0, 0, 0, 0, 0, 0,
    ]);
  });
});
