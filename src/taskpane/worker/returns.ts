/**
 * 差错清单: what a reviewer sends back to an enterprise — one workbook per enterprise listing, file by file, the
 * findings it must fix (错误, and 警告 without an explanation that counts), each with its sheet and cell in the
 * enterprise's own workbook, what is wrong, the notice's section, and an empty 企业答复 column to fill in.
 */
import type { FileCheck, ReviewRow, ReviewSheet } from "../../core/review";
import { TEXT } from "../text.zh";
import type { ReturnList, ShownFinding } from "./protocol";

/** A checked file with what the 差错清单 needs. */
export interface ReturnSource {
  check: FileCheck;
  findings: readonly ShownFinding[];
  enterprises: readonly string[];
}

const COLUMNS: ReviewSheet["columns"] = [
  { header: "序号", width: 6 },
  { header: "文件", width: 24, wrap: true },
  { header: "工作表", width: 16, wrap: true },
  { header: "单元格", width: 9 },
  { header: "列名", width: 16, wrap: true },
  { header: "级别", width: 7 },
  { header: "问题", width: 50, wrap: true },
  { header: "通知依据", width: 16, wrap: true },
  { header: "企业说明", width: 24, wrap: true },
  { header: "企业答复", width: 30, wrap: true },
];

/** True for a finding the enterprise must act on. */
function toFix(f: ShownFinding): boolean {
  return (
    f.severity === "错误" ||
    (f.severity === "警告" && f.explanation?.state !== "已说明")
  );
}

/** The 差错清单 sheet of the files of one enterprise. */
export function returnSheet(sources: readonly ReturnSource[]): ReviewSheet {
  const rows: ReviewRow[] = [];
  for (const { check, findings } of sources) {
    if (check.status === "unreadable") {
      rows.push({
        cells: [
          rows.length + 1,
          check.file,
          "",
          "",
          "",
          "错误",
          check.error,
          "",
          "",
          "",
        ],
        severity: "错误",
      });
      continue;
    }
    for (const f of findings.filter(toFix))
      rows.push({
        cells: [
          rows.length + 1,
          check.file,
          f.sheet,
          f.cell ?? (f.row !== undefined ? `第${f.row}行` : ""),
          f.column ?? "",
          f.severity,
          f.message,
          f.source,
          f.explanation?.text ?? "",
          "",
        ],
        severity: f.severity,
      });
  }
  return { name: TEXT.returnSheetName, columns: COLUMNS, rows };
}

/** The files grouped by enterprise (the first one each names; files naming none are grouped by their own name). */
export function byEnterprise(
  sources: readonly ReturnSource[],
): Map<string, ReturnSource[]> {
  const groups = new Map<string, ReturnSource[]>();
  for (const s of sources) {
    const name = s.enterprises[0] ?? s.check.file.replace(/\.[^.]+$/, "");
    groups.set(name, [...(groups.get(name) ?? []), s]);
  }
  return groups;
}

/** One 差错清单 workbook per enterprise, named `差错清单-<企业>.xlsx`. */
export async function returnLists(
  sources: readonly ReturnSource[],
): Promise<ReturnList[]> {
  const [ExcelJS, { drawSheet }] = await Promise.all([
    import(/* webpackChunkName: "write" */ "exceljs").then((m) => m.default),
    import(/* webpackChunkName: "write" */ "../../xlsx/report"),
  ]);
  const out: ReturnList[] = [];
  for (const [enterprise, group] of byEnterprise(sources)) {
    const wb = new ExcelJS.Workbook();
    wb.creator = "技改填报助手";
    drawSheet(wb, returnSheet(group), {});
    out.push({
      fileName: TEXT.returnFileName(enterprise),
      bytes: new Uint8Array(await wb.xlsx.writeBuffer()),
    });
  }
  return out;
}
