/** @jest-environment jsdom */
import "./jsdom-setup";
import {
  act,
  fireEvent,
  render,
  screen,
  waitFor,
  within,
} from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { Finding } from "../../src/core/model/finding";
import type { Explanation, FillPlan, WorkbookReport } from "../../src/ports";
import { App } from "../../src/taskpane/App";
import { CheckPanel } from "../../src/taskpane/check/CheckPanel";
import {
  fakeOperations,
  insuranceTable,
  loanTable,
  workbookReport,
  type FakeOperations,
} from "./checkFake";

const LOAN = "新增贷款明细表";
const LOAN_GROUP =
  "省级重点产业链链上企业2024年度新增贷款明细表（工作表“新增贷款明细表”）";
const INS_GROUP = "保险增信补贴明细表（工作表“保险增信补贴明细表”）";

/** Renders the panel with live checking off (one checkWorkbook on mount) and waits for the report. */
async function renderPanel(
  report: WorkbookReport,
  ops: FakeOperations = fakeOperations(report),
) {
  const view = render(
    <FluentProvider theme={webLightTheme}>
      <CheckPanel operations={ops} liveByDefault={false} />
    </FluentProvider>,
  );
  await screen.findByText("识别结果");
  return { ops, view };
}

/**
 * The open dialog. Under jsdom, tabster leaves `aria-hidden` on a dialog opened after an await (a known jsdom-only
 * effect, microsoft/fluentui tabster threads), so role queries inside it pass `hidden: true`.
 */
async function openDialog(): Promise<HTMLElement> {
  return screen.findByRole("dialog", { hidden: true });
}

function knownReport(): WorkbookReport {
  return workbookReport([loanTable(113.3331), insuranceTable()]);
}

/** The finding items (the recognition summary's entries are plain list items, not role=listitem). */
function findingItems(root: ParentNode = document): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('[role="listitem"]')];
}

/** The finding items of a group. */
function itemsOf(group: string): HTMLElement[] {
  const list = document.querySelector(`[role="list"][aria-label="${group}"]`);
  expect(list).not.toBeNull();
  return findingItems(list!);
}

/** The finding item whose text contains `text`. */
function item(text: string): HTMLElement {
  const found = findingItems().filter((li) => li.textContent?.includes(text));
  expect(found).toHaveLength(1);
  return found[0]!;
}

describe("CheckPanel: recognition and findings", () => {
  it("shows which sheets were recognised as which table and which were not, and why", async () => {
    await renderPanel(knownReport());
    const summary = screen.getByRole("region", { name: "识别结果" });
    expect(
      within(summary).getByText(
        "工作表“新增贷款明细表”识别为：省级重点产业链链上企业2024年度新增贷款明细表（数据 5 行）",
      ),
    ).toBeTruthy();
    expect(within(summary).getByText("错误 2 · 警告 1 · 提示 0")).toBeTruthy();
    expect(
      within(summary).getByText(
        "工作表“保险增信补贴明细表”识别为：保险增信补贴明细表（数据 2 行）",
      ),
    ).toBeTruthy();
    expect(
      within(summary).getByText("工作表“Sheet3”未识别为通知中的表格"),
    ).toBeTruthy();
    expect(
      within(summary).getByText(
        "未识别为通知中的表格（未找到与通知表格相符的表头）。",
      ),
    ).toBeTruthy();
  });

  it("counts 错误/警告/提示 and groups the findings by table, each with cell, column, message, rule and section", async () => {
    await renderPanel(knownReport());
    const pane = screen.getByRole("region", { name: "检查结果" });
    expect(within(pane).getByText("错误 2 · 警告 2 · 提示 1")).toBeTruthy();
    expect(itemsOf(LOAN_GROUP).map((li) => li.textContent)).toEqual([
      expect.stringContaining("G6"),
      expect.stringContaining("O7"),
      expect.stringContaining("L8"),
    ]);
    expect(itemsOf(INS_GROUP)).toHaveLength(1);
    expect(itemsOf("工作表“Sheet3”（未识别）")).toHaveLength(1);
    const g6 = item("G6");
    expect(within(g6).getByText("错误")).toBeTruthy();
    expect(within(g6).getByText("贷款提款时间")).toBeTruthy();
    expect(
      within(g6).getByText(
        "提款时间2023-12-20不在2024年，不属于2024年新增贷款。",
      ),
    ).toBeTruthy();
    expect(
      within(g6).getByText("LOAN-DRAW-YEAR · 依据：附件1 六(一)"),
    ).toBeTruthy();
    // The notice's words, folded under 通知原文 (the message does not repeat them); none for a finding without.
    const words = within(g6).getByText("通知原文").closest("details")!;
    expect(words.textContent).toBe(
      "通知原文“新增贷款须于2024年当年提款并付息”",
    );
    expect(within(item("O7")).queryByText("通知原文")).toBeNull();
  });

  it("filters by severity", async () => {
    await renderPanel(knownReport());
    fireEvent.click(screen.getByRole("button", { name: "警告 2" }));
    expect(findingItems().map((li) => li.textContent)).toEqual([
      expect.stringContaining("L8"),
      expect.stringContaining("K5"),
    ]);
    expect(
      screen.queryByRole("list", { name: "工作表“Sheet3”（未识别）" }),
    ).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "错误 2" }));
    expect(findingItems().map((li) => li.textContent)).toEqual([
      expect.stringContaining("G6"),
      expect.stringContaining("O7"),
    ]);
    fireEvent.click(screen.getByRole("button", { name: "全部" }));
    expect(findingItems()).toHaveLength(5);
  });

  it("clicking an item selects its cell", async () => {
    const { ops } = await renderPanel(knownReport());
    fireEvent.click(within(item("G6")).getByRole("button"));
    expect(ops.selectCell).toHaveBeenCalledWith(LOAN, "G6");
    fireEvent.click(
      within(item("未找到与通知表格相符的表头")).getByRole("button"),
    );
    expect(ops.selectCell).toHaveBeenLastCalledWith("Sheet3", "");
  });

  it("says what was checked when there is no finding", async () => {
    const clean = workbookReport(
      [loanTable(20, []), { ...insuranceTable(), findings: [] }],
      true,
    );
    await renderPanel(clean);
    expect(screen.getByText("已检查 2 张表、7 行，未发现问题")).toBeTruthy();
    expect(findingItems()).toHaveLength(0);
  });

  it("shows the first 500 findings of a severity, then 显示更多", async () => {
    const many: Finding[] = Array.from({ length: 501 }, (_, i) => ({
      sheet: LOAN,
      cell: `L${i + 5}`,
      row: i + 5,
      severity: "warning",
      rule: "LOAN-DAYS",
      message: `第${i + 5}行天数不符。`,
      source: "附件2 三(二)5(1)",
    }));
    await renderPanel(workbookReport([loanTable(20, many)], true));
    expect(itemsOf(LOAN_GROUP)).toHaveLength(500);
    expect(itemsOf(LOAN_GROUP)[499]!.textContent).toContain("L504");
    // Text queries: role queries over 500 Fluent items are slow under jsdom.
    fireEvent.click(screen.getByText("显示更多警告（还有 1 条）"));
    expect(itemsOf(LOAN_GROUP)).toHaveLength(501);
    expect(screen.queryByText(/显示更多/)).toBeNull();
  });
});

describe("CheckPanel: marks", () => {
  it("marks the findings of the current filter and clears the marks", async () => {
    const report = knownReport();
    const { ops } = await renderPanel(report);
    fireEvent.click(screen.getByRole("button", { name: "错误 2" }));
    fireEvent.click(screen.getByRole("button", { name: "在表格中标记" }));
    await screen.findByText("已在表格中标记 2 个问题（单元格的值不变）。");
    expect(ops.markFindings).toHaveBeenCalledWith(
      report.tables[0]!.findings.slice(0, 2),
    );
    fireEvent.click(screen.getByRole("button", { name: "清除标记" }));
    await screen.findByText("已清除标记，单元格的值和格式与标记前相同。");
    expect(ops.clearMarks).toHaveBeenCalledTimes(1);
  });

  it("shows the operation's own message when marking fails", async () => {
    const report = knownReport();
    const ops = fakeOperations(report, {
      markFindings: () => Promise.reject(new Error("Excel 拒绝了本次操作。")),
    });
    await renderPanel(report, ops);
    fireEvent.click(screen.getByRole("button", { name: "在表格中标记" }));
    await screen.findByText("Excel 拒绝了本次操作。");
  });
});

describe("CheckPanel: totals", () => {
  it("shows the sums in 万元, rows, and 利息合计 113.3331万元 reaching 10万元", async () => {
    await renderPanel(knownReport());
    const card = screen.getByRole("group", {
      name: "省级重点产业链链上企业2024年度新增贷款明细表",
    });
    expect(
      within(card).getByText("工作表“新增贷款明细表”，数据 5 行（5 条记录）"),
    ).toBeTruthy();
    expect(
      within(card).getByText("2024年度新增贷款金额 3800万元"),
    ).toBeTruthy();
    expect(
      within(card).getByText("2024年利息实际发生额 113.3331万元"),
    ).toBeTruthy();
    expect(
      within(card).getByText("2024年提款贷款的利息合计 113.3331万元"),
    ).toBeTruthy();
    expect(within(card).getByText("达到 10万元")).toBeTruthy();
    const ins = screen.getByRole("group", { name: "保险增信补贴明细表" });
    expect(within(ins).getByText("2024年度支付保费金额 12.5万元")).toBeTruthy();
    expect(within(ins).queryByText(/利息合计/)).toBeNull();
  });

  it("says how much is missing below 10 万元: 7.5 → 还差 2.5万元", async () => {
    await renderPanel(workbookReport([loanTable(7.5)]));
    expect(screen.getByText("2024年提款贷款的利息合计 7.5万元")).toBeTruthy();
    expect(screen.getByText("还差 2.5万元")).toBeTruthy();
    expect(screen.queryByText(/达到 10万元/)).toBeNull();
  });

  it("shows each 协作配套 supplier's annual amounts and the tier it reaches", async () => {
    const report: WorkbookReport = {
      ...workbookReport([], true),
      coop: {
        leader: {
          table: "leader-suppliers",
          complete: true,
          sheets: {
            2022: ["清单2022"],
            2023: ["清单2023"],
            2024: ["清单2024"],
          },
          partners: [
            {
              name: "山西乙材料有限公司",
              cells: ["清单2024!B5"],
              years: {
                2022: { invoice: 300, contract: 300 },
                2023: { invoice: 600, contract: 600, tier: 500 },
                2024: { invoice: 1200.5, contract: 1200.5, tier: 1000 },
              },
              previousTier: 500,
              newTier: 1000,
            },
            {
              name: "山西丙物流有限公司",
              cells: ["清单2024!B6"],
              years: {
                2022: { invoice: 600, contract: 600, tier: 500 },
                2023: { invoice: 0, contract: 0 },
                2024: { invoice: 550.25, contract: 600, tier: 500 },
              },
              previousTier: 500,
            },
            {
              name: "",
              cells: ["清单2024!B7"],
              years: {
                2022: { invoice: 0, contract: 0 },
                2023: { invoice: 0, contract: 0 },
                2024: { invoice: 120.12345, contract: 0 },
              },
            },
          ],
          total: {
            years: {
              2022: { invoice: 300, contract: 300 },
              2023: { invoice: 600, contract: 600, tier: 500 },
              2024: { invoice: 1200.5, contract: 1200.5, tier: 1000 },
            },
            previousTier: 500,
            newTier: 1000,
          },
          excluded: [],
          netNew: {
            counts: { 2022: 0, 2023: 1, 2024: 1 },
            a: 0,
            b: 0,
            newPartners: [],
            conservative: 0,
          },
        },
      },
    };
    report.tables = [
      {
        ...loanTable(20, []),
        sheet: "清单2024",
        table: "leader-suppliers",
        title: "链主清单",
        extra: {},
      },
    ];
    await renderPanel(report);
    const card = screen.getByRole("group", {
      name: "协作配套年度分析：“链主”企业____年度协作配套企业清单",
    });
    const row = within(card).getByRole("row", { name: /山西乙材料有限公司/ });
    expect(
      within(row)
        .getAllByRole("cell")
        .map((c) => c.textContent),
    ).toEqual([
      "山西乙材料有限公司",
      "300",
      "600",
      "1200.5",
      "1000万元（首次达到）",
    ]);
    const cells = (name: RegExp) =>
      within(within(card).getByRole("row", { name }))
        .getAllByRole("cell")
        .map((c) => c.textContent);
    expect(cells(/山西丙物流有限公司/)).toEqual([
      "山西丙物流有限公司",
      "600",
      "0",
      "550.25",
      "500万元（未提升）",
    ]);
    expect(cells(/未填名称/)).toEqual([
      "（未填名称）",
      "0",
      "0",
      "120.1235",
      "未达到500万元",
    ]);
    expect(
      within(card).getByText(
        "交易额500万元以上的协作配套企业：2022年 0 户，2023年 1 户，2024年 1 户；净增 0 户，新增协作配套企业 0 户，较保守的数字 0 户。",
      ),
    ).toBeTruthy();
  });
});

describe("CheckPanel: explanations", () => {
  it("rejects a too short and a boilerplate explanation with the message, saves a valid one", async () => {
    const report = knownReport();
    const { ops } = await renderPanel(report);
    const l8 = item("L8");
    fireEvent.click(within(l8).getByRole("button", { name: "填写说明" }));
    const box = within(l8).getByRole("textbox");

    fireEvent.change(box, { target: { value: "天数对" } });
    fireEvent.click(within(l8).getByRole("button", { name: "保存说明" }));
    expect(
      within(l8).getByText(
        "说明至少 6 个字，请写明数据为什么是对的（例如依据哪份借据、合同或流水）。",
      ),
    ).toBeTruthy();

    fireEvent.change(box, { target: { value: "经核实无误。" } });
    fireEvent.click(within(l8).getByRole("button", { name: "保存说明" }));
    expect(
      within(l8).getByText(
        "“经核实无误。”没有说明原因。请写明数据为什么是对的（例如依据哪份借据、合同或流水）。",
      ),
    ).toBeTruthy();
    expect(ops.saveExplanation).not.toHaveBeenCalled();

    fireEvent.change(box, {
      target: { value: " 借据载明起息日为2024-03-05，按借据计息200天 " },
    });
    fireEvent.click(within(l8).getByRole("button", { name: "保存说明" }));
    await within(l8).findByText(
      "说明：借据载明起息日为2024-03-05，按借据计息200天",
    );
    expect(ops.saveExplanation).toHaveBeenCalledWith(
      {
        sheet: LOAN,
        cell: "L8",
        rule: "LOAN-DAYS",
        text: "借据载明起息日为2024-03-05，按借据计息200天",
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      },
      "warning",
    );
    expect(
      screen.getByText("错误 2 · 警告 2 · 提示 1（已说明 1）"),
    ).toBeTruthy();
  });

  it("has no explain button on 错误 (nor on 提示)", async () => {
    await renderPanel(knownReport());
    expect(
      within(item("G6")).queryByRole("button", { name: "填写说明" }),
    ).toBeNull();
    expect(
      within(item("O7")).queryByRole("button", { name: "填写说明" }),
    ).toBeNull();
    expect(
      within(item("未找到与通知表格相符的表头")).queryByRole("button", {
        name: "填写说明",
      }),
    ).toBeNull();
    expect(
      within(item("K5")).getByRole("button", { name: "填写说明" }),
    ).toBeTruthy();
  });

  it("shows the explanations stored in the workbook under their items, and removes one", async () => {
    const report = knownReport();
    const stored: Explanation = {
      sheet: "保险增信补贴明细表",
      cell: "K5",
      rule: "INS-PERIOD",
      text: "保单按银行要求先于提款签订",
      time: "2025-03-01T09:30:00.000Z",
    };
    const ops = fakeOperations(report, {
      listExplanations: () => Promise.resolve([stored]),
    });
    await renderPanel(report, ops);
    const k5 = item("K5");
    await within(k5).findByText("说明：保单按银行要求先于提款签订");
    expect(
      screen.getByText("错误 2 · 警告 2 · 提示 1（已说明 1）"),
    ).toBeTruthy();
    fireEvent.click(within(k5).getByRole("button", { name: "删除说明" }));
    await within(k5).findByRole("button", { name: "填写说明" });
    expect(ops.removeExplanation).toHaveBeenCalledWith({
      sheet: stored.sheet,
      cell: "K5",
      rule: "INS-PERIOD",
    });
  });

  it("shows why saving failed when the workbook refuses", async () => {
    const report = knownReport();
    const ops = fakeOperations(report, {
      saveExplanation: () =>
        Promise.reject(new Error("工作簿受保护，无法保存说明。")),
    });
    await renderPanel(report, ops);
    const l8 = item("L8");
    fireEvent.click(within(l8).getByRole("button", { name: "填写说明" }));
    fireEvent.change(within(l8).getByRole("textbox"), {
      target: { value: "借据载明计息200天，见第3页" },
    });
    fireEvent.click(within(l8).getByRole("button", { name: "保存说明" }));
    await within(l8).findByText("工作簿受保护，无法保存说明。");
    expect(within(l8).queryByText(/^说明：/)).toBeNull();
  });
});

describe("CheckPanel: live check", () => {
  it("is on by default: starts live checking, shows its updates, stops when switched off and on unmount", async () => {
    const report = knownReport();
    let update: ((r: WorkbookReport) => void) | undefined;
    const ops = fakeOperations(report, {
      startLiveCheck: (onUpdate) => {
        update = onUpdate;
        onUpdate(report);
        return Promise.resolve(ops.stop);
      },
    });
    const { unmount } = render(<CheckPanel operations={ops} />);
    await screen.findByText("错误 2 · 警告 2 · 提示 1");
    expect(ops.startLiveCheck).toHaveBeenCalledTimes(1);
    expect(ops.checkWorkbook).not.toHaveBeenCalled();
    expect(screen.getByText(/^上次检查：\d\d:\d\d:\d\d$/)).toBeTruthy();
    const toggle = screen.getByRole("switch", {
      name: "实时检查",
    }) as HTMLInputElement;
    expect(toggle.checked).toBe(true);

    act(() => update!(workbookReport([loanTable(113.3331, [])], true)));
    expect(screen.getByText("已检查 1 张表、5 行，未发现问题")).toBeTruthy();

    fireEvent.click(toggle);
    await waitFor(() => expect(ops.stop).toHaveBeenCalledTimes(1));
    fireEvent.click(toggle);
    await waitFor(() => expect(ops.startLiveCheck).toHaveBeenCalledTimes(2));
    unmount();
    await waitFor(() => expect(ops.stop).toHaveBeenCalledTimes(2));
  });

  it("stops a live check that finishes starting after the panel closed", async () => {
    const report = knownReport();
    let started: (() => void) | undefined;
    const ops = fakeOperations(report, {
      startLiveCheck: () =>
        new Promise((resolve) => {
          started = () => resolve(ops.stop);
        }),
    });
    const { unmount } = render(<CheckPanel operations={ops} />);
    expect(screen.getByText("检查中…")).toBeTruthy();
    unmount();
    await act(async () => started!());
    expect(ops.stop).toHaveBeenCalledTimes(1);
  });

  it("重新检查 runs a full check and shows 检查中… meanwhile", async () => {
    const report = knownReport();
    let finish: ((r: WorkbookReport) => void) | undefined;
    const ops = fakeOperations(report);
    await renderPanel(report, ops);
    ops.checkWorkbook.mockImplementationOnce(
      () => new Promise<WorkbookReport>((resolve) => (finish = resolve)),
    );
    fireEvent.click(screen.getByRole("button", { name: "重新检查" }));
    expect(screen.getByText("检查中…")).toBeTruthy();
    await act(async () => finish!(workbookReport([loanTable(7.5, [])], true)));
    expect(screen.queryByText("检查中…")).toBeNull();
    expect(screen.getByText("还差 2.5万元")).toBeTruthy();
  });

  it("shows a failed check's message", async () => {
    const report = knownReport();
    const ops = fakeOperations(report, {
      checkWorkbook: () => Promise.reject(new Error("未在 Excel 中运行。")),
    });
    render(<CheckPanel operations={ops} liveByDefault={false} />);
    await screen.findByText("未在 Excel 中运行。");
  });
});

describe("CheckPanel: fillers' helpers", () => {
  const plan: FillPlan = {
    sheet: LOAN,
    kind: "interest",
    changes: [
      { sheet: LOAN, cell: "L6", row: 5, col: 11, before: null, after: 181 },
      {
        sheet: LOAN,
        cell: "M6",
        row: 5,
        col: 12,
        before: null,
        after: 17.3458,
      },
    ],
    notes: ["第7行：起息日或止息日为空或无法识别，未计算天数。"],
  };

  it("计算天数与利息 lists the plan and writes only after 确认写入, then re-checks", async () => {
    const report = knownReport();
    const ops = fakeOperations(report, {
      planInterestFill: () => Promise.resolve(plan),
    });
    await renderPanel(report, ops);
    const card = screen.getByRole("group", {
      name: "省级重点产业链链上企业2024年度新增贷款明细表",
    });
    fireEvent.click(
      within(card).getByRole("button", { name: "计算天数与利息" }),
    );
    const dialog = await openDialog();
    expect(ops.planInterestFill).toHaveBeenCalledWith(LOAN);
    expect(
      within(dialog).getByText("计算天数与利息：工作表“新增贷款明细表”"),
    ).toBeTruthy();
    expect(
      within(dialog).getByText(
        "将写入以下 2 个单元格（只填写空单元格，不修改已有数据）：",
      ),
    ).toBeTruthy();
    const rows = within(dialog)
      .getAllByRole("row", { hidden: true })
      .map((r) =>
        within(r)
          .queryAllByRole("cell", { hidden: true })
          .map((c) => c.textContent),
      );
    expect(rows.slice(1)).toEqual([
      ["L6", "（空）", "181"],
      ["M6", "（空）", "17.3458"],
    ]);
    expect(
      within(dialog).getByText(
        "第7行：起息日或止息日为空或无法识别，未计算天数。",
      ),
    ).toBeTruthy();
    expect(ops.applyFill).not.toHaveBeenCalled();

    const checksBefore = ops.checkWorkbook.mock.calls.length;
    fireEvent.click(
      within(dialog).getByRole("button", { name: "确认写入", hidden: true }),
    );
    await screen.findByText("已写入 2 个单元格。");
    expect(ops.applyFill).toHaveBeenCalledWith(plan);
    expect(ops.calls.slice(-2)).toEqual(["applyFill", "checkWorkbook"]);
    expect(ops.checkWorkbook.mock.calls.length).toBe(checksBefore + 1);
    await waitFor(() =>
      expect(screen.queryByRole("dialog", { hidden: true })).toBeNull(),
    );
  });

  it("writes nothing when cancelled", async () => {
    const report = knownReport();
    const ops = fakeOperations(report, {
      planInterestFill: () => Promise.resolve(plan),
    });
    await renderPanel(report, ops);
    fireEvent.click(screen.getByRole("button", { name: "计算天数与利息" }));
    const dialog = await openDialog();
    fireEvent.click(
      within(dialog).getByRole("button", { name: "取消", hidden: true }),
    );
    await waitFor(() =>
      expect(screen.queryByRole("dialog", { hidden: true })).toBeNull(),
    );
    expect(ops.applyFill).not.toHaveBeenCalled();
  });

  it("重排序号 shows the renumbering plan, says when cells changed meanwhile", async () => {
    const report = knownReport();
    const renumber: FillPlan = {
      sheet: "保险增信补贴明细表",
      kind: "renumber",
      changes: [
        {
          sheet: "保险增信补贴明细表",
          cell: "A5",
          row: 4,
          col: 0,
          before: 3,
          after: 1,
        },
        {
          sheet: "保险增信补贴明细表",
          cell: "A6",
          row: 5,
          col: 0,
          before: "二",
          after: 2,
        },
      ],
      notes: [],
    };
    const ops = fakeOperations(report, {
      planRenumber: () => Promise.resolve(renumber),
      applyFill: (p) => Promise.resolve(p.changes.slice(0, 1)),
    });
    await renderPanel(report, ops);
    const card = screen.getByRole("group", { name: "保险增信补贴明细表" });
    expect(
      within(card).queryByRole("button", { name: "计算天数与利息" }),
    ).toBeNull();
    fireEvent.click(within(card).getByRole("button", { name: "重排序号" }));
    const dialog = await openDialog();
    expect(ops.planRenumber).toHaveBeenCalledWith("保险增信补贴明细表");
    expect(
      within(dialog).getByText("将改写以下 2 个“序号”单元格："),
    ).toBeTruthy();
    expect(
      within(dialog).getByRole("row", { name: /A6/, hidden: true }).textContent,
    ).toBe("A6二2");
    fireEvent.click(
      within(dialog).getByRole("button", { name: "确认写入", hidden: true }),
    );
    await screen.findByText(
      "已写入 1 个单元格。1 个单元格在预览后被修改，未写入。",
    );
  });

  it("shows the plan's refusal (not a T1 sheet)", async () => {
    const report = knownReport();
    const ops = fakeOperations(report, {
      planInterestFill: () =>
        Promise.reject(
          new Error("工作表“新增贷款明细表”缺少“2024年实际付息天数”列。"),
        ),
    });
    await renderPanel(report, ops);
    fireEvent.click(screen.getByRole("button", { name: "计算天数与利息" }));
    await screen.findByText(
      "工作表“新增贷款明细表”缺少“2024年实际付息天数”列。",
    );
    expect(screen.queryByRole("dialog", { hidden: true })).toBeNull();
  });
});

describe("CheckPanel: 审核", () => {
  it("生成审核结果 runs checkWorkbook, then writes the 审核结果 sheet with the explanations", async () => {
    const report = knownReport();
    const fresh = workbookReport([loanTable(50)]);
    const stored: Explanation = {
      sheet: LOAN,
      cell: "L8",
      rule: "LOAN-DAYS",
      text: "借据载明计息200天，见第3页",
      time: "2025-03-01T09:30:00.000Z",
    };
    const ops = fakeOperations(report, {
      listExplanations: () => Promise.resolve([stored]),
      writeReviewSheet: () => Promise.resolve("审核结果(2)"),
    });
    await renderPanel(report, ops);
    await screen.findByText("说明：借据载明计息200天，见第3页");
    ops.checkWorkbook.mockImplementationOnce(() => {
      ops.calls.push("checkWorkbook");
      return Promise.resolve(fresh);
    });
    fireEvent.click(screen.getByRole("button", { name: "生成审核结果" }));
    await screen.findByText("已写入工作表“审核结果(2)”。");
    expect(ops.calls.slice(-2)).toEqual(["checkWorkbook", "writeReviewSheet"]);
    expect(ops.writeReviewSheet).toHaveBeenCalledWith(fresh, [stored]);
  });

  it("does not write when the check fails", async () => {
    const report = knownReport();
    const ops = fakeOperations(report);
    await renderPanel(report, ops);
    ops.checkWorkbook.mockImplementationOnce(() =>
      Promise.reject(new Error("Excel 拒绝了本次操作。")),
    );
    fireEvent.click(screen.getByRole("button", { name: "生成审核结果" }));
    await screen.findByText("Excel 拒绝了本次操作。");
    expect(ops.writeReviewSheet).not.toHaveBeenCalled();
  });
});

describe("CheckPanel in the app", () => {
  it("is the 检查 tab in Excel: live checking runs while the tab is shown", async () => {
    const ops = fakeOperations(knownReport());
    render(
      <App
        host={{ mode: "excel", apiSupported: true }}
        operations={{ insertTable: () => Promise.resolve([]) }}
        checkPanel={<CheckPanel operations={ops} />}
      />,
    );
    expect(ops.startLiveCheck).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole("tab", { name: "检查" }));
    await screen.findByText("错误 2 · 警告 2 · 提示 1");
    expect(ops.startLiveCheck).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole("tab", { name: "表格模板" }));
    await waitFor(() => expect(ops.stop).toHaveBeenCalledTimes(1));
  });
});
