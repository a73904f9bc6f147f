import * as fc from "fast-check";
import type { Cell, Sheet } from "../../../src/core/model/grid";
import { readDate, readDateRange } from "../../../src/core/parse";
import { recognizeSheet, sheetView } from "../../../src/core/recognize";
import {
  dateCell,
  formulaCell,
  loanRow,
  tableSheet,
} from "../../helpers/sheet";

/** The merge look-up as it was before the per-row fast path: every cell goes through the map of merged areas. */
function slowView(sheet: Sheet) {
  const K = 16384;
  const rowCount = sheet.rows.length;
  let maxCol = 0;
  for (const r of sheet.rows) if (r && r.length > maxCol) maxCol = r.length;
  const origin = new Map<number, number>();
  for (const m of sheet.merges) {
    const lastRow = Math.min(m.e.r, rowCount - 1);
    const lastCol = Math.min(m.e.c, Math.max(maxCol - 1, m.s.c));
    for (let r = m.s.r; r <= lastRow; r++)
      for (let c = m.s.c; c <= lastCol; c++)
        if (r !== m.s.r || c !== m.s.c)
          origin.set(r * K + c, m.s.r * K + m.s.c);
  }
  const own = (r: number, c: number) => sheet.rows[r]?.[c];
  return {
    cell: (r: number, c: number) => {
      const from = origin.get(r * K + c);
      return from === undefined
        ? own(r, c)
        : own(Math.floor(from / K), from % K);
    },
    isCopy: (r: number, c: number) => origin.has(r * K + c),
  };
}

describe("sheetView", () => {
  test("fast path (rows without merged copies read their own cells) === map look-up, for any merges", () => {
    const cellArb = fc.option(
      fc.integer({ min: 0, max: 99 }).map((v): Cell => ({ v })),
      { nil: undefined },
    );
    const mergeArb = fc
      .tuple(fc.nat(9), fc.nat(9), fc.nat(4), fc.nat(4))
      .map(([r, c, h, w]) => ({ s: { r, c }, e: { r: r + h, c: c + w } }));
    fc.assert(
      fc.property(
        fc.array(fc.array(cellArb, { maxLength: 8 }), { maxLength: 8 }),
        fc.array(mergeArb, { maxLength: 4 }),
        (rows, merges) => {
          const sheet: Sheet = { name: "s", rows, merges };
          const fast = sheetView(sheet);
          const slow = slowView(sheet);
          const differ: string[] = [];
          for (let r = 0; r < 12; r++)
            for (let c = 0; c < 12; c++)
              if (
                fast.cell(r, c) !== slow.cell(r, c) ||
                fast.isCopy(r, c) !== slow.isCopy(r, c)
              )
                differ.push(`${r},${c}`);
          expect(differ).toEqual([]);
        },
      ),
    );
  });
});

describe("reading date columns (readings remembered per distinct cell)", () => {
  const dates = ["2024-01-16", "2024-03-05", "2023-12-31", "2024-02-29"];
  const drawArb = fc.oneof(
    fc.constantFrom(...dates).map((iso) => dateCell(iso)),
    fc.constantFrom("2024年3月5日", "2024.3.5", "2024-13-01", "明年"),
    fc.constantFrom(45356, 45356.5, 0).map((v): Cell => ({ v })),
    fc.constantFrom(45356).map((v): Cell => ({ v, z: "yyyy/m/d" })),
    fc.constantFrom(formulaCell("DATE(2024,3,5)", 45356)),
  );
  const termArb = fc.oneof(
    fc.constantFrom(
      "2024年1月16日—2026年1月15日",
      "2024年3月5日-2025年3月4日",
      "2024.1.16至2026.1.15",
      "两年",
    ),
    fc.constantFrom(24).map((v): Cell => ({ v })),
  );
  test("every row's reading equals the parser's own reading of its cell", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(drawArb, termArb), { minLength: 1, maxLength: 12 }),
        (cells) => {
          const sheet = tableSheet(
            "loan-interest",
            cells.map(([draw, term], i) =>
              loanRow(i + 1, { drawdownDate: draw, term }),
            ),
          );
          const r = recognizeSheet(sheet, false);
          if (!r.ok) throw new Error("未识别");
          const rows = r.tables[0]!.rows;
          expect(rows).toHaveLength(cells.length);
          rows.forEach((row, i) => {
            const [draw, term] = cells[i]!;
            for (const [key, p] of [
              [
                "drawdownDate",
                readDate(typeof draw === "string" ? { v: draw } : draw, false),
              ],
              [
                "term",
                readDateRange(
                  typeof term === "string" ? { v: term } : term,
                  false,
                ),
              ],
            ] as const) {
              if (p.ok) {
                expect(row.values[key]).toEqual(p.value);
                expect(row.notes[key]).toEqual(p.note);
                expect(row.unreadable[key]).toBeUndefined();
              } else {
                expect(row.values[key]).toBeUndefined();
                expect(row.unreadable[key]).toEqual(p.reason);
              }
            }
          });
        },
      ),
    );
  });
});
