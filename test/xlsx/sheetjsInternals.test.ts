/**
 * Pins what src/xlsx/reader/sheetjsInternals.ts relies on in SheetJS beyond its documented API. When an upgrade of
 * `@e965/xlsx` fails one of these, re-check that module before changing the expectation.
 */
import { readFileSync } from "fs";
import * as path from "path";
import * as XLSX from "@e965/xlsx";
import { unzipSync } from "fflate";

import {
  CHECKED_SHEETJS_VERSION,
  loadChineseBuiltinFormats,
  ODS_FORMAT_WARNING,
  parseCompoundFile,
  parsePackageParts,
} from "../../src/xlsx/reader/sheetjsInternals";

const SAMPLES = path.resolve(__dirname, "../../../shared/samples");
const FIXTURES = path.resolve(__dirname, "../fixtures/read");

/** Every sheet's cells as `A1=value|text|format`, for comparing two readings. */
function cells(book: XLSX.WorkBook): string[] {
  return book.SheetNames.flatMap((name) => {
    const ws = book.Sheets[name]!;
    return (ws["!data"] ?? []).flatMap((row, r) =>
      (row ?? []).flatMap((c, col) =>
        c
          ? [
              `${name}!${XLSX.utils.encode_cell({ r, c: col })}=${String(c.v)}|${c.t}|${c.z ?? ""}`,
            ]
          : [],
      ),
    );
  });
}

const OPTIONS: XLSX.ParsingOptions = { dense: true, cellNF: true };

test("the installed SheetJS is the version these internals were checked against", () => {
  expect(XLSX.version).toBe(CHECKED_SHEETJS_VERSION);
});

test.each(["project-info-1.xlsx", "loan-handmade.xlsx"])(
  "parse_zip with a hand-built container reads %s as SheetJS's own read does",
  (file) => {
    const bytes = readFileSync(path.join(SAMPLES, file));
    const parts = new Map(
      Object.entries(unzipSync(bytes)).filter(([p]) => !p.endsWith("/")),
    );
    const ours = parsePackageParts(parts, OPTIONS);
    const theirs = XLSX.read(bytes, { ...OPTIONS, type: "buffer" });
    expect(ours.SheetNames).toEqual(theirs.SheetNames);
    expect(cells(ours)).toEqual(cells(theirs));
    expect(cells(ours).length).toBeGreaterThan(20);
  },
);

test.each([
  "project-info-3.xls",
  "wild/stj_1904_1904.xls",
  "wild/stj_wps_fn.et",
])(
  "parse_xlscfb with SheetJS's compound file reads %s as SheetJS's own read does, without its document properties",
  (file) => {
    const bytes = readFileSync(path.join(SAMPLES, file));
    const theirs = XLSX.read(bytes, { ...OPTIONS, type: "buffer" });
    const ours = parseCompoundFile(bytes, OPTIONS);
    expect(ours.SheetNames).toEqual(theirs.SheetNames);
    expect(cells(ours)).toEqual(cells(theirs));
    expect(cells(ours).length).toBeGreaterThan(5);
    expect(Object.keys(theirs.Props ?? {}).length).toBeGreaterThan(0);
    expect(ours.Props).toEqual({});
  },
);

test("an encrypted .xls read through parseCompoundFile throws SheetJS's password error", () => {
  const bytes = readFileSync(
    path.join(SAMPLES, "wild/stj_password_2002_40_xor.xls"),
  );
  expect(() => parseCompoundFile(bytes, OPTIONS)).toThrow(/password/i);
});

test("parse_zip reads an empty theme part as SheetJS's default theme (unused parts are handed over empty)", () => {
  const bytes = readFileSync(path.join(SAMPLES, "project-info-1.xlsx"));
  const parts = new Map(
    Object.entries(unzipSync(bytes))
      .filter(([p]) => !p.endsWith("/"))
      .map(([p, c]): [string, Uint8Array] => [
        p,
        /^xl\/theme\//.test(p) ? new Uint8Array() : c,
      ]),
  );
  expect([...parts.keys()].some((p) => p.startsWith("xl/theme/"))).toBe(true);
  const book = parsePackageParts(parts, { ...OPTIONS, cellStyles: true });
  expect(cells(book)).toEqual(
    cells(XLSX.read(bytes, { ...OPTIONS, type: "buffer" })),
  );
});

test("the BIFF reader takes built-in format 14 from the global format table, which it does not reset", () => {
  const bytes = readFileSync(
    path.join(SAMPLES, "wild/easyexcel_dataformat_dataformat.xls"),
  );
  const formats = () =>
    new Set(
      cells(XLSX.read(bytes, { ...OPTIONS, type: "buffer" })).map(
        (c) => c.split("|")[2],
      ),
    );
  try {
    XLSX.SSF.load("m/d/yy", 14);
    expect(formats().has("m/d/yy")).toBe(true);
    loadChineseBuiltinFormats();
    expect(XLSX.SSF.get_table()[14]).toBe("yyyy/m/d");
    const chinese = formats();
    expect(chinese.has("yyyy/m/d")).toBe(true);
    expect(chinese.has("m/d/yy")).toBe(false);
  } finally {
    loadChineseBuiltinFormats();
  }
});

test("SheetJS says ODS_FORMAT_WARNING on the console for LibreOffice's conditional formats; parsePackageParts silences only that", () => {
  const bytes = readFileSync(path.join(FIXTURES, "features.ods"));
  const spy = jest.spyOn(console, "error").mockImplementation(() => {});
  try {
    XLSX.read(bytes, { ...OPTIONS, type: "buffer" });
    const said = spy.mock.calls.map((c) => String(c[0]));
    expect(said.length).toBeGreaterThan(0);
    expect(said.every((s) => s.startsWith(ODS_FORMAT_WARNING))).toBe(true);
    spy.mockClear();
    const parts = new Map(
      Object.entries(unzipSync(bytes)).filter(([p]) => !p.endsWith("/")),
    );
    parsePackageParts(parts, OPTIONS);
    expect(spy).not.toHaveBeenCalled();
  } finally {
    spy.mockRestore();
  }
});
