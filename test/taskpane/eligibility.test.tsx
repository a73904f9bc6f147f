/** @jest-environment jsdom */
import "./jsdom-setup";
import { fireEvent, render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { EligibilityCheck } from "../../src/taskpane/eligibility/EligibilityCheck";

function renderForm(props: Parameters<typeof EligibilityCheck>[0] = {}) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <EligibilityCheck {...props} />
    </FluentProvider>,
  );
}

function typeInto(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

function condition(name: string) {
  return within(screen.getByRole("list", { name: "逐项结果" })).getByRole("listitem", { name });
}

describe("资格自检 form, as a new user tries it", () => {
  it("制造业营收进档奖励: typing 2023 and 2024 revenue shows at once whether it qualifies and why", () => {
    renderForm();
    fireEvent.change(screen.getByLabelText("申报方向"), { target: { value: "制造业营收进档奖励" } });
    // Before any figure: the thresholds are 待核实 and say what to type.
    expect(within(condition("营收增量")).getByText("待核实")).toBeTruthy();
    expect(within(condition("营收增量")).getByText("请填写“2023年营业收入”；请填写“2024年营业收入”")).toBeTruthy();

    typeInto("2023年营业收入（万元）", "200000");
    typeInto("2024年营业收入（万元）", "235000");
    expect(within(condition("营收增量")).getByText("符合")).toBeTruthy();
    expect(within(condition("营收增量")).getByText("2024年营收增量为35,000万元，达到30,000万元")).toBeTruthy();
    expect(
      within(condition("营收增量")).getByText("通知原文：“2024 年度营收增量 3 亿元以上”（附件1 六(四)）"),
    ).toBeTruthy();
    expect(within(condition("营收增速")).getByText("2024年营收增速为17.5%，达到15%")).toBeTruthy();

    // 2024 revenue lower: 增量 25,000 万元 and 增速 12.5 % → 不符合, and the overall verdict says so.
    typeInto("2024年营业收入（万元）", "225000");
    expect(within(condition("营收增量")).getByText("2024年营收增量为25,000万元，低于30,000万元")).toBeTruthy();
    expect(within(condition("营收增速")).getByText("不符合")).toBeTruthy();
    expect(screen.getByText("总体结论：不符合")).toBeTruthy();
  });

  it("general conditions answered 是 and a qualifying figure give 符合 overall, with the 处室 of the industry", () => {
    renderForm();
    fireEvent.change(screen.getByLabelText("申报方向"), { target: { value: "制造业营收进档奖励" } });
    for (const group of screen.getAllByRole("radiogroup"))
      fireEvent.click(within(group).getByLabelText("是"));
    fireEvent.change(screen.getByRole("combobox", { name: "所属行业" }), { target: { value: "钢铁" } });
    typeInto("2023年营业收入（万元）", "200000");
    typeInto("2024年营业收入（万元）", "230000");
    expect(screen.getByText("总体结论：符合")).toBeTruthy();
    const contacts = screen.getByRole("region", { name: "咨询联系人（附件5）" });
    expect(within(contacts).getByText("原材料处 霍丽琴 0351-3030039")).toBeTruthy();
  });

  it("a chain direction shows the chain's 专班 once the chain is chosen", () => {
    renderForm();
    fireEvent.change(screen.getByLabelText("申报方向"), { target: { value: "产业链贷款贴息" } });
    fireEvent.change(screen.getByLabelText("所属省级重点产业链（用于查找专班联系人）"), {
      target: { value: "氢能产业链" },
    });
    expect(screen.getByText("氢能产业链专班：化工处 史建陶 0351-3183018")).toBeTruthy();
    expect(screen.getByText("新材料处 卢长云 0351-3046794")).toBeTruthy();
  });

  it("the action receives the direction and the typed answers", async () => {
    const seen: unknown[] = [];
    renderForm({
      action: {
        label: "插入资格自检表",
        run: (choice) => {
          seen.push(choice);
          return Promise.resolve("已插入工作表：资格自检");
        },
      },
    });
    fireEvent.change(screen.getByLabelText("申报方向"), { target: { value: "用水强度奖励" } });
    typeInto("年度用水量（取水量）（立方米）", "500000");
    fireEvent.click(screen.getByRole("button", { name: "插入资格自检表" }));
    expect(await screen.findByText("已插入工作表：资格自检", {}, { timeout: 20_000 })).toBeTruthy();
    expect(seen).toEqual([{ direction: "用水强度奖励", answers: { waterUse: "500000" } }]);
  });

  it("从工作簿填写: the workbook's direction, 2024 interest and chain fill the form, and the verdict follows at once", async () => {
    const asked: (string | undefined)[] = [];
    renderForm({
      fromWorkbook: (direction) => {
        asked.push(direction);
        return Promise.resolve({
          direction: "产业链贷款贴息",
          answers: { interest2024: "77.34" },
          chain: "碳基新材料产业链",
          filled: ["2024年度全部新增贷款产生的利息“77.34 万元”（新增贷款明细表）"],
        });
      },
    });
    fireEvent.click(screen.getByRole("button", { name: "从工作簿填写" }));
    expect(
      await screen.findByText(
        "已按工作簿选择申报方向“产业链贷款贴息”，填写了2024年度全部新增贷款产生的利息“77.34 万元”（新增贷款明细表）。其余各项请逐项填写或选择。",
        {},
        { timeout: 20_000 },
      ),
    ).toBeTruthy();
    expect(asked).toEqual([undefined]);
    expect((screen.getByLabelText("申报方向") as HTMLSelectElement).value).toBe("产业链贷款贴息");
    expect((screen.getByLabelText("2024年度全部新增贷款产生的利息（万元）") as HTMLInputElement).value).toBe("77.34");
    expect(within(condition("2024年度利息")).getByText("符合")).toBeTruthy();
    expect(screen.getByText("碳基新材料产业链专班：化工处 郝志伟 0351-3030027")).toBeTruthy();
  });

  it("从工作簿填写 with nothing to go on says what to do; a chosen direction is passed on", async () => {
    const asked: (string | undefined)[] = [];
    renderForm({
      fromWorkbook: (direction) => {
        asked.push(direction);
        return Promise.resolve(undefined);
      },
    });
    fireEvent.change(screen.getByLabelText("申报方向"), { target: { value: "用水强度奖励" } });
    fireEvent.click(screen.getByRole("button", { name: "从工作簿填写" }));
    expect(
      await screen.findByText(
        "工作簿中没有填写申报方向的项目情况表。请先选择申报方向，再从工作簿填写（新增贷款明细表的利息等）。",
        {},
        { timeout: 20_000 },
      ),
    ).toBeTruthy();
    expect(asked).toEqual(["用水强度奖励"]);
  });
});
