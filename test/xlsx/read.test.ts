/**
 * readWorkbook on real files: every workbook of ../shared/samples/wild (see its SOURCES.md) is read correctly or
 * refused with the right code, and the hand-made samples of ../shared/samples read as their authors typed them.
 */
import { readdirSync, readFileSync } from "fs";
import * as path from "path";

import {
  cellAt,
  cellText,
  parseA1,
  type Cell,
  type Sheet,
  type Workbook,
} from "../../src/core/model/grid";
import { readWorkbook, type ReadResult } from "../../src/xlsx/read";
import * as XLSX from "@e965/xlsx";
import { unzipSync } from "fflate";
import { hostileXls } from "../helpers/hostile";

const SAMPLES = path.resolve(__dirname, "../../../shared/samples");
const WILD = path.join(SAMPLES, "wild");

function read(file: string, dir = WILD): ReadResult {
  return readWorkbook(readFileSync(path.join(dir, file)), file);
}

function workbook(file: string, dir = WILD): Workbook {
  const result = read(file, dir);
  if (!result.ok) throw new Error(result.error.message);
  return result.workbook;
}

function sheet(book: Workbook, name: string): Sheet {
  const found = book.sheets.find((s) => s.name === name);
  if (!found) throw new Error(`no sheet ${name} in ${book.fileName}`);
  return found;
}

/** The cell at an A1 address. */
function at(s: Sheet, address: string): Cell | undefined {
  const { r, c } = parseA1(address);
  return cellAt(s, r, c);
}

/** Every file of wild/ and what reading it must give: ok, or the error code. */
const EXPECTED: Record<
  string,
  "ok" | "encrypted" | "corrupt" | "unsupported" | "empty"
> = {
  "easyexcel_compatibility_t01.xls": "ok",
  "easyexcel_compatibility_t02.xlsx": "ok",
  "easyexcel_compatibility_t04.xlsx": "ok",
  "easyexcel_compatibility_t09.xlsx": "ok",
  "easyexcel_dataformat_dataformat.xls": "ok",
  "easyexcel_dataformat_dataformat.xlsx": "ok",
  "easyexcel_temp_issue2443_date1.xlsx": "ok",
  "ej_google-sheets.xlsx": "ok",
  "ej_invalid-xml.xlsx": "ok",
  "ej_libre-calc-as-excel-2007-365.xlsx": "ok",
  "ej_missing-bits.xlsx": "corrupt",
  "ej_shared_string_with_escape.xlsx": "ok",
  // A dropdown over the whole sheet and not one cell: nothing to read.
  "ej_test-issue-1842.xlsx": "empty",
  "ej_test-issue-880.xlsx": "ok",
  "stj_1904_1900.xlsx": "ok",
  "stj_1904_1904.xls": "ok",
  "stj_1904_1904.xlsx": "ok",
  "stj_artifacts_wps_write.xlsx": "ok",
  "stj_merge_cells.xlsx": "ok",
  "stj_password_2002_40_xor.xls": "encrypted",
  "stj_rich_text_stress.xlsx": "ok",
  "stj_sheet_visibility_strict.xlsx": "ok",
  "stj_text_and_numbers.xlsx": "ok",
  "stj_wps_fn.et": "ok",
  "stj_wps_fn.xlsx": "ok",
  "stj_xlsx-stream-d-date-cell.xlsx": "ok",
  "synthetic_stray_format.xlsx": "ok",
};

describe("every file in samples/wild", () => {
  it("has an expectation here (a new file needs one)", () => {
    const files = readdirSync(WILD).filter((f) => f !== "SOURCES.md");
    expect(files.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))("%s → %s", (file, expected) => {
    const result = read(file);
    if (expected === "ok") {
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.workbook.fileName).toBe(file);
    } else {
      expect(result).toEqual({
        ok: false,
        error: expect.objectContaining({ code: expected, file }),
      });
      if (!result.ok) expect(result.error.message).toContain(file);
    }
  });
});

describe("refused files", () => {
  it("the password-protected .xls says so, naming the file", () => {
    expect(read("stj_password_2002_40_xor.xls")).toEqual({
      ok: false,
      error: {
        code: "encrypted",
        file: "stj_password_2002_40_xor.xls",
        message:
          "文件已加密：stj_password_2002_40_xor.xls（请去掉密码后再提交）",
      },
    });
  });

  it("a package without its workbook part is corrupt", () => {
    const result = read("ej_missing-bits.xlsx");
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error.message).toMatch(
        /^文件已损坏：ej_missing-bits\.xlsx/,
      );
  });

  it("a fuzzed .xls with damaged document properties and no sheet (hostileXls) is corrupt, not empty, and read at once", () => {
    // SheetJS's property-set parser took 5 s of CPU and 1.4 GB on it, then no sheet was found: 文件为空.
    const start = process.cpuUsage();
    const result = readWorkbook(hostileXls(), "内存暴涨.xls");
    const used = process.cpuUsage(start);
    expect(result).toEqual({
      ok: false,
      error: {
        code: "corrupt",
        file: "内存暴涨.xls",
        message:
          "文件已损坏：内存暴涨.xls（无法读出其中的表格，请用 Excel 或 WPS 打开并另存为 .xlsx 后再提交）",
      },
    });
    expect((used.user + used.system) / 1e6).toBeLessThan(1);
  });

  it("malformed XML before the root element: SheetJS recovers the two shared strings", () => {
    const s = sheet(workbook("ej_invalid-xml.xlsx"), "Sheet1");
    expect(at(s, "A1")?.v).toBe("foo ");
    expect(at(s, "B1")?.v).toBe("bar");
    expect(s.rows).toHaveLength(1);
  });
});

describe("dates", () => {
  it.each(["stj_1904_1900.xlsx", "stj_1904_1904.xlsx", "stj_1904_1904.xls"])(
    "%s: every date cell reads as the date its TEXT() formula shows",
    (file) => {
      const book = workbook(file);
      expect(book.date1904).toBe(file !== "stj_1904_1900.xlsx");
      const s = sheet(book, "Sheet1");
      for (let r = 1; r <= 5; r++) {
        const shown = at(s, `C${r}`);
        expect(shown?.f).toBe(`TEXT(B${r},"YYYY-MM-DD")`);
        expect(at(s, `B${r}`)?.date).toBe(shown?.v);
        // The value stays the serial the file stores (same in both files).
        expect(at(s, `B${r}`)?.v).toBe(at(s, `A${r}`)?.v);
      }
      expect(at(s, "B5")?.date).toBe(
        file === "stj_1904_1900.xlsx" ? "1930-06-02" : "1934-06-03",
      );
    },
  );

  it('an ISO date cell (t="d") becomes its serial with the date', () => {
    const s = sheet(workbook("stj_xlsx-stream-d-date-cell.xlsx"), "Sheet1");
    // 2014-02-14T08:27:48.765Z
    expect(at(s, "B5")?.v).toBeCloseTo(41684.35264774306, 10);
    expect(at(s, "B5")?.date).toBe("2014-02-14");
    // Built-in format 14 is shown the Chinese way.
    expect(at(s, "B5")?.w).toBe("2014/2/14");
  });

  it("a WPS date with its own format code m/d/yy (custom id 176)", () => {
    const s = sheet(workbook("stj_artifacts_wps_write.xlsx"), "Sheet1");
    expect(at(s, "C3")).toEqual({
      v: 41689,
      w: "2/19/14",
      z: "m/d/yy",
      date: "2014-02-19",
    });
  });

  it("times and durations are not dates", () => {
    const s = sheet(workbook("stj_xlsx-stream-d-date-cell.xlsx"), "Sheet1");
    expect(at(s, "B7")).toEqual({ v: 1.5, w: "12:00 PM", z: "h:mm AM/PM" });
    expect(at(s, "B10")).toEqual({ v: 1.5, w: "36:00:00", z: "[h]:mm:ss" });
  });
});

describe("Chinese built-in date formats (easyexcel dataformat: column B shows the expected text)", () => {
  /** Rows whose column A format shows a date; the others (3, 20–27) show only a time. */
  const DATE_ROWS = [
    2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 28,
  ];
  const TIME_ROWS = [3, 20, 21, 22, 23, 24, 25, 26, 27];
  /** Rows formatted with a built-in id (no format code in the file): 22, 14, 31, 57, 58, 32, 55, 56. */
  const BUILT_IN_ROWS = [2, 4, 8, 9, 10, 23, 24, 25];

  describe.each([
    "easyexcel_dataformat_dataformat.xlsx",
    "easyexcel_dataformat_dataformat.xls",
  ])("%s", (file) => {
    const s = sheet(workbook(file), "Sheet1");

    it("dates read as 2020-01-01, keeping the serial", () => {
      for (const r of DATE_ROWS) {
        expect({ r, date: at(s, `A${r}`)?.date }).toEqual({
          r,
          date: "2020-01-01",
        });
        expect(at(s, `A${r}`)?.v).toBe(43831.0423726852);
      }
    });

    it("time-only formats give no date", () => {
      for (const r of TIME_ROWS)
        expect({ r, date: at(s, `A${r}`)?.date }).toEqual({
          r,
          date: undefined,
        });
    });

    it("built-in ids show the text Chinese Excel shows", () => {
      for (const r of BUILT_IN_ROWS)
        expect({ r, w: at(s, `A${r}`)?.w }).toEqual({
          r,
          w: cellText(at(s, `B${r}`)),
        });
      expect(at(s, "A8")?.z).toBe('yyyy"年"m"月"d"日"');
      expect(at(s, "A8")?.w).toBe("2020年1月1日");
      expect(at(s, "A24")?.w).toBe("上午1时01分");
    });
  });
  it("the .xls gets them too when it is the first file SheetJS reads (a fresh module)", async () => {
    await jest.isolateModulesAsync(async () => {
      const fresh = await import("../../src/xlsx/read");
      const file = "easyexcel_dataformat_dataformat.xls";
      const result = fresh.readWorkbook(
        readFileSync(path.join(WILD, file)),
        file,
      );
      const s = result.ok ? result.workbook.sheets[0] : undefined;
      expect(at(s!, "A9")).toEqual({
        v: 43831.0423726852,
        w: "2020年1月",
        z: 'yyyy"年"m"月"',
        date: "2020-01-01",
      });
    });
  });
});

describe("text", () => {
  it("lower-case _x005f_ escape (t09): the text is SH_x000D_Z002", () => {
    expect(
      at(sheet(workbook("easyexcel_compatibility_t09.xlsx"), "Sheet1"), "A1")
        ?.v,
    ).toBe("SH_x000D_Z002");
  });

  it("upper-case _x005F_ escape: the text is _x000D_", () => {
    expect(
      at(sheet(workbook("ej_shared_string_with_escape.xlsx"), "Sheet1"), "A1")
        ?.v,
    ).toBe("_x000D_");
  });

  it("rich-text runs read as plain text", () => {
    const s = sheet(workbook("stj_rich_text_stress.xlsx"), "Sheet1");
    expect(at(s, "B2")?.v).toBe("this text is bold, sure enough");
    expect(at(s, "B15")?.v).toBe("lets try all combinations of BIU in cell");
    for (const row of s.rows)
      for (const cell of row ?? []) expect(typeof cell?.v).toBe("string");
  });

  it("numbers stored as text stay text; a format's display text is kept", () => {
    const s = sheet(workbook("easyexcel_temp_issue2443_date1.xlsx"), "Sheet1");
    expect(at(s, "A2")).toEqual({ v: "1.00", z: "0.00_ " });
    const t = sheet(workbook("stj_text_and_numbers.xlsx"), "Sheet1");
    expect(at(t, "B2")?.v).toBe("שלום");
    expect(at(t, "C4")).toMatchObject({ v: 1337, w: " $1,337.00 " });
  });

  it("inline strings and XML escapes", () => {
    const s = sheet(workbook("stj_xlsx-stream-d-date-cell.xlsx"), "Sheet1");
    expect(at(s, "B1")?.v).toBe("てすと");
    expect(at(s, "C1")?.v).toBe("&'\";<>");
    expect(at(s, "D1")?.v).toBe("&amp;");
    expect(at(s, "B11")).toMatchObject({
      v: "String1",
      f: "CONCATENATE(A1,B2)",
    });
  });
});

describe("WPS and other writers", () => {
  it.each(["stj_wps_fn.et", "stj_wps_fn.xlsx"])(
    "%s: formulas keep cached values; formula text typed as text",
    (file) => {
      const s = sheet(workbook(file), "Sheet1");
      expect(at(s, "C2")).toMatchObject({ v: 2, f: 'EVALUATE("1+1")' });
      expect(at(s, "C3")).toMatchObject({
        v: null,
        e: "#VALUE!",
        f: 'FIELDVALUE(A2,"Formula")',
      });
      expect(at(s, "B2")?.v).toBe('=EVALUATE("1+1")');
      expect(at(s, "B2")?.f).toBeUndefined();
    },
  );

  it("prefixed XML namespaces (t02): text with leading zeros stays text", () => {
    const s = sheet(
      workbook("easyexcel_compatibility_t02.xlsx"),
      "测试配方1027",
    );
    expect(at(s, "A1")?.v).toBe("测试配方1027");
    expect(at(s, "B3")?.v).toBe("01502200");
    expect(at(s, "M3")?.v).toBe("00005");
    expect(at(s, "F3")?.v).toBe(100);
    expect(s.merges).toEqual([{ s: { r: 0, c: 0 }, e: { r: 0, c: 17 } }]);
  });

  it("Tencent Docs export with a wrong declared size (t04): all 57 rows and 70 merges", () => {
    const s = sheet(workbook("easyexcel_compatibility_t04.xlsx"), "工作表1");
    expect(s.rows).toHaveLength(57);
    expect(s.merges).toHaveLength(70);
    expect(at(s, "A1")?.v).toBe("序号");
    expect(at(s, "G2")?.v).toBe("1111111111111111111111");
    expect(at(s, "E57")?.v).toBe("8号");
  });

  it("a Chinese .xls template with a long merged instruction title (t01)", () => {
    const s = sheet(workbook("easyexcel_compatibility_t01.xls"), "产品数据");
    expect(cellText(at(s, "A1"))).toMatch(
      /^紧密产品同步执行导入模板\n1、材质：必填，/,
    );
    expect(s.merges).toEqual([{ s: { r: 0, c: 0 }, e: { r: 0, c: 17 } }]);
    expect(at(s, "A2")?.v).toBe("材质*");
    expect(at(s, "M3")?.v).toBe(200);
  });
});

describe("structure", () => {
  it("merged blocks", () => {
    const s = sheet(workbook("stj_merge_cells.xlsx"), "Merge");
    expect(s.merges).toEqual([
      { s: { r: 0, c: 0 }, e: { r: 1, c: 1 } },
      { s: { r: 0, c: 2 }, e: { r: 1, c: 2 } },
      { s: { r: 2, c: 0 }, e: { r: 2, c: 1 } },
      { s: { r: 0, c: 3 }, e: { r: 1, c: 3 } },
      { s: { r: 3, c: 0 }, e: { r: 3, c: 1 } },
    ]);
    expect(at(s, "A1")?.v).toBe("A1:B2");
    // The covered cells of a merge hold nothing.
    expect(at(s, "B2")).toBeUndefined();
  });

  it("hidden and very hidden sheets (Strict OOXML)", () => {
    const book = workbook("stj_sheet_visibility_strict.xlsx");
    expect(book.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ["Visible", undefined],
      ["Hidden", true],
      ["VeryHidden", true],
    ]);
    expect(at(sheet(book, "VeryHidden"), "J2")).toEqual({
      v: 110,
      w: "110",
      z: "General",
      f: "CODE(J1)",
    });
  });

  it.each(["ej_google-sheets.xlsx", "ej_libre-calc-as-excel-2007-365.xlsx"])(
    "%s: the hidden row 2",
    (file) => {
      const s = sheet(workbook(file), "Sheet1");
      expect(s.hiddenRows).toEqual([1]);
      expect(at(s, "A2")?.v).toBe("HIDDEN");
      expect(at(s, "A3")?.v).toBe("VISIBLE");
    },
  );

  it("a stray formatted cell at row 1,048,576 and empty text at XFD1 add nothing", () => {
    const s = sheet(workbook("synthetic_stray_format.xlsx"), "明细表");
    expect(s.rows).toHaveLength(3);
    expect(s.rows.map((row) => row.length)).toEqual([3, 3, 3]);
    expect(at(s, "C1")?.v).toBe("金额（万元）");
    expect(at(s, "C2")?.v).toBe(12.5);
    expect(at(s, "B3")?.v).toBe("示例企业乙");
  });

  it("5 sheets, 524 merges, shared formulas and #REF! errors (exceljs issue 880)", () => {
    const book = workbook("ej_test-issue-880.xlsx");
    expect(book.sheets.map((s) => s.hidden ?? false)).toEqual([
      false,
      true,
      true,
      true,
      true,
    ]);
    expect(sheet(book, "Leiterprüfung").merges).toHaveLength(524);
    expect(at(sheet(book, "A"), "A3")).toMatchObject({
      v: null,
      e: "#REF!",
      f: "#REF!*0.3+225",
    });
    // Rows of format-only cells are not materialised.
    const rowsWithCells = book.sheets.reduce(
      (n, s) => n + Object.keys(s.rows).length,
      0,
    );
    expect(rowsWithCells).toBeLessThan(600);
  });
});

/**
 * Each package's cells against SheetJS reading the whole package on its own (default options, every part: themes,
 * comments, drawings, pictures, properties, metadata). The reader leaves those parts out and edits the styles and
 * worksheet parts: what it reads must stay what the package holds.
 */
describe("a package read without its unused parts", () => {
  const packages = [
    ...readdirSync(WILD)
      .filter((f) => /\.xlsx$/.test(f) && read(f).ok)
      .map((f) => [f, WILD] as const),
    ...readdirSync(SAMPLES)
      .filter((f) => /\.xlsx$/.test(f))
      .map((f) => [f, SAMPLES] as const),
  ];

  it("covers packages with each kind of part left out", () => {
    const parts = packages.flatMap(([f, dir]) =>
      Object.keys(unzipSync(readFileSync(path.join(dir, f)))),
    );
    for (const kind of [
      /^xl\/theme\//,
      /^xl\/comments/,
      /^xl\/drawings\//,
      /^xl\/media\//,
      /^xl\/calcChain\.xml$/,
      /^xl\/metadata\.xml$/,
      /^xl\/printerSettings\//,
      /^docProps\//,
    ])
      expect(parts.some((p) => kind.test(p))).toBe(true);
  });

  it.each(packages)("%s: the same values and hidden rows", (file, dir) => {
    const book = workbook(file, dir);
    const whole = XLSX.read(readFileSync(path.join(dir, file)), {
      type: "buffer",
      dense: true,
      cellStyles: true,
    });
    expect(book.sheets.map((s) => s.name)).toEqual(whole.SheetNames);
    for (const s of book.sheets) {
      const ws = whole.Sheets[s.name]!;
      const expected: [string, unknown][] = [];
      (ws["!data"] ?? []).forEach((row, r) =>
        row?.forEach((cell, c) => {
          if (cell.t === "e" || cell.t === "z" || cell.v === "") return;
          expected.push([XLSX.utils.encode_cell({ r, c }), cell.v]);
        }),
      );
      const actual: [string, unknown][] = [];
      s.rows.forEach((row, r) =>
        row?.forEach((cell, c) => {
          if (cell && cell.e === undefined && cell.v !== null)
            actual.push([XLSX.utils.encode_cell({ r, c }), cell.v]);
        }),
      );
      expect(actual).toEqual(expected);
      const hidden = (ws["!rows"] ?? []).flatMap((info, r) =>
        info?.hidden && r < s.rows.length ? [r] : [],
      );
      expect(s.hiddenRows ?? []).toEqual(hidden);
    }
  });
});

describe("samples made by hand", () => {
  it("loan-handmade.xlsx: title, SUM formulas with cached totals, dates", () => {
    const s = sheet(workbook("loan-handmade.xlsx", SAMPLES), "新增贷款明细表");
    expect(at(s, "A1")?.v).toBe(
      "省级重点产业链链上企业 2024 年度新增贷款明细表",
    );
    expect(at(s, "I3")?.v).toBe("2024年借款起息日\n（以借款借据为准）");
    expect(at(s, "D4")).toEqual({
      v: 3800,
      w: "3800",
      z: "General",
      f: "SUM(D5:D7)",
    });
    expect(at(s, "M4")).toMatchObject({ v: 113.3331, f: "SUM(M5:M7)" });
    expect(at(s, "G5")).toEqual({
      v: 45307,
      w: "2024-01-16",
      z: "yyyy-mm-dd",
      date: "2024-01-16",
    });
    expect(at(s, "G6")?.date).toBe("2023-11-30");
    expect(at(s, "N5")?.v).toBe("11");
    expect(s.merges).toHaveLength(2);
  });

  it.each([
    ["project-info-1.xlsx", "晋城市丹河精密机械有限公司", "冯工 13835610011"],
    ["project-info-3.xls", "山西晋阳现代医药有限公司", "褚经理 13613510013"],
  ])(
    "%s: 项目情况表 with the company and contact typed",
    (file, company, contact) => {
      const s = sheet(workbook(file, SAMPLES), "项目情况表");
      expect(at(s, "A1")?.v).toBe("山西省技术改造专项资金事项类项目情况表");
      expect(at(s, "E3")?.v).toBe("企业（单位）名称");
      expect(at(s, "E4")?.v).toBe(company);
      expect(at(s, "L4")?.v).toBe(contact);
      expect(at(s, "A4")?.v).toBe(1);
    },
  );

  it("project-info-2.xlsx reads", () => {
    const s = sheet(workbook("project-info-2.xlsx", SAMPLES), "项目情况表");
    expect(at(s, "A3")?.v).toBe("序号");
    expect(s.rows).toHaveLength(4);
  });
});
