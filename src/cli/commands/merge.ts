/**
 * `techfund merge`: its arguments, options and help. What it does is in mergeRun.ts, loaded only when the command
 * runs: the program starts (and answers `--help` or another command) without the code of the merge.
 */
import type { Command } from "commander";
import { action, type CliContext } from "../io";
import { withPoolOptions } from "../pool";

/** The options of `techfund merge` as commander parses them. */
export interface MergeOptions {
  out: string;
  unit?: string;
  json?: boolean;
  exclude?: string[];
  jobs?: number;
  timeout?: number;
  maxMemory?: number;
}

/** Adds `techfund merge`. */
export function register(program: Command, cli: CliContext): void {
  const command = program
    .command("merge")
    .description(
      "合并收到的项目情况表，生成申报汇总表（附件3）和“免申即享”申报汇总表（附件4），附合并日志和审核结果",
    )
    .usage(
      "<文件或目录…> -o 汇总.xlsx [--unit 审核单位名称] [--exclude 文件] [--json]",
    )
    .argument(
      "<文件或目录...>",
      "收到的表格文件（.xlsx .xlsm .xls .et .ods .csv），或包含它们的目录",
    )
    .requiredOption(
      "-o, --out <文件>",
      "合并结果工作簿（.xlsx；同名文件不会被覆盖）",
    )
    .option("-u, --unit <名称>", "审核单位名称，填在“审核单位（公章）：”之后")
    .option(
      "--json",
      "以 JSON 输出合并日志和问题（标准输出只有一个 JSON 对象）",
    )
    .option(
      "-x, --exclude <文件>",
      "不纳入汇总的文件（路径或文件名，可重复；合并日志中记为“已排除”）",
      (value: string, list: string[] = []) => [...list, value],
    );
  withPoolOptions(command)
    .addHelpText(
      "after",
      "\n退出码：0 全部读取且未发现错误，1 有文件无法读取或发现错误（含明细表中的错误），2 用法错误\n\n示例：\n  techfund merge 收件/ -o 申报汇总表.xlsx --unit 太原市工业和信息化局\n  techfund merge 收件/ -o 汇总.xlsx --exclude 收件/甲公司-旧版.xlsx\n  techfund merge a.xlsx b.xls -o 汇总.xlsx --json",
    )
    .action(
      action(cli, (paths: string[], options: MergeOptions) =>
        import("./mergeRun").then((m) => m.run(cli, paths, options)),
      ),
    );
}
