/**
 * Live re-check with the per-table facts (facts/tableFacts.ts): random sequences of edits — one cell, a whole row emptied
 * or filled below the table, two rows at once, the 合计 row — re-checked row by row give exactly the report of a
 * full check of the edited grid. The values are chosen to move the facts: names that normalise alike or not (the
 * applicant, NAME-MISMATCH), chains tied or unknown (LOAN-CHAIN), contracts repeated in other spellings
 * (LOAN-CONTRACT-DUP, the package's contracts), amounts off the fast path of the exact sums (7 decimals, ≥ 10^9),
 * years out of 2024 and excluded purposes (the 10 万元 figures), 序号 gaps, hidden rows; and a T2 with continuation
 * rows (records).
 */
import fc from "fast-check";
import { getTable } from "../../../src/core/catalog";
import type { TableId } from "../../../src/core/catalog";
import type { Cell, Sheet } from "../../../src/core/model/grid";
import { liveWorkbook, recheckRows } from "../../../src/core/check/recheck";
import { checkWorkbook } from "../../../src/core/check/engine";
import {
  GOOD_INSURANCE,
  GOOD_LOAN,
  noticeSheet,
  workbookOf,
} from "../../helpers/rows";
import type { RowSpec } from "../../helpers/rows";

type Values = Record<string, (Cell | undefined)[]>;

const T1_VALUES: Values = {
  seq: [{ v: 1 }, { v: 7 }, undefined],
  enterpriseName: [
    { v: "阳泉市东方新材料有限公司" },
    { v: "阳泉市东方新材料 有限公司" },
    { v: "太原某某有限公司" },
    undefined,
  ],
  chain: [
    { v: "碳基新材料产业链" },
    { v: "光伏" },
    { v: "光伏产业链" },
    { v: "不存在产业链" },
    undefined,
  ],
  principal: [
    { v: 1000 },
    { v: 500 },
    { v: 0.1234567 },
    { v: 2e9 },
    { v: "一千" },
    undefined,
  ],
  bank: [
    { v: "中国工商银行股份有限公司阳泉分行" },
    { v: "中国银行 阳泉分行" },
    undefined,
  ],
  contractNo: [
    { v: "GH-1" },
    { v: "gh-1" },
    { v: " GH-1 " },
    { v: "GH-2" },
    undefined,
  ],
  drawdownDate: [
    { v: "2024年3月5日" },
    { v: "2023年11月30日" },
    { v: "2024年7月1日" },
    undefined,
  ],
  interest: [
    { v: 17.3458 },
    { v: 0 },
    { v: 9 },
    { v: 0.1234567 },
    { v: 3e9 },
    undefined,
  ],
  purpose: [
    { v: "碳纤维原丝生产线设备购置" },
    { v: "偿还其他银行贷款" },
    undefined,
  ],
};

const T2_VALUES: Values = {
  seq: [{ v: 1 }, { v: 3 }, undefined],
  enterpriseName: [
    { v: "阳泉市东方新材料有限公司" },
    { v: "太原某某有限公司" },
    undefined,
  ],
  policyNo: [{ v: "PICC-1" }, { v: "picc-1" }, { v: "PICC-2" }, undefined],
  insuredAmount: [{ v: 5000 }, { v: 0.1234567 }, undefined],
  premium: [{ v: 25 }, { v: 12.5 }, { v: 1e9 }, undefined],
  invoiceNo: [{ v: "No.1" }, { v: "No.2" }, undefined],
};

/** Grid row of the 合计 of T1 and T2 (above their data rows). */
const TOTAL_ROW = 3;
const T1_TOTALS: Values = {
  principal: [{ v: 4000 }, { v: 5000, f: "SUM(D5:D9)" }, undefined],
  interest: [{ v: 69.3832 }, { v: 60, f: "SUM(M5:M8)" }, { v: "很多" }],
};
const T2_TOTALS: Values = {
  premium: [{ v: 62.5 }, { v: 50, f: "SUM(N5:N7)" }, undefined],
};

/** An edit: one cell, a row emptied, a row filled with a clean row, the same cell of two rows, or a 合计 cell. */
type Edit =
  | { kind: "cell"; row: number; key: string; pick: number }
  | { kind: "total"; key: string; pick: number }
  | { kind: "clear"; row: number }
  | { kind: "fill"; row: number }
  | { kind: "two"; row: number; other: number; key: string; pick: number };

function edits(values: Values, totals: Values, rows: [number, number]) {
  const row = fc.integer({ min: rows[0], max: rows[1] });
  const key = fc.constantFrom(...Object.keys(values));
  return fc.oneof(
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant("total" as const),
        key: fc.constantFrom(...Object.keys(totals)),
        pick: fc.nat(),
      }),
    },
    {
      weight: 6,
      arbitrary: fc.record({
        kind: fc.constant("cell" as const),
        row,
        key,
        pick: fc.nat(),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({ kind: fc.constant("clear" as const), row }),
    },
    {
      weight: 1,
      arbitrary: fc.record({ kind: fc.constant("fill" as const), row }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant("two" as const),
        row,
        other: row,
        key,
        pick: fc.nat(),
      }),
    },
  );
}

/** Applies an edit to the sheet's grid, as the add-in's adapter does; returns the grid rows it changed. */
function apply(
  id: TableId,
  sheet: Sheet,
  values: Values,
  totals: Values,
  clean: RowSpec,
  e: Edit,
): number[] {
  const columns = getTable(id).columns;
  const col = (key: string) => columns.findIndex((c) => c.key === key);
  const line = (r: number) => (sheet.rows[r] ??= []);
  switch (e.kind) {
    case "cell":
    case "two": {
      const list = values[e.key]!;
      const rows = e.kind === "two" ? [e.row, e.other] : [e.row];
      for (const r of rows) line(r)[col(e.key)] = list[e.pick % list.length];
      return rows;
    }
    case "total": {
      const list = totals[e.key]!;
      line(TOTAL_ROW)[col(e.key)] = list[e.pick % list.length];
      return [TOTAL_ROW];
    }
    case "clear":
      sheet.rows[e.row] = [];
      return [e.row];
    case "fill":
      sheet.rows[e.row] = columns.map((c) => {
        const v = c.key === "seq" ? e.row : clean[c.key];
        return v === undefined || v === null ? undefined : ({ v } as Cell);
      });
      return [e.row];
  }
}

function sameReports(
  id: TableId,
  sheet: Sheet,
  values: Values,
  totals: Values,
  clean: RowSpec,
  rows: [number, number],
  numRuns: number,
): void {
  fc.assert(
    fc.property(
      fc.array(edits(values, totals, rows), { minLength: 1, maxLength: 10 }),
      (list) => {
        const grid = structuredClone(sheet);
        const wb = workbookOf(grid);
        const live = liveWorkbook(wb);
        for (const e of list) {
          const changed = apply(id, grid, values, totals, clean, e);
          expect(recheckRows(live, grid.name, changed)).toEqual(
            checkWorkbook(wb),
          );
        }
      },
    ),
    { numRuns },
  );
}

describe("recheckRows with the tables' facts", () => {
  it("equals a full check of a T1 after every edit (sums, repeats, names, chains, 10 万元 figures)", () => {
    const sheet = noticeSheet("loan-interest", {
      rows: [
        GOOD_LOAN,
        { ...GOOD_LOAN, contractNo: "GH-1" },
        { ...GOOD_LOAN, contractNo: "GH-1", chain: "光伏产业链" },
        { ...GOOD_LOAN, contractNo: "GH-3", drawdownDate: "2023年5月1日" },
        { ...GOOD_LOAN, contractNo: "GH-4", purpose: "偿还其他银行贷款" },
      ],
    });
    // A 合计 row with a formula that leaves the last row out, and a hidden data row.
    const total = sheet.rows[3]!;
    total[
      getTable("loan-interest").columns.findIndex((c) => c.key === "interest")
    ] = {
      v: 60,
      f: "SUM(M5:M8)",
    };
    sheet.hiddenRows = [6];
    // Edits on the 合计 row, the five data rows and three rows under them.
    sameReports(
      "loan-interest",
      sheet,
      T1_VALUES,
      T1_TOTALS,
      GOOD_LOAN,
      [4, 11],
      150,
    );
  });

  it("equals a full check of a T2 with continuation rows after every edit", () => {
    const sheet = noticeSheet("insurance-credit", {
      rows: [
        GOOD_INSURANCE,
        { seq: null, invoiceNo: "No.2", premium: 12.5 },
        { ...GOOD_INSURANCE, seq: 2, policyNo: "PICC-2" },
        { ...GOOD_INSURANCE, seq: 3, policyNo: "PICC-3" },
      ],
    });
    sameReports(
      "insurance-credit",
      sheet,
      T2_VALUES,
      T2_TOTALS,
      GOOD_INSURANCE,
      [4, 9],
      100,
    );
  });
});
