/**
 * The forms `techfund template` writes besides the catalog's tables: the 申请报告 forms (with the 项目情况表 they refer
 * to), the 资格自检 sheet of a 申报方向, and the enterprise's “免申即享”申报表.
 */
import { InvalidArgumentError } from "commander";
import { ELIGIBILITY_DIRECTIONS } from "../../core/catalog/eligibility";

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

/** The files of a form: one, or one per direction for `eligibility` without a direction. */
export async function formFiles(
  id: FormFileId,
  options: { direction?: string },
): Promise<{ fileName: string; bytes: Uint8Array }[]> {
  // The writers load ExcelJS: imported here, so that commands that write no workbook start without it.
  const {
    EXEMPT_APPLICATION_FILE,
    REPORT_FORMS_FILE,
    eligibilityFileName,
    writeEligibilityWorkbook,
    writeExemptApplication,
    writeReportForms,
  } = await import("../../xlsx/forms");
  switch (id) {
    case "report-forms":
      return [{ fileName: REPORT_FORMS_FILE, bytes: await writeReportForms() }];
    case "exempt-application":
      return [
        {
          fileName: EXEMPT_APPLICATION_FILE,
          bytes: await writeExemptApplication(),
        },
      ];
    case "eligibility": {
      const directions = options.direction
        ? [options.direction]
        : ELIGIBILITY_DIRECTIONS;
      const out: { fileName: string; bytes: Uint8Array }[] = [];
      for (const d of directions)
        out.push({
          fileName: eligibilityFileName(d),
          bytes: await writeEligibilityWorkbook(d),
        });
      return out;
    }
  }
}
