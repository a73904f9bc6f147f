/** A1 addresses: the one parser and formatter the core, the Excel adapter and the file reader share. */
import fc from "fast-check";
import {
  a1,
  type CellRange,
  columnIndex,
  columnLetters,
  isBlank,
  parseA1,
  parseRange,
  rangeAddress,
  trimText,
} from "../../../src/core/model/grid";

/** Rows and columns Excel has: 1,048,576 rows, XFD (16,384) columns. */
const row = fc.integer({ min: 0, max: 1_048_575 });
const col = fc.integer({ min: 0, max: 16_383 });
const block = fc
  .tuple(row, col, row, col)
  .map(([r1, c1, r2, c2]): CellRange => ({
    s: { r: Math.min(r1, r2), c: Math.min(c1, c2) },
    e: { r: Math.max(r1, r2), c: Math.max(c1, c2) },
  }));

describe("columns", () => {
  it("letters and index by hand", () => {
    expect([0, 25, 26, 29, 701, 702, 16_383].map(columnLetters)).toEqual([
      "A",
      "Z",
      "AA",
      "AD",
      "ZZ",
      "AAA",
      "XFD",
    ]);
    expect(["A", "z", "AA", "ad", "XFD"].map(columnIndex)).toEqual([
      0, 25, 26, 29, 16_383,
    ]);
  });

  it("columnIndex inverts columnLetters (property)", () => {
    fc.assert(fc.property(col, (c) => columnIndex(columnLetters(c)) === c));
  });
});

describe("parseA1", () => {
  it("reads a cell, with $ and spaces, and the first cell of a range", () => {
    expect(parseA1("G6")).toEqual({ r: 5, c: 6 });
    expect(parseA1(" $AB$12 ")).toEqual({ r: 11, c: 27 });
    expect(parseA1("C6:C8")).toEqual({ r: 5, c: 2 });
    expect(parseA1("'贷款明细'!D5")).toEqual({ r: 4, c: 3 });
  });

  it("throws for text that is no address", () => {
    expect(() => parseA1("合计")).toThrow("不是单元格地址：合计");
    expect(() => parseA1("5:7")).toThrow("不是单元格地址：5:7");
  });

  it("a1(parseA1(x)) gives x back for every cell (property)", () => {
    fc.assert(
      fc.property(row, col, (r, c) => {
        const x = a1(r, c);
        const p = parseA1(x);
        expect(a1(p.r, p.c)).toBe(x);
        expect(p).toEqual({ r, c });
      }),
    );
  });
});

describe("parseRange", () => {
  it("reads areas as Office.js gives them, with or without the sheet name", () => {
    expect(parseRange("C5:D7")).toEqual({
      s: { r: 4, c: 2 },
      e: { r: 6, c: 3 },
    });
    expect(parseRange("'贷款, 明细'!$C$5:$D$7")).toEqual({
      s: { r: 4, c: 2 },
      e: { r: 6, c: 3 },
    });
    expect(parseRange("Sheet1!b2")).toEqual({
      s: { r: 1, c: 1 },
      e: { r: 1, c: 1 },
    });
  });

  it("gives undefined for whole rows or columns and other text", () => {
    for (const x of ["5:7", "C:D", "Sheet1!5:5", "A1:B", "ABCD1", "", "名称"])
      expect(parseRange(x)).toBeUndefined();
  });

  it("rangeAddress and parseRange invert each other (property)", () => {
    fc.assert(
      fc.property(block, fc.boolean(), (r, qualified) => {
        const x = rangeAddress(r);
        expect(parseRange(qualified ? `'表 1'!${x}` : x)).toEqual(r);
        expect(rangeAddress(parseRange(x)!)).toBe(x);
      }),
    );
  });
});

describe("isBlank and trimText", () => {
  it("read white space at either end as trim does", () => {
    // Full-width space, no-break space, tab, line break: what Excel users type around a value.
    expect(trimText("\u3000山西\u00a0")).toBe("山西");
    expect(trimText("\tHT-01\n")).toBe("HT-01");
    expect(trimText("贷款 合同")).toBe("贷款 合同");
    expect(trimText("（万元）")).toBe("（万元）");
    expect(trimText("")).toBe("");
  });
  it("calls a cell of white space blank, and any other text not", () => {
    expect(isBlank({ v: "\u3000 \u00a0" })).toBe(true);
    expect(isBlank({ v: "" })).toBe(true);
    expect(isBlank({ v: " a" })).toBe(false);
    expect(isBlank({ v: "（" })).toBe(false);
    expect(isBlank({ v: 0 })).toBe(false);
    expect(isBlank(undefined)).toBe(true);
  });
  it("agree with trim on any text", () => {
    // Texts of white space (every kind trim removes), ASCII, CJK and full-width characters.
    const text = fc.string({
      unit: fc.constantFrom(
        ..." \t\n\r\u00a0\u1680\u2000\u2028\u202f\u205f\u3000\ufeffa1-（山）",
      ),
    });
    fc.assert(
      fc.property(text, (s) => {
        expect(trimText(s)).toBe(s.trim());
        expect(isBlank({ v: s })).toBe(s.trim() === "");
      }),
    );
  });
});
