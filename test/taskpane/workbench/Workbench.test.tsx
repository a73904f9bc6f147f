/** @jest-environment jsdom */
import "../jsdom-setup";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import type { FileCheck } from "../../../src/core/review";
import { TEXT } from "../../../src/taskpane/text.zh";
import { Workbench } from "../../../src/taskpane/workbench/Workbench";
import { captureDownloads, infoCheck, manualProcessor, sampleMerge } from "./fakes";

let downloads: ReturnType<typeof captureDownloads>;
beforeEach(() => (downloads = captureDownloads()));
afterEach(() => downloads.restore());

function pick(files: File[]): void {
  const input = screen.getByLabelText("选择文件") as HTMLInputElement;
  fireEvent.change(input, { target: { files } });
}

/** Answers a check job: per file reading → checking → checked → done, then the output. */
function answerCheck(job: ReturnType<typeof manualProcessor>["jobs"][number], checks: FileCheck[]): void {
  act(() => {
    checks.forEach((check, index) => {
      job.emit({ type: "progress", index, stage: "reading" });
      job.emit({ type: "progress", index, stage: "checking" });
      job.emit({ type: "checked", index, check });
      job.emit({ type: "progress", index, stage: "done" });
    });
    job.resolve(checks);
  });
}

describe("Workbench", () => {
  it("says files stay on this machine and offers the file kinds of the notice's reviewers", () => {
    render(<Workbench processor={manualProcessor().processor} />);
    expect(screen.getByRole("heading", { name: "审核工作台" })).toBeTruthy();
    expect(screen.getByText("文件只在本机浏览器中处理，不会上传到任何服务器。")).toBeTruthy();
    const input = screen.getByLabelText("选择文件") as HTMLInputElement;
    expect([input.type, input.multiple, input.accept]).toEqual(["file", true, ".xlsx,.xlsm,.xls,.et,.ods,.csv"]);
  });

  it("shows each picked file's progress, then its tables, findings with cells, and unreadable files with the reason", async () => {
    const { processor, jobs } = manualProcessor();
    render(<Workbench processor={processor} />);
    pick([new File(["x"], "情况表.xlsx"), new File([], "坏.xlsx")]);
    expect(jobs.map((j) => j.job.op)).toEqual(["check"]);
    const card = () => screen.getByRole("region", { name: "情况表.xlsx" });
    expect(within(card()).getByText("等待处理")).toBeTruthy();
    act(() => jobs[0]!.emit({ type: "progress", index: 0, stage: "checking" }));
    expect(within(card()).getByRole("progressbar", { name: "情况表.xlsx：正在检查…" })).toBeTruthy();

    answerCheck(jobs[0]!, [infoCheck("情况表.xlsx"), { file: "坏.xlsx", status: "unreadable", error: "文件已损坏：坏.xlsx" }]);
    expect(within(card()).queryByRole("progressbar")).toBeNull();
    expect(within(card()).getByText("无错误")).toBeTruthy();
    expect(within(card()).getByText("工作表“项目情况表”：山西省技术改造专项资金事项类项目情况表（1 行）")).toBeTruthy();
    const rows = within(card()).getAllByRole("row").slice(1);
    expect(rows.map((r) => within(r).getAllByRole("cell").map((c) => c.textContent))).toEqual([
      ["警告", "项目情况表", "C4", "所在县", "INFO-COUNTY", expect.stringContaining("泽州县"), expect.any(String)],
    ]);
    const bad = screen.getByRole("region", { name: "坏.xlsx" });
    expect(within(bad).getAllByText("无法读取")).toHaveLength(2);
    expect(within(bad).getByText("文件已损坏：坏.xlsx")).toBeTruthy();
    expect(screen.getByText("已载入 2 个文件")).toBeTruthy();
  });

  it("filters findings by severity", () => {
    const { processor, jobs } = manualProcessor();
    render(<Workbench processor={processor} />);
    pick([new File(["x"], "情况表.xlsx")]);
    answerCheck(jobs[0]!, [infoCheck("情况表.xlsx")]);
    const table = () => screen.queryByRole("table", { name: "情况表.xlsx 的检查结果" });
    fireEvent.click(screen.getByRole("checkbox", { name: "警告（1）" }));
    expect(table()).toBeNull();
    expect(screen.getByText(TEXT.filteredOut)).toBeTruthy();
    fireEvent.click(screen.getByRole("checkbox", { name: "警告（1）" }));
    expect(table()).toBeTruthy();
  });

  it("downloads a file's 审核结果.xlsx made by the processor from its check", async () => {
    const { processor, jobs } = manualProcessor();
    render(<Workbench processor={processor} />);
    pick([new File(["x"], "情况表.xlsx")]);
    const check = infoCheck("情况表.xlsx");
    answerCheck(jobs[0]!, [check]);
    fireEvent.click(screen.getByRole("button", { name: "下载审核结果.xlsx" }));
    expect(jobs[1]!.job).toEqual({ op: "review", checks: [check] });
    await act(async () => jobs[1]!.resolve(new Uint8Array([1])));
    expect(downloads.names).toEqual(["情况表-审核结果.xlsx"]);
  });

  it("merges every file with the 审核单位, downloads 汇总表.xlsx and shows the 合并日志 and findings with their file", async () => {
    const { processor, jobs } = manualProcessor();
    render(<Workbench processor={processor} />);
    const files = [new File(["a"], "甲.xlsx"), new File(["b"], "乙.xlsx"), new File([], "坏.xlsx")];
    pick(files);
    answerCheck(jobs[0]!, [infoCheck("甲.xlsx"), infoCheck("乙.xlsx"), { file: "坏.xlsx", status: "unreadable", error: "x" }]);
    fireEvent.change(screen.getByRole("textbox", { name: /审核单位/ }), { target: { value: "  太原市工业和信息化局 " } });
    fireEvent.click(screen.getByRole("button", { name: "合并为申报汇总表" }));
    expect(jobs[1]!.job).toEqual({ op: "merge", files, unit: "太原市工业和信息化局", workbook: true });
    act(() => jobs[1]!.emit({ type: "progress", index: 0, stage: "done" }));
    expect((screen.getByRole("progressbar", { name: "正在合并…" }) as HTMLElement).getAttribute("aria-valuenow")).toBe(
      String(1 / 3),
    );
    const result = sampleMerge("太原市工业和信息化局");
    await act(async () => jobs[1]!.resolve({ result, workbook: new Uint8Array([1]) }));
    expect(downloads.names).toEqual(["汇总表.xlsx"]);
    expect(screen.getAllByText("申报汇总表 2 行")[0]!.tagName).toBe("SPAN");
    const log = screen.getByRole("table", { name: "合并日志" });
    const logRows = within(log)
      .getAllByRole("row")
      .slice(1)
      .map((r) => within(r).getAllByRole("cell").map((c) => c.textContent));
    expect(logRows.map((r) => [r[0], r[3]])).toEqual([
      ["甲.xlsx", "已合并"],
      ["乙.xlsx", "已合并"],
      ["坏.xlsx", "无法读取"],
      ["合计：3 个文件", ""],
    ]);
    // MERGE-CITY: 乙's row is in 大同市, not the unit's 太原市; the finding names its file.
    const findings = within(screen.getByRole("table", { name: "合并检查结果" })).getAllByRole("row").slice(1);
    const city = findings.map((r) => within(r).getAllByRole("cell").map((c) => c.textContent)).find((r) => r[5] === "MERGE-CITY");
    expect(city?.slice(0, 2)).toEqual(["警告", "乙.xlsx"]);
    fireEvent.click(screen.getByRole("button", { name: "下载汇总表.xlsx" }));
    expect(downloads.names).toEqual(["汇总表.xlsx", "汇总表.xlsx"]);
  });

  it("loads the demo files when asked, and by itself when preloadDemo is set", async () => {
    const { processor, jobs } = manualProcessor();
    const demo = [new File(["x"], "示例-贷款明细表.xlsx")];
    const loadDemo = jest.fn(() => Promise.resolve(demo));
    const { unmount } = render(<Workbench processor={processor} loadDemo={loadDemo} />);
    expect(loadDemo).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole("button", { name: "载入示例文件" }));
    await waitFor(() => expect(jobs).toHaveLength(1));
    expect(jobs[0]!.job).toEqual({ op: "check", files: demo });
    unmount();

    render(<Workbench processor={processor} loadDemo={loadDemo} preloadDemo />);
    await waitFor(() => expect(jobs).toHaveLength(2));
    expect(screen.getByRole("region", { name: "示例-贷款明细表.xlsx" })).toBeTruthy();
  });

  it("says so when the demo files cannot be fetched, and when a job fails", async () => {
    const { processor, jobs } = manualProcessor();
    render(<Workbench processor={processor} loadDemo={() => Promise.reject(new Error("assets/demo/index.json（HTTP 404）"))} />);
    fireEvent.click(screen.getByRole("button", { name: "载入示例文件" }));
    await screen.findByText("示例文件载入失败：assets/demo/index.json（HTTP 404）");
    pick([new File(["x"], "a.xlsx")]);
    await act(async () => jobs[0]!.reject(new Error("内部错误")));
    expect(screen.getByText("发生意外错误：内部错误")).toBeTruthy();
  });

  it("downloads a blank template of the chosen table under its official name", async () => {
    const { processor, jobs } = manualProcessor();
    render(<Workbench processor={processor} />);
    fireEvent.change(screen.getByRole("combobox", { name: "表格" }), { target: { value: "loan-interest" } });
    fireEvent.click(screen.getByRole("button", { name: "下载空白表样" }));
    expect(jobs[0]!.job).toEqual({ op: "templates", tables: ["loan-interest"] });
    await act(async () => jobs[0]!.resolve({ fileName: "贷款.xlsx", bytes: new Uint8Array([1]) }));
    expect(downloads.names).toEqual(["贷款.xlsx"]);
  });
});
