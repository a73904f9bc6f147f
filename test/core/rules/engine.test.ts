import { SEVERITIES } from "../../../src/core/findings";
import { MESSAGES_ZH, wordFinding } from "../../../src/core/messages";
import {
  checkTable,
  checkTableRows,
  checkWorkbook,
  finalize,
  recognizeWorkbook,
} from "../../../src/core/rules/engine";
import { PACKAGE_RULES } from "../../../src/core/package";
import { RULES } from "../../../src/core/rules/registry";
import type { TableContext } from "../../../src/core/rules/types";
import { loanRow, tableSheet, workbookOf } from "../../helpers/sheet";
import type { TableSheet } from "../../helpers/sheet";

function contextOf(s: TableSheet): TableContext {
  const { tables } = recognizeWorkbook(workbookOf([s]));
  expect(tables).toHaveLength(1);
  return tables[0]!;
}

describe("the rule registry and the message catalog", () => {
  test("every rule has a unique code, a severity, a source, and a Chinese message", () => {
    const codes = RULES.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const r of RULES) {
      expect([r.code, SEVERITIES.includes(r.severity)]).toEqual([r.code, true]);
      expect([r.code, r.source.trim().length > 0]).toEqual([r.code, true]);
      expect([r.code, typeof MESSAGES_ZH[r.code]]).toEqual([
        r.code,
        "function",
      ]);
      expect([
        r.code,
        Boolean(r.row || r.table || r.workbook || r.code === "RULE-FAILED"),
      ]).toEqual([r.code, true]);
    }
  });

  test("every message code belongs to a rule", () => {
    const codes = new Set([...RULES, ...PACKAGE_RULES].map((r) => r.code));
    expect(Object.keys(MESSAGES_ZH).filter((c) => !codes.has(c))).toEqual([]);
  });
});

describe("finalize", () => {
  const s = tableSheet("loan-interest", [loanRow(1), loanRow(2)]);
  const ctx = contextOf(s);

  test("location, severity and source from the rule, message from the catalog", () => {
    const [f] = finalize(
      [
        {
          rule: "LOAN-DRAW-YEAR",
          row: s.gridRow(1),
          col: "drawdownDate",
          params: { value: "2023年11月30日" },
        },
      ],
      ctx,
    );
    expect(f).toMatchObject({
      sheet: "新增贷款明细表",
      cell: "G6",
      row: 6,
      column: "贷款提款时间",
      severity: "错误",
      rule: "LOAN-DRAW-YEAR",
      source: "附件1 六(一)",
    });
    expect({ text: f!.message, quote: f!.quote }).toEqual(
      wordFinding("LOAN-DRAW-YEAR", {
        value: "2023年11月30日",
        column: "贷款提款时间",
        cell: "G6",
      }),
    );
    // The notice's words travel beside the message, not inside it (附件1 六(一)).
    expect(f!.quote).toBe("新增贷款须于2024年当年提款并付息");
    expect(f!.message).not.toContain("新增贷款须于");
  });

  test("a generic rule cites its table's source; a finding may override the severity", () => {
    const [f] = finalize(
      [
        {
          rule: "ROW-REQUIRED",
          row: 4,
          col: "contractNo",
          severity: "警告",
          params: { required: "expected" },
        },
      ],
      ctx,
    );
    expect(f).toMatchObject({
      cell: "F5",
      severity: "警告",
      source: ctx.table.source,
    });
  });

  test("a code without a message shows the code", () => {
    expect(finalize([{ rule: "NO-SUCH-RULE", row: 4 }], ctx)[0]!.message).toBe(
      "NO-SUCH-RULE",
    );
  });

  test("one finding per (cell, rule); ROW-REQUIRED gives way to another rule on the same cell; sorted by row then column", () => {
    const out = finalize(
      [
        {
          rule: "CELL-TYPE",
          row: 5,
          col: "days",
          params: { value: "x", reason: "r", type: "integer" },
        },
        {
          rule: "ROW-REQUIRED",
          row: 5,
          col: "purpose",
          params: { required: "notice" },
        },
        { rule: "LOAN-PURPOSE-EMPTY", row: 5, col: "purpose" },
        {
          rule: "ROW-REQUIRED",
          row: 4,
          col: "bank",
          params: { required: "notice" },
        },
        {
          rule: "ROW-REQUIRED",
          row: 4,
          col: "bank",
          params: { required: "notice" },
        },
        { rule: "SEQ", row: 4, col: "seq", params: { value: 3, expected: 1 } },
        {
          rule: "TABLE-COLUMNS",
          row: 2,
          params: { kind: "extra", title: "t", extra: "备注（P列）" },
        },
      ],
      ctx,
    );
    expect(out.map((f) => [f.cell ?? `row ${f.row}`, f.rule])).toEqual([
      ["row 3", "TABLE-COLUMNS"],
      ["A5", "SEQ"],
      ["E5", "ROW-REQUIRED"],
      ["L6", "CELL-TYPE"],
      ["O6", "LOAN-PURPOSE-EMPTY"],
    ]);
  });
});

describe("checkWorkbook", () => {
  test("reports per table, sheet-level findings apart, counts over all", () => {
    const s = tableSheet("loan-interest", [
      loanRow(1, { bank: null }),
      loanRow(2, { days: "很多" }),
    ]);
    const report = checkWorkbook(
      workbookOf(
        [s, tableSheet("loan-interest", [], { name: "空表", headers: {} })],
        "申报.xlsx",
      ),
    );
    expect(report.file).toBe("申报.xlsx");
    expect(
      report.tables.map((t) => [
        t.sheet,
        t.table,
        t.headerRow,
        t.rows,
        t.records,
      ]),
    ).toEqual([
      ["新增贷款明细表", "loan-interest", 3, 2, 2],
      ["空表", "loan-interest", 3, 0, 0],
    ]);
    const errors = report.tables[0]!.findings.filter(
      (f) => f.severity === "错误",
    ).map((f) => [f.cell, f.rule]);
    expect(errors).toEqual([
      ["E5", "ROW-REQUIRED"],
      ["L6", "CELL-TYPE"],
    ]);
    const all = [
      ...report.findings,
      ...report.tables.flatMap((t) => t.findings),
    ];
    expect(report.counts).toEqual({
      errors: all.filter((f) => f.severity === "错误").length,
      warnings: all.filter((f) => f.severity === "警告").length,
      infos: all.filter((f) => f.severity === "提示").length,
    });
    expect(report.counts.errors).toBeGreaterThanOrEqual(2);
  });

  test("checkTable gives the same table report as checkWorkbook for a table without workbook rules", () => {
    const s = tableSheet("loan-interest", [loanRow(1, { seq: 2 })]);
    expect(checkTable(contextOf(s))).toEqual(
      checkWorkbook(workbookOf([s])).tables[0],
    );
  });
});

describe("checkTableRows (live re-check)", () => {
  test("re-reads the changed rows from the sheet and runs the row rules on them only", () => {
    const s = tableSheet("loan-interest", [loanRow(1), loanRow(2)]);
    const ctx = contextOf(s);
    expect(
      checkTableRows(ctx, [s.gridRow(1)]).filter((f) => f.severity === "错误"),
    ).toEqual([]);
    s.rows[s.gridRow(1)]![4] = undefined; // 借款银行名称 cleared
    s.rows[s.gridRow(0)]![11] = { v: "三百" }; // changed, but not passed as changed
    const out = checkTableRows(ctx, [s.gridRow(1)]);
    expect(
      out.filter((f) => f.severity === "错误").map((f) => [f.cell, f.rule]),
    ).toEqual([["E6", "ROW-REQUIRED"]]);
    expect(ctx.rows[1]!.values.bank).toBeUndefined();
  });

  test("a new row typed under the data joins the table; a cleared row leaves it", () => {
    const s = tableSheet("loan-interest", [loanRow(1)]);
    const ctx = contextOf(s);
    const next = s.gridRow(0) + 1;
    s.rows[next] = [
      { v: 2 },
      { v: "阳泉市东方新材料有限公司" },
      undefined,
      { v: "abc" },
    ];
    const out = checkTableRows(ctx, [next]);
    expect(ctx.rows.map((r) => r.row)).toEqual([s.gridRow(0), next]);
    expect(
      out.filter((f) => f.rule === "CELL-TYPE").map((f) => f.cell),
    ).toEqual(["D6"]);
    s.rows[next] = [];
    expect(checkTableRows(ctx, [next])).toEqual([]);
    expect(ctx.rows).toHaveLength(1);
  });

  test("a changed continuation row re-checks its whole record (ROW-REQUIRED per record)", () => {
    const ins = {
      enterpriseName: "甲",
      loanAmount: 5000,
      insuredAmount: 5000,
      premiumRate: 1.2,
      premium: 60,
      invoiceNo: "F",
    };
    const s = tableSheet("insurance-credit", [
      { seq: 1, ...ins },
      { invoiceNo: "F2", premium: 1, insurer: "中国人保" },
    ]);
    const ctx = contextOf(s);
    const insurer = (fs: { rule: string; cell?: string }[]) =>
      fs.filter((f) => f.rule === "ROW-REQUIRED" && f.cell?.startsWith("F"));
    expect(insurer(checkTableRows(ctx, [s.gridRow(1)]))).toEqual([]);
    s.rows[s.gridRow(1)]![5] = undefined;
    expect(
      insurer(checkTableRows(ctx, [s.gridRow(1)])).map((f) => f.cell),
    ).toEqual([s.at("insurer", 0)]);
  });
});
