/** @jest-environment jsdom */
import "./jsdom-setup";
import { fireEvent, render, screen, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { createBrowserFormOperations } from "../../src/taskpane/forms/browserOperations";
import { OperationError, type FormOperations, type TemplateOperations } from "../../src/ports";
import type { FileProcessor } from "../../src/taskpane/worker/client";

const operations: TemplateOperations = { insertTable: () => Promise.resolve([]) };

function fakeForms() {
  const calls: unknown[][] = [];
  const forms: FormOperations = {
    reportForms: () => {
      calls.push(["reportForms"]);
      return Promise.resolve(["封面", "承诺书", "现场核查表", "绩效目标表"]);
    },
    exemptApplication: () => {
      calls.push(["exemptApplication"]);
      return Promise.reject(new OperationError("Invalid", "插入“免申即享”申报表失败：测试"));
    },
    eligibility: (direction, answers, chain) => {
      calls.push(["eligibility", direction, answers, chain]);
      return Promise.resolve(["资格自检"]);
    },
  };
  return { forms, calls };
}

describe("申请报告表样 and 资格自检 in the task pane", () => {
  it("Excel: the 表格模板 tab offers the forms; the 资格自检 tab inserts the sheet with the typed answers", async () => {
    const { forms, calls } = fakeForms();
    render(<App host={{ mode: "excel", apiSupported: true }} operations={operations} formOperations={forms} />);
    // The gallery and the forms load when shown (their own chunks).
    const panel = await screen.findByRole("region", { name: "申请报告表样" }, { timeout: 20_000 });
    fireEvent.click(
      within(within(panel).getByRole("group", { name: "封面、承诺书、现场核查表、绩效目标表" })).getByRole("button", {
        name: "插入",
      }),
    );
    expect(await screen.findByText("已插入工作表：封面、承诺书、现场核查表、绩效目标表", {}, { timeout: 20_000 })).toBeTruthy();
    fireEvent.click(within(panel).getByRole("group", { name: /免申即享/ }).querySelector("button")!);
    expect(await screen.findByText("插入“免申即享”申报表失败：测试", {}, { timeout: 20_000 })).toBeTruthy();

    fireEvent.click(screen.getByRole("tab", { name: "资格自检" }));
    fireEvent.change(await screen.findByRole("combobox", { name: "申报方向" }, { timeout: 20_000 }), { target: { value: "产业链贷款贴息" } });
    fireEvent.change(screen.getByLabelText("2024年度全部新增贷款产生的利息（万元）"), { target: { value: "12.5" } });
    fireEvent.click(screen.getByRole("button", { name: "插入资格自检表" }));
    expect(await screen.findByText("已插入工作表：资格自检", {}, { timeout: 20_000 })).toBeTruthy();
    expect(calls).toEqual([
      ["reportForms"],
      ["exemptApplication"],
      ["eligibility", "产业链贷款贴息", { interest2024: "12.5" }, undefined],
    ]);
  });

  it("browser: 资格自检 and the forms are downloads made by the page's processor", async () => {
    const jobs: unknown[] = [];
    const saved: string[] = [];
    const processor = {
      run: (job: unknown) => {
        jobs.push(job);
        return Promise.resolve({ fileName: "资格自检（用水强度奖励）.xlsx", bytes: new Uint8Array([1]) });
      },
    } as unknown as FileProcessor;
    const forms = createBrowserFormOperations(processor, (_, name) => saved.push(name), () => new Date(2026, 1, 10));
    render(
      <App
        host={{ mode: "browser", reason: "no-office" }}
        operations={operations}
        workbench={<p>工作台</p>}
        formOperations={forms}
      />,
    );
    fireEvent.change(await screen.findByRole("combobox", { name: "申报方向" }, { timeout: 20_000 }), {
      target: { value: "用水强度奖励" },
    });
    fireEvent.click(screen.getByRole("button", { name: "下载资格自检表.xlsx" }));
    expect(await screen.findByText("已生成：资格自检（用水强度奖励）.xlsx", {}, { timeout: 20_000 })).toBeTruthy();
    fireEvent.click(
      within(screen.getByRole("group", { name: "封面、承诺书、现场核查表、绩效目标表" })).getByRole("button", {
        name: "下载",
      }),
    );
    await screen.findAllByText("已生成：资格自检（用水强度奖励）.xlsx", {}, { timeout: 20_000 });
    expect(jobs).toEqual([
      { op: "forms", form: "eligibility", direction: "用水强度奖励", answers: {} },
      { op: "forms", form: "report-forms", date: "二〇二六年二月" },
    ]);
    expect(saved).toHaveLength(2);
  });
});
