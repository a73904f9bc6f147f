import { getTable, TABLES } from "../../src/core/catalog";
import {
  layoutTemplate,
  listSheetLayout,
  rangeAddress,
  type TemplateLayout,
} from "../../src/core/template";
import { widthInPoints } from "../../src/excel/drawLayout";
import { insertTemplate } from "../../src/excel/insertTemplate";
import {
  type AddedSheet,
  installFakeExcel,
  project,
  rangesAt,
  uninstallFakeExcel,
} from "./insertFake";

afterEach(uninstallFakeExcel);

/** The single range call at `address` (fails when there is none or several). */
function only(sheet: AddedSheet, address: string): any {
  const found = rangesAt(sheet, address);
  expect(found).toHaveLength(1);
  return found[0];
}

/** The data validation written on `address` (exactly one range call there sets one). */
function validationAt(sheet: AddedSheet, address: string): any {
  const found = rangesAt(sheet, address)
    .map((m) => m.dataValidation)
    .filter((dv) => "rule" in dv || "prompt" in dv || "errorAlert" in dv);
  expect(found).toHaveLength(1);
  return found[0];
}

/** True when all four sides of a cell got a border (its block's outer edge or an inside edge). */
function boxed(b: string[]): boolean {
  const has = (edge: string, inside: string) =>
    b.includes(edge) || b.includes(inside);
  return (
    has("EdgeTop", "InsideHorizontal") &&
    has("EdgeBottom", "InsideHorizontal") &&
    has("EdgeLeft", "InsideVertical") &&
    has("EdgeRight", "InsideVertical")
  );
}

/** Asserts that everything the layout says was written on the sheet. */
function expectDrawn(sheet: AddedSheet, layout: TemplateLayout): void {
  const cells = project(sheet);
  for (const c of layout.cells) {
    const want = c.formula !== undefined ? `=${c.formula}` : (c.value ?? "");
    expect([c.r, c.c, cells.get(`${c.r},${c.c}`)?.formula]).toEqual([
      c.r,
      c.c,
      want,
    ]);
  }
  const merged = sheet.ranges
    .filter((r) => r.mock.merged)
    .map((r) => r.address);
  expect(merged).toEqual(layout.merges.map(rangeAddress));
  const first = Math.min(layout.dataRows.first, layout.totalRow ?? Infinity);
  const last = Math.max(layout.dataRows.last, layout.totalRow ?? -Infinity);
  for (const { c, numFmt } of layout.columnFormats) {
    for (let r = first; r <= last; r++)
      expect(cells.get(`${r},${c}`)?.numberFormat).toBe(numFmt);
  }
  for (const v of layout.validations) {
    const dv = validationAt(sheet, rangeAddress(v.range));
    if (v.prompt) expect(dv.prompt).toEqual({ ...v.prompt, showPrompt: true });
    if (v.error)
      expect(dv.errorAlert).toEqual({
        ...v.error,
        style: "Warning",
        showAlert: true,
      });
    const rule = v.rule;
    const bounds = (min: unknown, max: unknown) =>
      max === undefined
        ? { formula1: min, operator: "GreaterThanOrEqualTo" }
        : { formula1: min, formula2: max, operator: "Between" };
    if (rule.kind === "any") expect(dv.rule).toBeUndefined();
    if (rule.kind === "list")
      expect(dv.rule).toEqual({
        list: { inCellDropDown: true, source: `=${rule.formula}` },
      });
    if (rule.kind === "date")
      expect(dv.rule).toEqual({ date: bounds(rule.min, rule.max) });
    if (rule.kind === "decimal")
      expect(dv.rule).toEqual({ decimal: bounds(rule.min, rule.max) });
    if (rule.kind === "whole")
      expect(dv.rule).toEqual({ wholeNumber: bounds(rule.min, rule.max) });
  }
  for (let r = layout.dataRows.first; r <= layout.dataRows.last; r++) {
    for (let c = 0; c < layout.columnCount; c++) {
      expect([r, c, boxed(cells.get(`${r},${c}`)?.borders ?? [])]).toEqual([
        r,
        c,
        true,
      ]);
    }
  }
  expect(sheet.names).toEqual([
    {
      name: layout.markName,
      ref: "range:A1",
      comment: `技改填报助手模板：${layout.tableId}`,
    },
  ]);
  expect(sheet.mock.freezePanes.frozenRows).toBe(layout.freeze.rows);
  const page = sheet.mock.pageLayout;
  expect(page.orientation).toBe("Landscape");
  expect(page.paperSize).toBe("A4");
  expect(page.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
  expect(page.printTitleRows).toBe(
    `$${layout.headerRows.first + 1}:$${layout.headerRows.last + 1}`,
  );
  expect(page.headersFooters.defaultForAllPages.centerFooter).toBe(
    "第 &P 页，共 &N 页",
  );
}

describe("insertTemplate", () => {
  it.each(TABLES.map((t) => [t.id]))(
    "%s: draws the layout in one Excel.run with at most 3 syncs",
    async (id) => {
      const fake = installFakeExcel(["Sheet1"]);
      const names = await insertTemplate(id, { years: [2024] });
      expect(fake.runs()).toBe(1);
      expect(fake.syncs()).toBeLessThanOrEqual(3);
      const t = getTable(id);
      const layout = layoutTemplate(t, t.yearInTitle ? { year: 2024 } : {});
      expect(names).toEqual([layout.sheetName]);
      // The list sheet first (a new workbook), then the template.
      expect(fake.added.map((s) => s.name)).toEqual([
        "techfund_lists",
        layout.sheetName,
      ]);
      expectDrawn(fake.added[1]!, layout);
      expect(fake.added[1]!.mock.activated).toBe(true);
    },
  );

  it("T1: title, 单位 line, headers, 合计 SUM formulas, formats and dropdowns as the notice prints them", async () => {
    const fake = installFakeExcel(["Sheet1"]);
    expect(await insertTemplate("loan-interest")).toEqual(["新增贷款明细表"]);
    const sheet = fake.added[1]!;
    const cells = project(sheet);
    const at = (a: string) => {
      const m = /^([A-Z]+)(\d+)$/.exec(a)!;
      return cells.get(`${Number(m[2]) - 1},${m[1]!.charCodeAt(0) - 65}`)!;
    };
    expect(at("A1")).toMatchObject({
      formula: "省级重点产业链链上企业2024年度新增贷款明细表",
      bold: true,
      size: 16,
      hAlign: "Center",
    });
    expect(at("A2")).toMatchObject({ formula: "单位：万元", hAlign: "Right" });
    expect(at("A3")).toMatchObject({
      formula: "序号",
      bold: true,
      wrap: true,
      fill: "#D9E1F2",
    });
    expect(at("O3").formula).toBe("2024年度新增贷款用途");
    expect(at("A4")).toMatchObject({ formula: "合计", bold: true });
    expect(at("D4")).toMatchObject({
      formula: "=SUM(INDEX(D:D,ROW()+1):D1048576)",
      numberFormat: "#,##0.00",
    });
    expect(at("M4").formula).toBe("=SUM(INDEX(M:M,ROW()+1):M1048576)");
    expect(at("D5")).toMatchObject({ formula: "", numberFormat: "#,##0.00" });
    expect(at("G24").numberFormat).toBe('yyyy"年"m"月"d"日"');
    expect(at("F10").numberFormat).toBe("@");
    expect(at("B24").borders).toEqual([
      "EdgeBottom",
      "InsideVertical",
      "InsideHorizontal",
    ]);
    expect(at("A5").borders).toEqual([
      "EdgeTop",
      "EdgeLeft",
      "InsideVertical",
      "InsideHorizontal",
    ]);
    expect(rangesAt(sheet, "A1:O1").map((m) => m.merged)).toEqual([
      undefined,
      { across: false },
    ]);
    expect(validationAt(sheet, "C5:C1004").rule).toEqual({
      list: { inCellDropDown: true, source: "=TFLIST_chain" },
    });
    expect(validationAt(sheet, "G5:G1004")).toMatchObject({
      rule: {
        date: {
          formula1: "2024-01-01",
          formula2: "2024-12-31",
          operator: "Between",
        },
      },
      errorAlert: { style: "Warning", title: "日期不在2024年内" },
    });
    expect(validationAt(sheet, "G5:G1004").errorAlert.message).toContain(
      "新增贷款须于2024年当年提款并付息",
    );
    expect(validationAt(sheet, "D5:D1004").rule).toEqual({
      decimal: { formula1: 0, operator: "GreaterThanOrEqualTo" },
    });
    expect(validationAt(sheet, "K5:K1004").rule).toEqual({
      decimal: { formula1: 0, formula2: 100, operator: "Between" },
    });
    expect(validationAt(sheet, "L5:L1004").rule).toEqual({
      wholeNumber: { formula1: 0, operator: "GreaterThanOrEqualTo" },
    });
    expect(validationAt(sheet, "D5:D1004").prompt.message).toContain(
      "填写单笔放款本金金额",
    );
    expect(only(sheet, "A:A").format.columnWidth).toBe(widthInPoints(6));
    expect(only(sheet, "3:3").format.rowHeight).toBeGreaterThan(15);
    expect(sheet.mock.freezePanes.frozenRows).toBe(4);
    expect(sheet.mock.pageLayout.printTitleRows).toBe("$3:$3");
  });

  it("T6: dependent dropdowns point at the parent column of their row", async () => {
    const fake = installFakeExcel([]);
    await insertTemplate("project-info");
    const sheet = fake.added[1]!;
    expect(validationAt(sheet, "C4:C1003").rule).toEqual({
      list: {
        inCellDropDown: true,
        source: '=INDIRECT("TFLIST_county_"&INDEX($B:$B,ROW()))',
      },
    });
    expect(validationAt(sheet, "G4:G1003").rule.list.source).toBe(
      '=INDIRECT("TFLIST_direction_"&INDEX($F:$F,ROW()))',
    );
    expect(validationAt(sheet, "K4:K1003").rule.list.source).toBe(
      '=INDIRECT("TFLIST_industry_"&INDEX($J:$J,ROW()))',
    );
  });

  it("T8: two header rows with the group cells merged", async () => {
    const fake = installFakeExcel([]);
    await insertTemplate("exempt-summary");
    const sheet = fake.added[1]!;
    const merged = sheet.ranges
      .filter((r) => r.mock.merged)
      .map((r) => r.address);
    expect(merged).toEqual([
      "A1:P1",
      "A2:P2",
      "A3:A4",
      "B3:B4",
      "C3:C4",
      "D3:D4",
      "E3:E4",
      "F3:F4",
      "G3:I3",
      "J3:J4",
      "K3:M3",
      "N3:N4",
      "O3:O4",
      "P3:P4",
    ]);
    const cells = project(sheet);
    expect(cells.get("2,6")?.formula).toBe(
      "企业2024年度获批的国家级试点示范名称",
    );
    expect(cells.get("3,6")?.formula).toBe("试点示范1");
    expect(sheet.mock.pageLayout.printTitleRows).toBe("$3:$4");
  });

  it("T4 for 2022–2024: three sheets in one Excel.run, two syncs in all", async () => {
    const fake = installFakeExcel(["Sheet1"]);
    const names = await insertTemplate("leader-suppliers", {
      years: [2022, 2023, 2024],
    });
    expect(names).toEqual([
      "链主协作配套企业清单2022",
      "链主协作配套企业清单2023",
      "链主协作配套企业清单2024",
    ]);
    expect(fake.runs()).toBe(1);
    expect(fake.syncs()).toBe(2);
    const [, s2022, s2023, s2024] = fake.added;
    expect(project(s2022!).get("0,0")?.formula).toBe(
      "“链主”企业2022年度协作配套企业清单",
    );
    expect(project(s2023!).get("0,0")?.formula).toBe(
      "“链主”企业2023年度协作配套企业清单",
    );
    const cells = project(s2024!);
    expect(cells.get("0,0")?.formula).toBe(
      "“链主”企业2024年度协作配套企业清单",
    );
    expect(cells.get("24,0")?.formula).toBe("合 计");
    expect(cells.get("24,10")?.formula).toBe("—");
    expect(cells.get("24,9")?.formula).toBe("=SUM(J4:INDEX(J:J,ROW()-1))");
    // Only the first new sheet is activated.
    expect(fake.added.map((s) => s.mock.activated === true)).toEqual([
      false,
      true,
      false,
      false,
    ]);
  });

  it("creates the hidden list sheet with its names once", async () => {
    const fake = installFakeExcel(["Sheet1"]);
    await insertTemplate("project-info");
    const lists = listSheetLayout();
    const sheet = fake.added[0]!;
    expect(sheet.name).toBe("techfund_lists");
    expect(sheet.mock.visibility).toBe("Hidden");
    expect(fake.workbookNames.map((n) => n.name)).toEqual([
      ...lists.columns.map((c) => c.name),
      "TECHFUND_LISTS_V1",
    ]);
    expect(fake.workbookNames[0]).toEqual({
      name: "TFLIST_chain",
      ref: "=techfund_lists!$A$2:$A$17",
      comment: undefined,
    });
    const values = only(sheet, `A1:AF122`).values;
    expect(values[0][0]).toBe("省级重点产业链");
    expect(values.map((row: string[]) => row[0]).slice(1, 17)).toEqual(
      lists.columns[0]!.values,
    );
    expect(values[16][0]).toBe("装配式建筑产业链");
    expect(values[17][0]).toBe("");
  });

  it("reuses our list sheet: adds only the template", async () => {
    const fake = installFakeExcel(
      ["Sheet1", "techfund_lists"],
      ["TFLIST_chain", "TECHFUND_LISTS_V1"],
    );
    expect(await insertTemplate("finance-lease")).toEqual([
      "融资租赁补贴明细表",
    ]);
    expect(fake.added.map((s) => s.name)).toEqual(["融资租赁补贴明细表"]);
    expect(fake.workbookNames).toEqual([]);
    expect(fake.deletedNames).toEqual([]);
  });

  it("rebuilds the list sheet when the user deleted it, replacing its dangling names", async () => {
    const fake = installFakeExcel(
      ["Sheet1"],
      ["TFLIST_chain", "TECHFUND_LISTS_V1", "我的名称"],
    );
    await insertTemplate("loan-interest");
    expect(fake.deletedNames).toEqual(["TFLIST_chain", "TECHFUND_LISTS_V1"]);
    expect(fake.added[0]!.name).toBe("techfund_lists");
  });

  it("a taken name gets a suffix; the user's sheets are never reached", async () => {
    const fake = installFakeExcel(
      ["新增贷款明细表", "新增贷款明细表(2)", "techfund_lists"],
      ["TECHFUND_LISTS_V1"],
    );
    expect(await insertTemplate("loan-interest")).toEqual([
      "新增贷款明细表(3)",
    ]);
    expect(fake.added.map((s) => s.name)).toEqual(["新增贷款明细表(3)"]);
    expect(fake.touchedExisting).toEqual([]);
  });

  it("refuses a foreign sheet named like the list sheet, before writing anything", async () => {
    const fake = installFakeExcel(["techfund_lists"]);
    await expect(insertTemplate("loan-interest")).rejects.toThrow(
      "插入《省级重点产业链链上企业2024年度新增贷款明细表》失败：工作簿中已有名为“techfund_lists”的工作表，但不是本工具创建的。",
    );
    expect(fake.added).toEqual([]);
    expect(fake.syncs()).toBe(1);
  });

  it("tells the user when Excel lacks ExcelApi 1.9, without touching the workbook", async () => {
    const fake = installFakeExcel(["Sheet1"], [], { excelApi19: false });
    await expect(insertTemplate("loan-interest")).rejects.toThrow(
      "您的 Excel 版本不支持 ExcelApi 1.9（数据验证/页面设置），请升级到 Microsoft 365 或使用 Excel 网页版。",
    );
    expect(fake.runs()).toBe(0);
  });

  it("says so in Chinese when not running in Excel", async () => {
    uninstallFakeExcel();
    await expect(insertTemplate("loan-interest")).rejects.toThrow(
      "未在 Excel 中运行",
    );
  });

  it("wraps Excel's refusal in a Chinese message naming the table, keeping the cause", async () => {
    installFakeExcel(["Sheet1"], [], { failOnSync: 2 });
    const err = await insertTemplate("leader-suppliers", {
      years: [2024],
    }).then(
      () => new Error("no error"),
      (e: Error) => e,
    );
    expect(err.message).toBe(
      "插入《“链主”企业____年度协作配套企业清单》失败：InvalidArgument: The argument is invalid or missing.",
    );
    expect((err.cause as Error).message).toContain("InvalidArgument");
  });

  it("ignores years for a table without a year blank", async () => {
    const fake = installFakeExcel(["Sheet1"]);
    expect(
      await insertTemplate("loan-interest", { years: [2022, 2023] }),
    ).toEqual(["新增贷款明细表"]);
    expect(fake.added).toHaveLength(2);
  });
});
