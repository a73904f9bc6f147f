/** @jest-environment jsdom */
import "./jsdom-setup";
import {
  fireEvent,
  render,
  screen,
  waitFor,
  within,
} from "@testing-library/react";
import {
  TABLES,
  getTable,
  titleFor,
  type TableId,
} from "../../src/core/catalog";
import {
  GROUP_ORDER,
  TableGallery,
  groupTables,
} from "../../src/taskpane/gallery/TableGallery";
import type { InsertResult } from "../../src/taskpane/gallery/TableGallery";
import { OperationError, type TemplateOperations } from "../../src/ports";

/**
 * Operations that record calls and answer with `result` (a deferred answer when `result` is a promise): the
 * sheets, or an OperationError with the message.
 */
function fakeOperations(result: InsertResult | Promise<InsertResult>) {
  const calls: [TableId, number[] | undefined][] = [];
  const operations: TemplateOperations = {
    insertTable: async (id, years) => {
      calls.push([id, years]);
      const r = await result;
      if (!r.ok) throw new OperationError("ExcelTooOld", r.message);
      return r.sheets;
    },
  };
  return { operations, calls };
}

function card(tableId: TableId) {
  return screen.getByRole("group", { name: titleFor(getTable(tableId)) });
}

describe("groupTables", () => {
  it("puts 所有专项 first, then the specials, then 审核单位汇总, each table once in catalog order", () => {
    const groups = groupTables(TABLES);
    expect(groups.map((g) => g.special)).toEqual([
      "所有专项",
      "企业增量提质专项",
      "技术创新牵引专项",
      "审核单位汇总",
    ]);
    expect(groups.map((g) => g.tables.map((t) => t.id))).toEqual([
      ["project-info"],
      [
        "loan-interest",
        "insurance-credit",
        "finance-lease",
        "lease-equipment",
        "leader-suppliers",
        "member-transactions",
      ],
      ["compute-services", "related-parties"],
      ["application-summary", "exempt-summary"],
    ]);
  });

  it("keeps a group missing from GROUP_ORDER, after the known ones", () => {
    const odd = { ...getTable("loan-interest"), special: "其他" };
    expect(
      groupTables([odd, getTable("project-info")]).map((g) => g.special),
    ).toEqual(["所有专项", "其他"]);
    expect(GROUP_ORDER).not.toContain("其他");
  });
});

describe("TableGallery", () => {
  it("shows every table's official title, purpose and notice section under its 申报专项", () => {
    render(
      <TableGallery
        operations={fakeOperations({ ok: true, sheets: [] }).operations}
      />,
    );
    for (const t of TABLES) {
      const group = screen.getByRole("region", { name: t.special });
      const c = within(group).getByRole("group", { name: titleFor(t) });
      expect(within(c).getByRole("heading", { level: 3 }).textContent).toBe(
        titleFor(t) + (t.ourLayout ? "（本工具拟定表样）" : ""),
      );
      expect(within(c).getByText(t.purpose)).toBeTruthy();
      expect(within(c).getByText(`通知出处：${t.source}`)).toBeTruthy();
    }
    expect(screen.getAllByRole("button", { name: "插入" })).toHaveLength(
      TABLES.length,
    );
    expect(
      screen.getByRole("heading", {
        name: "省级重点产业链链上企业2024年度新增贷款明细表",
      }),
    ).toBeTruthy();
    expect(
      screen.getByRole("heading", {
        name: "“链主”企业____年度协作配套企业清单",
      }),
    ).toBeTruthy();
    expect(screen.getAllByText("（本工具拟定表样）")).toHaveLength(3); // lease-equipment, compute-services, related-parties
  });

  it("inserts 新增贷款明细表 without years and shows the created sheet", async () => {
    const { operations, calls } = fakeOperations({
      ok: true,
      sheets: ["新增贷款明细表"],
    });
    render(<TableGallery operations={operations} />);
    fireEvent.click(
      within(card("loan-interest")).getByRole("button", { name: "插入" }),
    );
    expect(
      await within(card("loan-interest")).findByText(
        "已插入工作表：新增贷款明细表",
      ),
    ).toBeTruthy();
    expect(within(card("loan-interest")).getByText("插入成功")).toBeTruthy();
    expect(calls).toEqual([["loan-interest", undefined]]);
  });

  it("inserts the 链主 list for 2022, 2023 and 2024 by default: three sheets at once", async () => {
    const sheets = [
      "链主协作配套企业清单2022",
      "链主协作配套企业清单2023",
      "链主协作配套企业清单2024",
    ];
    const { operations, calls } = fakeOperations({ ok: true, sheets });
    render(<TableGallery operations={operations} />);
    const c = card("leader-suppliers");
    for (const y of ["2022年", "2023年", "2024年"])
      expect(within(c).getByRole("checkbox", { name: y })).toHaveProperty(
        "checked",
        true,
      );
    fireEvent.click(within(c).getByRole("button", { name: "插入" }));
    expect(
      await within(c).findByText(`已插入工作表：${sheets.join("、")}`),
    ).toBeTruthy();
    expect(calls).toEqual([["leader-suppliers", [2022, 2023, 2024]]]);
  });

  it("passes only the chosen years and needs at least one", async () => {
    const { operations, calls } = fakeOperations({
      ok: true,
      sheets: ["链上企业协作配套交易明细表2024"],
    });
    render(<TableGallery operations={operations} />);
    const c = card("member-transactions");
    const button = within(c).getByRole("button", { name: "插入" });
    fireEvent.click(within(c).getByRole("checkbox", { name: "2022年" }));
    fireEvent.click(within(c).getByRole("checkbox", { name: "2023年" }));
    fireEvent.click(within(c).getByRole("checkbox", { name: "2024年" }));
    expect(button).toHaveProperty("disabled", true);
    expect(within(c).getByText("请至少选择一个年度。")).toBeTruthy();
    fireEvent.click(within(c).getByRole("checkbox", { name: "2024年" }));
    expect(button).toHaveProperty("disabled", false);
    fireEvent.click(button);
    await within(c).findByText("已插入工作表：链上企业协作配套交易明细表2024");
    expect(calls).toEqual([["member-transactions", [2024]]]);
  });

  it("shows the Chinese failure message", async () => {
    const message = "当前 Excel 不支持 ExcelApi 1.9，无法插入数据验证。";
    render(
      <TableGallery
        operations={fakeOperations({ ok: false, message }).operations}
      />,
    );
    fireEvent.click(
      within(card("project-info")).getByRole("button", { name: "插入" }),
    );
    expect(await within(card("project-info")).findByText(message)).toBeTruthy();
    expect(within(card("project-info")).getByText("插入失败")).toBeTruthy();
  });

  it("turns an operation that throws into a failure message instead of a stuck button", async () => {
    const operations: TemplateOperations = {
      insertTable: () => Promise.reject(new Error("RichApi.Error: 连接已断开")),
    };
    render(<TableGallery operations={operations} />);
    const c = card("exempt-summary");
    fireEvent.click(within(c).getByRole("button", { name: "插入" }));
    expect(
      await within(c).findByText("发生意外错误：RichApi.Error: 连接已断开"),
    ).toBeTruthy();
    expect(within(c).getByRole("button", { name: "插入" })).toHaveProperty(
      "disabled",
      false,
    );
  });

  it("disables every 插入 button while one insert runs", async () => {
    let answer: (r: InsertResult) => void = () => undefined;
    const pending = new Promise<InsertResult>((resolve) => (answer = resolve));
    const { operations, calls } = fakeOperations(pending);
    render(<TableGallery operations={operations} />);
    fireEvent.click(
      within(card("finance-lease")).getByRole("button", { name: "插入" }),
    );
    await waitFor(() =>
      screen
        .getAllByRole("button", { name: "插入" })
        .forEach((b) => expect(b).toHaveProperty("disabled", true)),
    );
    expect(within(card("finance-lease")).getByText("正在插入…")).toBeTruthy();
    fireEvent.click(
      within(card("loan-interest")).getByRole("button", { name: "插入" }),
    );
    answer({ ok: true, sheets: ["融资租赁补贴明细表"] });
    await within(card("finance-lease")).findByText(
      "已插入工作表：融资租赁补贴明细表",
    );
    screen
      .getAllByRole("button", { name: "插入" })
      .forEach((b) => expect(b).toHaveProperty("disabled", false));
    expect(calls).toEqual([["finance-lease", undefined]]);
  });
});
