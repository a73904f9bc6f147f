/**
 * `techfund check` on every workbook of ../shared/samples/wild (WPS, Tencent Docs, Google Sheets, LibreOffice,
 * broken and encrypted files): each is read, or refused with a clear Chinese error naming it — never a crash.
 */
import { readdirSync } from "fs";
import * as path from "path";
import { main } from "../../src/cli/main";
import type { CheckJson } from "../../src/cli/commands/checkRun";

const WILD = path.resolve(__dirname, "../../../shared/samples/wild");
const FILES = readdirSync(WILD)
  .filter((f) => f !== "SOURCES.md")
  .sort();

/** The readers' refusals (xlsx/errors.ts), each naming the file. */
const REFUSAL =
  /^(文件已加密|文件已损坏|不是受支持的表格文件|文件为空)：(.+?)(（|$)/;

describe("techfund check on ../shared/samples/wild", () => {
  it("holds the 27 files of SOURCES.md", () => {
    expect(FILES).toHaveLength(27);
  });

  for (const file of FILES) {
    it(`${file}: read, or refused with a Chinese error naming it`, async () => {
      let out = "";
      let err = "";
      const code = await main(["check", path.join(WILD, file), "--json"], {
        out: (t) => void (out += t),
        err: (t) => void (err += t),
      });
      expect(err).not.toContain("程序内部错误");
      const json = JSON.parse(out) as CheckJson;
      expect(json.files).toHaveLength(1);
      const [entry] = json.files;
      if (entry!.status === "ok") {
        expect(code).toBe(json.summary.errors > 0 ? 1 : 0);
        expect(entry!.error).toBeUndefined();
        // A sheet that is not a table of the notice is never skipped silently: a TABLE-COLUMNS finding when it
        // resembles one, else it is listed in otherSheets.
        const sheets =
          entry!.tables.length +
          new Set(entry!.findings.map((f) => f.sheet)).size +
          (entry!.otherSheets?.length ?? 0);
        expect(sheets).toBeGreaterThan(0);
      } else {
        expect(code).toBe(2);
        expect(entry!.error).toMatch(REFUSAL);
        expect(REFUSAL.exec(entry!.error!)![2]).toBe(file);
      }
    });
  }

  it("says why: the encrypted file is 文件已加密, the package without a workbook part is 文件已损坏", async () => {
    const errors: string[] = [];
    for (const file of [
      "stj_password_2002_40_xor.xls",
      "ej_missing-bits.xlsx",
    ]) {
      let out = "";
      await main(["check", path.join(WILD, file), "--json"], {
        out: (t) => void (out += t),
        err: () => {},
      });
      errors.push((JSON.parse(out) as CheckJson).files[0]!.error ?? "");
    }
    expect(errors).toEqual([
      "文件已加密：stj_password_2002_40_xor.xls（请去掉密码后再提交）",
      "文件已损坏：ej_missing-bits.xlsx（无法读出其中的表格，请用 Excel 或 WPS 打开并另存为 .xlsx 后再提交）",
    ]);
  });
});
