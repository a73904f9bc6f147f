/** @jest-environment jsdom */
import "../jsdom-setup";
import {
  act,
  fireEvent,
  render,
  screen,
  waitFor,
  within,
} from "@testing-library/react";
import { checkWorkbook } from "../../../src/core/check/engine";
import { reportFindings } from "../../../src/core/review/reviewReport";
import { TEXT } from "../../../src/taskpane/text.zh";
import type {
  FileSummary,
  ShownFinding,
} from "../../../src/taskpane/worker/protocol";
import { Workbench } from "../../../src/taskpane/workbench/Workbench";
import { tableSheet, workbookOf } from "../../helpers/sheet";
import {
  captureDownloads,
  infoRow,
  manualProcessor,
  sampleMerge,
  summary,
  type StartedJob,
} from "./fakes";

let downloads: ReturnType<typeof captureDownloads>;
beforeEach(() => (downloads = captureDownloads()));
afterEach(() => downloads.restore());

function pick(files: File[]): void {
  const input = screen.getByLabelText("选择文件") as HTMLInputElement;
  fireEvent.change(input, { target: { files } });
}

/** Answers a check job: reading → checking → done, then the summary. */
async function answerCheck(job: StartedJob, s: FileSummary): Promise<void> {
  act(() => {
    job.emit({ type: "progress", index: 0, stage: "reading" });
    job.emit({ type: "progress", index: 0, stage: "checking" });
    job.emit({ type: "progress", index: 0, stage: "done" });
  });
  await act(async () => job.resolve(s));
}

/** The cells' texts of each body row of a table. */
function rowTexts(table: HTMLElement): string[][] {
  return within(table)
    .getAllByRole("row")
    .slice(1)
    .map((r) =>
      within(r)
        .queryAllByRole("cell")
        .map((c) => c.textContent ?? ""),
    );
}

/** The INFO-COUNTY 警告 of a 项目情况表 whose 所在县 is not in its 所在市 (computed by the core). */
function countyWarning(): ShownFinding {
  const wb = workbookOf(
    [tableSheet("project-info", [infoRow({ county: "泽州县" })])],
    "情况表.xlsx",
  );
  return reportFindings(checkWorkbook(wb)).find(
    (f) => f.rule === "INFO-COUNTY",
  )!;
}

describe("Workbench", () => {
  it("says files stay on this machine and offers the file kinds of the notice's reviewers", () => {
    render(<Workbench processor={manualProcessor().processor} />);
    expect(screen.getByRole("heading", { name: "审核工作台" })).toBeTruthy();
    expect(
      screen.getByText("文件只在本机浏览器中处理，不会上传到任何服务器。"),
    ).toBeTruthy();
    const input = screen.getByLabelText("选择文件") as HTMLInputElement;
    expect([input.type, input.multiple, input.accept]).toEqual([
      "file",
      true,
      ".xlsx,.xlsm,.xls,.et,.ods,.csv",
    ]);
    // No sample files without a loader (the one-file workbench).
    expect(screen.queryByRole("button", { name: "载入示例文件" })).toBeNull();
  });

  it("checks each picked file in its own job and lists them in the overview: status, enterprise, 方向, counts, progress", async () => {
    const { processor, jobs } = manualProcessor();
    render(<Workbench processor={processor} />);
    const a = new File(["x"], "情况表.xlsx");
    const b = new File([], "坏.xlsx");
    pick([a, b]);
    expect(jobs.map((j) => j.job)).toEqual([
      { op: "check", key: 1, file: a },
      { op: "check", key: 2, file: b },
    ]);
    expect(screen.getByText("已检查 0 / 2 个文件")).toBeTruthy();
    await answerCheck(jobs[0]!, summary("情况表.xlsx"));
    expect(screen.getByText("已检查 1 / 2 个文件")).toBeTruthy();
    await answerCheck(
      jobs[1]!,
      summary("坏.xlsx", {
        status: "无法读取",
        error: "文件已损坏：坏.xlsx",
        enterprises: [],
        directions: [],
        counts: { errors: 0, warnings: 0, infos: 0 },
        explained: { yes: 0, no: 0 },
      }),
    );
    expect(screen.queryByText(/已检查 \d/)).toBeNull();
    const rows = rowTexts(screen.getByRole("table", { name: "文件概览" }));
    // Sorted by status: 无法读取 first.
    expect(rows.map((r) => r.slice(0, 2))).toEqual([
      ["坏.xlsx（未识别到企业名称）", "无法读取纳入汇总移除"],
      [
        "情况表.xlsx太原市晋阳特钢有限公司产业链贷款贴息",
        "无错误错误 0 · 警告 1 · 提示 0警告已说明 0，未说明 1纳入汇总移除",
      ],
    ]);
    expect(screen.getByText("已载入 2 个文件")).toBeTruthy();
    // A 差错清单 for the file with a 警告 未说明; none for the file that cannot be read (nothing in it to point at).
    expect(
      screen.getByRole("button", {
        name: "下载差错清单（1 个文件，按企业各一份）",
      }),
    ).toBeTruthy();
  });

  it("filters the overview by text and status, sorts it, and groups files by enterprise", async () => {
    const { processor, jobs } = manualProcessor();
    render(<Workbench processor={processor} />);
    pick([
      new File(["a"], "b-甲.xlsx"),
      new File(["b"], "a-乙.xlsx"),
      new File(["c"], "c-甲修改版.xlsx"),
    ]);
    await answerCheck(
      jobs[0]!,
      summary("b-甲.xlsx", { enterprises: ["甲公司"] }),
    );
    await answerCheck(
      jobs[1]!,
      summary("a-乙.xlsx", {
        enterprises: ["乙公司"],
        status: "有错误",
        counts: { errors: 2, warnings: 0, infos: 0 },
      }),
    );
    await answerCheck(
      jobs[2]!,
      summary("c-甲修改版.xlsx", { enterprises: ["甲公司"] }),
    );
    const names = () =>
      rowTexts(screen.getByRole("table", { name: "文件概览" })).map((r) =>
        r[0]!.replace(/\.xlsx.*/, ""),
      );
    expect(names()).toEqual(["a-乙", "b-甲", "c-甲修改版"]);
    fireEvent.change(screen.getByRole("combobox", { name: "排序" }), {
      target: { value: "enterprise" },
    });
    expect(names()).toEqual([
      "甲公司（2 个文件）",
      "b-甲",
      "c-甲修改版",
      "乙公司（1 个文件）",
      "a-乙",
    ]);
    fireEvent.change(screen.getByRole("textbox", { name: "查找文件或企业" }), {
      target: { value: "乙公司" },
    });
    expect(names()).toEqual(["乙公司（1 个文件）", "a-乙"]);
    expect(screen.getByText("已载入 3 个文件，显示 1 个")).toBeTruthy();
    fireEvent.change(screen.getByRole("textbox", { name: "查找文件或企业" }), {
      target: { value: "" },
    });
    fireEvent.change(screen.getByRole("combobox", { name: "状态" }), {
      target: { value: "无错误" },
    });
    expect(names()).toEqual(["甲公司（2 个文件）", "b-甲", "c-甲修改版"]);
  });

  it("opens a file's findings page by page from the worker, with each 警告's explanation state, and goes back", async () => {
    const { processor, jobs } = manualProcessor();
    render(<Workbench processor={processor} />);
    const file = new File(["x"], "情况表.xlsx");
    pick([file]);
    await answerCheck(
      jobs[0]!,
      summary("情况表.xlsx", {
        counts: { errors: 0, warnings: 250, infos: 0 },
      }),
    );
    fireEvent.click(
      screen.getByRole("button", { name: "查看 情况表.xlsx 的检查结果" }),
    );
    const card = screen.getByRole("region", { name: "情况表.xlsx" });
    expect(jobs[1]!.job).toEqual({
      op: "findings",
      key: 1,
      file,
      offset: 0,
      limit: 100,
      severities: ["error", "warning", "info"],
    });
    const w = countyWarning();
    const items: ShownFinding[] = [
      {
        ...w,
        explanation: {
          text: "企业注册地在泽州县，生产基地在太原",
          state: "已说明",
        },
      },
      { ...w, cell: "C5", explanation: { text: "核实无误", state: "未说明" } },
      { ...w, cell: "C6", explanation: { state: "未说明" } },
    ];
    await act(async () => jobs[1]!.resolve({ total: 250, items }));
    const rows = rowTexts(
      within(card).getByRole("table", { name: "情况表.xlsx 的检查结果" }),
    );
    // Columns: 级别与位置, 说明.
    expect(rows.map((r) => r[0])).toEqual([
      "警告项目情况表 C4所在县",
      "警告项目情况表 C5所在县",
      "警告项目情况表 C6所在县",
    ]);
    expect(rows[0]![1]).toContain("已说明：企业注册地在泽州县，生产基地在太原");
    expect(rows[1]![1]).toContain("未说明：核实无误");
    expect(rows[2]![1]).toMatch(/未说明$/);
    expect(within(card).getByText("第 1–100 条，共 250 条")).toBeTruthy();
    fireEvent.click(within(card).getByRole("button", { name: "下一页" }));
    expect(jobs[2]!.job).toMatchObject({
      op: "findings",
      offset: 100,
      limit: 100,
    });
    // The severity filter asks the worker again from the first page.
    fireEvent.click(
      within(card).getByRole("checkbox", { name: "警告（250）" }),
    );
    expect(jobs[3]!.job).toMatchObject({
      op: "findings",
      offset: 0,
      severities: ["error", "info"],
    });
    fireEvent.click(within(card).getByRole("button", { name: "返回文件概览" }));
    expect(screen.getByRole("table", { name: "文件概览" })).toBeTruthy();
  });

  it("a file whose check failed as a whole (the worker died on it) gets an error card; the others go on; the merge does not read it again", async () => {
    const { processor, jobs } = manualProcessor();
    render(<Workbench processor={processor} />);
    const files = [new File(["x"], "炸弹.xls"), new File(["y"], "好.xlsx")];
    pick(files);
    const reason =
      "文件过大或已损坏：炸弹.xls（处理超过 20 秒，已停止，其他文件不受影响）";
    await act(async () => jobs[0]!.reject(new Error(reason)));
    await answerCheck(jobs[1]!, summary("好.xlsx"));
    fireEvent.click(
      screen.getByRole("button", { name: "查看 炸弹.xls 的检查结果" }),
    );
    const card = screen.getByRole("region", { name: "炸弹.xls" });
    expect(within(card).getByText(reason)).toBeTruthy();
    expect(within(card).getAllByText("无法读取").length).toBeGreaterThan(0);
    // No workbook is made from it: that would read it again in the worker, which it stopped.
    expect(
      within(card).queryByRole("button", { name: "下载审核结果.xlsx" }),
    ).toBeNull();
    expect(
      within(card).queryByRole("button", { name: "下载差错清单" }),
    ).toBeNull();
    fireEvent.click(within(card).getByRole("button", { name: "返回文件概览" }));
    fireEvent.click(screen.getByRole("button", { name: "预览汇总" }));
    expect(jobs[2]!.job).toEqual({
      op: "merge",
      files,
      excluded: [],
      stopped: [{ index: 0, reason }],
      workbook: true,
    });
  });

  it("downloads a file's 审核结果.xlsx and its 差错清单 made by the worker from the file it holds", async () => {
    const { processor, jobs } = manualProcessor();
    render(<Workbench processor={processor} />);
    const file = new File(["x"], "情况表.xlsx");
    pick([file]);
    await answerCheck(jobs[0]!, summary("情况表.xlsx"));
    fireEvent.click(
      screen.getByRole("button", { name: "查看 情况表.xlsx 的检查结果" }),
    );
    fireEvent.click(screen.getByRole("button", { name: "下载审核结果.xlsx" }));
    const review = jobs.find((j) => j.job.op === "review")!;
    expect(review.job).toEqual({ op: "review", files: [{ key: 1, file }] });
    await act(async () => review.resolve(new Uint8Array([1])));
    fireEvent.click(screen.getByRole("button", { name: "下载差错清单" }));
    const returns = jobs.find((j) => j.job.op === "returns")!;
    expect(returns.job).toEqual({ op: "returns", files: [{ key: 1, file }] });
    await act(async () =>
      returns.resolve([
        {
          fileName: "差错清单_太原市晋阳特钢有限公司.xlsx",
          bytes: new Uint8Array([2]),
        },
      ]),
    );
    expect(downloads.names).toEqual([
      "情况表-审核结果.xlsx",
      "差错清单_太原市晋阳特钢有限公司.xlsx",
    ]);
  });

  it("removes a file (the worker forgets it) and keeps an excluded file out of the merge", async () => {
    const { processor, jobs } = manualProcessor();
    render(<Workbench processor={processor} />);
    const files = [
      new File(["a"], "甲.xlsx"),
      new File(["b"], "乙.xlsx"),
      new File(["c"], "甲-旧版.xlsx"),
    ];
    pick(files);
    for (const [i, f] of files.entries())
      await answerCheck(jobs[i]!, summary(f.name));
    fireEvent.click(screen.getByRole("button", { name: "移除 乙.xlsx" }));
    expect(jobs[3]!.job).toEqual({ op: "forget", keys: [2] });
    expect(screen.getByText("已载入 2 个文件")).toBeTruthy();
    fireEvent.click(
      screen.getByRole("switch", { name: "甲-旧版.xlsx：纳入汇总" }),
    );
    expect(screen.getByText("1 个文件不纳入汇总")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "预览汇总" }));
    // Every file goes to the merge (the 合并日志 lists each one); the excluded one by its index.
    expect(jobs[4]!.job).toEqual({
      op: "merge",
      files: [files[0], files[2]],
      excluded: [1],
      stopped: [],
      workbook: true,
    });
  });

  it("previews the merged rows before download, with the 审核单位, 合并日志 and findings with their file", async () => {
    const { processor, jobs } = manualProcessor();
    render(<Workbench processor={processor} />);
    const files = [
      new File(["a"], "甲.xlsx"),
      new File(["b"], "乙.xlsx"),
      new File([], "坏.xlsx"),
    ];
    pick(files);
    for (const [i, f] of files.entries())
      await answerCheck(jobs[i]!, summary(f.name));
    fireEvent.change(screen.getByRole("textbox", { name: /审核单位/ }), {
      target: { value: "  太原市工业和信息化局 " },
    });
    fireEvent.click(screen.getByRole("button", { name: "预览汇总" }));
    const merge = jobs[3]!;
    expect(merge.job).toEqual({
      op: "merge",
      files,
      excluded: [],
      stopped: [],
      unit: "太原市工业和信息化局",
      workbook: true,
    });
    act(() => merge.emit({ type: "progress", index: 0, stage: "done" }));
    expect(
      screen
        .getByRole("progressbar", { name: "正在合并…" })
        .getAttribute("aria-valuenow"),
    ).toBe(String(1 / 3));
    const result = sampleMerge("太原市工业和信息化局");
    await act(async () =>
      merge.resolve({ result, workbook: new Uint8Array([1]) }),
    );
    // Nothing downloaded before the reviewer asks.
    expect(downloads.names).toEqual([]);
    const preview = rowTexts(
      screen.getByRole("table", { name: "汇总预览：申报汇总表" }),
    );
    expect(preview.map((r) => [r[0], r[4]])).toEqual([
      ["1", "太原市晋阳特钢有限公司"],
      ["2", "大同市云冈机械有限公司"],
    ]);
    const log = rowTexts(screen.getByRole("table", { name: "合并日志" }));
    expect(log.map((r) => [r[0], r[3]])).toEqual([
      ["甲.xlsx", "已合并"],
      ["乙.xlsx", "已合并"],
      ["坏.xlsx", "无法读取"],
      ["合计：3 个文件", ""],
    ]);
    const findings = rowTexts(
      screen.getByRole("table", { name: "合并检查结果" }),
    );
    const city = findings.find((r) => r[1]!.includes("MERGE-CITY"));
    expect(city?.[0]).toMatch(/^警告乙\.xlsx/);
    fireEvent.click(screen.getByRole("button", { name: "下载汇总表.xlsx" }));
    expect(downloads.names).toEqual(["汇总表.xlsx"]);
  });

  it("loads the sample files when asked, and by itself when preloadSamples is set", async () => {
    const { processor, jobs } = manualProcessor();
    const samples = [new File(["x"], "示例-贷款明细表.xlsx")];
    const loadSamples = jest.fn(() => Promise.resolve(samples));
    const { unmount } = render(
      <Workbench processor={processor} loadSamples={loadSamples} />,
    );
    expect(loadSamples).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole("button", { name: "载入示例文件" }));
    await waitFor(() => expect(jobs).toHaveLength(1));
    expect(jobs[0]!.job).toEqual({ op: "check", key: 1, file: samples[0] });
    unmount();

    render(
      <Workbench
        processor={processor}
        loadSamples={loadSamples}
        preloadSamples
      />,
    );
    await waitFor(() => expect(jobs).toHaveLength(2));
    expect(
      screen.getByRole("button", {
        name: "查看 示例-贷款明细表.xlsx 的检查结果",
      }),
    ).toBeTruthy();
  });

  it("says so when the sample files cannot be fetched, and when a job fails", async () => {
    const { processor, jobs } = manualProcessor();
    render(
      <Workbench
        processor={processor}
        loadSamples={() =>
          Promise.reject(new Error("assets/samples/index.json（HTTP 404）"))
        }
      />,
    );
    fireEvent.click(screen.getByRole("button", { name: "载入示例文件" }));
    await screen.findByText(
      "示例文件载入失败：assets/samples/index.json（HTTP 404）",
    );
    fireEvent.click(screen.getByRole("button", { name: "下载空白表样" }));
    await act(async () => jobs[0]!.reject(new Error("内部错误")));
    expect(screen.getByText("发生意外错误：内部错误")).toBeTruthy();
  });

  it("downloads a blank template of the chosen table under its official name", async () => {
    const { processor, jobs } = manualProcessor();
    render(<Workbench processor={processor} />);
    fireEvent.change(screen.getByRole("combobox", { name: "表格" }), {
      target: { value: "loan-interest" },
    });
    fireEvent.click(screen.getByRole("button", { name: "下载空白表样" }));
    expect(jobs[0]!.job).toEqual({
      op: "templates",
      tables: ["loan-interest"],
    });
    await act(async () =>
      jobs[0]!.resolve({ fileName: "贷款.xlsx", bytes: new Uint8Array([1]) }),
    );
    expect(downloads.names).toEqual(["贷款.xlsx"]);
  });

  it("says what a filter hides", () => {
    expect(TEXT.filteredOut).toBe("所选级别下没有检查结果。");
  });
});
