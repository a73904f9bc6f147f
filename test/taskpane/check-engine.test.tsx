/**
 * @jest-environment jsdom
 *
 * One engine (issue 4 "Done when"): the findings the CLI reports for a workbook — the engine's checkWorkbook, which
 * `techfund check` runs — all appear in the 检查 pane for that workbook.
 */
import "./jsdom-setup";
import { render, screen } from "@testing-library/react";
import type { Sheet } from "../../src/core/model/grid";
import { reportFindings } from "../../src/core/review/reviewReport";
import { checkWorkbook } from "../../src/core/check/engine";
import { CheckPanel } from "../../src/taskpane/check/CheckPanel";
import { fakeOperations } from "./checkFake";
import { GOOD_LOAN as GOOD, noticeSheet, workbookOf } from "../helpers/rows";

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
          {
            ...GOOD,
            contractNo: "GH-YQ-2023-0101",
            drawdownDate: "2023年12月20日",
          },
          { ...GOOD, contractNo: "GH-YQ-2024-0010", purpose: "偿还银行贷款" },
          { ...GOOD, contractNo: "GH-YQ-2024-0011", days: 200, interest: 5 },
          { ...GOOD, contractNo: "GH-YQ-2024-0012", bank: "", rate: 30 },
          // 止息日 after the last usual settlement date (12-21): LOAN-SETTLE-DATE, a 提示. 3月5日→12月28日 is 298 days;
          // 1000 万元 × 3.45 % × 298 ÷ 360 = 28.5583 万元.
          {
            ...GOOD,
            contractNo: "GH-YQ-2024-0013",
            accrualEnd: "2024年12月28日",
            days: 298,
            interest: 28.5583,
          },
        ],
      }),
      NOTES,
    );
    const report = checkWorkbook(wb);
    const findings = reportFindings(report);
    // The workbook exercises every severity; the notes sheet gives no finding but is listed as not a table.
    expect(new Set(findings.map((f) => f.severity))).toEqual(
      new Set(["error", "warning", "info"]),
    );
    expect(report.otherSheets).toEqual(["备注"]);
    expect(findings.length).toBeGreaterThan(6);

    render(
      <CheckPanel operations={fakeOperations(report)} liveByDefault={false} />,
    );
    await screen.findByText("识别结果");
    const items = [...document.querySelectorAll('[role="listitem"]')].map(
      (li) => li.textContent ?? "",
    );
    expect(items).toHaveLength(findings.length);
    for (const f of findings) {
      const shown = items.filter(
        (text) =>
          text.includes(f.message) &&
          text.includes(`${f.rule} · `) &&
          (!f.cell || text.includes(f.cell)),
      );
      expect({
        finding: `${f.sheet}!${f.cell ?? ""} ${f.rule}`,
        shown: shown.length,
      }).toEqual({
        finding: `${f.sheet}!${f.cell ?? ""} ${f.rule}`,
        shown: 1,
      });
    }
  });
});
