/**
 * The files of the 审核工作台 as the page holds them, and the overview's filter and sort (pure functions: the
 * overview of 100 files is sorted and filtered on every keystroke).
 */
import type {
  FileStage,
  FileStatusText,
  FileSummary,
} from "../worker/protocol";

/** A file of the workbench and where its check is. */
export interface WorkbenchFile {
  /** The key the worker keeps the file's findings under. */
  key: number;
  file: File;
  stage: FileStage | "queued";
  summary?: FileSummary;
  /** 不纳入汇总: the reviewer keeps the file out of the merge (a superseded copy, a wrong file). */
  excluded: boolean;
  /** Its check stopped the worker (it died or ran out of time): the merge logs the file with its error, unread. */
  stopped?: boolean;
}

export type SortKey = "status" | "enterprise" | "file" | "errors";

/** Status order of the overview: what needs the reviewer first. */
const STATUS_ORDER: Record<FileStatusText | "pending", number> = {
  无法读取: 0,
  有错误: 1,
  未识别到表格: 2,
  无错误: 3,
  pending: 4,
};

/** The enterprise a file is grouped under ('' when it names none). */
export function enterpriseOf(f: WorkbenchFile): string {
  return f.summary?.enterprises[0] ?? "";
}

const byName = (a: WorkbenchFile, b: WorkbenchFile) =>
  a.file.name.localeCompare(b.file.name, "zh-CN");

/** Compares two files for a sort key; ties fall back to the file name. */
function compare(key: SortKey, a: WorkbenchFile, b: WorkbenchFile): number {
  switch (key) {
    case "status":
      return (
        STATUS_ORDER[a.summary?.status ?? "pending"] -
          STATUS_ORDER[b.summary?.status ?? "pending"] || byName(a, b)
      );
    case "errors":
      return (
        (b.summary?.counts.errors ?? -1) - (a.summary?.counts.errors ?? -1) ||
        byName(a, b)
      );
    case "enterprise": {
      // Files naming no enterprise go last.
      const ea = enterpriseOf(a);
      const eb = enterpriseOf(b);
      return (
        Number(ea === "") - Number(eb === "") ||
        ea.localeCompare(eb, "zh-CN") ||
        byName(a, b)
      );
    }
    case "file":
      return byName(a, b);
  }
}

/** What the overview shows: the files whose name or enterprise contains `search` and whose status is `status`. */
export interface OverviewQuery {
  search: string;
  /** A status, or '' for all. */
  status: FileStatusText | "";
  sort: SortKey;
}

/** The files the overview lists, filtered and sorted. */
export function overviewFiles(
  files: readonly WorkbenchFile[],
  q: OverviewQuery,
): WorkbenchFile[] {
  const needle = q.search.trim().toLowerCase();
  return files
    .filter(
      (f) =>
        (q.status === "" || f.summary?.status === q.status) &&
        (needle === "" ||
          f.file.name.toLowerCase().includes(needle) ||
          (f.summary?.enterprises ?? []).some((e) =>
            e.toLowerCase().includes(needle),
          )),
    )
    .sort((a, b) => compare(q.sort, a, b));
}

/**
 * Whether a checked file has something for its enterprise to fix: a 错误 or a 警告 未说明, what its 差错清单 lists
 * (core/review/returnList.ts `returnItems`). A file that cannot be read has nothing to point at, as in `techfund check --return`.
 */
export function needsReturn(summary: FileSummary | undefined): boolean {
  return (
    summary !== undefined &&
    summary.status !== "无法读取" &&
    (summary.counts.errors > 0 || summary.explained.no > 0)
  );
}
