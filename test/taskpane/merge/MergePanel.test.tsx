/** @jest-environment jsdom */
import "../jsdom-setup";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import type { MergeResult } from "../../../src/core/merge";
import { MergePanel } from "../../../src/taskpane/merge/MergePanel";
import { type MergeOperations, OperationError } from "../../../src/ports";
import { manualProcessor, sampleMerge } from "../workbench/fakes";

/** Operations answering with the sheets written, or failing with the message (an OperationError). */
function operations(answer: { ok: true; sheets: string[] } | { ok: false; message: string }) {
  const written: MergeResult[] = [];
  const ops: MergeOperations = {
    writeMerged: (result) => {
      written.push(result);
      return answer.ok
        ? Promise.resolve(answer.sheets)
        : Promise.reject(new OperationError("InvalidArgument", answer.message));
    },
  };
  return { ops, written };
}

function choose(files: File[]): void {
  fireEvent.change(screen.getByLabelText("选择文件"), { target: { files } });
}

describe("MergePanel", () => {
  const files = [new File(["a"], "甲.xlsx"), new File(["b"], "乙.xlsx"), new File([], "坏.xlsx")];

  it("reads the chosen files in the worker with a progress bar each, then writes the sheets into the workbook", async () => {
    const { processor, jobs } = manualProcessor();
    const { ops, written } = operations({ ok: true, sheets: ["申报汇总表(2)", "合并日志", "审核结果"] });
    render(<MergePanel processor={processor} operations={ops} />);
    expect((screen.getByRole("button", { name: "合并并写入工作表" }) as HTMLButtonElement).disabled).toBe(true);
    choose(files);
    expect(screen.getByText("已选择 3 个文件")).toBeTruthy();
    fireEvent.change(screen.getByRole("textbox", { name: /审核单位/ }), { target: { value: "太原市工业和信息化局" } });
    fireEvent.click(screen.getByRole("button", { name: "合并并写入工作表" }));
    expect(jobs[0]!.job).toEqual({ op: "merge", files, unit: "太原市工业和信息化局", workbook: false });

    act(() => {
      jobs[0]!.emit({ type: "progress", index: 0, stage: "reading" });
      jobs[0]!.emit({ type: "progress", index: 1, stage: "done" });
    });
    const bar = (name: string) => screen.getByRole("progressbar", { name }).getAttribute("aria-valuenow");
    expect([bar("甲.xlsx：正在读取…"), bar("乙.xlsx：已完成"), bar("坏.xlsx：等待处理")]).toEqual(["0.5", "1", "0"]);

    const result = sampleMerge("太原市工业和信息化局");
    await act(async () => jobs[0]!.resolve({ result }));
    expect(written).toEqual([result]);
    expect(screen.getByText("已新建工作表：申报汇总表(2)、合并日志、审核结果")).toBeTruthy();
    const rows = within(screen.getByRole("table", { name: "合并检查结果" }))
      .getAllByRole("row")
      .slice(1)
      .map((r) => within(r).getAllByRole("cell").map((c) => c.textContent));
    // Columns: 级别与位置 (级别, 文件, …), 说明 (with the rule code).
    const city = rows.find((r) => r[1]?.includes("MERGE-CITY"));
    expect(city?.[0]).toMatch(/^警告乙\.xlsx/);
    expect(screen.getByRole("table", { name: "合并日志" })).toBeTruthy();
  });

  it("shows Excel's refusal, and an unexpected failure of the worker", async () => {
    const { processor, jobs } = manualProcessor();
    const { ops } = operations({ ok: false, message: "写入合并结果失败：InvalidArgument" });
    render(<MergePanel processor={processor} operations={ops} />);
    choose(files);
    fireEvent.click(screen.getByRole("button", { name: "合并并写入工作表" }));
    await act(async () => jobs[0]!.resolve({ result: sampleMerge() }));
    expect(screen.getByText("写入失败")).toBeTruthy();
    expect(screen.getByText("写入合并结果失败：InvalidArgument")).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "合并并写入工作表" }));
    expect(jobs[1]!.job).toMatchObject({ op: "merge", workbook: false });
    expect("unit" in jobs[1]!.job).toBe(false);
    await act(async () => jobs[1]!.reject(new Error("合并程序内部错误")));
    expect(screen.getByText("发生意外错误：合并程序内部错误")).toBeTruthy();
    expect((screen.getByRole("button", { name: "合并并写入工作表" }) as HTMLButtonElement).disabled).toBe(false);
  });
});
