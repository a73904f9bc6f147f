import { uniqueSheetName } from "../../../src/core/template/sheetName";

describe("uniqueSheetName", () => {
  it("keeps a free name", () =>
    expect(uniqueSheetName("新增贷款明细表", ["Sheet1"])).toBe(
      "新增贷款明细表",
    ));
  it("suffixes a taken name with the first free number", () => {
    expect(uniqueSheetName("新增贷款明细表", ["新增贷款明细表"])).toBe(
      "新增贷款明细表(2)",
    );
    expect(
      uniqueSheetName("新增贷款明细表", [
        "新增贷款明细表",
        "新增贷款明细表(2)",
      ]),
    ).toBe("新增贷款明细表(3)");
  });
  it("compares without case", () =>
    expect(uniqueSheetName("Sheet", ["SHEET"])).toBe("Sheet(2)"));
  it("stays within 31 characters", () => {
    const long = "一".repeat(31);
    expect(uniqueSheetName(long, [])).toBe(long);
    expect(uniqueSheetName(long, [long])).toBe(`${"一".repeat(28)}(2)`);
    expect(uniqueSheetName("二".repeat(40), [])).toHaveLength(31);
  });
});
