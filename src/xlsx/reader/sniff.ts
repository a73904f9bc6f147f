/**
 * 识别文件格式: which reader a file's bytes go to, decided by its first bytes (and, for plain text, its extension),
 * never by the extension alone (received files are often renamed). No SheetJS here.
 */

/**
 * - `package`: a zip package (.xlsx .xlsm .ods);
 * - `binary`: a compound file (.xls .et, or a password-protected .xlsx) or a bare BIFF2–4 worksheet stream;
 * - `text`: CSV, HTML tables saved as .xls, SpreadsheetML 2003 or flat OpenDocument; `typed` when the text itself
 *   says which cells are numbers (the XML formats), else every cell is text;
 * - `unsupported`: anything else (another kind of file renamed, or bytes that are no text in any encoding).
 */
export type Sniffed =
  | { kind: "package" }
  | { kind: "binary" }
  | { kind: "text"; text: string; typed: boolean }
  | { kind: "unsupported" };

/** The kind of file `bytes` hold (see {@link Sniffed}); `fileName` decides only whether plain text is read as CSV. */
export function sniffFormat(bytes: Uint8Array, fileName: string): Sniffed {
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0x50 && b1 === 0x4b && b2 === 0x03 && b3 === 0x04)
    return { kind: "package" };
  if (b0 === 0xd0 && b1 === 0xcf && b2 === 0x11 && b3 === 0xe0)
    return { kind: "binary" };
  // A bare BIFF2–4 worksheet stream (BOF record), as very old Excel versions wrote .xls.
  if (b0 === 0x09 && (b1 === 0x00 || b1 === 0x02 || b1 === 0x04))
    return { kind: "binary" };
  const text = decodeText(bytes);
  if (text === undefined) return { kind: "unsupported" };
  // SpreadsheetML 2003 and flat OpenDocument say which cells are numbers; CSV and HTML tables hold only text.
  const typed = /<(?:ss:)?Workbook[\s>]|<office:document[\s>]/i.test(text);
  if (!/\.csv$/i.test(fileName) && !typed && !/<table[\s>]/i.test(text))
    return { kind: "unsupported" };
  return { kind: "text", text, typed };
}

/**
 * Plain text of a text file: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (GBK CSV saved by Chinese
 * Excel). Undefined when the bytes are not text (NUL bytes, or undecodable in every encoding).
 */
function decodeText(bytes: Uint8Array): string | undefined {
  const decode = (encoding: string, fatal: boolean) =>
    new TextDecoder(encoding, { fatal }).decode(bytes);
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = decode("utf-16le", false);
  else if (bytes[0] === 0xfe && bytes[1] === 0xff)
    text = decode("utf-16be", false);
  else {
    try {
      text = decode("utf-8", true);
    } catch {
      text = decode("gb18030", false);
    }
  }
  return text.includes("\u0000") || text.includes("\ufffd") ? undefined : text;
}
