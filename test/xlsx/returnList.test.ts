/** 差错清单 (core/review/returnList.ts, xlsx/returnList.ts): what is listed, the printed layout, and reading it back. */
import type { Explanation } from "../../src/core/review/explanations";
import {
  returnItems,
  returnItemsFromSheet,
  returnListLayout,
} from "../../src/core/review/returnList";
import type { FileCheck } from "../../src/core/review/reviewReport";
import { checkWorkbook } from "../../src/core/check/engine";
import { readWorkbook } from "../../src/xlsx/read";
import { writeReturnList } from "../../src/xlsx/returnList";
import { dateCell, loanRow, tableSheet, workbookOf } from "../helpers/sheet";

const T1 = "新增贷款明细表";

function check(explanations: Explanation[]): FileCheck {
  const wb = workbookOf(
    [
      tableSheet("loan-interest", [
        loanRow(1, {
          drawdownDate: dateCell("2023-11-30"),
          term: "2023年11月30日—2025年11月29日",
        }),
        loanRow(2, { pages: null }),
        loanRow(3, { pages: null }),
      ]),
    ],
    "阳泉东方.xlsx",
  );
  return {
    file: "阳泉东方.xlsx",
    status: "ok",
    report: checkWorkbook(wb),
    explanations,
  };
}

describe("returnItems", () => {
  it("lists the 错误 and the unexplained 警告 (a settled repeat once, with its range), not the 提示 or an explained 警告", () => {
    const items = returnItems([check([])]);
    expect(items.map((x) => [x.sheet, x.place, x.severity, x.rule])).toEqual([
      [T1, "G5", "error", "LOAN-DRAW-YEAR"],
      [T1, "N6:N7", "warning", "LOAN-PAGE"],
    ]);
    const explained = returnItems([
      check([
        {
          sheet: T1,
          cell: "N7",
          rule: "LOAN-PAGE",
          text: "付息流水将随纸质材料补交",
          time: "",
        },
      ]),
    ]);
    expect(explained.map((x) => x.rule)).toEqual(["LOAN-DRAW-YEAR"]);
  });
});

describe("the 差错清单 workbook", () => {
  it("is read back with the items, sheet, first cell and an empty 企业答复; it prints A4 landscape with the header repeated", async () => {
    const layout = returnListLayout(
      "阳泉市东方新材料有限公司",
      returnItems([check([])]),
      {
        unit: "阳泉市工业和信息化局",
        date: "2026年3月1日",
      },
    );
    expect(layout.lines[1]).toBe("企业名称：阳泉市东方新材料有限公司");
    const bytes = await writeReturnList(layout);
    const read = readWorkbook(bytes, "差错清单.xlsx");
    if (!read.ok) throw new Error(read.error.message);
    const entries = returnItemsFromSheet(read.workbook.sheets[0]!);
    expect(entries).toEqual([
      expect.objectContaining({
        seq: 1,
        sheet: T1,
        cell: "G5",
        place: "G5",
        severity: "错误",
        answer: "",
      }),
      expect.objectContaining({
        seq: 2,
        sheet: T1,
        cell: "N6",
        place: "N6:N7",
        severity: "警告",
        answer: "",
      }),
    ]);
    expect(entries![0]!.message).toContain("LOAN-DRAW-YEAR");
    // A sheet that is not a 差错清单 is not read as one.
    expect(
      returnItemsFromSheet(
        workbookOf([tableSheet("loan-interest", [loanRow(1)])]).sheets[0]!,
      ),
    ).toBeUndefined();

    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.pageSetup).toMatchObject({
      orientation: "landscape",
      paperSize: 9,
      fitToWidth: 1,
      printTitlesRow: "5:5",
    });
    // Every item row is at least as high as two lines (its message wraps in the 问题 column).
    expect(ws.getRow(6).height).toBeGreaterThanOrEqual(33);
  });
});
