/**
 * The only module that relies on SheetJS beyond its documented API (SheetJS 内部接口). Each use is pinned by
 * test/xlsx/sheetjsInternals.test.ts, so that an upgrade of `@e965/xlsx` that changes one fails that test instead of
 * changing what files read as:
 * - `parse_zip` with a hand-built container: the package parser without SheetJS's own unzip (which loops forever on
 *   some damaged deflate streams, and has no bound on unpacked sizes); the parts come from our bounded unzip;
 * - the global number-format table (`SSF.load`): the BIFF readers take built-in formats from it and never reset it;
 * - the text of SheetJS's console message about OpenDocument number formats, which is silenced.
 */
import * as XLSX from "@e965/xlsx";

import { CHINESE_BUILTIN_FORMATS } from "./chineseFormats";

/** The SheetJS version whose internals this module was checked against (the pin test compares it). */
export const CHECKED_SHEETJS_VERSION = "0.20.3";

/** A package as `parse_zip` takes it (the container of SheetJS's CFB module): paths under `Root Entry/`. */
interface ZipContainer {
  FullPaths: string[];
  FileIndex: {
    name: string;
    type: number;
    size?: number;
    content?: Uint8Array;
  }[];
}

/** Exported by both SheetJS's CommonJS and ES builds, missing from its type definitions. */
const parseZip = (
  XLSX as unknown as {
    parse_zip(zip: ZipContainer, options: XLSX.ParsingOptions): XLSX.WorkBook;
  }
).parse_zip;

/**
 * Parses an unzipped package (.xlsx .xlsm .ods) with SheetJS, without SheetJS's console messages about OpenDocument
 * number formats.
 * @param parts path inside the package (`xl/workbook.xml`) → the part's bytes (an empty part reads as "nothing there")
 * @throws what SheetJS throws for a damaged or encrypted package
 */
export function parsePackageParts(
  parts: ReadonlyMap<string, Uint8Array>,
  options: XLSX.ParsingOptions,
): XLSX.WorkBook {
  const zip: ZipContainer = {
    FullPaths: ["Root Entry/"],
    FileIndex: [{ name: "Root Entry", type: 5 }],
  };
  for (const [p, content] of parts) {
    zip.FullPaths.push(`Root Entry/${p}`);
    zip.FileIndex.push({
      name: p.slice(p.lastIndexOf("/") + 1),
      type: 2,
      size: content.length,
      content: forSheetJs(content),
    });
  }
  return withoutOdsWarnings(() => parseZip(zip, options));
}

/**
 * A part's bytes as SheetJS reads them fastest: in Node a Buffer over the same memory (SheetJS turns a Buffer into
 * text in one step, a plain Uint8Array through a windows-1252 decode and a replace over the whole part); in the
 * browser, where there is no Buffer, the bytes themselves.
 */
function forSheetJs(bytes: Uint8Array): Uint8Array {
  return typeof Buffer === "undefined"
    ? bytes
    : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The start of SheetJS's message for every OpenDocument number format with conditions (LibreOffice writes many). */
export const ODS_FORMAT_WARNING = "ODS number format may be incorrect";

/** Runs `read` without SheetJS's {@link ODS_FORMAT_WARNING} messages (nothing a user can act on); others go through. */
function withoutOdsWarnings<T>(read: () => T): T {
  const error = console.error;
  console.error = (...args: unknown[]) => {
    if (!String(args[0]).startsWith(ODS_FORMAT_WARNING)) error(...args);
  };
  try {
    return read();
  } finally {
    console.error = error;
  }
}

/**
 * Puts the Chinese built-in formats into SheetJS's global format table, which its BIFF (.xls .et) readers take
 * built-in formats from and do not reset; call before each such read (another library user may have changed it).
 */
export function loadChineseBuiltinFormats(): void {
  for (const [id, code] of Object.entries(CHINESE_BUILTIN_FORMATS))
    XLSX.SSF.load(code, Number(id));
}
