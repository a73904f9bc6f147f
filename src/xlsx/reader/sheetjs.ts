/**
 * SheetJS through its documented API (`XLSX.read`, `XLSX.SSF.format`): the parsing options this reader uses and the
 * calls for text files and compound files. Packages go through package.ts; undocumented uses live only in
 * sheetjsInternals.ts.
 */
import * as XLSX from "@e965/xlsx";

import { markHiddenColumns } from "./biffColumns";
import {
  loadChineseBuiltinFormats,
  parseCompoundFile,
} from "./sheetjsInternals";

/** SheetJS options: dense sheets, raw serials (no time-zone dependent Date objects), formats and formulas. */
export const OPTIONS: XLSX.ParsingOptions = {
  dense: true,
  cellDates: false,
  cellNF: true,
  // Off: it costs time, and makes the .xls reader inflate the theme zip inside the file with SheetJS's own inflate,
  // which loops forever on damaged data. Packages turn it on for their hidden rows (see package.ts).
  cellStyles: false,
  cellHTML: false,
  cellFormula: true,
  sheetStubs: true, // formula cells without a cached value (toolchain.md trap 9)
  WTF: false,
};

/**
 * Reads CSV, HTML tables, SpreadsheetML 2003 or flat OpenDocument text. `raw`: no guessing of numbers or dates by
 * SheetJS, and `=` stays text. @throws what SheetJS throws
 */
export function readTextBook(text: string): XLSX.WorkBook {
  return XLSX.read(text, { ...OPTIONS, type: "string", raw: true });
}

/** Why a compound file or BIFF stream was refused, when SheetJS says so in a way we recognise. */
export type BinaryRefusal = "encrypted" | "not-a-workbook";

/**
 * Reads a compound file (.xls .et) or bare BIFF stream, with the hidden columns of BIFF5/8 sheets (biffColumns.ts);
 * a compound file's document properties are not read (sheetjsInternals.ts `parseCompoundFile`).
 * @returns the workbook, or the refusal SheetJS's error means (a password, or another Office document such as .doc)
 * @throws other errors SheetJS throws (damaged files)
 */
export function readBinaryBook(
  bytes: Uint8Array,
): XLSX.WorkBook | BinaryRefusal {
  loadChineseBuiltinFormats();
  try {
    const book = isCompoundFile(bytes)
      ? parseCompoundFile(bytes, OPTIONS)
      : XLSX.read(bytes, { ...OPTIONS, type: "array" });
    markHiddenColumns(book, bytes);
    return book;
  } catch (e) {
    if (isPasswordError(e)) return "encrypted";
    // A compound file without a workbook stream is another Office document (.doc, .ppt …).
    if (/Cannot find Workbook stream/i.test(errorMessage(e)))
      return "not-a-workbook";
    throw e;
  }
}

/** The compound file signature (D0 CF 11 E0 A1 B1 1A E1); a bare BIFF stream has none. */
const COMPOUND_FILE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function isCompoundFile(bytes: Uint8Array): boolean {
  return COMPOUND_FILE.every((b, i) => bytes[i] === b);
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** SheetJS's errors for password-protected files (xls FILEPASS, ECMA-376 encrypted packages, encrypted ODS). */
export function isPasswordError(e: unknown): boolean {
  return /password|encrypt|ECMA-376/i.test(errorMessage(e));
}

/** SheetJS's text of `v` in number format `code`; undefined when SheetJS cannot format it. */
export function formatNumber(
  code: string,
  v: number,
  date1904: boolean,
): string | undefined {
  try {
    return XLSX.SSF.format(code, v, { date1904 });
  } catch {
    return undefined;
  }
}
