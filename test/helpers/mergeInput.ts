/** Merge inputs (core/merge `MergeInput`) of workbooks built in the tests, each with its own size and SHA-256. */
import type { MergeInput } from "../../src/core/merge";
import { workbookOf } from "./sheet";

/**
 * A readable merge input named `fileName` holding `sheets`; `n` tells files apart (size 100 + n, a hash made of n):
 * the merge takes byte-identical files once.
 */
export function mergeInput(
  fileName: string,
  n: number,
  sheets: Parameters<typeof workbookOf>[0],
): MergeInput {
  return {
    fileName,
    size: 100 + n,
    sha256: n.toString(16).padStart(64, "0"),
    read: { ok: true, workbook: workbookOf(sheets, fileName) },
  };
}
