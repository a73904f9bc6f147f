/**
 * `techfund`: the command line of 技改填报助手. Each command lives in src/cli/commands/ and is listed
 * once in {@link COMMANDS}. Exit codes: 0 成功, 1 有错误, 2 用法错误或无法完成 (see io.ts `EXIT`).
 */
import { Command, CommanderError, Help } from "commander";
import { version } from "../../package.json";
import * as check from "./commands/check";
import * as merge from "./commands/merge";
import * as template from "./commands/template";
import {
  displayWidth,
  dropOutputWhenReaderGoes,
  EXIT,
  outputWritten,
  printError,
  processIo,
  type CliCommand,
  type CliIo,
} from "./io";

/** Every command of the CLI, in the order `techfund --help` lists them. */
const COMMANDS: readonly CliCommand[] = [check, merge, template];

const TITLES: Readonly<Record<string, string>> = {
  "Usage:": "用法：",
  "Options:": "选项：",
  "Commands:": "命令：",
  "Arguments:": "参数：",
  "Global Options:": "全局选项：",
};

/**
 * Runs the CLI in-process.
 * @param argv the arguments after the program name (`["template", "--all"]`)
 * @param io where output goes (tests pass a collector; default: stdout and stderr)
 * @returns the exit code: 0 成功, 1 有错误, 2 用法错误或无法完成
 */
export async function main(
  argv: string[],
  io: CliIo = processIo,
): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = new Command("techfund")
    .description(
      "技改填报助手：山西省技术改造专项资金事项类项目申报表格的模板导出与审核",
    )
    .usage("<命令> [选项]")
    .version(version, "-V, --version", "显示版本号")
    .helpOption("-h, --help", "显示帮助")
    .helpCommand("help [命令]", "显示命令的帮助")
    .configureHelp({
      styleTitle: (title) => TITLES[title] ?? title,
      commandUsage: (cmd) =>
        chineseTerms(Help.prototype.commandUsage.call(help, cmd)),
      subcommandTerm: (cmd) =>
        chineseTerms(Help.prototype.subcommandTerm.call(help, cmd)),
      // Chinese characters take two columns in a terminal: count them so that help texts line up.
      displayWidth,
    })
    .configureOutput({
      writeOut: (text) => io.out(text),
      writeErr: (text) => io.err(text),
      outputError: (text, write) => write(commanderErrorText(text)),
    })
    .showHelpAfterError("（运行 techfund help <命令> 查看用法）")
    // Throw instead of process.exit so that main returns the code (settings are inherited by sub-commands).
    .exitOverride();

  for (const command of COMMANDS)
    command.register(program, { io, setExit: (code) => (exitCode = code) });

  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (e) {
    if (!(e instanceof CommanderError)) {
      printError(io, e);
      return EXIT.failure;
    }
    // --help and --version end with exit code 0; a usage error (and help shown because of one) with 2.
    return e.exitCode === 0 ? EXIT.ok : EXIT.failure;
  }
  return exitCode;
}

/**
 * Runs the CLI as the program `techfund` (bin/techfund.js): {@link main} on the process's streams, then ends the
 * process with its exit code once all output has been written (or its reader has gone).
 * @param argv the arguments after the program name
 */
export async function run(argv: string[]): Promise<never> {
  dropOutputWhenReaderGoes();
  const code = await main(argv);
  await outputWritten();
  process.exit(code);
}

/** A plain Help whose methods the overrides above call for commander's English text. */
const help = new Help();

/** commander's placeholders in usage lines, in Chinese. */
function chineseTerms(text: string): string {
  return text.replace("[options]", "[选项]").replace("[command]", "[命令]");
}

/** commander's English error messages in Chinese. */
function commanderErrorText(text: string): string {
  const [, quoted = "", second = ""] =
    /'([^']*)'(?:[^']*'([^']*)')?/.exec(text) ?? [];
  const suggestion = /Did you mean (.+)\?/.exec(text)?.[1];
  const hint = suggestion ? `（是否想输入 ${suggestion}？）` : "";
  const rules: [RegExp, () => string][] = [
    [/^error: unknown option/, () => `未知的选项 ${quoted}${hint}`],
    [/^error: unknown command/, () => `未知的命令 ${quoted}${hint}`],
    [/^error: missing required argument/, () => `缺少参数 ${quoted}`],
    [
      /^error: option '[^']*' argument missing/,
      () => `选项 ${quoted} 缺少取值`,
    ],
    [/^error: required option/, () => `必须指定选项 ${quoted}`],
    [/^error: too many arguments/, () => "参数过多"],
    [
      /^error: option '[^']*' argument '[^']*' is invalid\. /,
      () => `选项 ${quoted} 的取值“${second}”无效：${afterInvalid(text)}`,
    ],
    [
      /^error: command-argument value/,
      () => `参数 ${second} 的取值“${quoted}”无效：${afterInvalid(text)}`,
    ],
  ];
  const rule = rules.find(([re]) => re.test(text));
  return `错误：${rule ? rule[1]() : text.replace(/^error: /, "").trimEnd()}\n`;
}

/** The reason commander appends to an invalid-value message (the text our parsers throw). */
function afterInvalid(text: string): string {
  return (
    /is invalid(?: for argument '[^']*')?\. ([\s\S]*)$/.exec(text)?.[1] ?? ""
  ).trimEnd();
}
