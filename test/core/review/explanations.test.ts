/** Explanations: validation (length, boilerplate, severity) and the rows of our explanation sheet. */
import {
  BOILERPLATE_EXPLANATIONS,
  explainFindings,
  type Explanation,
  explanationProblem,
  explanationRows,
  explanationSheetOf,
  withExplanation,
  withoutExplanation,
} from "../../../src/core/review/explanations";
import {
  explanationsFromRows,
  explanationsFromSheet,
} from "../../../src/core/review/storedExplanations";
import { sheetFromRows, workbookOf } from "../../helpers/sheet";
import {
  EXPLANATION_SHEET,
  isExplanationSheet,
} from "../../../src/core/check/ownSheets";

const E: Explanation = {
  sheet: "新增贷款明细表",
  cell: "L5",
  rule: "LOAN-DAYS",
  text: "借据约定算头算尾，见第12页",
  time: "2025-03-01T09:30:00.000Z",
};

describe("explanationProblem", () => {
  it("accepts a reason of at least 6 characters for a 警告", () => {
    expect(explanationProblem("借据约定算头算尾", "warning")).toBeUndefined();
    expect(explanationProblem("  见借据第3条  ", "warning")).toBeUndefined(); // 6 characters once trimmed
  });

  it("refuses texts shorter than 6 characters", () => {
    expect(explanationProblem("见借据", "warning")).toBe(
      "说明至少 6 个字，请写明数据为什么是对的（例如依据哪份借据、合同或流水）。",
    );
  });

  it("refuses boilerplate alone, whatever the punctuation, and boilerplate with a reason is fine", () => {
    for (const text of [
      "经核实，无误。",
      "核实无误！核实无误",
      "情况属实，没问题",
      "已核实 正确 无误",
      "确认无误确认无误",
    ])
      expect(explanationProblem(text, "warning")).toBe(
        `“${text}”没有说明原因。请写明数据为什么是对的（例如依据哪份借据、合同或流水）。`,
      );
    expect(
      explanationProblem("经核实无误，银行按365天计息", "warning"),
    ).toBeUndefined();
    expect(BOILERPLATE_EXPLANATIONS).toEqual(
      expect.arrayContaining([
        "核实无误",
        "无误",
        "正确",
        "已核实",
        "没问题",
        "情况属实",
      ]),
    );
  });

  it("only a 警告 takes an explanation", () => {
    expect(explanationProblem("借据约定算头算尾", "error")).toBe(
      "错误不能通过说明解除，请修改表格中的数据。",
    );
    expect(explanationProblem("借据约定算头算尾", "info")).toBe(
      "提示仅供参考，无需填写说明。",
    );
  });
});

describe("explanation sheet rows", () => {
  it("round-trip through the rows of our sheet", () => {
    const rows = explanationRows([E]);
    expect(rows).toEqual([
      ["工作表", "单元格", "规则", "说明", "时间"],
      [
        "新增贷款明细表",
        "L5",
        "LOAN-DAYS",
        "借据约定算头算尾，见第12页",
        "2025-03-01T09:30:00.000Z",
      ],
    ]);
    expect(explanationsFromRows(rows)).toEqual([E]);
  });

  it("skips incomplete rows and keeps the last row of a finding", () => {
    expect(
      explanationsFromRows([
        EXPLANATION_SHEET.header,
        ["", "L5", "LOAN-DAYS", "无工作表", ""],
        [E.sheet, "L 5x", "LOAN-DAYS", "单元格不是地址", ""],
        [E.sheet, "L5", "loan days", "规则不是规则编号", ""],
        [E.sheet, "L5", "LOAN-DAYS", "旧的说明文字", ""],
        [E.sheet, "L5", "LOAN-DAYS", E.text, E.time],
      ]),
    ).toEqual([E]);
  });

  it("are read from a workbook file's sheet by its name and header", () => {
    const ours = sheetFromRows(EXPLANATION_SHEET.name, explanationRows([E]));
    expect(isExplanationSheet(ours)).toBe(true);
    const found = explanationSheetOf(
      workbookOf([sheetFromRows("数据", [["x"]]), ours]),
    );
    expect(found).toBe(ours);
    expect(explanationsFromSheet(found!)).toEqual([E]);
    // Same name, other content: not ours.
    const foreign = sheetFromRows(EXPLANATION_SHEET.name, [["备注"], ["x"]]);
    expect(isExplanationSheet(foreign)).toBe(false);
    expect(explanationSheetOf(workbookOf([foreign]))).toBeUndefined();
  });

  it("adds, replaces and removes by sheet, cell and rule", () => {
    const other = { ...E, cell: "M5", rule: "LOAN-INTEREST-CALC" };
    const list = withExplanation(withExplanation([E], other), {
      ...E,
      text: "新的说明文字",
    });
    expect(list.map((e) => [e.cell, e.text])).toEqual([
      ["M5", E.text],
      ["L5", "新的说明文字"],
    ]);
    expect(
      withoutExplanation(list, {
        sheet: E.sheet,
        cell: "M5",
        rule: "LOAN-INTEREST-CALC",
      }),
    ).toHaveLength(1);
  });
});

describe("explainFindings (核实说明 beside their findings)", () => {
  const at = (cell: string, text: string, rule = "LOAN-CHAIN") => ({
    sheet: "新增贷款明细表",
    cell,
    rule,
    text,
    time: "2026-03-01T09:30:00.000Z",
  });
  const warning = {
    sheet: "新增贷款明细表",
    rule: "LOAN-CHAIN",
    severity: "warning" as const,
    cell: "C5",
    range: "C5:C29",
  };

  it("finds an explanation keyed to a cell inside a settled repeat's range: 已说明", () => {
    const { explained, stale } = explainFindings(
      [warning],
      [at("C12", "该笔贷款属于本企业所在的特钢材料产业链项目")],
    );
    expect(explained).toEqual([
      {
        state: "已说明",
        text: "该笔贷款属于本企业所在的特钢材料产业链项目",
        time: "2026-03-01T09:30:00.000Z",
      },
    ]);
    expect(stale).toEqual([]);
  });

  it("a 警告 without explanation, with boilerplate (核实无误) or with fewer than 6 characters is 未说明", () => {
    const { explained } = explainFindings(
      [
        warning,
        { ...warning, cell: "D5", range: undefined },
        { ...warning, cell: "E5", range: undefined },
      ],
      [at("D5", "经核实，无误。"), at("E5", "利率正确")],
    );
    expect(explained.map((e) => e?.state)).toEqual([
      "未说明",
      "未说明",
      "未说明",
    ]);
    expect(explained[1]!.text).toBe("经核实，无误。");
  });

  it("a 错误 stays 错误 with its explanation shown (错误须修改); a 错误 or 提示 without one has none", () => {
    const error = {
      ...warning,
      rule: "LOAN-DRAW-YEAR",
      severity: "error" as const,
      cell: "G6",
      range: undefined,
    };
    const { explained } = explainFindings(
      [
        error,
        { ...error, cell: "G7" },
        { ...warning, severity: "info" as const, cell: "M4", range: undefined },
      ],
      [at("G6", "提款日期以银行回单为准，请核实", "LOAN-DRAW-YEAR")],
    );
    expect(explained).toEqual([
      {
        state: "错误须修改",
        text: "提款日期以银行回单为准，请核实",
        time: "2026-03-01T09:30:00.000Z",
      },
      undefined,
      undefined,
    ]);
  });

  it("an explanation whose finding is gone (another sheet, rule or cell) is stale", () => {
    const gone = at("C40", "该行已删除的贷款说明文字");
    const { explained, stale } = explainFindings(
      [warning],
      [gone, at("C5", "说明文字足够长了", "LOAN-DAYS")],
    );
    expect(explained[0]!.state).toBe("未说明");
    expect(stale.map((e) => [e.cell, e.rule])).toEqual([
      ["C40", "LOAN-CHAIN"],
      ["C5", "LOAN-DAYS"],
    ]);
  });
});
