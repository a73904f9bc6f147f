/** Each problem once, the worst first (core/check/settle.ts), and in the engine's reports. */
import type { Finding } from "../../../src/core/model/finding";
import { reportFindings } from "../../../src/core/review/reviewReport";
import { checkWorkbook } from "../../../src/core/check/engine";
import {
  findingCovers,
  settleRepeats,
  sortFindings,
} from "../../../src/core/check/settle";
import { dateCell, loanRow, tableSheet, workbookOf } from "../../helpers/sheet";
import { info } from "../../helpers/package";

const f = (over: Partial<Finding>): Finding => ({
  sheet: "表",
  severity: "warning",
  rule: "X-RULE",
  message: "同一问题。",
  source: "附件1",
  ...over,
});

describe("settleRepeats", () => {
  it("the same rule and message on three rows of one column is one finding at the first cell, with the range and row count", () => {
    const out = settleRepeats([
      f({ cell: "C7", row: 7 }),
      f({ cell: "C5", row: 5 }),
      f({ cell: "D6", row: 6, rule: "OTHER" }),
      f({ cell: "C9", row: 9 }),
    ]);
    expect(out).toEqual([
      f({
        cell: "C5",
        row: 5,
        range: "C5:C9",
        rows: 3,
        message: "同一问题。（共3行：C5:C9）",
      }),
      f({ cell: "D6", row: 6, rule: "OTHER" }),
    ]);
  });

  it("keeps apart what differs: message, severity, sheet, file, column; and findings without a cell", () => {
    const list = [
      f({ cell: "C5" }),
      f({ cell: "C6", message: "另一问题。" }),
      f({ cell: "C7", severity: "error" }),
      f({ cell: "C8", sheet: "别表" }),
      f({ cell: "C9", file: "b.xlsx" }),
      f({ cell: "C10", column: "列" }),
      f({}),
      f({}),
    ];
    expect(settleRepeats(list)).toEqual(list);
  });
});

describe("findingCovers", () => {
  it("is true for the cell and the cells inside a settled range, false outside", () => {
    const s = f({ cell: "C5", range: "C5:D9", rows: 5 });
    expect(
      ["C5", "C9", "D7", "B6", "C10", "E5", "第5行"].map((c) =>
        findingCovers(s, c),
      ),
    ).toEqual([true, true, true, false, false, false, false]);
  });
});

describe("sortFindings", () => {
  it("orders by severity, then sheet in the given order, then row and column; equals keep their order", () => {
    const list = [
      f({ sheet: "乙", cell: "B2", severity: "info", rule: "1" }),
      f({ sheet: "甲", cell: "C3", rule: "2" }),
      f({ sheet: "乙", cell: "A1", severity: "error", rule: "3" }),
      f({ sheet: "甲", cell: "B3", rule: "4" }),
      f({ sheet: "甲", rule: "5" }),
      f({ sheet: "甲", cell: "AA2", rule: "6" }),
      f({ sheet: "甲", cell: "B3", rule: "7" }),
    ];
    expect(sortFindings(list, ["甲", "乙"]).map((x) => x.rule)).toEqual([
      "3",
      "5",
      "6",
      "4",
      "7",
      "2",
      "1",
    ]);
  });
});

describe("the engine's reports", () => {
  it("a T1 whose 25 rows name another chain than the 情况表 gives ONE LOAN-CHAIN 警告 for the range; the only 错误 of the file comes first", () => {
    const rows = Array.from({ length: 25 }, (_, i) =>
      loanRow(i + 1, {
        chain: "特钢材料产业链",
        // The last row is drawn in 2023: the one 错误 of the file.
        ...(i === 24 ? { drawdownDate: dateCell("2023-11-30") } : {}),
      }),
    );
    const report = checkWorkbook(
      workbookOf([
        tableSheet("project-info", [
          info("产业链贷款贴息", "产业链贷款贴息（碳基新材料产业链）"),
        ]),
        tableSheet("loan-interest", rows),
      ]),
    );
    const all = reportFindings(report);
    const chain = all.filter((x) => x.rule === "LOAN-CHAIN");
    expect(chain).toHaveLength(1);
    expect(chain[0]).toMatchObject({
      cell: "C5",
      range: "C5:C29",
      rows: 25,
      severity: "warning",
    });
    expect(chain[0]!.message).toMatch(/（共25行：C5:C29）$/);
    expect(all[0]).toMatchObject({
      rule: "LOAN-DRAW-YEAR",
      severity: "error",
      cell: "G29",
    });
    expect(all.filter((x) => x.severity === "error")).toHaveLength(1);
  });
});
