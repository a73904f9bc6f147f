/**
 * Hidden columns in an .xlsx saved by LibreOffice (`soffice --headless --convert-to xlsx`), which writes
 * `hidden="true"` and its own `<cols>` entries: the T1 of test/helpers/hidden.ts with M (2024年利息实际发生额, data
 * on every row), N (empty) and P, T (right of the data) hidden. ROW-HIDDEN names M only.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { readWorkbook } from "../../src/xlsx/read";
import { hiddenT1, writeWithExcelJs } from "../helpers/hidden";
import { resaveAsXlsx } from "../helpers/libreoffice";
import { brief, findingsOf } from "../helpers/rows";

let saved: Buffer;
beforeAll(async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "techfund-hidden-"));
  try {
    const source = path.join(dir, "隐藏列.xlsx");
    await fs.writeFile(
      source,
      await writeWithExcelJs(hiddenT1(), [13, 14, 16, 20]),
    );
    saved = (await resaveAsXlsx([source]))[0]!;
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}, 180_000);

it("reads the hidden columns within the data and names the one with data", () => {
  const read = readWorkbook(new Uint8Array(saved), "隐藏列.xlsx");
  if (!read.ok) throw new Error(read.error.message);
  expect(read.workbook.sheets[0]!.hiddenCols).toEqual([12, 13]);
  const f = findingsOf(read.workbook, "ROW-HIDDEN");
  expect(f.map(brief)).toEqual([
    {
      sheet: "新增贷款明细表",
      cell: "M5",
      rule: "ROW-HIDDEN",
      severity: "警告",
    },
  ]);
  expect(f[0]!.range).toBe("M5:M7");
});
