/**
 * The only module that relies on SheetJS beyond its documented API (SheetJS 内部接口). Each use is pinned by
 * test/xlsx/sheetjsInternals.test.ts, so that an upgrade of `@e965/xlsx` that changes one fails that test instead of
 * changing what files read as:
 * - `parse_zip` with a hand-built container: the package parser without SheetJS's own unzip (which loops forever on
 *   some damaged deflate streams, and has no bound on unpacked sizes); the parts come from our bounded unzip;
 * - `parse_xlscfb` with a compound file read by SheetJS's CFB module: the .xls reader without the document property
 *   streams, whose parser allocates without bound on a damaged one;
 * - the global number-format table (`SSF.load`): the BIFF readers take built-in formats from it and never reset it;
 * - the text of SheetJS's console message about OpenDocument number formats, which is silenced.
 */
import * as XLSX from "@e965/xlsx";

import { CHINESE_BUILTIN_FORMATS } from "./chineseFormats";

/** The SheetJS version whose internals this module was checked against (the pin test compares it). */
export const CHECKED_SHEETJS_VERSION = "0.20.3";

/** A compound file as SheetJS's CFB module reads it (`XLSX.CFB.read`): its streams, by name. */
interface CompoundFile {
  FileIndex: { name: string; size: number; content: Uint8Array }[];
}

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

/** SheetJS's CFB module (typed `any` by SheetJS): what is used of it. */
const CFB = XLSX.CFB as {
  read(data: Uint8Array, options: { type: "array" }): CompoundFile;
  find(cfb: CompoundFile, path: string): unknown;
};

/** Exported by SheetJS's builds, missing from its type definitions: the .xls reader after the compound file's parse. */
const parseXlsCfb = (
  XLSX as unknown as {
    parse_xlscfb(
      cfb: CompoundFile,
      options: XLSX.ParsingOptions,
    ): XLSX.WorkBook;
  }
).parse_xlscfb;

/**
 * The document property streams of a compound file (标题、作者、公司…), never used here. SheetJS parses them after the
 * workbook, taking the count of properties from the file: a damaged count (seen in a fuzzed 6.5 KB .xls) makes it
 * build arrays of hundreds of millions of entries, 1.4 GB and seconds before it gives up.
 */
const PROPERTY_STREAMS = new Set([
  "\u0005SummaryInformation",
  "\u0005DocumentSummaryInformation",
]);

/**
 * Reads a compound file (.xls .et, or an encrypted package) as `XLSX.read` does, but with its document property
 * streams handed over empty (SheetJS skips an empty one).
 * @throws what SheetJS throws for a damaged compound file, an encrypted one (its password error), or one holding no
 *   workbook stream (another Office document)
 */
export function parseCompoundFile(
  bytes: Uint8Array,
  options: XLSX.ParsingOptions,
): XLSX.WorkBook {
  const cfb = CFB.read(bytes, { type: "array" });
  // An encrypted package goes SheetJS's own way, which says it is encrypted.
  if (CFB.find(cfb, "EncryptedPackage"))
    return XLSX.read(bytes, { ...options, type: "array" });
  for (const entry of cfb.FileIndex)
    if (PROPERTY_STREAMS.has(entry.name)) {
      entry.size = 0;
      entry.content = new Uint8Array();
    }
  return parseXlsCfb(cfb, options);
}

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
