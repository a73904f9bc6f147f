import { AMOUNT_UNIT_LIMIT } from "../../../src/core/rules/generic";
import { checkWorkbook } from "../../../src/core/check/engine";
import type { Finding } from "../../../src/core/model/finding";
import type { WorkbookReport } from "../../../src/core/check/report";
import {
  loanRow,
  errorCell,
  formulaCell,
  tableSheet,
  workbookOf,
} from "../../helpers/sheet";
import type { CellInput, TableSheet } from "../../helpers/sheet";

const ENTERPRISE = "阳泉市东方新材料有限公司";

function check(...sheets: TableSheet[]): WorkbookReport {
  return checkWorkbook(workbookOf(sheets));
}

/** Findings of one rule as (cell, rule, severity), over the tables of a report. */
function found(
  report: WorkbookReport,
  rule: string,
): Pick<Finding, "cell" | "rule" | "severity">[] {
  return report.tables
    .flatMap((t) => t.findings)
    .filter((f) => f.rule === rule)
    .map(({ cell, rule: r, severity }) => ({ cell, rule: r, severity }));
}

function one(report: WorkbookReport, rule: string): Finding {
  const f = report.tables
    .flatMap((t) => t.findings)
    .filter((x) => x.rule === rule);
  expect(f).toHaveLength(1);
  return f[0]!;
}

describe("ROW-REQUIRED", () => {
  test("a complete row passes", () => {
    expect(
      found(check(tableSheet("loan-interest", [loanRow(1)])), "ROW-REQUIRED"),
    ).toEqual([]);
  });

  test("a column the notice names → 错误; another column of the table → 警告; an optional one → nothing", () => {
    const s = tableSheet("loan-interest", [
      loanRow(1, { bank: null, contractNo: "  ", pages: null }),
    ]);
    const r = check(s);
    expect(found(r, "ROW-REQUIRED")).toEqual([
      { cell: s.at("bank", 0), rule: "ROW-REQUIRED", severity: "error" },
      {
        cell: s.at("contractNo", 0),
        rule: "ROW-REQUIRED",
        severity: "warning",
      },
    ]);
    const bank = r.tables[0]!.findings.find((f) => f.cell === "E5")!;
    expect(bank).toMatchObject({
      row: 5,
      column: "借款银行名称",
      source: "附件1 六(一)；附件2 三(二)5(1)、四(四)6(1)",
    });
    expect(bank.quote).toContain(
      "须逐笔贷款填写2024年度新增贷款金额、借款银行名称",
    );
  });

  test("a specific rule on the same empty cell wins (LOAN-PURPOSE-EMPTY, not ROW-REQUIRED)", () => {
    const s = tableSheet("loan-interest", [loanRow(1, { purpose: null })]);
    const r = check(s);
    expect(found(r, "ROW-REQUIRED")).toEqual([]);
    expect(found(r, "LOAN-PURPOSE-EMPTY")).toEqual([
      {
        cell: s.at("purpose", 0),
        rule: "LOAN-PURPOSE-EMPTY",
        severity: "error",
      },
    ]);
  });

  test("per record in T2: a value on any row of the record satisfies it; else the record's first row is flagged", () => {
    const ins = (extra: Record<string, CellInput>) => ({
      enterpriseName: ENTERPRISE,
      loanAmount: 5000,
      insuredAmount: 5000,
      premiumRate: 1.2,
      premium: 60,
      invoiceNo: "FP1",
      ...extra,
    });
    const s = tableSheet("insurance-credit", [
      ins({ seq: 1, insurer: null }),
      {
        insurer: "中国人民财产保险股份有限公司",
        invoiceNo: "FP2",
        premium: 10,
      },
      ins({ seq: 2, insurer: null }),
      { invoiceNo: "FP3", premium: 10 },
    ]);
    expect(
      found(check(s), "ROW-REQUIRED").filter((f) => f.cell?.startsWith("F")),
    ).toEqual([
      { cell: s.at("insurer", 2), rule: "ROW-REQUIRED", severity: "error" },
    ]);
  });
});

describe("CELL-TYPE", () => {
  test("readable typed values pass: 1,234.56, 2024.3.5, full-width digits, 3.45%", () => {
    const s = tableSheet("loan-interest", [
      loanRow(1, {
        principal: "1,234.56",
        drawdownDate: "2024.1.16",
        days: "３４０",
        rate: "3.45%",
      }),
    ]);
    expect(found(check(s), "CELL-TYPE")).toEqual([]);
  });

  test("text that is no date / no number → 错误 quoting the value and saying why", () => {
    const s = tableSheet("loan-interest", [
      loanRow(1, { drawdownDate: "2024年13月5日", days: "三百四十天" }),
    ]);
    const r = check(s);
    expect(found(r, "CELL-TYPE")).toEqual([
      { cell: s.at("drawdownDate", 0), rule: "CELL-TYPE", severity: "error" },
      { cell: s.at("days", 0), rule: "CELL-TYPE", severity: "error" },
    ]);
    const days = r.tables[0]!.findings.find(
      (f) => f.rule === "CELL-TYPE" && f.cell === s.at("days", 0),
    )!;
    expect(days.message).toMatch(
      /^「2024年实际付息天数」填写的“三百四十天”无法读取：.+。应填写整数，如340。$/,
    );
  });

  test("a 合计 cell that is not a number", () => {
    const s = tableSheet("loan-interest", [loanRow(1)], {
      totalCells: { principal: "约一千" },
    });
    expect(found(check(s), "CELL-TYPE")).toEqual([
      { cell: s.totalAt("principal"), rule: "CELL-TYPE", severity: "error" },
    ]);
  });

  test("a date range is left to the table's own rule (LOAN-TERM-FORMAT), not CELL-TYPE", () => {
    const s = tableSheet("loan-interest", [loanRow(1, { term: "两年" })]);
    expect(found(check(s), "CELL-TYPE")).toEqual([]);
  });
});

describe("AMOUNT-UNIT", () => {
  test(`below ${AMOUNT_UNIT_LIMIT} 万元 passes`, () => {
    const s = tableSheet("loan-interest", [
      loanRow(1, { principal: 99_999.99 }),
    ]);
    expect(found(check(s), "AMOUNT-UNIT")).toEqual([]);
  });

  test("a loan of 1,000,000 万元 (100 亿元) looks like yuan → 警告 with the 万元 reading", () => {
    const s = tableSheet("loan-interest", [
      loanRow(1, { principal: 10_000_000, interest: 325_833 }),
    ]);
    const r = check(s);
    expect(found(r, "AMOUNT-UNIT")).toEqual([
      { cell: s.at("principal", 0), rule: "AMOUNT-UNIT", severity: "warning" },
      { cell: s.at("interest", 0), rule: "AMOUNT-UNIT", severity: "warning" },
    ]);
    const principal = r.tables[0]!.findings.find(
      (f) => f.rule === "AMOUNT-UNIT",
    )!;
    expect(principal.message).toContain("应为1000万元");
    expect(principal.message).toContain("10000000万元");
  });
});

describe("TOTAL-MISMATCH", () => {
  test("a typed 合计 equal to the exact sum passes (0.1 + 0.2 = 0.3); a 利率 合计 is never checked", () => {
    const s = tableSheet(
      "loan-interest",
      [loanRow(1, { interest: 0.1 }), loanRow(2, { interest: 0.2 })],
      {
        totalCells: { interest: 0.3, rate: 99 },
      },
    );
    expect(found(check(s), "TOTAL-MISMATCH")).toEqual([]);
  });

  test("a typed 合计 that differs by more than 0.0001 万元 → 错误 with the sum expected", () => {
    const s = tableSheet(
      "loan-interest",
      [loanRow(1), loanRow(2, { principal: 2000 })],
      {
        totalCells: { principal: 3000.001 },
      },
    );
    const f = one(check(s), "TOTAL-MISMATCH");
    expect(f).toMatchObject({
      cell: s.totalAt("principal"),
      severity: "error",
      row: 4,
      column: "2024年度新增贷款金额",
    });
    expect(f.message).toBe(
      "合计行「2024年度新增贷款金额」填写3000.001，而各行合计为3000（相差0.001万元）。请改为3000或使用求和公式。",
    );
  });

  test("within 0.0001 万元 passes", () => {
    const s = tableSheet("loan-interest", [loanRow(1)], {
      totalCells: { principal: 1000.0001 },
    });
    expect(found(check(s), "TOTAL-MISMATCH")).toEqual([]);
  });

  test("a SUM formula whose cached value is stale → 警告; an up-to-date one passes", () => {
    const stale = tableSheet("loan-interest", [loanRow(1), loanRow(2)], {
      totalCells: {
        principal: formulaCell("SUM(D5:D6)", 1000),
        interest: formulaCell("SUM(M5:M6)", 65.1666),
      },
    });
    expect(found(check(stale), "TOTAL-MISMATCH")).toEqual([
      {
        cell: stale.totalAt("principal"),
        rule: "TOTAL-MISMATCH",
        severity: "warning",
      },
    ]);
    expect(one(check(stale), "TOTAL-MISMATCH").message).toContain(
      "=SUM(D5:D6) 显示1000，而各行合计为2000",
    );
  });

  test("T4: the 合 计 row below the data", () => {
    const s = tableSheet(
      "leader-suppliers",
      [
        { seq: 1, supplierName: "甲", contractAmount: 600, invoiceAmount: 500 },
        { seq: 2, supplierName: "乙", contractAmount: 400, invoiceAmount: 300 },
      ],
      { year: 2024, totalCells: { invoiceAmount: 900 } },
    );
    expect(found(check(s), "TOTAL-MISMATCH")).toEqual([
      {
        cell: s.totalAt("invoiceAmount"),
        rule: "TOTAL-MISMATCH",
        severity: "error",
      },
    ]);
  });
});

describe("SEQ", () => {
  test("1..n in order passes", () => {
    expect(
      found(
        check(
          tableSheet("loan-interest", [loanRow(1), loanRow(2), loanRow(3)]),
        ),
        "SEQ",
      ),
    ).toEqual([]);
  });

  test("a break in the numbering → 警告 on the row where it breaks, with the number expected", () => {
    const s = tableSheet("loan-interest", [
      loanRow(1),
      loanRow(2),
      loanRow(2),
      loanRow(3),
      loanRow(5),
    ]);
    const r = check(s);
    expect(found(r, "SEQ")).toEqual([
      { cell: s.at("seq", 2), rule: "SEQ", severity: "warning" },
      { cell: s.at("seq", 4), rule: "SEQ", severity: "warning" },
    ]);
    expect(r.tables[0]!.findings.find((f) => f.rule === "SEQ")!.message).toBe(
      "序号为2，按顺序应为3。序号应从1开始依次连续编号。",
    );
  });

  test("per record: continuation rows carry no 序号", () => {
    const s = tableSheet("finance-lease", [
      { seq: 1, enterpriseName: ENTERPRISE, paid: 1 },
      { invoiceNo: "B", paid: 1 },
      { seq: 2, enterpriseName: ENTERPRISE, paid: 1 },
    ]);
    expect(found(check(s), "SEQ")).toEqual([]);
  });
});

describe("NAME-MISMATCH", () => {
  test("the same enterprise on every row, as on the 企业名称 line (spaces and bracket widths aside), passes", () => {
    const s = tableSheet("loan-interest", [
      loanRow(1),
      loanRow(2, { enterpriseName: "阳泉市东方新材料 有限公司" }),
    ]);
    expect(found(check(s), "NAME-MISMATCH")).toEqual([]);
  });

  test("a row naming another enterprise → 警告 at its 企业名称 cell", () => {
    const s = tableSheet("loan-interest", [
      loanRow(1),
      loanRow(2),
      loanRow(3, { enterpriseName: "阳泉东方新材料公司" }),
    ]);
    const f = one(check(s), "NAME-MISMATCH");
    expect(f).toMatchObject({
      cell: s.at("enterpriseName", 2),
      severity: "warning",
    });
    expect(f.message).toBe(
      `企业名称“阳泉东方新材料公司”与本表其他行的“${ENTERPRISE}”不一致。同一张表应为同一申报企业。`,
    );
  });

  test("rows against the 项目申报企业 line of a 情况表", () => {
    const s = tableSheet(
      "project-info",
      [
        {
          seq: 1,
          enterpriseName: "山西乙有限公司",
          city: "太原市",
          county: "小店区",
        },
      ],
      { enterprise: "山西甲有限公司" },
    );
    expect(found(check(s), "NAME-MISMATCH")).toEqual([
      {
        cell: s.at("enterpriseName", 0),
        rule: "NAME-MISMATCH",
        severity: "warning",
      },
    ]);
  });

  test("across the workbook: a table's enterprise against the 情况表's 企业（单位）名称", () => {
    const info = tableSheet("project-info", [
      { seq: 1, enterpriseName: ENTERPRISE, city: "阳泉市" },
    ]);
    const same = tableSheet("loan-interest", [loanRow(1)]);
    expect(found(check(info, same), "NAME-MISMATCH")).toEqual([]);
    const other = tableSheet("loan-interest", [
      loanRow(1, { enterpriseName: "阳泉西方新材料有限公司" }),
    ]);
    const r = check(info, other);
    expect(found(r, "NAME-MISMATCH")).toEqual([
      {
        cell: other.at("enterpriseName", 0),
        rule: "NAME-MISMATCH",
        severity: "warning",
      },
    ]);
    expect(
      r.tables[1]!.findings.find((f) => f.rule === "NAME-MISMATCH")!.message,
    ).toContain(
      `与项目情况表（工作表“项目情况表”）的企业（单位）名称“${ENTERPRISE}”不一致`,
    );
    const suppliers = tableSheet("leader-suppliers", [], {
      enterprise: "山西链主集团有限公司",
      year: 2024,
    });
    const lineOnly = check(info, suppliers);
    const line = lineOnly.tables[1]!.findings.filter(
      (f) => f.rule === "NAME-MISMATCH",
    );
    expect(line).toEqual([
      expect.objectContaining({ sheet: suppliers.name, severity: "warning" }),
    ]);
    expect(line[0]!.cell).toBeUndefined();
  });

  test("a 申报汇总表 lists many enterprises: never compared", () => {
    const rows = ["山西甲有限公司", "山西乙有限公司"].map((n, i) => ({
      seq: i + 1,
      enterpriseName: n,
    }));
    expect(
      found(check(tableSheet("application-summary", rows)), "NAME-MISMATCH"),
    ).toEqual([]);
  });
});

describe("FORMULA-ERROR", () => {
  test("a formula with a value passes", () => {
    const s = tableSheet("loan-interest", [
      loanRow(1, { interest: formulaCell("D5*K5*L5/36000", 32.5833) }),
    ]);
    expect(found(check(s), "FORMULA-ERROR")).toEqual([]);
  });

  test("#REF! in a data cell or a 合计 cell → 错误 (and no CELL-TYPE besides)", () => {
    const s = tableSheet(
      "loan-interest",
      [
        loanRow(1, {
          interest: errorCell("#REF!"),
          drawdownDate: errorCell("#N/A"),
        }),
      ],
      {
        totalCells: { principal: errorCell("#VALUE!") },
      },
    );
    const r = check(s);
    expect(found(r, "FORMULA-ERROR")).toEqual([
      {
        cell: s.totalAt("principal"),
        rule: "FORMULA-ERROR",
        severity: "error",
      },
      {
        cell: s.at("drawdownDate", 0),
        rule: "FORMULA-ERROR",
        severity: "error",
      },
      { cell: s.at("interest", 0), rule: "FORMULA-ERROR", severity: "error" },
    ]);
    expect(found(r, "CELL-TYPE")).toEqual([]);
    expect(
      r.tables[0]!.findings.find(
        (f) => f.cell === s.at("interest", 0) && f.rule === "FORMULA-ERROR",
      )!.message,
    ).toBe(
      "「2024年利息实际发生额」显示错误值#REF!：公式引用或计算出错，请修正公式或改填数值。",
    );
  });
});

describe("TABLE-COLUMNS", () => {
  test("every column present → nothing", () => {
    expect(
      found(check(tableSheet("loan-interest", [loanRow(1)])), "TABLE-COLUMNS"),
    ).toEqual([]);
  });

  test("missing columns the notice names → 错误 naming them", () => {
    const s = tableSheet("insurance-credit", [], {
      headers: { premiumRate: null, insurer: null },
    });
    const f = one(check(s), "TABLE-COLUMNS");
    expect(f).toMatchObject({ severity: "error", row: 3 });
    expect(f.cell).toBeUndefined();
    expect(f.message).toBe(
      "工作表按《保险增信补贴明细表》检查，但缺少以下栏目：承保保险公司名称、保险费率(%)。请按通知表样补齐这些栏目（表头文字须与表样一致）。",
    );
  });

  test("the enterprise's “免申即享”申报表 (T8 without 序号) is not asked for 序号; the 汇总表 is (by its title)", () => {
    const row = {
      enterpriseName: "山西示范科技有限公司",
      demonstrationApplied: "A",
      demo2024_1: "A",
      demonstrationCount: 1,
      demonstrationCum_1: "A（2024年）",
    };
    const application = tableSheet("exempt-summary", [row], {
      headers: { seq: null },
      title: "山西省技术改造专项资金事项类项目（“免申即享”）申报表",
      lines: [],
    });
    expect(found(check(application), "TABLE-COLUMNS")).toEqual([]);
    const summary = tableSheet("exempt-summary", [row], {
      headers: { seq: null },
    });
    expect(found(check(summary), "TABLE-COLUMNS")).toEqual([
      { cell: undefined, rule: "TABLE-COLUMNS", severity: "error" },
    ]);
  });
});

describe("TOTAL-RANGE", () => {
  test("a 合计 formula that sums every data row passes, with or without a cached value", () => {
    for (const f of [
      formulaCell("SUM(INDEX(D:D,ROW()+1):D1048576)", 3000),
      formulaCell("SUM($D$5:$D$6)", null),
      formulaCell("SUM(D5,D6)", null),
    ]) {
      const s = tableSheet(
        "loan-interest",
        [loanRow(1), loanRow(2, { principal: 2000 })],
        {
          totalCells: { principal: f },
        },
      );
      expect(found(check(s), "TOTAL-RANGE")).toEqual([]);
    }
  });

  test("a template's SUM(D5:D24) with a 25th row typed below → 错误 at the 合计 cell, without a cached value too; said once", () => {
    const rows = Array.from({ length: 21 }, (_, i) => loanRow(i + 1));
    const s = tableSheet("loan-interest", rows, {
      totalCells: {
        principal: formulaCell("SUM(INDEX(D:D,ROW()+1):D24)", null),
      },
    });
    const report = check(s);
    expect(found(report, "TOTAL-RANGE")).toEqual([
      { cell: s.totalAt("principal"), rule: "TOTAL-RANGE", severity: "error" },
    ]);
    expect(one(report, "TOTAL-RANGE").message).toBe(
      "合计行「2024年度新增贷款金额」的公式 =SUM(INDEX(D:D,ROW()+1):D24) 没有合计第25行中的1行数据：打印出的合计少算了这些行。请把求和范围改为覆盖全部数据行。",
    );
    // With a (stale) cached value the same problem is not said again as TOTAL-MISMATCH.
    const cached = tableSheet("loan-interest", rows, {
      totalCells: {
        principal: formulaCell("SUM(INDEX(D:D,ROW()+1):D24)", 20000),
      },
    });
    expect(found(check(cached), "TOTAL-MISMATCH")).toEqual([]);
    expect(found(check(cached), "TOTAL-RANGE")).toHaveLength(1);
  });
});
