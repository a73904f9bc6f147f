/**
 * Hidden columns of .xlsx files (ROW-HIDDEN, tables.md "All tables"): the reader keeps a worksheet's hidden `<col>`
 * entries (packageEdits.ts) and fills Sheet.hiddenCols with the hidden columns within the data. The workbook is a T1
 * written by ExcelJS (another program than our reader) in the notice's layout: title, 单位, header, 合计, three loans
 * in grid rows 4–6 (Excel 5–7), columns A–O.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import {
  HIDDEN_COLUMN_BUDGET,
  keepHiddenColumns,
  UNDECLARED_LAST_COLUMN,
} from "../../src/xlsx/reader/packageEdits";
import { readWorkbook } from "../../src/xlsx/read";
import { hiddenT1, writeWithExcelJs } from "../helpers/hidden";
import { brief, findingsOf } from "../helpers/rows";

const T1 = "新增贷款明细表";

function read(bytes: Uint8Array, name = "隐藏列.xlsx") {
  const result = readWorkbook(bytes, name);
  if (!result.ok) throw new Error(result.error.message);
  return result.workbook;
}

describe("hidden columns of an .xlsx written by ExcelJS", () => {
  it("a hidden column with data (M, 2024年利息实际发生额) is read and named by ROW-HIDDEN", async () => {
    const wb = read(await writeWithExcelJs(hiddenT1(), [13]));
    expect(wb.sheets[0]!.hiddenCols).toEqual([12]);
    const f = findingsOf(wb, "ROW-HIDDEN");
    expect(f.map(brief)).toEqual([
      { sheet: T1, cell: "M5", rule: "ROW-HIDDEN", severity: "warning" },
    ]);
    expect(f[0]!.range).toBe("M5:M7");
    expect(f[0]!.message).toContain(
      "M列「2024年利息实际发生额」是隐藏列，其中3行有数据",
    );
  });

  it("a hidden row and a hidden column with data give one finding each", async () => {
    // Excel row 6 is the second loan.
    const wb = read(await writeWithExcelJs(hiddenT1(), [13], [6]));
    expect(wb.sheets[0]!.hiddenRows).toEqual([5]);
    expect(findingsOf(wb, "ROW-HIDDEN").map((f) => f.cell)).toEqual([
      "M5",
      "B6",
    ]);
  });

  it("a hidden empty column of the table (N) and hidden columns right of the data (P, T) give nothing", async () => {
    const wb = read(await writeWithExcelJs(hiddenT1(), [14, 16, 20]));
    // N is within the data (O is filled), so it is read; P and T are past the last cell.
    expect(wb.sheets[0]!.hiddenCols).toEqual([13]);
    expect(findingsOf(wb, "ROW-HIDDEN")).toEqual([]);
  });
});

/** A worksheet part with the given head elements before `<sheetData>`. */
function worksheet(head: string): Uint8Array {
  return new TextEncoder().encode(
    `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${head}<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`,
  );
}
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe("keepHiddenColumns", () => {
  it("keeps only hidden entries, merged into runs, without widths or styles", () => {
    const kept = keepHiddenColumns(
      worksheet(
        '<dimension ref="A1:Z9"/><cols><col min="1" max="2" width="20" customWidth="1"/>' +
          '<col min="3" max="3" width="9" hidden="1" customWidth="1"/>' +
          '<col collapsed="false" hidden="true" max="5" min="4" style="0" width="9"/>' +
          '<col min="8" max="8" hidden="0"/></cols>',
      ),
      100,
    );
    expect(text(kept.content)).toContain(
      '<cols><col min="3" max="5" hidden="1"/></cols><sheetData>',
    );
    expect(kept.columns).toBe(3);
  });

  it("clips a 'hide AE to the end' entry to the sheet's <dimension> (nothing left when the data ends at AD)", () => {
    const entry = '<cols><col min="31" max="16384" hidden="1"/></cols>';
    const within = keepHiddenColumns(
      worksheet(`<dimension ref="A1:AD30"/>${entry}`),
      100,
    );
    expect(text(within.content)).not.toContain("<col");
    expect(within.columns).toBe(0);
    // No dimension: clipped to column 256.
    const undeclared = keepHiddenColumns(worksheet(entry), 1000);
    expect(text(undeclared.content)).toContain(
      `<col min="31" max="${UNDECLARED_LAST_COLUMN}" hidden="1"/>`,
    );
    expect(undeclared.columns).toBe(UNDECLARED_LAST_COLUMN - 30);
  });

  it("keeps at most `room` columns", () => {
    const kept = keepHiddenColumns(
      worksheet(
        '<dimension ref="A1:XFD9"/><cols><col min="1" max="16384" hidden="1"/></cols>',
      ),
      10,
    );
    expect(text(kept.content)).toContain('<col min="1" max="10" hidden="1"/>');
    expect(kept.columns).toBe(10);
  });

  it("leaves a part without <cols> unchanged", () => {
    const part = worksheet('<dimension ref="A1:B2"/>');
    expect(keepHiddenColumns(part, 100).content).toBe(part);
  });
});

describe("a hostile file: every sheet hides columns A to XFD in a thousand entries", () => {
  it("reads in bounded time and memory, with only the hidden columns within the data", async () => {
    const SHEETS = 50;
    const wb = new ExcelJS.Workbook();
    for (let i = 0; i < SHEETS; i++)
      wb.addWorksheet(`S${i}`).addRow(["a", "b", "c"]);
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    // 1,000 overlapping entries, each over the whole width, and a dimension that claims every column.
    const cols = `<cols>${'<col min="1" max="16384" width="9" hidden="1" customWidth="1"/>'.repeat(1000)}<col min="31" max="16384" hidden="1"/></cols>`;
    for (const path of Object.keys(zip.files).filter((p) =>
      /^xl\/worksheets\/sheet\d+\.xml$/.test(p),
    )) {
      const xml = await zip.file(path)!.async("string");
      zip.file(
        path,
        xml
          .replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1"/>')
          .replace(/<cols>[\s\S]*?<\/cols>/, "")
          .replace("<sheetData>", `${cols}<sheetData>`),
      );
    }
    const bytes = new Uint8Array(
      await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }),
    );
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    const book = read(bytes, "隐藏全部列.xlsx");
    const ms = performance.now() - started;
    const grown = process.memoryUsage().heapUsed - heapBefore;
    expect(book.sheets).toHaveLength(SHEETS);
    // Each sheet's data is A1:C1, all hidden: columns 0–2 on the sheets the budget reached.
    expect(book.sheets[0]!.hiddenCols).toEqual([0, 1, 2]);
    const reached = book.sheets.filter((s) => s.hiddenCols).length;
    // The first sheet's 16,384 columns use up the workbook's budget.
    expect(HIDDEN_COLUMN_BUDGET).toBe(16_384);
    expect(reached).toBe(1);
    // Without the bound SheetJS would make 50 × 1,001 × 16,384 (820 million) column objects.
    expect(ms).toBeLessThan(10_000);
    expect(grown).toBeLessThan(200 * 1024 * 1024);
  });
});
