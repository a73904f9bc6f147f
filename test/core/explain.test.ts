/** Explanations: validation (length, boilerplate, severity) and the rows of our explanation sheet. */
import {
  BOILERPLATE_EXPLANATIONS,
  EXPLANATION_SHEET,
  type Explanation,
  explanationProblem,
  explanationRows,
  explanationsFromRows,
  explanationsFromWorkbook,
  isExplanationSheet,
  withExplanation,
  withoutExplanation,
} from "../../src/core/explain";
import { sheetFromRows, workbookOf } from "../helpers/sheet";

const E: Explanation = {
  sheet: "新增贷款明细表",
  cell: "L5",
  rule: "LOAN-DAYS",
  text: "借据约定算头算尾，见第12页",
  time: "2025-03-01T09:30:00.000Z",
};

describe("explanationProblem", () => {
  it("accepts a reason of at least 6 characters for a 警告", () => {
    expect(explanationProblem("借据约定算头算尾", "警告")).toBeUndefined();
    expect(explanationProblem("  见借据第3条  ", "警告")).toBeUndefined(); // 6 characters once trimmed
  });

  it("refuses texts shorter than 6 characters", () => {
    expect(explanationProblem("见借据", "警告")).toBe(
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
      expect(explanationProblem(text, "警告")).toBe(
        `“${text}”没有说明原因。请写明数据为什么是对的（例如依据哪份借据、合同或流水）。`,
      );
    expect(
      explanationProblem("经核实无误，银行按365天计息", "警告"),
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
    expect(explanationProblem("借据约定算头算尾", "错误")).toBe(
      "错误不能通过说明解除，请修改表格中的数据。",
    );
    expect(explanationProblem("借据约定算头算尾", "提示")).toBe(
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
    expect(
      explanationsFromWorkbook(
        workbookOf([sheetFromRows("数据", [["x"]]), ours]),
      ),
    ).toEqual([E]);
    // Same name, other content: not ours.
    const foreign = sheetFromRows(EXPLANATION_SHEET.name, [["备注"], ["x"]]);
    expect(isExplanationSheet(foreign)).toBe(false);
    expect(explanationsFromWorkbook(workbookOf([foreign]))).toEqual([]);
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
