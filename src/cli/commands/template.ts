/**
 * `techfund template <表格编号…|--all> [--year 2022,2023,2024] [--direction 申报方向] [--from 文件] [-o 目录]`:
 * writes the official templates as .xlsx files, one file per table (T4/T5: one sheet per year), named after the
 * table's official title, so that a reviewer can send blank official tables to enterprises without the add-in; and
 * the notice's forms (formFiles.ts), blank or filled from the 项目情况表 of a received workbook (`--from`).
 */
import * as path from "path";
import { type Command, InvalidArgumentError } from "commander";
import { isTableId, TABLES, titleFor } from "../../core/catalog/tables";
import type { TableId } from "../../core/catalog/types";
import { COOP_YEARS } from "../../core/catalog/years";
import {
  FORMS,
  formFiles,
  isFormFileId,
  parseDirection,
  readFromFile,
  type FormFileId,
} from "./formFiles";
import {
  action,
  CliError,
  EXIT,
  writeNewFile,
  type CliContext,
  type ExitCode,
} from "../io";

interface TemplateOptions {
  all?: boolean;
  year?: number[];
  out?: string;
  direction?: string;
  from?: string;
}

/** Tables whose title has a year blank (T4/T5), for help texts. */
const YEAR_TABLES = TABLES.filter((t) => t.yearInTitle);

/** `  loan-interest        省级重点产业链链上企业2024年度新增贷款明细表`, one line per table. */
function tableList(): string {
  const width = Math.max(...TABLES.map((t) => t.id.length));
  return [
    ...TABLES.map((t) => `  ${t.id.padEnd(width)}  ${titleFor(t)}`),
    ...FORMS.map((f) => `  ${f.id.padEnd(width)}  ${f.title}`),
  ].join("\n");
}

/**
 * Parses `--year`: years separated by `,` or `，`, each a 4-digit year or a range `2022-2024`.
 * @returns the years, sorted, without repeats
 * @throws InvalidArgumentError (commander: usage error, exit 2) for anything else
 */
export function parseYears(text: string): number[] {
  const years = new Set<number>();
  for (const part of text.split(/[,，]/).map((p) => p.trim())) {
    const m = /^(\d{4})(?:\s*[-–—~]\s*(\d{4}))?$/.exec(part);
    const from = Number(m?.[1]);
    const to = Number(m?.[2] ?? m?.[1]);
    if (!m || from < 2000 || to > 2100 || to < from) {
      throw new InvalidArgumentError(
        `年份应为四位数，用逗号分隔，如 2022,2023,2024 或 2022-2024（“${part}”无法识别）`,
      );
    }
    for (let y = from; y <= to; y++) years.add(y);
  }
  return [...years].sort((a, b) => a - b);
}

/**
 * The tables to write: the ids given, or every table with `--all`.
 * @throws CliError (exit 2) for an unknown id, for no id without `--all`, or for both
 */
function chosenTables(
  ids: string[],
  all: boolean | undefined,
): (TableId | FormFileId)[] {
  if (all && ids.length > 0)
    throw new CliError(
      "请只用一种方式选择表格：列出表格编号，或使用 --all 导出全部表格",
    );
  if (all) return TABLES.map((t) => t.id);
  if (ids.length === 0)
    throw new CliError(
      `请指定表格编号，或使用 --all 导出全部表格。可用的表格编号：\n${tableList()}`,
    );
  const unknown = ids.filter((id) => !isTableId(id) && !isFormFileId(id));
  if (unknown.length > 0) {
    throw new CliError(
      `未知的表格编号：${unknown.join("、")}。可用的表格编号：\n${tableList()}`,
    );
  }
  return [...new Set(ids as (TableId | FormFileId)[])];
}

async function run(
  cli: CliContext,
  ids: string[],
  options: TemplateOptions,
): Promise<ExitCode> {
  const tables = chosenTables(ids, options.all);
  const years = options.year ?? COOP_YEARS;
  if (
    options.year &&
    !tables.some((id) => YEAR_TABLES.some((t) => t.id === id))
  ) {
    cli.io.err(
      `提示：--year 只用于${YEAR_TABLES.map((t) => `《${titleFor(t)}》`).join("和")}，本次未使用。\n`,
    );
  }
  if (options.from !== undefined && !tables.every(isFormFileId))
    throw new CliError(
      `--from 只用于由情况表填写的表样（${FORMS.map((f) => f.id).join("、")}），明细表模板请另行导出。`,
    );
  // Read before writing anything: a file that cannot be used writes nothing.
  const from =
    options.from === undefined ? undefined : await readFromFile(options.from);
  const dir = path.resolve(options.out ?? ".");
  // ExcelJS is loaded only by the commands that write a workbook.
  const { templateFileName, writeTemplateWorkbook } =
    await import("../../xlsx/template");
  for (const id of tables) {
    if (isFormFileId(id)) {
      const opts = {
        ...(options.direction ? { direction: options.direction } : {}),
        ...(from ? { from } : {}),
      };
      for (const f of await formFiles(id, opts)) {
        cli.io.out(`${await writeNewFile(dir, f.fileName, f.bytes)}\n`);
        for (const note of f.notes) cli.io.err(`提示：${note}\n`);
      }
      continue;
    }
    const bytes = await writeTemplateWorkbook(id, { years });
    const written = await writeNewFile(
      dir,
      templateFileName(id, { years }),
      bytes,
    );
    cli.io.out(`${written}\n`);
  }
  return EXIT.ok;
}

/** Adds `techfund template`. */
export function register(program: Command, cli: CliContext): void {
  program
    .command("template")
    .description(
      "导出官方表格模板（.xlsx）：标题、表头、合计行公式、下拉列表、日期与万元格式、打印设置",
    )
    .usage(
      "<表格编号…|--all> [--year 年份] [--direction 申报方向] [--from 文件] [-o 目录]",
    )
    .argument("[表格编号...]", "要导出的表格（见下方列表）")
    .option("-a, --all", "导出全部表格")
    .option(
      "-y, --year <年份>",
      `协作配套两张表的年度，每年一个工作表（默认 ${COOP_YEARS.join(",")}）`,
      parseYears,
    )
    .option(
      "-d, --direction <申报方向>",
      "资格自检表（eligibility）的申报方向，如 制造业营收进档奖励",
      parseDirection,
    )
    .option(
      "-f, --from <文件>",
      "由收到的项目情况表填写 report-forms、exempt-application、eligibility（企业名称、申报方向等）；未能填写的栏目 列在提示中",
    )
    .option(
      "-o, --out <目录>",
      "输出目录（默认：当前目录；不存在时自动创建；同名文件不会被覆盖）",
    )
    .addHelpText(
      "after",
      `\n表格编号：\n${tableList()}\n\n示例：\n  techfund template loan-interest -o 模板\n  techfund template --all\n  techfund template leader-suppliers --year 2024\n  techfund template report-forms exempt-application\n  techfund template eligibility --direction 制造业营收进档奖励\n  techfund template report-forms exempt-application eligibility --from 收件箱/甲公司.xlsx`,
    )
    .action(
      action(cli, (ids: string[], options: TemplateOptions) =>
        run(cli, ids, options),
      ),
    );
}
