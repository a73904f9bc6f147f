/**
 * The forms `techfund template` writes besides the catalog's tables: the 申请报告 forms (with the 项目情况表 they refer
 * to), the 资格自检 sheet of a 申报方向, and the enterprise's “免申即享”申报表 — blank, or filled from the 项目情况表 of a
 * received workbook (`--from`), with notes naming in Chinese what that 情况表 could not fill.
 */
import { InvalidArgumentError } from "commander";
import { ELIGIBILITY_DIRECTIONS } from "../../core/catalog/eligibility";
import type { ReceivedInfo } from "../../core/forms/received";
import type { Workbook } from "../../core/model/grid";
import { CliError } from "../io";

/** Ids of the forms and what each is (help text). */
export const FORMS = [
  {
    id: "report-forms",
    title:
      "申请报告表样：项目情况表、封面、承诺书、现场核查表、绩效目标表（随情况表自动填写）",
  },
  {
    id: "eligibility",
    title:
      "资格自检表（用 --direction 指定申报方向，默认每个申报方向一个文件）",
  },
  {
    id: "exempt-application",
    title:
      "山西省技术改造专项资金事项类项目（“免申即享”）申报表（企业填报，一行）",
  },
] as const;

export type FormFileId = (typeof FORMS)[number]["id"];

/** True when `id` names one of {@link FORMS}. */
export function isFormFileId(id: string): id is FormFileId {
  return FORMS.some((f) => f.id === id);
}

/**
 * Parses `--direction`: one 申报方向 of the notice (or 试点示范奖励).
 * @throws InvalidArgumentError (usage error, exit 2) naming the directions
 */
export function parseDirection(text: string): string {
  const d = text.trim();
  if (!ELIGIBILITY_DIRECTIONS.includes(d))
    throw new InvalidArgumentError(
      `“${text}”不是通知中的申报方向。可用的申报方向：${ELIGIBILITY_DIRECTIONS.join("、")}`,
    );
  return d;
}

/** A received workbook and its 情况表 row (`--from`). */
export interface FromFile {
  /** The file's name as messages show it. */
  file: string;
  workbook: Workbook;
  info: ReceivedInfo;
}

const INFO_TITLE = "《山西省技术改造专项资金事项类项目情况表》（附件2 二(一)）";

/**
 * Reads the workbook of `--from` and finds its 情况表 row.
 * @throws CliError (exit 2) naming the file: it cannot be read (the reader's message), it holds no 情况表, or its
 *   情况表 has no filled row
 */
export async function readFromFile(filePath: string): Promise<FromFile> {
  // SheetJS and the rules are loaded only when a file is read.
  const { readWorkbookFile } = await import("../../xlsx/node");
  const { receivedInfo } = await import("../../core/forms/received");
  const read = await readWorkbookFile(filePath);
  if (!read.ok) throw new CliError(read.error.message);
  const file = read.workbook.fileName;
  const received = receivedInfo(read.workbook);
  if (received.ok)
    return { file, workbook: read.workbook, info: received.info };
  if (received.reason === "noTable")
    throw new CliError(
      `${file} 中没有项目情况表：未找到${INFO_TITLE}的表头（企业（单位）名称、申报专项、申报方向、项目名称等）。--from 需要企业填写的情况表。`,
    );
  throw new CliError(
    `${file} 工作表“${received.sheet}”中的项目情况表没有填写项目（第${received.row}行起为空）。`,
  );
}

/** `已按 甲.xlsx 工作表“项目情况表”第4行的项目情况表填写。` and, for a 情况表 of several projects, which one. */
function fromNote(from: FromFile): string[] {
  const row = from.info.row + 1;
  return [
    `已按 ${from.file} 工作表“${from.info.sheet}”第${row}行的项目情况表填写。`,
    ...(from.info.moreRows > 0
      ? [
          `该情况表还有 ${from.info.moreRows} 个项目，只填写了第一个（第${row}行）；其余项目请各用一个情况表。`,
        ]
      : []),
  ];
}

/**
 * The 申报方向 of the 资格自检 sheet: `--direction`, else the 情况表's.
 * @throws CliError (exit 2) naming file, sheet and cell when the 情况表's direction is empty or not the notice's
 */
function eligibilityDirection(
  from: FromFile,
  direction: string | undefined,
): { direction: string; notes: string[] } {
  const own = from.info.values.direction;
  if (direction)
    return {
      direction,
      notes:
        own !== undefined && own !== direction
          ? [
              `按 --direction 的“${direction}”自检；情况表的申报方向为“${own}”。`,
            ]
          : [],
    };
  const where = `${from.file} 工作表“${from.info.sheet}”${from.info.cells.direction ?? ""}`;
  if (own === undefined)
    throw new CliError(
      `${where} 的申报方向为空，无法选择资格自检的条件。请用 --direction 指定申报方向。`,
    );
  if (!ELIGIBILITY_DIRECTIONS.includes(own))
    throw new CliError(
      `${where} 的申报方向“${own}”不是通知中的申报方向，无法选择资格自检的条件。请用 --direction 指定申报方向。`,
    );
  return { direction: own, notes: [] };
}

/** One file to write, with the notes to print after its path. */
export interface FormFile {
  fileName: string;
  bytes: Uint8Array;
  notes: string[];
}

/**
 * The files of a form: one, or one per direction for `eligibility` without a direction (and without `from`).
 * @param options.from the received 情况表 to fill the form from
 * @throws CliError (exit 2) for `eligibility` from a 情况表 whose direction cannot be used (see eligibilityDirection)
 */
export async function formFiles(
  id: FormFileId,
  options: { direction?: string; from?: FromFile },
): Promise<FormFile[]> {
  // The writers load ExcelJS: imported here, so that commands that write no workbook start without it.
  const {
    EXEMPT_APPLICATION_FILE,
    REPORT_FORMS_FILE,
    eligibilityFileName,
    writeEligibilityWorkbook,
    writeExemptApplication,
    writeReportForms,
  } = await import("../../xlsx/forms");
  const from = options.from;
  const received = from && (await import("../../core/forms/received"));
  switch (id) {
    case "report-forms": {
      if (!from || !received)
        return [
          {
            fileName: REPORT_FORMS_FILE,
            bytes: await writeReportForms(),
            notes: [],
          },
        ];
      const gaps = received.reportFormsGaps(from.info);
      const forms = [...new Set(gaps.map((g) => g.form))];
      return [
        {
          fileName: REPORT_FORMS_FILE,
          bytes: await writeReportForms({ info: from.info.values }),
          notes: [
            ...fromNote(from),
            ...forms.map(
              (f) =>
                `${f}未填写：${received.gapsText(gaps.filter((g) => g.form === f))}`,
            ),
          ],
        },
      ];
    }
    case "exempt-application": {
      if (!from || !received)
        return [
          {
            fileName: EXEMPT_APPLICATION_FILE,
            bytes: await writeExemptApplication(),
            notes: [],
          },
        ];
      const { values, gaps } = received.exemptApplicationFromInfo(from.info);
      return [
        {
          fileName: EXEMPT_APPLICATION_FILE,
          bytes: await writeExemptApplication(values),
          notes: [
            ...fromNote(from),
            ...(gaps.length > 0
              ? [`免申即享申报表未填写：${received.gapsText(gaps)}`]
              : []),
          ],
        },
      ];
    }
    case "eligibility": {
      if (!from || !received) {
        const directions = options.direction
          ? [options.direction]
          : ELIGIBILITY_DIRECTIONS;
        const out: FormFile[] = [];
        for (const d of directions)
          out.push({
            fileName: eligibilityFileName(d),
            bytes: await writeEligibilityWorkbook(d),
            notes: [],
          });
        return out;
      }
      const { direction, notes } = eligibilityDirection(
        from,
        options.direction,
      );
      const filled = received.eligibilityFromInfo(
        direction,
        from.info,
        from.workbook,
      );
      const shown = filled.filled.map(
        (f) => `${f.label}“${f.text}”（${f.source}）`,
      );
      return [
        {
          fileName: eligibilityFileName(direction),
          bytes: await writeEligibilityWorkbook(
            direction,
            filled.answers,
            filled.chain,
          ),
          notes: [
            ...fromNote(from),
            ...notes,
            `资格自检：申报方向“${direction}”${shown.length > 0 ? `，已填写${shown.join("、")}` : ""}${filled.chain ? `，产业链“${filled.chain}”（项目名称）` : ""}。`,
            ...(filled.blank.length > 0
              ? [
                  `资格自检未填写（情况表中没有，请在黄色单元格中填写）：${filled.blank.join("、")}`,
                ]
              : []),
          ],
        },
      ];
    }
  }
}
