/**
 * `techfund check`: its arguments, options and help. What it does is in checkRun.ts, loaded only when the command
 * runs: the program starts (and answers `--help` or another command) without the output code of the check.
 */
import type { Command } from "commander";
import { action, type CliContext } from "../io";
import { withPoolOptions } from "../pool";

/** The options of `techfund check` as commander parses them. */
export interface CheckOptions {
  json?: boolean;
  report?: string;
  details?: boolean;
  errorsOnly?: boolean;
  return?: string;
  unit?: string;
  jobs?: number;
  timeout?: number;
  maxMemory?: number;
}

/** Adds `techfund check`. */
export function register(program: Command, cli: CliContext): void {
  const command = program
    .command("check")
    .description(
      "审核收到的表格文件：识别通知中的表格，按通知逐条检查，列出合计与问题（错误、警告、提示）及企业的核实说明",
    )
    .usage(
      "<文件或目录…> [--details] [--errors-only] [--json] [--report 审核结果.xlsx] [--return 目录] [--jobs N]",
    )
    .argument(
      "<文件或目录...>",
      "要检查的表格文件（.xlsx .xlsm .xls .et .ods .csv），或包含它们的目录",
    )
    .option(
      "-d, --details",
      "逐个文件列出全部问题（检查一个文件时默认如此；多个文件默认只列汇总表）",
    )
    .option("-e, --errors-only", "只列“错误”级别的问题和有错误的文件")
    .option("--json", "以 JSON 输出结果（标准输出只有一个 JSON 对象）")
    .option(
      "-r, --report <文件>",
      "另存审核结果工作簿（.xlsx：汇总表和逐条问题，同名文件不会被覆盖）",
    )
    .option(
      "--return <目录>",
      "为每家企业生成差错清单（.xlsx，列出需修改的问题和“企业答复”栏），写入该目录",
    )
    .option("-u, --unit <名称>", "审核单位名称（写入差错清单）");
  withPoolOptions(command)
    .addHelpText(
      "after",
      "\n退出码：0 未发现错误，1 发现错误，2 有文件无法读取或用法错误\n\n示例：\n  techfund check 收件/\n  techfund check 收件/ --details --errors-only\n  techfund check 贷款.xlsx --json\n  techfund check 收件/ --report 审核结果.xlsx --return 差错清单/",
    )
    .action(
      action(cli, (paths: string[], options: CheckOptions) =>
        import("./checkRun").then((m) => m.run(cli, paths, options)),
      ),
    );
}
