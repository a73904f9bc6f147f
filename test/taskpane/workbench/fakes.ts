/**
 * Test doubles for the task pane's file processing: a processor whose jobs the test answers by hand, real reports and
 * merges computed by the core from in-memory sheets (no file reading in jsdom), and a capture of downloads.
 */
import { mergeFiles, type MergeResult } from "../../../src/core/merge";
import type { FileProcessor } from "../../../src/taskpane/worker/client";
import type {
  FileSummary,
  Job,
  JobEvent,
  JobOutputs,
} from "../../../src/taskpane/worker/protocol";
import { tableSheet, workbookOf, type CellInput } from "../../helpers/sheet";

/** A job the component started: the job, its event callback, and how to answer it. */
export interface StartedJob {
  job: Job;
  emit: (e: JobEvent) => void;
  resolve: (output: unknown) => void;
  reject: (err: Error) => void;
}

/** A processor that records jobs; the test answers each one. */
export function manualProcessor(): {
  processor: FileProcessor;
  jobs: StartedJob[];
} {
  const jobs: StartedJob[] = [];
  const processor: FileProcessor = {
    run<K extends Job["op"]>(
      job: Extract<Job, { op: K }>,
      onEvent?: (e: JobEvent) => void,
    ) {
      return new Promise<JobOutputs[K]>((resolve, reject) => {
        jobs.push({
          job,
          emit: (e) => onEvent?.(e),
          resolve: resolve as (o: unknown) => void,
          reject,
        });
      });
    },
  };
  return { processor, jobs };
}

/** A correct 项目情况表 row (附件2 二(一)), with changes. */
export function infoRow(
  extra: Record<string, CellInput> = {},
): Record<string, CellInput> {
  return {
    seq: 1,
    city: "太原市",
    county: "小店区",
    enterpriseName: "太原市晋阳特钢有限公司",
    special: "企业增量提质专项",
    direction: "产业链贷款贴息",
    projectName: "产业链贷款贴息（特钢材料产业链）",
    nature: "民营企业",
    category: "传统优势产业",
    industry: "钢铁",
    contact: "王明 13803510001",
    ...extra,
  };
}

/** A file summary as the worker gives it (protocol.ts `FileSummary`), with changes. */
export function summary(
  file: string,
  extra: Partial<FileSummary> = {},
): FileSummary {
  return {
    file,
    status: "无错误",
    counts: { errors: 0, warnings: 1, infos: 0 },
    tables: [
      {
        sheet: "项目情况表",
        title: "山西省技术改造专项资金事项类项目情况表",
        rows: 1,
        totals: {},
      },
    ],
    enterprises: ["太原市晋阳特钢有限公司"],
    directions: ["产业链贷款贴息"],
    explained: { yes: 0, no: 1 },
    ...extra,
  };
}

/** The merge of two 项目情况表 and a file that could not be read. */
export function sampleMerge(unit?: string): MergeResult {
  const wb = (file: string, row: Record<string, CellInput>) => ({
    fileName: file,
    read: {
      ok: true as const,
      workbook: workbookOf([tableSheet("project-info", [row])], file),
    },
  });
  return mergeFiles(
    [
      wb("甲.xlsx", infoRow()),
      wb(
        "乙.xlsx",
        infoRow({
          city: "大同市",
          county: "平城区",
          enterpriseName: "大同市云冈机械有限公司",
        }),
      ),
      {
        fileName: "坏.xlsx",
        read: { ok: false, error: { message: "文件已损坏：坏.xlsx" } },
      },
    ],
    unit === undefined ? {} : { unit },
  );
}

/** Captures downloads (jsdom has no object URLs and does not follow links). */
export function captureDownloads(): { names: string[]; restore: () => void } {
  const names: string[] = [];
  const url = URL as unknown as {
    createObjectURL?: unknown;
    revokeObjectURL?: unknown;
  };
  const saved = { create: url.createObjectURL, revoke: url.revokeObjectURL };
  url.createObjectURL = () => "blob:test";
  url.revokeObjectURL = () => undefined;
  const click = jest
    .spyOn(HTMLAnchorElement.prototype, "click")
    .mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
  return {
    names,
    restore: () => {
      click.mockRestore();
      url.createObjectURL = saved.create;
      url.revokeObjectURL = saved.revoke;
    },
  };
}
