/** Number cells read without the parser (recognize/read.ts PLAIN_NUMBERS) are read exactly as the parsers read them. */
import fc from "fast-check";
import type { Cell } from "../../../src/core/model/grid";
import { noteText, reasonText } from "../../../src/core/messages/parse";
import { readInteger, readNumber, readPercent } from "../../../src/core/parse";
import type { Parsed } from "../../../src/core/parse";
import { recognizeSheet } from "../../../src/core/recognize";
import { loanRow, tableSheet } from "../../helpers/sheet";

/** T1 columns of each parsed number type, with the parser the column type uses. */
const COLUMNS: [string, (c: Cell) => Parsed<number>][] = [
  ["principal", readNumber], // amount
  ["days", readInteger], // integer
  ["rate", readPercent], // percent
];

describe("number cells", () => {
  it("get the parser's reading, note and reason, for any number and format (property)", () => {
    const cell = fc.record({
      v: fc.oneof(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.integer(),
        fc.constantFrom(0, -0, 3.45, 0.0345, 340, 340.5),
      ),
      z: fc.constantFrom(undefined, "General", "0.00", "0.00%", "0%", "#,##0"),
    });
    fc.assert(
      fc.property(cell, cell, cell, (a, b, c) => {
        const cells: Record<string, Cell> = {
          principal: dropUndefined(a),
          days: dropUndefined(b),
          rate: dropUndefined(c),
        };
        const sheet = tableSheet("loan-interest", [loanRow(1, cells)]);
        const r = recognizeSheet(sheet, false);
        if (!r.ok) throw new Error("未识别");
        const row = r.table.rows[0]!;
        for (const [key, parse] of COLUMNS) {
          const p = parse(cells[key]!);
          expect([
            key,
            row.values[key],
            row.notes[key],
            row.unreadable[key],
          ]).toEqual([
            key,
            p.ok ? p.value : undefined,
            p.ok ? p.note : undefined,
            p.ok ? undefined : p.reason,
          ]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("read 3.45 % typed in a percent format as 3.45, a whole 340 as 340, and 340.5 days as unreadable", () => {
    const sheet = tableSheet("loan-interest", [
      loanRow(1, { rate: { v: 0.0345, z: "0.00%" }, days: 340 }),
      loanRow(2, { days: 340.5 }),
    ]);
    const r = recognizeSheet(sheet, false);
    if (!r.ok) throw new Error("未识别");
    const [one, two] = r.table.rows;
    expect(one!.values.rate).toBe(3.45);
    expect(noteText(one!.notes.rate!)).toBe("单元格为百分比格式，按3.45%读取");
    expect(one!.values.days).toBe(340);
    expect(two!.values.days).toBeUndefined();
    expect(reasonText(two!.unreadable.days!)).toBe("应为整数，填写的是340.5");
  });
});

function dropUndefined(c: { v: number; z: string | undefined }): Cell {
  return c.z === undefined ? { v: c.v } : { v: c.v, z: c.z };
}
