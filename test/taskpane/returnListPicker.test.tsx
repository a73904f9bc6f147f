/** @jest-environment jsdom */
import "./jsdom-setup";
import {
  fireEvent,
  render,
  screen,
  waitFor,
  within,
} from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { ReturnListEntry } from "../../src/core/review/returnList";
import { OperationError } from "../../src/ports";
import { ReturnListPicker } from "../../src/taskpane/check/ReturnListPicker";
import type { FileProcessor } from "../../src/taskpane/worker/client";

/** The two items of the loan sample's 差错清单 (as the worker's returnItems job reads them: process.test.ts). */
const ITEMS: ReturnListEntry[] = [
  {
    seq: 1,
    sheet: "新增贷款明细表",
    cell: "G6",
    place: "G6",
    severity: "错误",
    message: "贷款提款时间为2023年11月30日，不在2024年，该笔贷款不能申请贴息。",
    answer: "",
  },
  {
    seq: 2,
    sheet: "新增贷款明细表",
    cell: "O7",
    place: "O7",
    severity: "错误",
    message: "贷款用途“偿还股东借款”属于不予贴息的用途（偿还股东借款）。",
    answer: "已改为购置设备",
  },
];

function setup(
  read: Awaited<ReturnType<FileProcessor["run"]>>,
  selectCell = jest.fn(async () => {}),
) {
  const run = jest.fn(async () => read);
  render(
    <FluentProvider theme={webLightTheme}>
      <ReturnListPicker
        processor={{ run } as unknown as FileProcessor}
        operations={{ selectCell }}
      />
    </FluentProvider>,
  );
  const file = new File(["x"], "差错清单_阳泉市东方新材料有限公司.xlsx");
  fireEvent.change(screen.getByTestId("return-list-file"), {
    target: { files: [file] },
  });
  return { run, selectCell, file };
}

describe("打开差错清单 in the 检查 tab", () => {
  it("lists the items of the picked list and goes to each one's cell of the open workbook", async () => {
    const { run, selectCell, file } = setup({ items: ITEMS });
    expect(run).toHaveBeenCalledWith({ op: "returnItems", file });
    await screen.findByText(
      "差错清单“差错清单_阳泉市东方新材料有限公司.xlsx”：2 项。点击一项定位到本工作簿中的单元格。",
    );
    const list = screen.getByRole("list", { name: "差错清单中的问题" });
    const items = within(list).getAllByRole("listitem");
    expect(items.map((i) => i.textContent)).toEqual([
      "1错误工作表“新增贷款明细表” G6贷款提款时间为2023年11月30日，不在2024年，该笔贷款不能申请贴息。",
      "2错误工作表“新增贷款明细表” O7贷款用途“偿还股东借款”属于不予贴息的用途（偿还股东借款）。企业答复：已改为购置设备",
    ]);
    fireEvent.click(items[1]!);
    await waitFor(() =>
      expect(selectCell).toHaveBeenCalledWith("新增贷款明细表", "O7"),
    );
    fireEvent.keyDown(items[0]!, { key: "Enter" });
    await waitFor(() =>
      expect(selectCell).toHaveBeenLastCalledWith("新增贷款明细表", "G6"),
    );
    fireEvent.click(screen.getByRole("button", { name: "关闭差错清单" }));
    expect(screen.queryByRole("list", { name: "差错清单中的问题" })).toBeNull();
  });

  it("says why a cell cannot be reached (the workbook lacks the sheet)", async () => {
    const missing = jest.fn(async () => {
      throw new OperationError(
        "ItemNotFound",
        "定位单元格失败：本工作簿中没有工作表“新增贷款明细表”。",
      );
    });
    setup({ items: ITEMS }, missing);
    const list = await screen.findByRole("list", { name: "差错清单中的问题" });
    fireEvent.click(within(list).getAllByRole("listitem")[0]!);
    await screen.findByText(
      "定位单元格失败：本工作簿中没有工作表“新增贷款明细表”。",
    );
  });

  it("shows the reader's reason for a file that is not a 差错清单, and no list", async () => {
    setup({ error: "“贷款.xlsx”不是差错清单：……" });
    await screen.findByText("“贷款.xlsx”不是差错清单：……");
    expect(screen.queryByRole("list", { name: "差错清单中的问题" })).toBeNull();
  });
});
