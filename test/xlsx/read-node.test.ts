/** readWorkbookFile: the file name is the base name; paths that cannot be read give a Chinese ReadError. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "fs";
import * as os from "os";
import * as path from "path";

import { readWorkbookFile } from "../../src/xlsx/node";

const FIXTURES = path.resolve(__dirname, "../fixtures/read");
const WILD = path.resolve(__dirname, "../../../shared/samples/wild");

describe("readWorkbookFile", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "techfund-read-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("reads a workbook; the file name has no directory", async () => {
    const result = await readWorkbookFile(path.join(FIXTURES, "features.xls"));
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.workbook.fileName).toBe("features.xls");
      expect(result.workbook.sheets[0]?.rows[0]?.[0]?.v).toBe(
        "2024年贷款贴息明细表",
      );
    }
  });

  it("a file that cannot be read as a workbook: the reader's error, with the base name", async () => {
    expect(
      await readWorkbookFile(path.join(WILD, "stj_password_2002_40_xor.xls")),
    ).toEqual({
      ok: false,
      error: {
        code: "encrypted",
        file: "stj_password_2002_40_xor.xls",
        message:
          "文件已加密：stj_password_2002_40_xor.xls（请去掉密码后再提交）",
      },
    });
    const empty = path.join(dir, "空.xlsx");
    writeFileSync(empty, "");
    expect(await readWorkbookFile(empty)).toMatchObject({
      ok: false,
      error: { code: "empty", file: "空.xlsx" },
    });
  });

  it("a missing file", async () => {
    expect(await readWorkbookFile(path.join(dir, "没有这个文件.xlsx"))).toEqual(
      {
        ok: false,
        error: {
          code: "unsupported",
          file: "没有这个文件.xlsx",
          message: "无法读取文件：没有这个文件.xlsx（找不到文件或目录）",
        },
      },
    );
  });

  it("a folder", async () => {
    const folder = path.join(dir, "附件.xlsx");
    mkdirSync(folder);
    expect(await readWorkbookFile(folder)).toEqual({
      ok: false,
      error: {
        code: "unsupported",
        file: "附件.xlsx",
        message: "无法读取文件：附件.xlsx（这是一个目录，不是文件）",
      },
    });
  });
});
