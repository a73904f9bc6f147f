import { countsText, severityText } from "../../../src/core/messages";

describe("the words of severities and their counts", () => {
  it("words each severity", () => {
    expect(
      ["error", "warning", "info"].map((s) => severityText(s as never)),
    ).toEqual(["错误", "警告", "提示"]);
  });

  it("counts in full (CLI, 审核结果, the workbench's file page) and short (the task pane's lists, the overview)", () => {
    const c = { errors: 2, warnings: 0, infos: 1 };
    expect(countsText(c)).toBe("错误 2 个，警告 0 个，提示 1 个");
    expect(countsText(c, "short")).toBe("错误 2 · 警告 0 · 提示 1");
  });
});
