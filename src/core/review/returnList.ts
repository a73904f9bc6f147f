/**
 * 差错清单: the list a city reviewer sends back to an enterprise — the problems to fix in its files, each with
 * sheet, cell, what is wrong, the notice's words, and an empty 企业答复 column for the enterprise's answer (as in NBS
 * 联网直报 practice). As plain data: the ExcelJS writer (xlsx/returnList.ts) draws it; the add-in's 检查 tab reads a
 * 差错清单 file back ({@link returnItemsFromRows}) and jumps to the same sheet and cell of the enterprise's workbook.
 *
 * What is listed: every 错误, and every 警告 that has no valid explanation (未说明); a 警告 the enterprise already
 * explained and 提示 are not. Pure.
 */
import type { FindingExplanation } from "./explanations";
import { type Finding, noticeWords, type Severity } from "../model/finding";
import { cellText, type Sheet } from "../model/grid";
import { severityText } from "../messages/severity";
import {
  explainedFindings,
  findingPlace,
  type FileCheck,
} from "./reviewReport";

/** Title in A1: also how a reader knows the sheet is a 差错清单. */
export const RETURN_LIST_TITLE = "差错清单";

/** Columns of the list, with widths (Excel character units) and whether they wrap. */
export const RETURN_LIST_COLUMNS = [
  { header: "序号", width: 5, wrap: false },
  { header: "文件", width: 16, wrap: true },
  { header: "工作表", width: 14, wrap: true },
  { header: "单元格", width: 9, wrap: true },
  { header: "列名", width: 14, wrap: true },
  { header: "级别", width: 6, wrap: false },
  { header: "问题", width: 44, wrap: true },
  { header: "通知依据", width: 22, wrap: true },
  { header: "企业答复", width: 30, wrap: true },
] as const;

/** One problem to fix. */
export interface ReturnItem {
  file: string;
  sheet: string;
  /** The cell, or a settled repeat's range (`G6:G30`), or `第N行`; '' for a sheet- or file-level problem. */
  place: string;
  column: string;
  severity: Severity;
  rule: string;
  message: string;
  /** The notice's section (and its words, when the finding carries them). */
  source: string;
}

/** The rows of the list in order, and the header lines above them. */
export interface ReturnListLayout {
  /** Sheet name. */
  name: string;
  /** Lines above the header: title, enterprise, reviewer and date, instructions. */
  lines: string[];
  columns: typeof RETURN_LIST_COLUMNS;
  /** One row per item, cells in column order (序号 a number, the rest text; 企业答复 ''). */
  rows: (string | number)[][];
}

/** True for a finding the enterprise must still act on: a 错误, or a 警告 without a valid explanation. */
function toFix(e: FindingExplanation | undefined, f: Finding): boolean {
  if (f.severity === "error") return true;
  return f.severity === "warning" && e?.state !== "已说明";
}

/**
 * The items to fix of checked files (错误, then unexplained 警告, in reading order; see the module comment).
 * @param checks the files of one enterprise (unreadable files give no item: they are reported elsewhere)
 */
export function returnItems(checks: readonly FileCheck[]): ReturnItem[] {
  return checks.flatMap((c) =>
    c.status !== "ok"
      ? []
      : explainedFindings(c)
          .findings.filter((x) => toFix(x.explanation, x.finding))
          .map(({ finding: f }) => ({
            file: c.file,
            sheet: f.sheet,
            place: findingPlace(f),
            column: f.column ?? "",
            severity: f.severity,
            rule: f.rule,
            message: f.message,
            source: noticeWords(f),
          })),
  );
}

/**
 * The 差错清单 of one enterprise.
 * @param enterprise the enterprise's name ('' when its files name none)
 * @param items from {@link returnItems}
 * @param info the reviewing unit (may be '') and the date as the notice writes dates (`2026年3月1日`)
 */
export function returnListLayout(
  enterprise: string,
  items: readonly ReturnItem[],
  info: { unit: string; date: string },
): ReturnListLayout {
  return {
    name: RETURN_LIST_TITLE,
    lines: [
      RETURN_LIST_TITLE,
      `企业名称：${enterprise || "（表中未填写）"}`,
      `审核单位：${info.unit || "（未填写）"}  审核日期：${info.date}  共 ${items.length} 项`,
      "请按下表逐项修改所列工作表、单元格中的数据后重新报送，并在“企业答复”栏写明修改情况；“警告”如核实无误，请写明理由（依据哪份合同、借据或凭证）。",
    ],
    columns: RETURN_LIST_COLUMNS,
    rows: items.map((x, i) => [
      i + 1,
      x.file,
      x.sheet,
      x.place,
      x.column,
      severityText(x.severity),
      `${x.message}（${x.rule}）`,
      x.source,
      "",
    ]),
  };
}

/** An item read back from a 差错清单 sheet: where to go and what is wrong. */
export interface ReturnListEntry {
  seq: number;
  sheet: string;
  /** The first cell of the item's place (`G6` of `G6:G30`, `A7` of `第7行`), '' when the place is not a cell. */
  cell: string;
  place: string;
  severity: string;
  message: string;
  answer: string;
}

/**
 * The items of a 差错清单 read back from its sheet (any reader: the file picked in the add-in's 检查 tab).
 * @returns the entries in order, or undefined when the sheet is not a 差错清单 (A1 is not the title, or no header
 *   row with our columns is found in the first 10 rows)
 */
export function returnItemsFromSheet(
  sheet: Sheet,
): ReturnListEntry[] | undefined {
  const text = (r: number, c: number) => cellText(sheet.rows[r]?.[c]).trim();
  if (text(0, 0) !== RETURN_LIST_TITLE) return undefined;
  const headers = RETURN_LIST_COLUMNS.map((c) => c.header as string);
  const headerRow = [...Array(Math.min(10, sheet.rows.length)).keys()].find(
    (r) => headers.every((h, c) => text(r, c) === h),
  );
  if (headerRow === undefined) return undefined;
  const col = (h: string) => headers.indexOf(h);
  const out: ReturnListEntry[] = [];
  for (let r = headerRow + 1; r < sheet.rows.length; r++) {
    const place = text(r, col("单元格"));
    const sheetName = text(r, col("工作表"));
    if (sheetName === "" && place === "" && text(r, col("问题")) === "")
      continue;
    const row = /^第(\d+)行$/.exec(place)?.[1];
    const first =
      row !== undefined
        ? `A${row}`
        : (/^([A-Z]{1,3}[1-9]\d*)(?::|$)/.exec(place)?.[1] ?? "");
    out.push({
      seq: Number(text(r, col("序号"))) || out.length + 1,
      sheet: sheetName,
      cell: first,
      place,
      severity: text(r, col("级别")),
      message: text(r, col("问题")),
      answer: text(r, col("企业答复")),
    });
  }
  return out;
}
