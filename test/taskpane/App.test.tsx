/** @jest-environment jsdom */
import "./jsdom-setup";
import { fireEvent, render, screen } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import type { TemplateOperations } from "../../src/ports";

const operations: TemplateOperations = {
  insertTable: () => Promise.resolve([]),
};

describe("App", () => {
  it("shows a spinner while the host is being detected", () => {
    render(<App host={null} operations={operations} />);
    expect(screen.getByText("正在检测运行环境…")).toBeTruthy();
    expect(screen.queryByRole("tablist")).toBeNull();
  });

  it("in a plain browser shows the mode and the 审核工作台 (no developer's note), not the Excel tabs", async () => {
    render(
      <App
        host={{ mode: "browser", reason: "no-office" }}
        operations={operations}
      />,
    );
    expect(screen.getByText("浏览器模式：审核工作台")).toBeTruthy();
    expect(screen.queryByText(/未在 Office 中运行/)).toBeNull();
    // The workbench is loaded when shown (its own chunk).
    expect(await screen.findByRole("heading", { name: "审核工作台" }, { timeout: 20_000 })).toBeTruthy();
    expect(
      screen.getByText("文件只在本机浏览器中处理，不会上传到任何服务器。"),
    ).toBeTruthy();
    expect(screen.queryByRole("tablist")).toBeNull();
    expect(screen.queryByRole("button", { name: "插入" })).toBeNull();
  });

  it("in Excel shows the 表格模板 tab with the gallery; 检查 and 合并汇总 only when their panels are given", async () => {
    const { unmount } = render(
      <App
        host={{ mode: "excel", apiSupported: true }}
        operations={operations}
      />,
    );
    expect(screen.getByText("Excel 加载项模式")).toBeTruthy();
    expect(screen.getAllByRole("tab")).toEqual([
      screen.getByRole("tab", { name: "表格模板" }),
      screen.getByRole("tab", { name: "资格自检" }),
    ]);
    expect(
      (await screen.findAllByRole("button", { name: "插入" }, { timeout: 20_000 })).length,
    ).toBeGreaterThan(0);
    expect(screen.queryByText("当前 Excel 版本过低")).toBeNull();
    unmount();

    render(
      <App
        host={{ mode: "excel", apiSupported: true }}
        operations={operations}
        checkPanel={<p>检查面板内容</p>}
        mergePanel={<p>合并面板内容</p>}
      />,
    );
    expect(screen.getAllByRole("tab")).toEqual(
      ["表格模板", "资格自检", "检查", "合并汇总"].map((name) =>
        screen.getByRole("tab", { name }),
      ),
    );
    expect(screen.queryByText("检查面板内容")).toBeNull();
    fireEvent.click(screen.getByRole("tab", { name: "检查" }));
    expect(screen.getByText("检查面板内容")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "插入" })).toBeNull();
    fireEvent.click(screen.getByRole("tab", { name: "合并汇总" }));
    expect(screen.getByText("合并面板内容")).toBeTruthy();
    fireEvent.click(screen.getByRole("tab", { name: "资格自检" }));
    expect(screen.getByRole("combobox", { name: "申报方向" })).toBeTruthy();
  });

  it("tells the user when Excel lacks ExcelApi 1.9", () => {
    render(
      <App
        host={{ mode: "excel", apiSupported: false }}
        operations={operations}
      />,
    );
    expect(screen.getByText("当前 Excel 版本过低")).toBeTruthy();
    expect(
      screen.getByText(
        "此 Excel 不支持 ExcelApi 1.9 要求集，无法插入带下拉选项和打印设置的表格。请使用 Microsoft 365、Excel 2021 及以上版本或 Excel 网页版。",
      ),
    ).toBeTruthy();
  });
});
