import { getTable, TABLES } from "../../../src/core/catalog";
import { type CellRange, rangeAddress } from "../../../src/core/model/grid";
import {
  layoutTemplate,
  type LayoutCell,
  type TemplateLayout,
} from "../../../src/core/template/layout";

/** The cell at r, c (every cell of the grid is in `cells`). */
function at(l: TemplateLayout, r: number, c: number): LayoutCell {
  const cell = l.cells.find((x) => x.r === r && x.c === c);
  if (!cell) throw new Error(`no cell ${r},${c}`);
  return cell;
}
const range = (r1: number, c1: number, r2: number, c2: number): CellRange => ({
  s: { r: r1, c: c1 },
  e: { r: r2, c: c2 },
});

describe("layoutTemplate", () => {
  it.each(TABLES.map((t) => [t.id]))(
    "%s: the header texts (last header row) are the catalog's, in order",
    (id) => {
      const t = getTable(id);
      const l = layoutTemplate(t, { year: 2024 });
      // A header in the last header row, or merged down from the first one (T8's ungrouped columns).
      const texts = t.columns.map(
        (_, c) =>
          at(l, l.headerRows.last, c).value ??
          at(l, l.headerRows.first, c).value,
      );
      expect(texts).toEqual(t.columns.map((c) => c.header));
    },
  );

  it.each(TABLES.map((t) => [t.id]))(
    "%s: every cell once, grid complete, merges inside it",
    (id) => {
      const l = layoutTemplate(getTable(id), { year: 2023 });
      expect(l.cells).toHaveLength((l.lastRow + 1) * l.columnCount);
      expect(new Set(l.cells.map((c) => `${c.r},${c.c}`)).size).toBe(
        l.cells.length,
      );
      for (const m of l.merges) expect(m.e.c).toBeLessThan(l.columnCount);
      expect(l.columnWidths).toHaveLength(l.columnCount);
      expect(l.dataRows.last - l.dataRows.first + 1).toBe(20);
      for (let r = l.dataRows.first; r <= l.dataRows.last; r++)
        for (let c = 0; c < l.columnCount; c++)
          expect(at(l, r, c)).toEqual({ r, c, style: "data" });
    },
  );

  it("T1: title, 单位 line, header, 合计, then 20 data rows; SUM over the data rows", () => {
    const l = layoutTemplate(getTable("loan-interest"), {});
    expect(at(l, 0, 0)).toMatchObject({
      value: "省级重点产业链链上企业2024年度新增贷款明细表",
      style: "title",
    });
    expect(at(l, 1, 0)).toMatchObject({
      value: "单位：万元",
      style: "lineRight",
    });
    expect(l.lineRows).toEqual([1]);
    expect(l.headerRows).toEqual({ first: 2, last: 2 });
    expect(at(l, 2, 0)).toMatchObject({ value: "序号", style: "header" });
    expect(l.totalRow).toBe(3);
    expect(at(l, 3, 0)).toEqual({ r: 3, c: 0, value: "合计", style: "total" });
    expect(l.dataRows).toEqual({ first: 4, last: 23 });
    expect(l.lastRow).toBe(23);
    // 2024年度新增贷款金额 (D) and 2024年利息实际发生额 (M); data rows are Excel rows 5..24.
    const formulas = l.cells
      .filter((c) => c.formula)
      .map((c) => [c.r, c.c, c.formula]);
    expect(formulas).toEqual([
      [3, 3, "SUM(INDEX(D:D,ROW()+1):D1048576)"],
      [3, 12, "SUM(INDEX(M:M,ROW()+1):M1048576)"],
    ]);
    expect(l.merges).toEqual([range(0, 0, 0, 14), range(1, 0, 1, 14)]);
    expect(l.freeze).toEqual({ rows: 4, cols: 0 });
    expect(l.print.repeatRows).toEqual({ first: 2, last: 2 });
    expect(l.print.footer.center).toBe("第 &P 页，共 &N 页");
    expect(l.sheetName).toBe("新增贷款明细表");
    expect(l.markName).toBe("TECHFUND_loan_interest_V1");
  });

  it("T1: formats per column from the catalog; text columns kept as text", () => {
    const l = layoutTemplate(getTable("loan-interest"), {});
    const fmt = Object.fromEntries(l.columnFormats.map((f) => [f.c, f.numFmt]));
    expect(fmt[0]).toBe("0");
    expect(fmt[3]).toBe("#,##0.00");
    expect(fmt[6]).toBe('yyyy"年"m"月"d"日"');
    expect(fmt[10]).toBe("0.00");
    expect(fmt[5]).toBe("@");
  });

  it("T1: no hint text in the data rows; the hints are input messages", () => {
    const l = layoutTemplate(getTable("loan-interest"), {});
    const principal = l.validations.find((v) => v.range.s.c === 3)!;
    // The dropdowns and formats reach 1,000 rows below the header (rows typed straight down keep them).
    expect(principal.range).toEqual(range(4, 3, 1003, 3));
    expect(principal.rule).toEqual({ kind: "decimal", min: 0 });
    expect(principal.prompt?.message).toContain("填写单笔放款本金金额");
    const term = l.validations.find((v) => v.range.s.c === 7)!;
    expect(term.rule).toEqual({ kind: "any" });
    expect(term.prompt?.message).toBe("按此格式填写：X年X月X日—X年X月X日。");
  });

  it("T1: 贷款提款时间 warns outside 2024, quoting the notice", () => {
    const l = layoutTemplate(getTable("loan-interest"), {});
    const draw = l.validations.find((v) => v.range.s.c === 6)!;
    expect(draw.rule).toEqual({
      kind: "date",
      min: "2024-01-01",
      max: "2024-12-31",
    });
    expect(draw.error).toEqual({
      style: "warning",
      title: "日期不在2024年内",
      message:
        "“贷款提款时间”应在2024年1月1日至2024年12月31日之间。通知：“新增贷款须于2024年当年提款并付息”（附件1 六(一)）。",
    });
  });

  it("T4 2024: year in title and sheet name, 合 计 below with — in the invoice column", () => {
    const l = layoutTemplate(getTable("leader-suppliers"), { year: 2024 });
    expect(l.title).toBe("“链主”企业2024年度协作配套企业清单");
    expect(at(l, 0, 0).value).toBe("“链主”企业2024年度协作配套企业清单");
    expect(l.sheetName).toBe("链主协作配套企业清单2024");
    expect(l.year).toBe(2024);
    expect(at(l, 1, 0)).toMatchObject({
      value: "企业名称：（公章）",
      style: "line",
    });
    expect(at(l, 2, 0)).toMatchObject({
      value: "单位：万元",
      style: "lineRight",
    });
    expect(l.headerRows).toEqual({ first: 3, last: 3 });
    expect(l.dataRows).toEqual({ first: 4, last: 23 });
    expect(l.totalRow).toBe(24);
    expect(at(l, 24, 0).value).toBe("合 计");
    expect(at(l, 3, 10).value).toBe("已开具发票代码和发票号码");
    expect(at(l, 24, 10)).toEqual({ r: 24, c: 10, value: "—", style: "total" });
    // 合同金额 (J) and 已开发票金额 (L): from the header row (row 4) to the row above 合 计.
    expect(at(l, 24, 9).formula).toBe("SUM(J4:INDEX(J:J,ROW()-1))");
    expect(at(l, 24, 11).formula).toBe("SUM(L4:INDEX(L:L,ROW()-1))");
    expect(l.cells.filter((c) => c.formula)).toHaveLength(2);
    expect(l.freeze).toEqual({ rows: 4, cols: 0 });
  });

  it("T4 without a year keeps the blank", () => {
    const l = layoutTemplate(getTable("leader-suppliers"), {});
    expect(l.title).toBe("“链主”企业____年度协作配套企业清单");
    expect(l.sheetName).toBe("链主协作配套企业清单");
    expect(l.year).toBeUndefined();
  });

  it("T5: —— in its invoice column", () => {
    const l = layoutTemplate(getTable("member-transactions"), { year: 2022 });
    expect(l.title).toBe("链上企业2022年度围绕“链主”企业协作配套交易明细表");
    expect(at(l, 24, 8).value).toBe("——");
    expect(at(l, 24, 7).formula).toBe("SUM(H4:INDEX(H:H,ROW()-1))");
  });

  it("T8: two header rows, groups merged across, other headers merged down", () => {
    const l = layoutTemplate(getTable("exempt-summary"), {});
    expect(at(l, 1, 0).value).toBe("审核单位（公章）：");
    expect(l.headerRows).toEqual({ first: 2, last: 3 });
    expect(l.totalRow).toBeUndefined();
    expect(l.dataRows).toEqual({ first: 4, last: 23 });
    expect(at(l, 2, 6).value).toBe("企业2024年度获批的国家级试点示范名称");
    expect(at(l, 2, 10).value).toBe(
      "企业截至2024年度累计获批的国家级试点示范名称",
    );
    expect([6, 7, 8].map((c) => at(l, 3, c).value)).toEqual([
      "试点示范1",
      "试点示范2",
      "试点示范3",
    ]);
    expect(at(l, 3, 10).value).toBe("试点示范1（试点示范名称+获批年度）");
    expect(at(l, 3, 0).value).toBeUndefined();
    expect(l.merges).toEqual([
      range(0, 0, 0, 15),
      range(1, 0, 1, 15),
      ...[0, 1, 2, 3, 4, 5].map((c) => range(2, c, 3, c)),
      range(2, 6, 2, 8),
      range(2, 9, 3, 9),
      range(2, 10, 2, 12),
      ...[13, 14, 15].map((c) => range(2, c, 3, c)),
    ]);
    expect(l.print.repeatRows).toEqual({ first: 2, last: 3 });
    expect(l.freeze).toEqual({ rows: 4, cols: 0 });
    expect(l.rowHeights.map((h) => h.r)).toEqual([0, 2, 3]);
  });

  it("T6/T7: dependent dropdowns reach their parent on the first data row", () => {
    const l = layoutTemplate(getTable("project-info"), {});
    expect(at(l, 1, 0).value).toBe("项目申报企业（单位）（公章）：");
    expect(l.dataRows.first).toBe(3);
    const rule = (c: number) =>
      l.validations.find((v) => v.range.s.c === c)?.rule;
    expect(rule(1)).toEqual({ kind: "list", formula: "TFLIST_city" });
    expect(rule(2)).toEqual({
      kind: "list",
      formula: 'INDIRECT("TFLIST_county_"&INDEX($B:$B,ROW()))',
    });
    expect(rule(5)).toEqual({ kind: "list", formula: "TFLIST_special" });
    expect(rule(6)).toEqual({
      kind: "list",
      formula: 'INDIRECT("TFLIST_direction_"&INDEX($F:$F,ROW()))',
    });
    expect(rule(10)).toEqual({
      kind: "list",
      formula: 'INDIRECT("TFLIST_industry_"&INDEX($J:$J,ROW()))',
    });
    expect(
      at(layoutTemplate(getTable("application-summary"), {}), 1, 0).value,
    ).toBe("审核单位（公章）：");
  });

  it("every validation text fits Excel's limits and every alert only warns", () => {
    for (const t of TABLES) {
      for (const v of layoutTemplate(t, { year: 2024 }).validations) {
        for (const text of [v.prompt, v.error]) {
          if (!text) continue;
          expect(text.title.length).toBeLessThanOrEqual(32);
          expect(text.message.length).toBeLessThanOrEqual(255);
        }
        if (v.error) expect(v.error.style).toBe("warning");
      }
    }
  });

  it("every year-bound date column quotes the notice", () => {
    for (const t of TABLES) {
      const l = layoutTemplate(t, {});
      t.columns.forEach((col, c) => {
        if (col.year === undefined) return;
        expect(
          l.validations.find((v) => v.range.s.c === c)?.error?.message,
        ).toContain("通知：“");
      });
    }
  });
});

describe("rangeAddress", () => {
  it("writes A1 ranges", () => {
    expect(rangeAddress(range(4, 3, 23, 3))).toBe("D5:D24");
    expect(rangeAddress(range(0, 0, 0, 0))).toBe("A1");
    expect(rangeAddress(range(0, 0, 0, 27))).toBe("A1:AB1");
  });
});
