/**
 * Byte-identical values through the merge: what a received cell shows is what the merged 申报汇总表 holds, read back
 * by SheetJS and by LibreOffice — texts with `_x0041_`-like sequences, control characters, spaces at either end, long
 * digit strings and credit codes with leading zeros, CSV numbers typed with trailing zeros — and what Excel cannot
 * store (a text over 32,767 characters, half of a surrogate pair) is said in the 合并日志 instead of changed silently.
 *
 * The received files are written here by hand: a CSV, and an .xlsx whose XML carries the escapes Excel writes.
 */
import * as XLSX from "@e965/xlsx";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { getTable, titleFor } from "../../src/core/catalog/tables";
import { mergeFiles, type MergeInput } from "../../src/core/merge";
import { readWorkbook } from "../../src/xlsx/read";
import { writeMergedWorkbook } from "../../src/xlsx/merge";
import { ooxmlText } from "../../src/xlsx/ooxmlText";
import { recalcToCsv } from "../helpers/libreoffice";
import { entryOf, zipOf } from "../helpers/zip";

const TABLE = getTable("project-info");
const LONG = "长".repeat(40_000);

/** The CSV row: column key → the text typed (CSV holds only text). */
const CSV_ROW: Record<string, string> = {
  seq: "1",
  city: "太原市",
  county: "小店区",
  devZone: "_x0041_开发区",
  enterpriseName: "  前后有空格的有限公司  ",
  special: "1.10",
  direction: "0012",
  projectName: "项目\u0001控制\u001f字符\u0007",
  nature: "123456789012345",
  category: "091401001234567890",
  industry: "-0.50",
  contact: `冯工\t13835610011${LONG}`,
};

function csvOf(row: Record<string, string>): string {
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  return [
    [titleFor(TABLE)],
    ...TABLE.lines.map((l) => [l]),
    TABLE.columns.map((c) => c.header),
    TABLE.columns.map((c) => row[c.key] ?? ""),
  ]
    .map((r) => r.map(quote).join(","))
    .join("\r\n");
}

/**
 * An .xlsx as Excel writes these values: inline strings with `_xHHHH_` escapes (`_x005F_x0041_` is the text
 * `_x0041_`, `_x0001_` the control character, `_xD800_` half of a surrogate pair), and a 18-digit number cell.
 */
function xlsxOf(): Uint8Array {
  const enc = (s: string) => new TextEncoder().encode(s);
  const text = (ref: string, xml: string) =>
    `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xml}</t></is></c>`;
  const letters = TABLE.columns.map((_, i) => String.fromCharCode(65 + i));
  const header = TABLE.columns.map((c, i) => text(`${letters[i]}3`, c.header));
  const data: Record<string, string> = {
    seq: `<c r="A4"><v>1</v></c>`,
    city: text("B4", "大同市"),
    county: text("C4", "平城区"),
    devZone: text("D4", "_x005F_x0041_开发区"),
    enterpriseName: text("E4", "  大同某某有限公司 "),
    special: text("F4", "企业增量提质专项"),
    direction: text("G4", "两化融合管理体系贯标"),
    projectName: text("H4", "改造_x0001_项目_x000B_"),
    nature: `<c r="I4"><v>123456789012345678</v></c>`,
    category: text("J4", "代码_xD800_尾"),
    industry: text("K4", "a&lt;b&amp;c"),
    contact: text("L4", "王工"),
  };
  const NS =
    'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  const sheet = `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData>
<row r="1">${text("A1", titleFor(TABLE))}</row><row r="2">${text("A2", TABLE.lines[0]!)}</row>
<row r="3">${header.join("")}</row><row r="4">${TABLE.columns.map((c) => data[c.key]).join("")}</row>
</sheetData></worksheet>`;
  const REL =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  return zipOf([
    entryOf(
      "[Content_Types].xml",
      enc(
        `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
      ),
    ),
    entryOf(
      "_rels/.rels",
      enc(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    ),
    entryOf(
      "xl/workbook.xml",
      enc(
        `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS}><sheets><sheet name="项目情况表" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
    ),
    entryOf(
      "xl/_rels/workbook.xml.rels",
      enc(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      ),
    ),
    entryOf("xl/worksheets/sheet1.xml", enc(sheet)),
  ]);
}

/** The columns after 序号, by key, of the merged row whose 所在市 is `city`: as SheetJS reads the merged file. */
function sheetJsRow(
  bytes: Uint8Array,
  city: string,
): Record<string, string | number> {
  const ws = XLSX.read(bytes, { type: "array" }).Sheets["申报汇总表"]!;
  const rows = XLSX.utils.sheet_to_json<(string | number)[]>(ws, {
    header: 1,
    raw: true,
  });
  const row = rows.find((r) => r[1] === city)!;
  return Object.fromEntries(TABLE.columns.map((c, i) => [c.key, row[i]!]));
}

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "techfund-values-"));
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

test("ooxmlText escapes what XML cannot hold and literal _xHHHH_ sequences, nothing else", () => {
  expect(ooxmlText("_x0041_ a_X00ff_ _x12_ 中文")).toBe(
    "_x005F_x0041_ a_x005F_X00ff_ _x12_ 中文",
  );
  expect(ooxmlText("a\u0000b\u0001\tc\nd\re\u001f\uFFFE")).toBe(
    "a_x0000_b_x0001_\tc\nd_x000D_e_x001F__xFFFE_",
  );
});

test("merged values read back by SheetJS and LibreOffice exactly as the received cells show them; what Excel cannot store is in the 合并日志", async () => {
  const inputs: MergeInput[] = [
    ["收件-甲.csv", new TextEncoder().encode(csvOf(CSV_ROW))],
    ["收件-乙.xlsx", xlsxOf()],
  ].map(([name, bytes]) => ({
    fileName: name as string,
    read: readWorkbook(bytes as Uint8Array, name as string),
  }));
  const result = mergeFiles(inputs, { unit: "太原市工业和信息化局" });
  const bytes = await writeMergedWorkbook(result);
  const file = path.join(dir, "汇总.xlsx");
  await fs.writeFile(file, bytes);

  // The CSV's texts as typed (the numbers among them too), 序号 renumbered; the long text cut at Excel's limit.
  const fromCsv: Record<string, string> = {
    ...CSV_ROW,
    contact: CSV_ROW.contact!.slice(0, 32_767),
  };
  const fromXlsx = {
    seq: 2,
    city: "大同市",
    county: "平城区",
    devZone: "_x0041_开发区",
    enterpriseName: "  大同某某有限公司 ",
    special: "企业增量提质专项",
    direction: "两化融合管理体系贯标",
    projectName: "改造\u0001项目\u000B",
    // The double nearest to 123456789012345678, as Excel stores it.
    nature: 123456789012345680,
    category: "代码\uFFFD尾",
    industry: "a<b&c",
    contact: "王工",
  };
  // 太原市 comes before 大同市 in the notice's order of cities.
  expect(sheetJsRow(bytes, "太原市")).toEqual({ ...fromCsv, seq: 1 });
  expect(sheetJsRow(bytes, "大同市")).toEqual(fromXlsx);

  const [rows] = await recalcToCsv([file]);
  const lo = (city: string) => rows!.find((r) => r[1] === city)!;
  expect(lo("太原市")).toEqual(
    TABLE.columns.map((c) => (c.key === "seq" ? "1" : fromCsv[c.key])),
  );
  // The received .xlsx as LibreOffice shows it: the merged row shows the same (the 18-digit number in General format,
  // the control characters as LibreOffice shows them), except for the half surrogate pair, which LibreOffice reads
  // as the end of the text and the merged row holds as U+FFFD, as its 合并日志 line says.
  const received = path.join(dir, "收件-乙.xlsx");
  await fs.writeFile(received, xlsxOf());
  const [source] = await recalcToCsv([received]);
  expect(
    source![3]![TABLE.columns.findIndex((c) => c.key === "category")],
  ).toBe("代码?");
  expect(lo("大同市")).toEqual(
    source![3]!.map((t, i) =>
      i === 0 ? "2" : TABLE.columns[i]!.key === "category" ? "代码\uFFFD尾" : t,
    ),
  );

  expect(result.log.map((e) => e.reason)).toEqual([
    "工作表“Sheet1”L4（项目联系人及手机）长 40014 个字符，超过 Excel 单元格上限 32767 个字符，只保留前 32767 个字符",
    "工作表“项目情况表”J4（行业分类）含 1 个无法保存的字符（不成对的 UTF-16 代理项），已替换为“\uFFFD”",
  ]);
}, 180_000);
