/**
 * Live re-check of the 协作配套 lists (T4/T5): the year analysis is a fact of the workbook made from each sheet's row
 * facts (facts/coop.ts). Random edits on any year's sheet — a partner renamed (to a name that normalises alike or
 * not), its code changed or removed, amounts moved across the 500 万元 tiers, the 所属产业链 changed (the applicant's
 * chain is the sheet's most common one: no 情况表), a 备注 mark, a row emptied — re-checked row by row give exactly
 * the report of a full check of the edited grid (COOP-TIER, COOP-NET-NEW, COOP-NEW-MARK, COOP-SAME-CHAIN and `coop`).
 */
import fc from "fast-check";
import { getTable } from "../../../src/core/catalog";
import type { Cell, Sheet } from "../../../src/core/model/grid";
import { liveWorkbook, recheckRows } from "../../../src/core/check/recheck";
import { checkWorkbook } from "../../../src/core/check/engine";
import {
  FIRST_DATA_ROW,
  tableSheet,
  workbookOf,
  type RowSpec,
} from "../../helpers/coop";

const A_USC = "91140105110014526B";
const B_USC = "91140105234567894Y";

const LEADER_VALUES: Record<string, (Cell | undefined)[]> = {
  supplierName: [
    { v: "山西甲机械有限公司" },
    { v: "山西甲机械 有限责任公司" },
    { v: "山西乙材料有限公司" },
    undefined,
  ],
  orgCode: [{ v: A_USC }, { v: "110014526" }, { v: B_USC }, undefined],
  invoiceAmount: [{ v: 480 }, { v: 500 }, { v: 1200.5 }, { v: 0.1234567 }],
  contractAmount: [{ v: 600 }, { v: 2100 }, undefined],
  remark: [{ v: "2024年新增" }, { v: "否" }, undefined],
};

const MEMBER_VALUES: Record<string, (Cell | undefined)[]> = {
  leaderName: [
    { v: "山西链主集团有限公司" },
    { v: "山西链主集团 有限公司" },
    { v: "山西另一链主有限公司" },
    undefined,
  ],
  chain: [{ v: "光伏产业链" }, { v: "光伏" }, { v: "氢能产业链" }, undefined],
  invoiceAmount: [{ v: 300 }, { v: 500 }, { v: 2999.99 }, undefined],
  contractAmount: [{ v: 3000 }, undefined],
};

function leader(year: number, invoice: number): Sheet {
  const rows: RowSpec[] = [
    {
      supplierName: "山西甲机械有限公司",
      orgCode: A_USC,
      contractAmount: invoice,
      invoiceAmount: invoice,
    },
    {
      supplierName: "山西乙材料有限公司",
      orgCode: B_USC,
      contractAmount: 600,
      invoiceAmount: 600,
    },
    { supplierName: "山西丙电子有限公司", invoiceAmount: 90 },
  ];
  return tableSheet("leader-suppliers", { year, rows });
}

function member(year: number, invoice: number): Sheet {
  const rows: RowSpec[] = [
    {
      leaderName: "山西链主集团有限公司",
      chain: "光伏产业链",
      contractAmount: invoice,
      invoiceAmount: invoice,
    },
    {
      leaderName: "山西链主集团有限公司",
      chain: "光伏",
      invoiceAmount: 200,
    },
    {
      leaderName: "山西另一链主有限公司",
      chain: "氢能产业链",
      invoiceAmount: 700,
    },
  ];
  return tableSheet("member-transactions", { year, rows });
}

const SHEETS: Sheet[] = [
  leader(2022, 300),
  leader(2023, 900),
  leader(2024, 2100),
  member(2022, 400),
  member(2023, 800),
  member(2024, 1500),
];

/** An edit of one of the three data rows of a sheet: one cell, or the whole row emptied. */
type Edit =
  | { kind: "cell"; sheet: number; row: number; key: number; pick: number }
  | { kind: "clear"; sheet: number; row: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant("cell" as const),
      sheet: fc.nat({ max: SHEETS.length - 1 }),
      row: fc.nat({ max: 2 }),
      key: fc.nat(),
      pick: fc.nat(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("clear" as const),
      sheet: fc.nat({ max: SHEETS.length - 1 }),
      row: fc.nat({ max: 2 }),
    }),
  },
);

/** Applies an edit to the grid as the add-in's adapter does; returns the grid row it changed. */
function apply(sheets: Sheet[], e: Edit): { sheet: Sheet; row: number } {
  const sheet = sheets[e.sheet]!;
  const row = FIRST_DATA_ROW + e.row;
  if (e.kind === "clear") {
    sheet.rows[row] = [];
    return { sheet, row };
  }
  const isLeader = e.sheet < 3;
  const values = isLeader ? LEADER_VALUES : MEMBER_VALUES;
  const keys = Object.keys(values);
  const key = keys[e.key % keys.length]!;
  const list = values[key]!;
  const columns = getTable(
    isLeader ? "leader-suppliers" : "member-transactions",
  ).columns;
  (sheet.rows[row] ??= [])[columns.findIndex((c) => c.key === key)] =
    list[e.pick % list.length];
  return { sheet, row };
}

describe("recheckRows with the 协作配套 year analysis", () => {
  it("equals a full check of the T4 and T5 year sheets after every edit", () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 8 }), (list) => {
        const sheets = structuredClone(SHEETS);
        const wb = workbookOf(...sheets);
        const live = liveWorkbook(wb);
        for (const e of list) {
          const { sheet, row } = apply(sheets, e);
          expect(recheckRows(live, sheet.name, [row])).toEqual(
            checkWorkbook(wb),
          );
        }
      }),
      { numRuns: 60 },
    );
  });
});
