/**
 * readWorkbook across formats: one workbook as SheetJS wrote it and as LibreOffice saved it (.xlsx .xls .ods, see
 * test/fixtures/read/make.ts), CSV in the encodings Chinese users produce, HTML saved as .xls, and inputs that are
 * not spreadsheets. Never a throw.
 */
import * as XLSX from "@e965/xlsx";
import cptable from "@e965/xlsx/dist/cpexcel";
import fc from "fast-check";
import { readFileSync } from "fs";
import * as path from "path";

import {
  cellAt,
  parseA1,
  type Cell,
  type Sheet,
  type Workbook,
} from "../../src/core/model/grid";
import { readWorkbook, type ReadResult } from "../../src/xlsx/read";

const FIXTURES = path.resolve(__dirname, "../fixtures/read");
const WILD = path.resolve(__dirname, "../../../shared/samples/wild");

function ok(result: ReadResult): Workbook {
  if (!result.ok) throw new Error(result.error.message);
  return result.workbook;
}

function at(s: Sheet | undefined, address: string): Cell | undefined {
  const { r, c } = parseA1(address);
  return s && cellAt(s, r, c);
}

const utf8 = (s: string) => new TextEncoder().encode(s);

describe.each([
  ["features.xlsx", "SheetJS"],
  ["features.lo.xlsx", "LibreOffice"],
  ["features.xls", "LibreOffice"],
  ["features.ods", "LibreOffice"],
])("%s (written by %s)", (file) => {
  const book = ok(readWorkbook(readFileSync(path.join(FIXTURES, file)), file));
  const loan = book.sheets[0];
  const ods = file.endsWith(".ods");

  it("sheets in order, with our marks: sheet-scoped, and workbook-scoped pointing at a sheet", () => {
    expect(book.fileName).toBe(file);
    expect(book.date1904).toBe(false);
    expect(book.sheets.map((s) => s.name)).toEqual([
      "贷款",
      "隐藏",
      "深度隐藏",
      "项目 情况",
    ]);
    expect(book.sheets.map((s) => s.mark)).toEqual([
      { tableId: "loan-interest", version: 1 },
      undefined,
      undefined,
      { tableId: "project-info", version: 2 },
    ]);
  });

  it("values as stored: numbers, text, formulas with cached values, errors, booleans", () => {
    expect(at(loan, "A1")?.v).toBe("2024年贷款贴息明细表");
    expect(at(loan, "D2")?.v).toBe("金额（万元）");
    expect(at(loan, "D3")).toMatchObject({ v: 100.5, w: "100.50", z: "0.00" });
    expect(at(loan, "E3")).toMatchObject({ v: "=不是公式" });
    expect(at(loan, "E3")?.f).toBeUndefined();
    expect(at(loan, "E4")?.v).toBe("00123");
    expect(at(loan, "D5")).toMatchObject({ v: 150.5, f: "SUM(D3:D4)" });
    expect(at(loan, "F3")).toMatchObject({ v: null, e: "#DIV/0!", f: "1/0" });
    expect(at(loan, "G3")?.w).toBe("TRUE");
  });

  it("dates: the serial stays, the calendar date is added", () => {
    expect(at(loan, "C3")).toMatchObject({
      v: 45356,
      w: "2024年3月5日",
      date: "2024-03-05",
    });
    expect(at(loan, "C4")).toMatchObject({
      v: 45351,
      w: "2024-02-29",
      date: "2024-02-29",
    });
    expect(at(loan, "A3")?.date).toBeUndefined();
  });

  it("merges", () => {
    expect(loan?.merges).toEqual([{ s: { r: 0, c: 0 }, e: { r: 0, c: 4 } }]);
  });

  // Not for .ods: SheetJS reads neither hidden sheets nor hidden rows from OpenDocument files (a known gap).
  if (!ods) {
    it("hidden row 4 and hidden sheets", () => {
      expect(loan?.hiddenRows).toEqual([3]);
      expect(book.sheets.map((s) => s.hidden)).toEqual([
        undefined,
        true,
        true,
        undefined,
      ]);
    });
  }
});

describe("CSV", () => {
  const TEXT =
    '序号,企业名称,金额（万元）,统一社会信用代码,日期\r\n1,示例企业甲,12.50,91140100MA0GRXXX1X,2024-03-05\r\n2,"乙,丙",-3,00123,=1+2\r\n';

  function expectTable(book: Workbook) {
    const s = book.sheets[0];
    expect(at(s, "B1")?.v).toBe("企业名称");
    expect(at(s, "A2")).toEqual({ v: 1, w: "1" });
    expect(at(s, "C2")).toEqual({ v: 12.5, w: "12.50" });
    expect(at(s, "D2")?.v).toBe("91140100MA0GRXXX1X");
    expect(at(s, "E2")).toEqual({ v: "2024-03-05" });
    expect(at(s, "B3")?.v).toBe("乙,丙");
    expect(at(s, "C3")).toEqual({ v: -3, w: "-3" });
    // Leading zeros and formula-looking text stay text.
    expect(at(s, "D3")).toEqual({ v: "00123" });
    expect(at(s, "E3")).toEqual({ v: "=1+2" });
    expect(s?.rows).toHaveLength(3);
  }

  it("UTF-8 without BOM", () =>
    expectTable(ok(readWorkbook(utf8(TEXT), "a.csv"))));

  it("UTF-8 with BOM", () => {
    const book = ok(
      readWorkbook(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(TEXT)]), "a.csv"),
    );
    expectTable(book);
    expect(at(book.sheets[0], "A1")?.v).toBe("序号");
  });

  it("GB18030/GBK, as Chinese Excel saves CSV", () => {
    const gbk = cptable.utils.encode(936, TEXT) as ArrayLike<number>;
    expectTable(ok(readWorkbook(Uint8Array.from(gbk), "a.csv")));
  });

  it("UTF-16 with BOM", () => {
    const units = [...TEXT].flatMap((ch) => [
      ch.charCodeAt(0) & 0xff,
      ch.charCodeAt(0) >> 8,
    ]);
    expectTable(
      ok(readWorkbook(new Uint8Array([0xff, 0xfe, ...units]), "a.csv")),
    );
  });

  it("an 18-digit number keeps all its digits as text", () => {
    const s = ok(
      readWorkbook(
        utf8("号码\n110101199003071234\n123456789012345\n"),
        "a.csv",
      ),
    ).sheets[0];
    expect(at(s, "A2")).toEqual({ v: "110101199003071234" });
    expect(at(s, "A3")).toEqual({ v: 123456789012345, w: "123456789012345" });
  });

  it("only blank lines and spaces: empty", () => {
    expect(readWorkbook(utf8("\r\n  \r\n,,\r\n"), "空.csv")).toEqual({
      ok: false,
      error: { code: "empty", file: "空.csv", message: "文件为空：空.csv" },
    });
  });
});

describe("other inputs", () => {
  it("an HTML table saved as .xls, as some systems export", () => {
    const html =
      "<html><body><table><tr><td>序号</td><td>金额</td></tr><tr><td>1</td><td>0012</td></tr></table></body></html>";
    const s = ok(readWorkbook(utf8(html), "导出.xls")).sheets[0];
    expect(at(s, "B1")?.v).toBe("金额");
    expect(at(s, "A2")).toEqual({ v: 1, w: "1" });
    expect(at(s, "B2")).toEqual({ v: "0012" });
  });

  it("an XML Spreadsheet 2003 file: its types are kept (a String cell stays text, a DateTime is a date)", () => {
    const xml = `<?xml version="1.0"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
 <Styles><Style ss:ID="d"><NumberFormat ss:Format="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></Style></Styles>
 <Worksheet ss:Name="表1"><Table><Row>
  <Cell ss:StyleID="d"><Data ss:Type="DateTime">2024-03-05T00:00:00.000</Data></Cell>
  <Cell><Data ss:Type="Number">12.5</Data></Cell>
  <Cell><Data ss:Type="String">12.5</Data></Cell>
 </Row></Table></Worksheet></Workbook>`;
    const s = ok(readWorkbook(utf8(xml), "导出.xls")).sheets[0];
    expect(s?.name).toBe("表1");
    expect(at(s, "A1")).toMatchObject({
      v: 45356,
      w: "2024年3月5日",
      date: "2024-03-05",
    });
    expect(at(s, "B1")?.v).toBe(12.5);
    expect(at(s, "C1")?.v).toBe("12.5");
  });

  it("an ArrayBuffer works like a Uint8Array", () => {
    const bytes = readFileSync(path.join(FIXTURES, "features.xlsx"));
    const buffer = bytes.buffer.slice(
      bytes.byteOffset,
      bytes.byteOffset + bytes.byteLength,
    );
    expect(ok(readWorkbook(buffer, "features.xlsx")).sheets[0]?.name).toBe(
      "贷款",
    );
  });

  it("a workbook a program saved with one empty sheet: empty", () => {
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([]), "Sheet1");
    const bytes = XLSX.write(book, {
      type: "array",
      bookType: "xlsx",
    }) as ArrayBuffer;
    expect(readWorkbook(bytes, "空白.xlsx")).toEqual({
      ok: false,
      error: {
        code: "empty",
        file: "空白.xlsx",
        message: "文件为空：空白.xlsx",
      },
    });
  });

  it("zero bytes: empty", () => {
    expect(readWorkbook(new Uint8Array(0), "零.xlsx")).toEqual({
      ok: false,
      error: { code: "empty", file: "零.xlsx", message: "文件为空：零.xlsx" },
    });
  });

  it.each([
    [
      "a PNG renamed .xlsx",
      "图.xlsx",
      [
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49,
        0x48,
      ],
    ],
    [
      "a PNG renamed .csv",
      "图.csv",
      [
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49,
        0x48,
      ],
    ],
    [
      "a PDF renamed .xls",
      "说明.xls",
      [...utf8("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")],
    ],
    [
      "plain text renamed .xlsx",
      "说明.xlsx",
      [...utf8("序号,企业名称\n1,甲\n")],
    ],
  ])("%s: not a supported spreadsheet", (_what, file, bytes) => {
    expect(readWorkbook(Uint8Array.from(bytes), file)).toEqual({
      ok: false,
      error: {
        code: "unsupported",
        file,
        message: `不是受支持的表格文件：${file}（文件内容不是表格，可能是其他类型的文件改了扩展名；请提交 .xlsx、.xlsm、.xls、.et、.ods 或 .csv 表格文件）`,
      },
    });
  });

  it("a Word document (zip) renamed .xlsx: not a spreadsheet", () => {
    const zip = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(zip, "/word/document.xml", utf8("<w:document/>"));
    const bytes = XLSX.CFB.write(zip, {
      fileType: "zip",
      type: "array",
    }) as number[];
    expect(readWorkbook(Uint8Array.from(bytes), "申报书.xlsx")).toMatchObject({
      ok: false,
      error: { code: "unsupported" },
    });
  });

  it("a compound file without a workbook stream (e.g. a .doc) renamed .xls: not a spreadsheet", () => {
    const cfb = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(cfb, "/WordDocument", new Uint8Array(600).fill(1));
    const bytes = XLSX.CFB.write(cfb, { type: "array" }) as number[];
    expect(readWorkbook(Uint8Array.from(bytes), "申报书.xls")).toMatchObject({
      ok: false,
      error: { code: "unsupported" },
    });
  });

  it("an encrypted OOXML package (EncryptionInfo + EncryptedPackage): encrypted", () => {
    const cfb = XLSX.CFB.utils.cfb_new();
    const xml =
      '<?xml version="1.0"?><encryption xmlns="http://schemas.microsoft.com/office/2006/encryption"/>';
    XLSX.CFB.utils.cfb_add(
      cfb,
      "/EncryptionInfo",
      new Uint8Array([4, 0, 4, 0, 0x40, 0, 0, 0, ...utf8(xml)]),
    );
    XLSX.CFB.utils.cfb_add(
      cfb,
      "/EncryptedPackage",
      new Uint8Array(4096).fill(7),
    );
    const bytes = XLSX.CFB.write(cfb, { type: "array" }) as number[];
    expect(readWorkbook(Uint8Array.from(bytes), "加密.xlsx")).toEqual({
      ok: false,
      error: {
        code: "encrypted",
        file: "加密.xlsx",
        message: "文件已加密：加密.xlsx（请去掉密码后再提交）",
      },
    });
  });

  it("a truncated .xlsx: corrupt", () => {
    const bytes = readFileSync(path.join(FIXTURES, "features.lo.xlsx"));
    expect(readWorkbook(bytes.subarray(0, 3000), "半个.xlsx")).toMatchObject({
      ok: false,
      error: { code: "corrupt", file: "半个.xlsx" },
    });
  });

  it("a format id used by two cells keeps its Chinese format on both", () => {
    // easyexcel's A8 uses built-in id 31; make A9 use the same style (SheetJS alone invents m/d/yy for the second).
    const file = readFileSync(
      path.join(WILD, "easyexcel_dataformat_dataformat.xlsx"),
    );
    const zip = XLSX.CFB.read(file, { type: "buffer" });
    const sheetPath = "/xl/worksheets/sheet1.xml";
    const xml = Buffer.from(XLSX.CFB.find(zip, sheetPath).content).toString(
      "utf8",
    );
    XLSX.CFB.utils.cfb_add(
      zip,
      sheetPath,
      utf8(xml.replace('<c r="A9" s="15"', '<c r="A9" s="13"')),
    );
    const bytes = XLSX.CFB.write(zip, {
      fileType: "zip",
      type: "array",
    }) as number[];
    const s = ok(readWorkbook(Uint8Array.from(bytes), "twice.xlsx")).sheets[0];
    for (const a of ["A8", "A9"]) {
      expect(at(s, a)).toEqual({
        v: 43831.0423726852,
        w: "2020年1月1日",
        z: 'yyyy"年"m"月"d"日"',
        date: "2020-01-01",
      });
    }
  });
});

describe("never throws", () => {
  // SheetJS reports damaged records on the console; the result is what matters here.
  beforeEach(() =>
    jest.spyOn(console, "error").mockImplementation(() => undefined),
  );
  afterEach(() => jest.restoreAllMocks());
  const seeds = ["features.xlsx", "features.xls", "features.ods"].map((f) =>
    readFileSync(path.join(FIXTURES, f)),
  );

  it("on random bytes, with or without a spreadsheet signature", () => {
    const header = fc.constantFrom(
      [],
      [0x50, 0x4b, 0x03, 0x04],
      [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
      [0x09, 0x00],
    );
    fc.assert(
      fc.property(
        header,
        fc.uint8Array({ maxLength: 2048 }),
        fc.constantFrom("a.xlsx", "a.csv"),
        (h, rest, name) => {
          const result = readWorkbook(Uint8Array.from([...h, ...rest]), name);
          expect(typeof result.ok).toBe("boolean");
        },
      ),
      { seed: 20240305, numRuns: 300 },
    );
  });

  it("on real workbooks with bytes overwritten", () => {
    fc.assert(
      fc.property(
        fc.nat({ max: seeds.length - 1 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 8,
        }),
        (which, edits) => {
          const bytes = Uint8Array.from(seeds[which]!);
          for (const [at, value] of edits) bytes[at % bytes.length] = value;
          const result = readWorkbook(bytes, "x.xlsx");
          if (!result.ok)
            expect(["corrupt", "unsupported", "empty", "encrypted"]).toContain(
              result.error.code,
            );
        },
      ),
      { seed: 20240305, numRuns: 150 },
    );
  });
});
