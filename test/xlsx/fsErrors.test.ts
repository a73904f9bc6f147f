/** File-system errors reach users in Chinese, never in Node's English (ELOOP, EACCES, ENOSPC …). */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

import { fileUnreadableText, fsErrorText } from "../../src/xlsx/fsErrors";
import { readWorkbookFile } from "../../src/xlsx/node";

const errno = (code: string) =>
  Object.assign(new Error(`${code}: English text, open '/x'`), { code });

test.each([
  ["ELOOP", "符号链接形成循环或层数过多"],
  ["EACCES", "没有访问权限"],
  ["ENOSPC", "磁盘空间不足"],
  ["EFBIG", "文件超过系统允许的大小"],
  ["ENAMETOOLONG", "文件名或路径过长"],
  ["EMFILE", "同时打开的文件过多"],
  ["EIO", "磁盘读写出错"],
])("%s is worded %s", (code, text) => {
  expect(fsErrorText(errno(code))).toBe(text);
});

test("an unknown code is named in a Chinese sentence, without Node's English message", () => {
  expect(fsErrorText(errno("EWHATEVER"))).toBe("系统错误（EWHATEVER）");
  expect(fsErrorText(new Error("boom"))).toBe("系统错误（未知）");
});

test("a file that cannot be read is named with the reason, one wording for the CLI and the reader", () => {
  expect(fileUnreadableText("收件箱/贷款.xlsx", errno("ENOENT"))).toBe(
    "无法读取文件：收件箱/贷款.xlsx（找不到文件或目录）",
  );
});

test("a symbolic link loop read as a workbook gives a Chinese reason", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "techfund-loop-"));
  try {
    fs.symlinkSync(path.join(dir, "b.xlsx"), path.join(dir, "a.xlsx"));
    fs.symlinkSync(path.join(dir, "a.xlsx"), path.join(dir, "b.xlsx"));
    const result = await readWorkbookFile(path.join(dir, "a.xlsx"));
    expect(result.ok ? "" : result.error.message).toBe(
      "无法读取文件：a.xlsx（符号链接形成循环或层数过多）",
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
