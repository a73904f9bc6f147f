/**
 * 读取表格文件: the bytes of a workbook file → the core's plain grid (core/model/grid.ts), or a {@link ReadError}
 * saying in Chinese why the file cannot be read. Reads .xlsx .xlsm .xls .et .ods .csv (and HTML or XML tables
 * saved as .xls, which some systems export) with SheetJS. Runs in the browser too: no Node APIs here.
 *
 * The steps, one module each in reader/: the format is sniffed from the first bytes (sniff.ts); packages are unzipped
 * within bounds and parsed (package.ts), other formats read through SheetJS's documented API (sheetjs.ts); SheetJS's
 * sheets become our grid (grid.ts). Excel's built-in number formats are shown the way Chinese Excel shows them
 * (chineseFormats.ts), so cells using them are recognised as dates and `w` is the text the user sees.
 */
import { type Workbook, isBlank } from "../core/model/grid";
import { formatShowsDate, serialDate } from "../core/parse/numberFormat";
import { type ReadError, readError } from "./errors";
import { toWorkbook } from "./reader/grid";
import { readPackageBook } from "./reader/package";
import {
  isPasswordError,
  readBinaryBook,
  readTextBook,
} from "./reader/sheetjs";
import { sniffFormat } from "./reader/sniff";

/** Moved to core (the add-in reads Excel's cells with them too); re-exported for existing callers. */
export { formatShowsDate, serialDate };

/** The outcome of reading a file: the workbook, or why it could not be read. */
export type ReadResult =
  { ok: true; workbook: Workbook } | { ok: false; error: ReadError };

/**
 * Reads a workbook file. Never throws: a file that cannot be read gives `{ok: false, error}` with a Chinese message
 * naming the file (文件已加密 / 文件已损坏 / 不是受支持的表格文件 / 文件为空 / 文件过大); a file in which no sheet is
 * found is 文件已损坏, one whose sheets hold no cell with anything in it 文件为空.
 * @param data the file's bytes
 * @param fileName the file name as the user knows it (no directory); also decides whether plain text is read as CSV
 *   (`.csv`) or refused
 */
export function readWorkbook(
  data: Uint8Array | ArrayBuffer,
  fileName: string,
): ReadResult {
  try {
    const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
    if (bytes.length === 0)
      return { ok: false, error: readError("empty", fileName) };
    const sniffed = sniffFormat(bytes, fileName);
    let workbook: Workbook;
    switch (sniffed.kind) {
      case "unsupported":
        return { ok: false, error: readError("unsupported", fileName) };
      case "text":
        workbook = toWorkbook(
          readTextBook(sniffed.text),
          fileName,
          !sniffed.typed,
        );
        break;
      case "binary": {
        const book = readBinaryBook(bytes);
        if (book === "encrypted" || book === "not-a-workbook")
          return {
            ok: false,
            error: readError(
              book === "encrypted" ? "encrypted" : "unsupported",
              fileName,
            ),
          };
        workbook = toWorkbook(book, fileName, false);
        break;
      }
      case "package": {
        const book = readPackageBook(bytes, fileName);
        if ("code" in book) return { ok: false, error: book };
        workbook = toWorkbook(book, fileName, false);
      }
    }
    // Every spreadsheet program writes at least one sheet: a file with none is damaged, not empty.
    if (workbook.sheets.length === 0)
      return { ok: false, error: readError("corrupt", fileName) };
    const hasContent = workbook.sheets.some((s) =>
      s.rows.some((row) => row.some((cell) => !isBlank(cell))),
    );
    return hasContent
      ? { ok: true, workbook }
      : { ok: false, error: readError("empty", fileName) };
  } catch (e) {
    return {
      ok: false,
      error: readError(isPasswordError(e) ? "encrypted" : "corrupt", fileName),
    };
  }
}
