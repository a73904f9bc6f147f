/**
 * Live re-check in the core: after any sequence of cell edits, re-checking only the edited rows gives exactly the
 * report of a full check of the same grid (one engine). Property test with fast-check over T1 edits.
 */
import fc from "fast-check";
import { getTable } from "../../../src/core/catalog";
import type { Cell } from "../../../src/core/model/grid";
import {
  liveWorkbook,
  mergeFindings,
  recheckRows,
} from "../../../src/core/check/recheck";
import { checkWorkbook } from "../../../src/core/check/engine";
import { noticeSheet, workbookOf } from "../../helpers/rows";
import { DRAWN_2023, GOOD } from "../../excel/checkT1";

const T1 = getTable("loan-interest");
const col = (key: string) => T1.columns.findIndex((c) => c.key === key);

/** Values people type into a few T1 columns (including mistakes and empty cells). */
const EDITS: Record<string, (Cell | undefined)[]> = {
  seq: [{ v: 1 }, { v: 7 }, undefined],
  chain: [{ v: "碳基新材料产业链" }, { v: "光伏产业链" }, undefined],
  principal: [{ v: 1000 }, { v: 5_000_000 }, { v: "一千" }, undefined],
  contractNo: [{ v: "GH-YQ-2024-0008" }, { v: "GH-1" }],
  drawdownDate: [{ v: "2024年3月5日" }, { v: "2023年11月30日" }, undefined],
  accrualEnd: [
    { v: "2024年9月2日" },
    { v: "2025年1月5日" },
    { v: "2024年3月1日" },
  ],
  interest: [{ v: 17.3458 }, { v: 0 }, { v: 9 }, undefined],
  purpose: [
    { v: "碳纤维原丝生产线设备购置" },
    { v: "偿还其他银行贷款" },
    undefined,
  ],
};
const KEYS = Object.keys(EDITS);

const edit = fc.record({
  row: fc.integer({ min: 4, max: 9 }), // grid rows 4..9: the 4 data rows and 2 rows under them
  key: fc.constantFrom(...KEYS),
  pick: fc.nat(),
});

describe("recheckRows", () => {
  it("equals a full check after every edit", () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 8 }), (edits) => {
        const sheet = noticeSheet("loan-interest", {
          rows: [
            GOOD,
            DRAWN_2023,
            { ...GOOD, contractNo: "GH-3", purpose: "" },
            { ...GOOD, contractNo: "GH-4" },
          ],
        });
        const wb = workbookOf(sheet);
        const live = liveWorkbook(wb);
        for (const e of edits) {
          const values = EDITS[e.key]!;
          const line = (sheet.rows[e.row] ??= []);
          line[col(e.key)] = values[e.pick % values.length];
          const report = recheckRows(live, sheet.name, [e.row]);
          expect(report).toEqual(checkWorkbook(wb));
        }
      }),
      { numRuns: 60 },
    );
  });

  it("refuses a sheet that is not a live table", () => {
    const live = liveWorkbook(
      workbookOf(noticeSheet("loan-interest", { rows: [GOOD] })),
    );
    expect(() => recheckRows(live, "说明", [4])).toThrow(
      "工作表“说明”不是已识别的表格",
    );
  });
});

describe("mergeFindings", () => {
  const f = (cell: string, rule: string, row: number) => ({
    sheet: "表",
    cell,
    row,
    severity: "error" as const,
    rule,
    message: rule,
    source: "",
  });

  it("keeps one finding per cell and rule, drops ROW-REQUIRED under another rule, sorts by row then column", () => {
    expect(
      mergeFindings([
        f("O5", "LOAN-PURPOSE-EMPTY", 5),
        f("B6", "ROW-REQUIRED", 6),
        f("O5", "ROW-REQUIRED", 5),
        f("C5", "X", 5),
        f("C5", "X", 5),
      ]).map((x) => `${x.cell} ${x.rule}`),
    ).toEqual(["C5 X", "O5 LOAN-PURPOSE-EMPTY", "B6 ROW-REQUIRED"]);
  });
});
