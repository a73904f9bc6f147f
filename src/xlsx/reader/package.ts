/**
 * 读取压缩包格式: OOXML (.xlsx .xlsm) and OpenDocument (.ods) packages. The package is unzipped by us (SheetJS's own
 * inflate loops forever on some damaged deflate streams, and nothing bounds what it unpacks) within limits (unzip.ts), its parts edited (packageEdits.ts), and SheetJS parses the
 * parts in memory (sheetjsInternals.ts), a workbook of many sheets in passes (sheetPasses.ts).
 */
import type * as XLSX from "@e965/xlsx";
import { checksumError, type ReadError, readError } from "../errors";
import {
  declareChineseFormats,
  HIDDEN_COLUMN_BUDGET,
  indexOfAscii,
  keepHiddenColumns,
} from "./packageEdits";
import { OPTIONS } from "./sheetjs";
import { parseInPasses } from "./sheetPasses";
import { unzipBounded } from "./unzip";

/**
 * Parts of a package this reader never uses: pictures, document properties, the theme (colours), drawings, printer
 * settings, comments, the calculation chain, cell metadata, custom XML and thumbnails. They are not unzipped (in a
 * small workbook the theme alone is a third of the compressed bytes); SheetJS gets each as an empty part, which it
 * reads as "nothing there" (an empty theme as its default theme, empty metadata as none).
 */
const UNUSED_PART =
  /^(?:xl[\\/](?:media|theme|drawings|printerSettings|comments|threadedComments)|xl[\\/](?:calcChain|metadata)\.xml$|docProps[\\/]|customXml[\\/]|Pictures[\\/]|Thumbnails[\\/])/i;

/**
 * Reads a package into a SheetJS workbook.
 * @returns the workbook, or why the package cannot be read (not a spreadsheet package, damaged zip)
 * @throws what SheetJS throws for damaged or encrypted parts
 */
export function readPackageBook(
  bytes: Uint8Array,
  fileName: string,
): XLSX.WorkBook | ReadError {
  const unzipped = unzipBounded(bytes, (p) => !UNUSED_PART.test(p));
  if (!unzipped.ok)
    return unzipped.failure === "checksum"
      ? checksumError(fileName)
      : readError(unzipped.failure, fileName);
  const files = unzipped.parts;
  const paths = [...files.keys()];
  if (!paths.some((p) => /^(xl[\\/]|content\.xml$)/i.test(p)))
    return readError("unsupported", fileName);
  const parts = new Map<string, Uint8Array>();
  // cellStyles: the only way SheetJS reads the hidden rows and columns of a package (`!rows`, `!cols`); it also makes
  // SheetJS read every cell's style, so it is on only for OpenDocument and for workbooks whose worksheets say
  // `hidden` somewhere.
  const ooxml = paths.some((p) => /^xl[\\/]/i.test(p));
  let cellStyles = !ooxml;
  let room = HIDDEN_COLUMN_BUDGET;
  for (const p of paths) {
    let content = files.get(p)!;
    if (/^xl[\\/]styles\.xml$/i.test(p))
      content = declareChineseFormats(content);
    else if (/^xl[\\/]worksheets[\\/][^\\/]+\.xml$/i.test(p)) {
      const kept = keepHiddenColumns(content, room);
      content = kept.content;
      room -= kept.columns;
      cellStyles ||= indexOfAscii(content, "hidden") >= 0;
    }
    parts.set(p, content);
  }
  for (const p of unzipped.others) parts.set(p, new Uint8Array());
  // OOXML: cellText off, SheetJS formats no number and grid.ts makes the texts of number cells (shownNumber).
  // OpenDocument keeps SheetJS's texts: they are the texts the file itself stores.
  return parseInPasses(parts, { ...OPTIONS, cellStyles, cellText: !ooxml });
}
