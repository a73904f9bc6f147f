import { SEVERITIES, type Finding } from "../../../src/core/model/finding";
import { parseA1 } from "../../../src/core/model/grid";
import {
  MESSAGES_ZH,
  severityText,
  wordFinding,
} from "../../../src/core/messages";
import {
  checkTable,
  checkTableRows,
  checkWorkbook,
  recognizeWorkbook,
  ruleSet,
  runRules,
  settleFindings,
  type RuleSet,
} from "../../../src/core/check/engine";
import { PACKAGE_RULES } from "../../../src/core/check/package";
import { RULES, ruleByCode } from "../../../src/core/rules/registry";
import type { Issue, RuleDef } from "../../../src/core/rules/types";
import type { TableContext } from "../../../src/core/model/table";
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
        Boolean(
          ("row" in r && r.row) ||
          ("table" in r && r.table) ||
          ("workbook" in r && r.workbook) ||
          r.code === "RULE-FAILED",
        ),
      ]).toEqual([r.code, true]);
    }
  });

  test("every message code belongs to a rule", () => {
    const codes = new Set<string>(
      [...RULES, ...PACKAGE_RULES].map((r) => r.code),
    );
    expect(Object.keys(MESSAGES_ZH).filter((c) => !codes.has(c))).toEqual([]);
  });

  test("each severity has its Chinese word in the catalog", () => {
    expect(SEVERITIES.map(severityText)).toEqual(["错误", "警告", "提示"]);
  });
});

/** A rule set of one rule whose table check reports the given issues (to watch the engine stamp them). */
function reporting(
  issues: readonly Issue<object>[],
  def: Partial<RuleDef> & { code: string },
) {
  return ruleSet([
    {
      severity: "error",
      source: "测试",
      tables: "all",
      ...def,
      table: (_t, emit) => issues.forEach((i) => emit(i)),
    },
  ]);
}

describe("runRules: the engine stamps code, severity, source, location and message", () => {
  const s = tableSheet("loan-interest", [loanRow(1), loanRow(2)]);
  const ctx = contextOf(s);
  const findings = (set: RuleSet) => runRules(set, ctx).map((x) => x.finding);

  test("location, severity and source from the rule, message from the catalog", () => {
    const draw = ruleByCode("LOAN-DRAW-YEAR")!;
    const [f] = findings(
      reporting(
        [
          {
            row: s.gridRow(1),
            col: "drawdownDate",
            params: { date: "2023年11月30日" },
          },
        ],
        draw,
      ),
    );
    expect(f).toMatchObject({
      sheet: "新增贷款明细表",
      cell: "G6",
      row: 6,
      column: "贷款提款时间",
      severity: "error",
      rule: "LOAN-DRAW-YEAR",
      source: "附件1 六(一)",
    });
    expect(f!.message).toBe(
      "贷款提款时间为2023年11月30日，不在2024年，该笔贷款不能申请贴息。",
    );
    expect({ text: f!.message, quote: f!.quote }).toEqual(
      wordFinding("LOAN-DRAW-YEAR", {
        date: "2023年11月30日",
        column: "贷款提款时间",
        cell: "G6",
      }),
    );
    // The notice's words travel beside the message, not inside it (附件1 六(一)).
    expect(f!.quote).toBe("新增贷款须于2024年当年提款并付息");
    expect(f!.message).not.toContain("新增贷款须于");
  });

  test("the issue comes back with its finding (0-based row, column key, params)", () => {
    const issue = { row: 4, col: "bank", params: { x: 1 } };
    const [checked] = runRules(
      reporting([issue], { code: "NO-SUCH-RULE" }),
      ctx,
    );
    expect(checked!.issue).toEqual({ rule: "NO-SUCH-RULE", ...issue });
    expect(checked!.finding.cell).toBe("E5");
  });

  test("a generic rule cites its table's source; an issue may override the severity", () => {
    const [f] = findings(
      reporting(
        [
          {
            row: 4,
            col: "contractNo",
            severity: "warning",
            params: {
              table: "loan-interest",
              key: "contractNo",
              required: "expected",
            },
          },
        ],
        ruleByCode("ROW-REQUIRED")!,
      ),
    );
    expect(f).toMatchObject({
      cell: "F5",
      severity: "warning",
      source: ctx.table.source,
    });
  });

  test("a code without a message shows the code", () => {
    expect(
      findings(reporting([{ row: 4 }], { code: "NO-SUCH-RULE" }))[0]!.message,
    ).toBe("NO-SUCH-RULE");
  });

  test("a rule that throws becomes RULE-FAILED, naming the rule and the error", () => {
    const set = ruleSet([
      {
        code: "BROKEN",
        severity: "error",
        source: "测试",
        tables: "all",
        table() {
          throw new Error("坏了");
        },
      },
    ]);
    expect(findings(set)).toMatchObject([
      {
        rule: "RULE-FAILED",
        severity: "warning",
        message:
          "规则BROKEN在本表检查时出错（坏了），该项检查未完成，请人工核对。",
      },
    ]);
  });

  test("runRules gives each issue in the order the rules reported it; settleFindings keeps one per (cell, rule), ROW-REQUIRED giving way to another rule on the same cell, sorted by row then column", () => {
    const required = { table: "loan-interest", key: "k", required: "notice" };
    const set = ruleSet([
      {
        ...ruleByCode("CELL-TYPE")!,
        row: undefined,
        table: (_t, emit) =>
          emit({
            row: 5,
            col: "days",
            params: {
              value: "x",
              reason: { code: "NUMBER-TEXT", text: "x" },
              type: "integer",
            },
          }),
      },
      {
        ...ruleByCode("ROW-REQUIRED")!,
        row: undefined,
        table: (_t, emit) => {
          emit({ row: 5, col: "purpose", params: required });
          emit({ row: 4, col: "bank", params: required });
          emit({ row: 4, col: "bank", params: required });
        },
      },
      {
        ...ruleByCode("LOAN-PURPOSE-EMPTY")!,
        row: undefined,
        table: (_t, emit) => emit({ row: 5, col: "purpose" }),
      },
      {
        ...ruleByCode("SEQ")!,
        table: (_t, emit) =>
          emit({ row: 4, col: "seq", params: { value: 3, expected: 1 } }),
      },
      {
        ...ruleByCode("TABLE-COLUMNS")!,
        table: (_t, emit) =>
          emit({
            row: 2,
            params: { kind: "extra", title: "t", extra: "备注（P列）" },
          }),
      },
    ]);
    const where = (list: readonly Finding[]) =>
      list.map((f) => [f.cell ?? `row ${f.row}`, f.rule]);
    const found = findings(set);
    expect(where(found)).toEqual([
      ["L6", "CELL-TYPE"],
      ["O6", "ROW-REQUIRED"],
      ["E5", "ROW-REQUIRED"],
      ["E5", "ROW-REQUIRED"],
      ["O6", "LOAN-PURPOSE-EMPTY"],
      ["A5", "SEQ"],
      ["row 3", "TABLE-COLUMNS"],
    ]);
    const settled = settleFindings(
      found.map((f) => ({
        f,
        col: f.cell === undefined ? -1 : parseA1(f.cell).c,
      })),
    );
    expect(where(settled)).toEqual([
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
      (f) => f.severity === "error",
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
      errors: all.filter((f) => f.severity === "error").length,
      warnings: all.filter((f) => f.severity === "warning").length,
      infos: all.filter((f) => f.severity === "info").length,
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
      checkTableRows(ctx, [s.gridRow(1)]).filter((f) => f.severity === "error"),
    ).toEqual([]);
    s.rows[s.gridRow(1)]![4] = undefined; // 借款银行名称 cleared
    s.rows[s.gridRow(0)]![11] = { v: "三百" }; // changed, but not passed as changed
    const out = checkTableRows(ctx, [s.gridRow(1)]);
    expect(
      out.filter((f) => f.severity === "error").map((f) => [f.cell, f.rule]),
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
