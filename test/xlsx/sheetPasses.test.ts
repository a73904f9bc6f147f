/**
 * Workbooks of many sheets (src/xlsx/reader/sheetPasses.ts): read in passes of SHEETS_PER_PASS sheets, they read as
 * one pass reads them (names, cells, hidden sheets, our template marks); 10,000 sheets are read in well under the
 * reading process's time limit (20 s) — one pass took about 40 s of CPU for them — and twice the sheets cost less than
 * 2.5 times as much in the parts handed to SheetJS (each pass lists only its own sheets: exact), and less than 3 times
 * as much CPU time (a measurement on a shared machine: the margin keeps it from failing by chance, while a quadratic
 * step, 4 times, still fails).
 */
import { readWorkbook } from "../../src/xlsx/read";
import { parsePackageParts } from "../../src/xlsx/reader/sheetjsInternals";
import {
  parseInPasses,
  planPasses,
  SHEETS_PER_PASS,
} from "../../src/xlsx/reader/sheetPasses";
import { entryOf, zipOf } from "../helpers/zip";

const enc = (s: string) => new TextEncoder().encode(s);
const NS =
  'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/**
 * The parts of a workbook of `n` sheets named 表1…表n, sheet i holding `第i页` in A1 and i in B1; sheet 3 hidden; a
 * defined name scoped to the last sheet. Worksheet parts are numbered backwards (sheet 1 is `sheet{n}.xml`), so that a
 * pass must follow the relationships, not the part names.
 */
function manySheetParts(n: number): Map<string, Uint8Array> {
  const ids = Array.from({ length: n }, (_, i) => i + 1);
  const part = (i: number) => `worksheets/sheet${n + 1 - i}.xml`;
  return new Map<string, Uint8Array>([
    [
      "[Content_Types].xml",
      enc(
        `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${ids.map((i) => `<Override PartName="/xl/${part(i)}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("")}</Types>`,
      ),
    ],
    [
      "_rels/.rels",
      enc(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    ],
    [
      "xl/workbook.xml",
      enc(
        `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS}><sheets>${ids.map((i) => `<sheet name="表${i}" sheetId="${i}"${i === 3 ? ' state="hidden"' : ""} r:id="rId${i}"/>`).join("")}</sheets><definedNames><definedName name="末页" localSheetId="${n - 1}">'表${n}'!$A$1</definedName></definedNames></workbook>`,
      ),
    ],
    [
      "xl/_rels/workbook.xml.rels",
      enc(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${ids.map((i) => `<Relationship Id="rId${i}" Type="${REL}/worksheet" Target="${part(i)}"/>`).join("")}</Relationships>`,
      ),
    ],
    ...ids.map((i): [string, Uint8Array] => [
      `xl/${part(i)}`,
      enc(
        `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>第${i}页</t></is></c><c r="B1"><v>${i}</v></c></row></sheetData></worksheet>`,
      ),
    ]),
  ]);
}

/** Every sheet as `name: A1 B1` and hidden flags, the defined names: what the reader takes from a SheetJS book. */
function summary(book: ReturnType<typeof parsePackageParts>) {
  return {
    sheets: book.SheetNames.map((name) => {
      const row = book.Sheets[name]!["!data"]![0]!;
      return `${name}: ${String(row[0]!.v)} ${String(row[1]!.v)}`;
    }),
    hidden: book.Workbook!.Sheets!.map((s) => s.Hidden ?? 0),
    names: book.Workbook!.Names,
  };
}

test("a workbook of 1,201 sheets reads in passes as in one pass", () => {
  const n = 2 * SHEETS_PER_PASS + 201;
  const parts = manySheetParts(n);
  const options = { dense: true } as const;
  const passes = summary(parseInPasses(parts, options));
  expect(passes).toEqual(summary(parsePackageParts(parts, options)));
  expect(passes.sheets).toHaveLength(n);
  expect(passes.sheets[n - 1]).toBe(`表${n}: 第${n}页 ${n}`);
  expect(passes.hidden.indexOf(1)).toBe(2);
  expect(passes.names).toEqual([
    { Name: "末页", Ref: `'表${n}'!$A$1`, Sheet: n - 1 },
  ]);
});

/** The bytes of a workbook of `n` sheets (see {@link manySheetParts}), zipped. */
const zipped = (n: number) =>
  zipOf([...manySheetParts(n)].map(([p, b]) => entryOf(p, b)));

/** CPU seconds of reading `bytes`, and the result. */
function timedRead(bytes: Uint8Array) {
  const start = process.cpuUsage();
  const read = readWorkbook(bytes, "很多工作表.xlsx");
  const used = process.cpuUsage(start);
  return { read, seconds: (used.user + used.system) / 1e6 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

test("each pass lists only its own sheets: the bytes handed to SheetJS grow as the sheets do", () => {
  const handed = (n: number) =>
    planPasses(manySheetParts(n))!
      .flatMap((pass) => [...pass.values()])
      .reduce((sum, b) => sum + b.length, 0);
  const pass = (n: number, i: number) => {
    const text = (p: string) =>
      new TextDecoder().decode(planPasses(manySheetParts(n))![i]!.get(p));
    return {
      types: text("[Content_Types].xml").match(/<Override /g)!.length,
      relationships: text("xl/_rels/workbook.xml.rels").match(
        /<Relationship /g,
      )!.length,
    };
  };
  // The workbook's own override stays; each pass's 500 worksheets are listed, no other.
  expect(pass(10_000, 3)).toEqual({ types: 501, relationships: 500 });
  // Listing every sheet in each pass handed over 3.8 times as much for twice the sheets.
  expect(handed(10_000) / handed(5_000)).toBeLessThan(2.05);
});

test("10,000 sheets: every sheet read, in less than 20 s of CPU time; twice the sheets cost less than 3 times the CPU time", () => {
  const half = zipped(5_000);
  const full = zipped(10_000);
  // Interleaved, medians of three: a busy spell of the machine falls on both sizes and decides neither.
  const times: { half: number[]; full: number[] } = { half: [], full: [] };
  let read: ReturnType<typeof readWorkbook> | undefined;
  for (let i = 0; i < 3; i++) {
    times.half.push(timedRead(half).seconds);
    const r = timedRead(full);
    times.full.push(r.seconds);
    read = r.read;
  }
  expect(median(times.full)).toBeLessThan(20);
  expect(median(times.full) / median(times.half)).toBeLessThan(3);
  if (!read!.ok) throw new Error(read!.error.message);
  const sheets = read!.workbook.sheets;
  expect(sheets).toHaveLength(10_000);
  expect(sheets[9_999]).toMatchObject({
    name: "表10000",
    rows: [[{ v: "第10000页" }, { v: 10_000, w: "10000" }]],
  });
  expect(sheets.filter((s) => s.hidden).map((s) => s.name)).toEqual(["表3"]);
}, 300_000);
