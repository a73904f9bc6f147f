// A module of its own so that only the merge loads Node's crypto: a reading process of `check` never hashes.
import { createHash } from "crypto";
import { readFileSync } from "fs";
import { fileUnreadableText } from "../xlsx/fsErrors";

/**
 * The bytes of a file with their size and SHA-256 (the 合并日志 names each file by them), or why it cannot be read.
 * @param shown the name shown in messages (the path as given)
 * @returns `{message}` in Chinese naming `shown` when the file cannot be read
 */
export function fileBytes(
  filePath: string,
  shown: string,
): { data: Uint8Array; size: number; sha256: string } | { message: string } {
  let data: Uint8Array;
  try {
    data = readFileSync(filePath);
  } catch (e) {
    return { message: fileUnreadableText(shown, e) };
  }
  return {
    data,
    size: data.length,
    sha256: createHash("sha256").update(data).digest("hex"),
  };
}
