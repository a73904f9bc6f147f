/**
 * @jest-environment jsdom
 *
 * One engine (issue 4 "Done when"): the findings the CLI reports for a workbook — the engine's checkWorkbook, which
 * `techfund check` runs — all appear in the 检查 pane for that workbook.
 */
import "./jsdom-setup";
import { render, screen } from "@testing-library/react";
import type { Sheet } from "../../src/core/grid";
import { reportFindings } from "../../src/core/review";
import { checkWorkbook } from "../../src/core/rules/engine";
import { CheckPanel } from "../../src/taskpane/check/CheckPanel";
import { fakeOperations } from "./checkFake";
import { noticeSheet, workbookOf, type RowSpec } from "../helpers/rows";

/** 1000 万元 at 3.45 % from 2024-03-05 to 2024-09-02: 181 days, 17.3458 万元. */
const GOOD: RowSpec = {
  enterpriseName: "阳泉市东方新材料有限公司",
  chain: "碳基新材料产业链",
  principal: 1000,
  bank: "中国工商银行股份有限公司阳泉分行",
  contractNo: "GH-YQ-2024-0008",
  drawdownDate: "2024年3月5日",
  term: "2024年3月5日—2025年3月4日",
  accrualStart: "2024年3月5日",
  accrualEnd: "2024年9月2日",
  rate: 3.45,
  days: 181,
  interest: 17.3458,
  pages: "11-12",
  purpose: "碳纤维原丝生产线设备购置",
};

const NOTES: Sheet = {
  name: "备注",
  rows: [[{ v: "本表为企业内部备注" }], [{ v: "联系人" }, { v: "张三" }]],
  merges: [],
};

describe("the pane shows every finding the engine (CLI) reports", () => {
  it("for a workbook with bad loans and an unrecognised sheet", async () => {
    const wb = workbookOf(
      noticeSheet("loan-interest", {
        rows: [
          GOOD,
          { ...GOOD, contractNo: "GH-YQ-2023-0101", drawdownDate: "2023年12月20日" },
          { ...GOOD, contractNo: "GH-YQ-2024-0010", purpose: "偿还银行贷款" },
          { ...GOOD, contractNo: "GH-YQ-2024-0011", days: 200, interest: 5 },
          { ...GOOD, contractNo: "GH-YQ-2024-0012", bank: "", rate: 30 },
        ],
      }),
      NOTES,
    );
    const report = checkWorkbook(wb);
    const findings = reportFindings(report);
    // The workbook exercises every severity and both kinds of group (table, unrecognised sheet).
    expect(new Set(findings.map((f) => f.severity))).toEqual(new Set(["错误", "警告", "提示"]));
    expect(findings.some((f) => f.sheet === "备注")).toBe(true);
    expect(findings.length).toBeGreaterThan(6);

    render(<CheckPanel operations={fakeOperations(report)} liveByDefault={false} />);
    await screen.findByText("识别结果");
    const items = [...document.querySelectorAll('[role="listitem"]')].map((li) => li.textContent ?? "");
    expect(items).toHaveLength(findings.length);
    for (const f of findings) {
      const shown = items.filter(
        (text) => text.includes(f.message) && text.includes(`${f.rule} · `) && (!f.cell || text.includes(f.cell)),
      );
      expect({ finding: `${f.sheet}!${f.cell ?? ""} ${f.rule}`, shown: shown.length }).toEqual({
        finding: `${f.sheet}!${f.cell ?? ""} ${f.rule}`,
        shown: 1,
      });
    }
  });
});
