/**
 * Inserting templates, on the strict fake of Excel (checkFake.ts): what is asserted is what the workbook holds after
 * the batch (cells, formats, validations, merges, names, page setup), not which calls were made.
 */
import { getTable, TABLES } from "../../src/core/catalog";
import { a1, parseA1, rangeAddress } from "../../src/core/model/grid";
import {
  layoutTemplate,
  listSheetLayout,
  type TemplateLayout,
} from "../../src/core/template";
import { widthInPoints } from "../../src/excel/drawLayout";
import { insertTemplate } from "../../src/excel/insertTemplate";
import {
  type FakeCell,
  FakeExcel,
  type FakeSheet,
  installCheckFake,
  uninstallCheckFake,
} from "./checkFake";

afterEach(uninstallCheckFake);

/** A fake workbook with these sheets (and workbook-scoped names pointing at `#REF!`, as left by a deleted sheet). */
function workbook(sheets: string[], names: string[] = []): FakeExcel {
  const fake = installCheckFake(new FakeExcel());
  for (const name of sheets) fake.addSheet(name);
  fake.names = names.map((name) => ({ name, formula: "=#REF!$A$1" }));
  return fake;
}

/** The sheets the insert added, in order. */
function added(fake: FakeExcel, before: string[]): FakeSheet[] {
  return fake.sheets.filter((s) => !before.includes(s.name));
}

/** What a cell shows as written: its formula, else its value. */
function written(cell: FakeCell | undefined): unknown {
  return cell?.formula ?? cell?.value ?? "";
}

function cellAt(sheet: FakeSheet, address: string): FakeCell | undefined {
  const { r, c } = parseA1(address);
  return sheet.cells.get(`${r},${c}`);
}

/** The validation written on `address` (exactly one). */
function validationAt(sheet: FakeSheet, address: string): any {
  const found = sheet.validations.filter((v) => v.address === address);
  expect(found).toHaveLength(1);
  return found[0];
}

/** The edges of a cell that got a border (`EdgeTop`…, `InsideHorizontal`…). */
function borders(cell: FakeCell | undefined): string[] {
  return Object.keys(cell?.formats ?? {})
    .map((k) => /borders\.(\w+)\.style$/.exec(k)?.[1])
    .filter((e): e is string => e !== undefined);
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

/** Asserts that everything the layout says is on the sheet. */
function expectDrawn(sheet: FakeSheet, layout: TemplateLayout): void {
  for (const c of layout.cells) {
    const want = c.formula !== undefined ? `=${c.formula}` : (c.value ?? "");
    expect([c.r, c.c, written(sheet.cells.get(`${c.r},${c.c}`))]).toEqual([
      c.r,
      c.c,
      want,
    ]);
  }
  expect(sheet.merged).toEqual(layout.merges.map(rangeAddress));
  const first = Math.min(
    layout.preparedRows.first,
    layout.totalRow ?? Infinity,
  );
  const last = Math.max(layout.preparedRows.last, layout.totalRow ?? -Infinity);
  for (const { c, numFmt } of layout.columnFormats)
    for (let r = first; r <= last; r++)
      expect([r, c, sheet.cells.get(`${r},${c}`)?.numberFormat]).toEqual([
        r,
        c,
        numFmt,
      ]);
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
  for (let r = layout.dataRows.first; r <= layout.dataRows.last; r++)
    for (let c = 0; c < layout.columnCount; c++)
      expect([r, c, boxed(borders(sheet.cells.get(`${r},${c}`)))]).toEqual([
        r,
        c,
        true,
      ]);
  // Rows below the bordered ones are bordered when they hold anything (a conditional format of the prepared rows).
  const filled = layout.borderWhenFilled;
  expect(
    sheet.conditionalFormats.map(({ address, formula, borders: b }) => ({
      address,
      formula,
      borders: b,
    })),
  ).toEqual(
    filled
      ? [
          {
            address: rangeAddress(filled.range),
            formula: `=${filled.formula}`,
            borders: {
              EdgeTop: "Continuous",
              EdgeBottom: "Continuous",
              EdgeLeft: "Continuous",
              EdgeRight: "Continuous",
            },
          },
        ]
      : [],
  );
  expect(sheet.names).toEqual([
    {
      name: layout.markName,
      formula: `='${sheet.name}'!$A$1`,
      comment: `技改填报助手模板：${layout.tableId}`,
    },
  ]);
  expect(sheet.freeze).toBe(`rows:${layout.freeze.rows}`);
  const page = sheet.page as any;
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
    "%s: draws the layout in one Excel.run: a read, one write, events back on (3 syncs)",
    async (id) => {
      const fake = workbook(["Sheet1"]);
      const names = await insertTemplate(id, { years: [2024] });
      expect(fake.runs).toBe(1);
      expect(fake.syncs).toBe(3);
      const t = getTable(id);
      const layout = layoutTemplate(t, t.yearInTitle ? { year: 2024 } : {});
      expect(names).toEqual([layout.sheetName]);
      // The list sheet first (a new workbook), then the template.
      const sheets = added(fake, ["Sheet1"]);
      expect(sheets.map((s) => s.name)).toEqual([
        "techfund_lists",
        layout.sheetName,
      ]);
      expectDrawn(sheets[1]!, layout);
      expect(fake.active).toBe(layout.sheetName);
      // This add-in's events were off while it drew, and are on again.
      expect(fake.ownEvents).toEqual([]);
      expect(fake.eventsEnabled).toBe(true);
    },
  );

  it("T1: title, 单位 line, headers, 合计 SUM formulas, formats and dropdowns as the notice prints them", async () => {
    const fake = workbook(["Sheet1"]);
    expect(await insertTemplate("loan-interest")).toEqual(["新增贷款明细表"]);
    const sheet = fake.sheet("新增贷款明细表");
    const at = (a: string) => cellAt(sheet, a)!;
    expect(written(at("A1"))).toBe(
      "省级重点产业链链上企业2024年度新增贷款明细表",
    );
    expect(at("A1").formats).toMatchObject({
      "font.bold": true,
      "font.size": 16,
      horizontalAlignment: "Center",
    });
    expect(written(at("A2"))).toBe("单位：万元");
    expect(at("A2").formats).toMatchObject({ horizontalAlignment: "Right" });
    expect(written(at("A3"))).toBe("序号");
    expect(at("A3").formats).toMatchObject({
      "font.bold": true,
      wrapText: true,
      "fill.color": "#D9E1F2",
    });
    expect(written(at("O3"))).toBe("2024年度新增贷款用途");
    expect(written(at("A4"))).toBe("合计");
    expect(at("A4").formats).toMatchObject({ "font.bold": true });
    expect(at("D4")).toMatchObject({
      formula: "=SUM(INDEX(D:D,ROW()+1):D1048576)",
      numberFormat: "#,##0.00",
    });
    expect(at("M4").formula).toBe("=SUM(INDEX(M:M,ROW()+1):M1048576)");
    expect(written(at("D5"))).toBe("");
    expect(at("D5").numberFormat).toBe("#,##0.00");
    expect(at("G24").numberFormat).toBe('yyyy"年"m"月"d"日"');
    expect(at("F10").numberFormat).toBe("@");
    // The 1,000 prepared rows keep the formats: row 1004 is the last.
    expect(at("D1004").numberFormat).toBe("#,##0.00");
    expect(cellAt(sheet, "D1005")?.numberFormat).toBeUndefined();
    expect(boxed(borders(at("B24")))).toBe(true);
    expect(boxed(borders(at("A5")))).toBe(true);
    expect(borders(cellAt(sheet, "A25"))).toEqual([]);
    // Rows 25–1004: bordered once they hold anything.
    expect(sheet.conditionalFormats).toMatchObject([
      { address: "A25:O1004", formula: "=COUNTA($A25:$O25)>0" },
    ]);
    expect(sheet.merged).toContain("A1:O1");
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
    expect(sheet.columnFormats.get("A")).toMatchObject({
      columnWidth: widthInPoints(6),
    });
    expect(at("A3").formats!.rowHeight).toBeGreaterThan(15);
    expect(sheet.freeze).toBe("rows:4");
    expect((sheet.page as any).printTitleRows).toBe("$3:$3");
  });

  it("T6: dependent dropdowns point at the parent column of their row", async () => {
    const fake = workbook([]);
    await insertTemplate("project-info");
    const sheet = fake.sheet("项目情况表");
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
    const fake = workbook([]);
    await insertTemplate("exempt-summary");
    const sheet = added(fake, [])[1]!;
    expect(sheet.merged).toEqual([
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
    expect(written(cellAt(sheet, "G3"))).toBe(
      "企业2024年度获批的国家级试点示范名称",
    );
    expect(written(cellAt(sheet, "G4"))).toBe("试点示范1");
    expect((sheet.page as any).printTitleRows).toBe("$3:$4");
  });

  it("T4 for 2022–2024: three sheets in one Excel.run, 3 syncs in all", async () => {
    const fake = workbook(["Sheet1"]);
    const names = await insertTemplate("leader-suppliers", {
      years: [2022, 2023, 2024],
    });
    expect(names).toEqual([
      "链主协作配套企业清单2022",
      "链主协作配套企业清单2023",
      "链主协作配套企业清单2024",
    ]);
    expect(fake.runs).toBe(1);
    expect(fake.syncs).toBe(3);
    const [s2022, s2023, s2024] = names.map((n) => fake.sheet(n));
    expect(written(cellAt(s2022!, "A1"))).toBe(
      "“链主”企业2022年度协作配套企业清单",
    );
    expect(written(cellAt(s2023!, "A1"))).toBe(
      "“链主”企业2023年度协作配套企业清单",
    );
    expect(written(cellAt(s2024!, "A1"))).toBe(
      "“链主”企业2024年度协作配套企业清单",
    );
    expect(written(cellAt(s2024!, a1(24, 0)))).toBe("合 计");
    expect(written(cellAt(s2024!, a1(24, 10)))).toBe("—");
    expect(written(cellAt(s2024!, a1(24, 9)))).toBe(
      "=SUM(J4:INDEX(J:J,ROW()-1))",
    );
    // Only the first new sheet is activated.
    expect(fake.active).toBe("链主协作配套企业清单2022");
  });

  it("creates the hidden list sheet with its names once", async () => {
    const fake = workbook(["Sheet1"]);
    await insertTemplate("project-info");
    const lists = listSheetLayout();
    const sheet = fake.sheet("techfund_lists");
    expect(sheet.visibility).toBe("Hidden");
    expect(fake.names.map((n) => n.name)).toEqual([
      ...lists.columns.map((c) => c.name),
      "TECHFUND_LISTS_V1",
    ]);
    expect(fake.names[0]).toEqual({
      name: "TFLIST_chain",
      formula: "=techfund_lists!$A$2:$A$17",
      comment: undefined,
    });
    expect(written(cellAt(sheet, "A1"))).toBe("省级重点产业链");
    expect(
      lists.columns[0]!.values.map((_, i) =>
        written(cellAt(sheet, `A${i + 2}`)),
      ),
    ).toEqual(lists.columns[0]!.values);
    expect(written(cellAt(sheet, "A17"))).toBe("装配式建筑产业链");
    expect(written(cellAt(sheet, "A18"))).toBe("");
  });

  it("reuses our list sheet: adds only the template", async () => {
    const fake = workbook(["Sheet1", "techfund_lists"]);
    fake.names = [
      { name: "TFLIST_chain", formula: "=techfund_lists!$A$2:$A$17" },
      { name: "TECHFUND_LISTS_V1", formula: "=techfund_lists!$A$1" },
    ];
    const names = structuredClone(fake.names);
    expect(await insertTemplate("finance-lease")).toEqual([
      "融资租赁补贴明细表",
    ]);
    expect(
      added(fake, ["Sheet1", "techfund_lists"]).map((s) => s.name),
    ).toEqual(["融资租赁补贴明细表"]);
    expect(fake.names).toEqual(names);
  });

  it("rebuilds the list sheet when the user deleted it, replacing its dangling names", async () => {
    const fake = workbook(
      ["Sheet1"],
      ["TFLIST_chain", "TECHFUND_LISTS_V1", "我的名称"],
    );
    await insertTemplate("loan-interest");
    expect(fake.names.find((n) => n.name === "TFLIST_chain")!.formula).toBe(
      "=techfund_lists!$A$2:$A$17",
    );
    expect(fake.names.find((n) => n.name === "我的名称")!.formula).toBe(
      "=#REF!$A$1",
    );
    expect(added(fake, ["Sheet1"])[0]!.name).toBe("techfund_lists");
  });

  it("a taken name gets a suffix; the user's sheets are left as they were", async () => {
    const fake = workbook(["新增贷款明细表", "新增贷款明细表(2)"]);
    fake.sheet("新增贷款明细表").cells.set("0,0", { value: "用户的表" });
    const before = fake.snapshot();
    expect(await insertTemplate("loan-interest")).toEqual([
      "新增贷款明细表(3)",
    ]);
    const after = JSON.parse(fake.snapshot()) as { name: string }[];
    expect(
      JSON.stringify(
        after.filter(
          (s) => s.name.startsWith("新增贷款明细表") && !s.name.endsWith("(3)"),
        ),
      ),
    ).toBe(JSON.stringify(JSON.parse(before)));
  });

  it("refuses a foreign sheet named like the list sheet, before writing anything", async () => {
    const fake = workbook(["techfund_lists"]);
    const before = fake.snapshot();
    await expect(insertTemplate("loan-interest")).rejects.toThrow(
      "插入《省级重点产业链链上企业2024年度新增贷款明细表》失败：工作簿中已有名为“techfund_lists”的工作表，但不是本工具创建的。",
    );
    expect(fake.snapshot()).toBe(before);
    expect(fake.syncs).toBe(1);
  });

  it("tells the user when Excel lacks ExcelApi 1.9, without touching the workbook", async () => {
    const fake = workbook(["Sheet1"]);
    fake.apiMinor = 8;
    await expect(insertTemplate("loan-interest")).rejects.toThrow(
      "您的 Excel 版本不支持 ExcelApi 1.9（数据验证/页面设置），请升级到 Microsoft 365 或使用 Excel 网页版。",
    );
    expect(fake.runs).toBe(0);
  });

  it("says so in Chinese when not running in Excel", async () => {
    await expect(insertTemplate("loan-interest")).rejects.toThrow(
      "未在 Excel 中运行",
    );
  });

  it("wraps Excel's refusal in a Chinese message naming the table, keeping the cause; nothing is left behind", async () => {
    const fake = workbook(["Sheet1"]);
    const before = fake.snapshot();
    fake.failNext = {
      code: "InvalidArgument",
      when: (op) => op === "freezeRows",
    };
    const err = await insertTemplate("leader-suppliers", {
      years: [2024],
    }).then(
      () => new Error("no error"),
      (e: Error) => e,
    );
    expect(err.message).toBe(
      "插入《“链主”企业____年度协作配套企业清单》失败：Excel 不接受本次写入的参数（数据格式或范围不符）。工作簿未被修改。",
    );
    expect((err.cause as { code: string }).code).toBe("InvalidArgument");
    expect(fake.snapshot()).toBe(before);
    expect(fake.names).toEqual([]);
    expect(fake.eventsEnabled).toBe(true);
  });

  it("ignores years for a table without a year blank", async () => {
    const fake = workbook(["Sheet1"]);
    expect(
      await insertTemplate("loan-interest", { years: [2022, 2023] }),
    ).toEqual(["新增贷款明细表"]);
    expect(added(fake, ["Sheet1"])).toHaveLength(2);
  });
});
