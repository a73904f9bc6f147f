/**
 * recognize/header.ts findHeader: rows that cannot beat the best header found so far (no wider than its match) are
 * skipped unread; the result is the same as matching every row.
 */
import * as fc from "fast-check";
import { TABLES } from "../../../src/core/catalog/tables";
import type { Cell, Sheet } from "../../../src/core/model/grid";
import { findHeader } from "../../../src/core/recognize/header";
import { sheetView } from "../../../src/core/recognize/view";

const text = (v: string): Cell => ({ v });

/** A row of one table's header texts: some left out, some replaced by other texts, in the given order. */
const headerRow = fc
  .record({
    table: fc.integer({ min: 0, max: TABLES.length - 1 }),
    keep: fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
    junk: fc.array(fc.constantFrom("", "备注", "单位：万元", "其他"), {
      minLength: 40,
      maxLength: 40,
    }),
  })
  .map(({ table, keep, junk }) =>
    TABLES[table]!.columns.map((c, i) =>
      keep[i] ? text(c.header) : junk[i] ? text(junk[i]!) : undefined,
    ),
  );

/** A data row: names, numbers and dates of any width. */
const dataRow = fc.array(
  fc.oneof(
    fc
      .constantFrom("山西甲有限公司", "太原市", "特钢材料产业链", "是", "HT-1")
      .map(text),
    fc.integer({ min: 0, max: 100000 }).map((v): Cell => ({ v })),
    fc.constant(undefined),
  ),
  { maxLength: 20 },
);

const sheet = fc
  .array(fc.oneof(headerRow, dataRow, fc.constant<(Cell | undefined)[]>([])), {
    maxLength: 14,
  })
  .map((rows): Sheet => ({ name: "表", rows, merges: [] }));

test("skipping rows that cannot beat the best header gives what matching every row gives", () => {
  fc.assert(
    fc.property(sheet, fc.integer({ min: 0, max: 3 }), (s, from) => {
      const view = sheetView(s);
      expect(findHeader(view, undefined, from)).toEqual(
        findHeader(view, undefined, from, true),
      );
    }),
    { numRuns: 400 },
  );
});

test("a wider header below a whole one of a smaller table is still found", () => {
  const widest = [...TABLES].sort(
    (a, b) => b.columns.length - a.columns.length,
  )[0]!;
  // The smaller table's whole header, a data row as wide, then the widest table's whole header.
  const small = [...TABLES].sort(
    (a, b) => a.columns.length - b.columns.length,
  )[0]!;
  expect(small.columns.length).toBeLessThan(widest.columns.length);
  const rows = [
    small.columns.map((c) => text(c.header)),
    small.columns.map(() => text("山西甲有限公司")),
    widest.columns.map((c) => text(c.header)),
  ];
  const found = findHeader(sheetView({ name: "表", rows, merges: [] }));
  expect(found?.table.id).toBe(widest.id);
  expect(found?.firstRow).toBe(2);
});

test("a row as wide as the best partial match is still read: it may match a larger share", () => {
  // Some header texts of one table, a blank row, as many of another's: the first configuration of the catalog in
  // which the lower row wins with as many columns as the upper (a tie, won by the larger share).
  const view = (rows: (Cell | undefined)[][]) =>
    sheetView({ name: "表", rows, merges: [] });
  const heads = (t: (typeof TABLES)[number], k: number) =>
    t.columns.slice(0, k).map((c) => text(c.header));
  let tie: (Cell | undefined)[][] | undefined;
  for (const a of TABLES)
    for (const b of TABLES)
      for (let k = 3; k <= 6 && !tie; k++) {
        const rows = [heads(a, k), [], heads(b, k)];
        const all = findHeader(view(rows), undefined, 0, true);
        const upper = findHeader(view([rows[0]!]), undefined, 0, true);
        if (all?.firstRow === 2 && upper?.matched === k && all.matched === k)
          tie = rows;
      }
  expect(tie).toBeDefined();
  expect(findHeader(view(tie!))).toEqual(
    findHeader(view(tie!), undefined, 0, true),
  );
});
