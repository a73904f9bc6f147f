/**
 * The displayed text (`w`) of number cells in .xlsx files: the reader has SheetJS skip its formatting and makes the
 * texts itself (shownNumber); they must be exactly SheetJS's own, for any number, format and date system.
 */
import * as XLSX from "@e965/xlsx";
import fc from "fast-check";
import { readFileSync } from "fs";
import * as path from "path";
import type { Cell } from "../../src/core/model/grid";
import { readWorkbook, serialDate } from "../../src/xlsx/read";

/** Formats SheetJS writes by code or by a built-in id the reader keeps (ids 14, 22, 27–36 and 50–58 are shown as
 * Chinese Excel shows them, on purpose: read-formats.test.ts). */
const FORMATS = [
  "General",
  "0",
  "0.00",
  "#,##0.00",
  "0.00%",
  "0.0000",
  "@",
  'yyyy"年"m"月"d"日"',
  "yyyy/m/d",
  "yyyy-mm-dd hh:mm",
  "0.00E+00",
  '#,##0.00"万元"',
];

/** An .xlsx written by SheetJS with one number per row in column A and its format. */
function workbookWith(
  cells: { v: number; z: string }[],
  date1904: boolean,
): Uint8Array {
  const ws: XLSX.WorkSheet = {};
  cells.forEach((c, r) => {
    ws[XLSX.utils.encode_cell({ r, c: 0 })] = { t: "n", v: c.v, z: c.z };
  });
  ws["!ref"] = `A1:A${Math.max(cells.length, 1)}`;
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, "S");
  wb.Workbook = { WBProps: { date1904 } };
  return XLSX.write(wb, { type: "array", bookType: "xlsx" }) as Uint8Array;
}

/** SheetJS's own texts of column A, read with its default text formatting. */
function sheetJsTexts(bytes: Uint8Array): (string | undefined)[] {
  const wb = XLSX.read(bytes, { type: "array", dense: true, cellNF: true });
  const data = wb.Sheets[wb.SheetNames[0]!]!["!data"] ?? [];
  return data.map((row) => row?.[0]?.w);
}

function ourTexts(bytes: Uint8Array): (string | undefined)[] {
  const read = readWorkbook(bytes, "数字.xlsx");
  if (!read.ok) throw new Error(read.error.message);
  return read.workbook.sheets[0]!.rows.map(
    (row: (Cell | undefined)[]) => row?.[0]?.w,
  );
}

describe("texts of number cells (.xlsx)", () => {
  it("are SheetJS's texts for any number in any format, in both date systems (property)", () => {
    const value = fc.oneof(
      fc.double({
        noNaN: true,
        noDefaultInfinity: true,
        min: -1e12,
        max: 1e12,
      }),
      fc.integer({ min: -1e9, max: 1e9 }),
      fc.integer({ min: 1, max: 60000 }), // date serials
      fc.constantFrom(0, 0.1 + 0.2, 45356, 45356.5, 1e15, 911401051100145300),
    );
    const cell = fc.record({ v: value, z: fc.constantFrom(...FORMATS) });
    fc.assert(
      fc.property(
        fc.array(cell, { minLength: 1, maxLength: 20 }),
        fc.boolean(),
        (cells, date1904) => {
          const bytes = workbookWith(cells, date1904);
          expect(ourTexts(bytes)).toEqual(sheetJsTexts(bytes));
        },
      ),
      { numRuns: 150 },
    );
  });

  it("gives date cells the calendar date of their serial in the workbook's date system, however often a serial recurs (property)", () => {
    const serial = fc.oneof(
      fc.integer({ min: -5, max: 70000 }),
      fc.constantFrom(60, 45356, 45356.75, 2958465, 2958466),
    );
    const cell = fc.record({
      v: serial,
      z: fc.constantFrom('yyyy"年"m"月"d"日"', "yyyy-mm-dd", "General"),
    });
    fc.assert(
      fc.property(
        fc.array(cell, { minLength: 1, maxLength: 12 }),
        fc.boolean(),
        (cells, date1904) => {
          // Each serial twice, the second time after the other date system's workbook.
          for (const system of [date1904, !date1904, date1904]) {
            const read = readWorkbook(workbookWith(cells, system), "日期.xlsx");
            if (!read.ok) throw new Error(read.error.message);
            const dates = read.workbook.sheets[0]!.rows.map(
              (row: (Cell | undefined)[]) => row?.[0]?.date,
            );
            expect(dates).toEqual(
              cells.map((c) =>
                c.z === "General" ? undefined : serialDate(c.v, system),
              ),
            );
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it("shows a date, an amount and a percent as Chinese Excel does", () => {
    const bytes = workbookWith(
      [
        { v: 45356, z: 'yyyy"年"m"月"d"日"' },
        { v: 1234.5, z: "#,##0.00" },
        { v: 0.0345, z: "0.00%" },
        { v: 12, z: "General" },
      ],
      false,
    );
    expect(ourTexts(bytes)).toEqual([
      "2024年3月5日",
      "1,234.50",
      "3.45%",
      "12",
    ]);
  });

  it("keeps the texts of the wild samples' numbers equal to SheetJS's (same format code)", () => {
    const wild = path.resolve(__dirname, "../../../shared/samples/wild");
    for (const name of [
      "stj_text_and_numbers.xlsx",
      "ej_libre-calc-as-excel-2007-365.xlsx",
      "ej_google-sheets.xlsx",
      "stj_wps_fn.xlsx",
      "easyexcel_dataformat_dataformat.xlsx",
    ]) {
      const bytes = new Uint8Array(readFileSync(path.join(wild, name)));
      const read = readWorkbook(bytes, name);
      if (!read.ok) throw new Error(read.error.message);
      const ref = XLSX.read(bytes, {
        type: "array",
        dense: true,
        cellNF: true,
      });
      read.workbook.sheets.forEach((sheet, i) => {
        const data = ref.Sheets[ref.SheetNames[i]!]!["!data"] ?? [];
        sheet.rows.forEach((row, r) =>
          row?.forEach((c, col) => {
            const source = data[r]?.[col];
            // Same format code: not one of the built-in date formats the reader shows the Chinese way.
            if (
              c &&
              typeof c.v === "number" &&
              source?.w !== undefined &&
              c.z === source.z
            )
              expect([name, r, col, c.w]).toEqual([name, r, col, source.w]);
          }),
        );
      });
    }
  });
});
