/**
 * Hidden columns in files saved by LibreOffice (`soffice --headless --convert-to`): .xlsx, where it writes
 * `hidden="true"` and its own `<cols>` entries, and .xls (BIFF8 COLINFO records, read by biffColumns.ts). The
 * workbook is a sheet “说明” (column C hidden, with text) and the T1 of test/helpers/hidden.ts with M
 * (2024年利息实际发生额, data on every row), N (empty) and P, T (right of the data) hidden. ROW-HIDDEN names M only
 * (说明 is no table).
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { readWorkbook } from "../../src/xlsx/read";
import { hiddenT1, writeWithExcelJs } from "../helpers/hidden";
import { convertWithLibreOffice, resaveAsXlsx } from "../helpers/libreoffice";
import { brief, findingsOf } from "../helpers/rows";

const saved: Record<string, Buffer> = {};
beforeAll(async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "techfund-hidden-"));
  try {
    const source = path.join(dir, "隐藏列.xlsx");
    await fs.writeFile(
      source,
      await writeWithExcelJs(hiddenT1(), [13, 14, 16, 20], [], true),
    );
    saved.xlsx = (await resaveAsXlsx([source]))[0]!;
    saved.xls = (
      await convertWithLibreOffice([source], "xls:MS Excel 97", "xls")
    )[0]!;
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}, 240_000);

it.each(["xlsx", "xls"])(
  ".%s: reads the hidden columns within the data of each sheet and names the one with data",
  (ext) => {
    const read = readWorkbook(new Uint8Array(saved[ext]!), `隐藏列.${ext}`);
    if (!read.ok) throw new Error(read.error.message);
    expect(read.workbook.sheets.map((s) => [s.name, s.hiddenCols])).toEqual([
      ["说明", [2]],
      ["新增贷款明细表", [12, 13]],
    ]);
    const f = findingsOf(read.workbook, "ROW-HIDDEN");
    expect(f.map(brief)).toEqual([
      {
        sheet: "新增贷款明细表",
        cell: "M5",
        rule: "ROW-HIDDEN",
        severity: "warning",
      },
    ]);
    expect(f[0]!.range).toBe("M5:M7");
  },
);
