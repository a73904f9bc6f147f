import type { RuleDef } from "../../../src/core/rules/types";

jest.mock("../../../src/core/rules/registry", () => {
  const actual = jest.requireActual("../../../src/core/rules/registry");
  const boom: RuleDef = {
    code: "TEST-BOOM",
    severity: "error",
    source: "测试",
    tables: "all",
    row() {
      throw new Error("意外的输入");
    },
  };
  return { ...actual, RULES: [...actual.RULES, boom] };
});

import { checkWorkbook } from "../../../src/core/check/engine";
import { tableSheet, workbookOf } from "../../helpers/sheet";

test("a rule that throws becomes one RULE-FAILED 警告; the other rules still run", () => {
  const s = tableSheet("loan-interest", [
    { seq: 1, enterpriseName: "甲", principal: "abc" },
  ]);
  const report = checkWorkbook(workbookOf([s]));
  const findings = report.tables[0]!.findings;
  expect(findings.filter((f) => f.rule === "RULE-FAILED")).toEqual([
    expect.objectContaining({
      severity: "warning",
      message:
        "规则TEST-BOOM在本表检查时出错（意外的输入），该项检查未完成，请人工核对。",
    }),
  ]);
  expect(findings.some((f) => f.rule === "CELL-TYPE" && f.cell === "D5")).toBe(
    true,
  );
});
