/**
 * `techfund check --return 目录`: one 差错清单 per enterprise (core/review/returnList.ts, xlsx/returnList.ts), named
 * `差错清单_<企业名称>.xlsx` (or after the file when its tables name no enterprise). Existing files are never
 * overwritten (io.ts `writeNewFile`).
 */
import * as path from "path";
import type { PackageGroup } from "../../core/check/package";
import { returnItems, returnListLayout } from "../../core/review/returnList";
import type { FileCheck } from "../../core/review/reviewReport";
import { writeReturnList } from "../../xlsx/returnList";
import { writeNewFile } from "../io";

/** A file name from a text: characters Windows refuses (and control characters) replaced by `_`, at most 80. */
function safeName(text: string): string {
  return [...text]
    .map((ch) => (ch < " " || '\\/:*?"<>|'.includes(ch) ? "_" : ch))
    .join("")
    .trim()
    .slice(0, 80);
}

/** Today as the notice writes dates: `2026年3月1日`. */
export function noticeDate(d: Date): string {
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
}

/**
 * Writes the 差错清单 of each enterprise that has something to fix.
 * @param dir the folder to write into (created when missing)
 * @param groups the files grouped by enterprise (`files` index into `checks`)
 * @returns the paths written, in group order (none for an enterprise with nothing to fix)
 * @throws CliError (exit 2) when the folder or a file cannot be written
 */
export async function writeReturnLists(
  dir: string,
  checks: readonly FileCheck[],
  groups: readonly PackageGroup[],
  options: { unit?: string; now?: Date } = {},
): Promise<string[]> {
  const written: string[] = [];
  const date = noticeDate(options.now ?? new Date());
  for (const g of groups) {
    const files = g.files.map((i) => checks[i]!);
    const items = returnItems(files);
    if (items.length === 0) continue;
    const who = g.enterprise || path.parse(path.basename(files[0]!.file)).name;
    const bytes = await writeReturnList(
      returnListLayout(g.enterprise, items, { unit: options.unit ?? "", date }),
    );
    written.push(
      await writeNewFile(dir, `差错清单_${safeName(who)}.xlsx`, bytes),
    );
  }
  return written;
}
