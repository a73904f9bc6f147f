/** @jest-environment jsdom */
/**
 * 加载项自检 in the task pane: reachable from the header in Excel mode (not in the browser), run against the strict
 * fake of Excel (test/excel/checkFake.ts) with the real self-test, its lines shown with their Chinese words.
 */
import "./jsdom-setup";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { runSelfTest } from "../../src/excel/selfTest";
import type { SelfTestOperations, TemplateOperations } from "../../src/ports";
import { App } from "../../src/taskpane/App";
import {
  FakeExcel,
  installCheckFake,
  uninstallCheckFake,
} from "../excel/checkFake";

afterEach(uninstallCheckFake);

const operations: TemplateOperations = {
  insertTable: () => Promise.resolve([]),
};
const selfTest: SelfTestOperations = { run: runSelfTest };

/** How long the panel's chunk and the self-test's steps may take on a busy machine. */
const SLOW = { timeout: 20_000 };

/** Clicks 加载项自检 and waits for the panel (its own chunk, loaded when first opened). */
async function open(): Promise<void> {
  // The 表格模板 tab shows first (its gallery loads as a chunk too).
  await screen.findAllByRole("button", { name: "插入" }, SLOW);
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: "加载项自检" }));
    await import("../../src/taskpane/selftest/SelfTestPanel");
  });
}

/** Renders the pane in Excel mode (over the installed fake), opens 加载项自检 and clicks 开始自检. */
async function start(): Promise<void> {
  render(
    <App
      host={{ mode: "excel", apiSupported: true }}
      operations={operations}
      selfTest={selfTest}
    />,
  );
  await open();
  fireEvent.click(
    await screen.findByRole("button", { name: "开始自检" }, SLOW),
  );
}

describe("加载项自检 in the pane", () => {
  it("opens from the header in Excel, runs, and says what is missing in Chinese (an Excel with ExcelApi 1.12)", async () => {
    const fake = installCheckFake(new FakeExcel());
    fake.apiMinor = 12;
    fake.addSheet("Sheet1");
    await start();
    expect(
      await screen.findByText(
        "0 项失败，2 项不支持。请把本页截图或抄录错误代码后反馈给维护人员。",
        {},
        SLOW,
      ),
    ).toBeTruthy();
    const features = screen.getByRole("region", { name: "Excel 功能" });
    expect(
      within(features).getByText(
        "本 Excel 不支持 ExcelApi 1.13：合并单元格只按左上角单元格读取，合并区域中其他行的该栏会被当作空白（可能多报“必填”问题）。",
      ),
    ).toBeTruthy();
    expect(within(features).getAllByText("不支持")).toHaveLength(2);
    expect(within(features).getAllByText("通过")).toHaveLength(9);
    const steps = screen.getByRole("region", { name: "实际操作" });
    expect(within(steps).getAllByText("通过")).toHaveLength(4);
    expect(
      screen.getByText("Excel（Windows 桌面版，版本 16.0.17928.20114）"),
    ).toBeTruthy();
    // The scratch sheets are gone.
    expect(fake.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
    // Back to the tabs.
    fireEvent.click(screen.getByRole("button", { name: "返回" }));
    expect(screen.getByRole("tab", { name: "表格模板" })).toBeTruthy();
  });

  it("shows a failed step with its error code", async () => {
    const fake = installCheckFake(new FakeExcel());
    fake.addSheet("Sheet1");
    fake.failNext = {
      code: "InvalidArgument",
      when: (op) => op === "page.paperSize",
    };
    await start();
    expect(
      await screen.findByText("错误代码：InvalidArgument", {}, SLOW),
    ).toBeTruthy();
    expect(
      screen.getByText(
        "1 项失败，0 项不支持。请把本页截图或抄录错误代码后反馈给维护人员。",
      ),
    ).toBeTruthy();
  });

  it("is not offered in the browser (审核工作台)", async () => {
    render(
      <App
        host={{ mode: "browser", reason: "no-office" }}
        operations={operations}
        workbench={<h2>审核工作台</h2>}
        selfTest={selfTest}
      />,
    );
    await screen.findByRole("heading", { name: "审核工作台" }, SLOW);
    expect(screen.queryByRole("button", { name: "加载项自检" })).toBeNull();
  });
});
