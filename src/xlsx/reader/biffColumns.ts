/**
 * Hidden columns of .xls (BIFF5/BIFF8) workbooks (.xls 的隐藏列). SheetJS reads column information (COLINFO records)
 * only with `cellStyles`, which also makes it inflate the theme zip inside the file with its own inflate, which loops
 * forever on damaged data (sheetjs.ts). So the records are found here: a walk over the record headers of the
 * compound file's `Workbook` (or `Book`) stream, which unpacks nothing.
 *
 * A sheet's records follow its BOF record, whose position its BoundSheet8 record gives; SheetJS orders
 * `SheetNames` by that position, so the n-th position in ascending order is the n-th sheet.
 */
import * as XLSX from "@e965/xlsx";

const BOF = 0x0809;
const EOF = 0x000a;
const BOUND_SHEET = 0x0085;
const COLINFO = 0x007d;

/** An .xls sheet is at most 256 columns wide. */
const XLS_COLUMNS = 256;

/** SheetJS's compound-file module (the `cfb` library's API: `read`, `find`), exported untyped by SheetJS. */
const CFB = XLSX.CFB as {
  read(data: Uint8Array, options: { type: "array" }): unknown;
  find(cfb: unknown, path: string): { content?: ArrayLike<number> } | null;
};

/** The signature of a compound file. */
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

/**
 * Sets `!cols` (`{hidden: true}` per hidden column) on the sheets of a SheetJS workbook read from `bytes`, as SheetJS
 * would with `cellStyles`. Leaves the workbook as it is when `bytes` is no compound file with a BIFF5/8 workbook
 * stream, or the stream ends inside a record. Never throws.
 */
export function markHiddenColumns(
  book: XLSX.WorkBook,
  bytes: Uint8Array,
): void {
  let hidden: ReturnType<typeof hiddenColumnsByPosition>;
  try {
    hidden = hiddenColumnsByPosition(bytes);
  } catch {
    // SheetJS read the file: an odd container here costs only the hidden columns, never the file.
    return;
  }
  if (!hidden || hidden.columns.size === 0) return;
  hidden.sheets.sort((a, b) => a - b);
  hidden.sheets.forEach((position, i) => {
    const columns = hidden.columns.get(position);
    const ws = book.Sheets[book.SheetNames[i] ?? ""];
    if (!columns || !ws) return;
    const info: XLSX.ColInfo[] = [];
    for (const c of columns) info[c] = { hidden: true };
    ws["!cols"] = info;
  });
}

/** The hidden columns (0-based) by the position of their sheet's BOF record, and every sheet's position. */
function hiddenColumnsByPosition(
  bytes: Uint8Array,
): { sheets: number[]; columns: Map<number, Set<number>> } | undefined {
  if (!CFB_MAGIC.every((b, i) => bytes[i] === b)) return undefined;
  const cfb = CFB.read(bytes, { type: "array" });
  const stream =
    CFB.find(cfb, "Workbook")?.content ?? CFB.find(cfb, "Book")?.content;
  if (!stream) return undefined;
  const data = stream instanceof Uint8Array ? stream : Uint8Array.from(stream);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const sheets: number[] = [];
  const columns = new Map<number, Set<number>>();
  // BOF positions of the substreams being read (an embedded chart nests its own BOF … EOF).
  const open: number[] = [];
  for (let at = 0; at + 4 <= data.length;) {
    const type = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    const body = at + 4;
    if (body + size > data.length) return undefined;
    if (type === BOF) open.push(at);
    else if (type === EOF) open.pop();
    else if (type === BOUND_SHEET && size >= 4)
      sheets.push(view.getUint32(body, true));
    else if (type === COLINFO && size >= 10 && open.length > 0) {
      const first = view.getUint16(body, true);
      const last = Math.min(view.getUint16(body + 2, true), XLS_COLUMNS - 1);
      if (view.getUint16(body + 8, true) & 0x0001) {
        const position = open[open.length - 1]!;
        let set = columns.get(position);
        if (!set) columns.set(position, (set = new Set()));
        for (let c = first; c <= last; c++) set.add(c);
      }
    }
    at = body + size;
  }
  return { sheets, columns };
}
