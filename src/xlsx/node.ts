/** Reading workbook files from disk (Node only: the CLI and tests). The browser uses read.ts directly. */
import { readFileSync } from "fs";
import * as path from "path";

import { readError } from "./errors";
import { printableName } from "./fileName";
import { fileUnreadableText } from "./fsErrors";
import { readWorkbook, type ReadResult } from "./read";

/**
 * Reads the workbook file at `filePath` (see {@link readWorkbook}); the file name in results and messages is its
 * base name. The bytes are read synchronously: several times faster than a promise of them for the many small files
 * of a folder, which the CLI reads one after the other anyway. Never rejects: a path that cannot be read gives
 * `{ok: false}` with code `unsupported` and a Chinese message such as `无法读取文件：贷款.xlsx（找不到文件或目录）`.
 */
export async function readWorkbookFile(filePath: string): Promise<ReadResult> {
  const fileName = printableName(path.basename(filePath));
  let data: Uint8Array;
  try {
    data = readFileSync(filePath);
  } catch (e) {
    return {
      ok: false,
      error: readError(
        "unsupported",
        fileName,
        fileUnreadableText(fileName, e),
      ),
    };
  }
  return readWorkbook(data, fileName);
}
