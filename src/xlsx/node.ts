/** Reading workbook files from disk (Node only: the CLI and tests). The browser uses read.ts directly. */
import { readFileSync } from "fs";
import * as path from "path";

import { readError } from "./errors";
import { readWorkbook, type ReadResult } from "./read";

/** Chinese reasons for the file-system errors a user can cause (wrong path, a folder, no permission). */
const FS_REASONS: Readonly<Record<string, string>> = {
  ENOENT: "文件不存在",
  ENOTDIR: "文件不存在",
  EISDIR: "这是一个文件夹，不是文件",
  EACCES: "没有读取权限",
  EPERM: "没有读取权限",
};

/**
 * Reads the workbook file at `filePath` (see {@link readWorkbook}); the file name in results and messages is its
 * base name. The bytes are read synchronously: several times faster than a promise of them for the many small files
 * of a folder, which the CLI reads one after the other anyway. Never rejects: a path that cannot be read gives
 * `{ok: false}` with code `unsupported` and a Chinese message such as `无法读取文件：贷款.xlsx（文件不存在）`.
 */
export async function readWorkbookFile(filePath: string): Promise<ReadResult> {
  const fileName = path.basename(filePath);
  let data: Uint8Array;
  try {
    data = readFileSync(filePath);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? "";
    const reason = FS_REASONS[code] ?? `读取出错：${code || String(e)}`;
    return {
      ok: false,
      error: readError(
        "unsupported",
        fileName,
        `无法读取文件：${fileName}（${reason}）`,
      ),
    };
  }
  return readWorkbook(data, fileName);
}
