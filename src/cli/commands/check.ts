/**
 * `techfund check <文件或目录…> [--json] [--report 审核结果.xlsx]`: checks received workbooks against every rule of
 * the notice (issue 3 part 6). Folders are walked for .xlsx .xlsm .xls .et .ods .csv (hidden files and `~$` lock files
 * are skipped, and said so on stderr).
 *
 * Output: per file, per sheet, the recognised table, its header row, totals (万元) and findings sorted by cell, and
 * counts; `--json` prints one object on stdout ({@link CheckJson}); `--report` writes the 审核结果 workbook
 * (core/review.ts, xlsx/report.ts). Exit 0 when there is no 错误, 1 when there are 错误, 2 when an input could not
 * be read or the usage is wrong.
 */
import * as path from "path";
import type { Command } from "commander";
import { getTable } from "../../core/catalog/tables";
import {
  countFindings,
  type Finding,
  type FindingCounts,
} from "../../core/findings";
import { parseA1 } from "../../core/grid";
import { tierLabel, wan } from "../../core/messages/coop";
import type { TableReport } from "../../core/report";
import {
  fileStatus,
  findingPlace,
  reviewLayout,
  totalsText,
  type FileCheck,
} from "../../core/review";
import { checkWorkbook } from "../../core/rules/engine";
import { COOP_YEARS, type CoopListSummary } from "../../core/totals/coop";
import type { LoanTotals } from "../../core/totals/loan";
import { readWorkbookFile } from "../../xlsx/node";
import { writeReviewWorkbook } from "../../xlsx/report";
import {
  action,
  CliError,
  collectInputFiles,
  EXIT,
  writeNewFile,
  type CliContext,
  type ExitCode,
} from "../io";

interface CheckOptions {
  json?: boolean;
  report?: string;
}

/** A finding in `--json`: the {@link Finding} without `file` (the file is given by its entry). */
export type FindingJson = Omit<Finding, "file">;

/** One recognised table in `--json`. `totals`: official header → sum in 万元. */
export interface TableJson {
  sheet: string;
  /** Product id of the table (`loan-interest` …, ../shared/spec/tables.md). */
  table: string;
  /** Excel row of the (last) header row. */
  headerRow: number;
  rows: number;
  totals: Record<string, number>;
  findings: FindingJson[];
}

/** One input file in `--json`: `file` is the path as given on the command line or found in a folder given. */
export interface FileJson {
  file: string;
  status: "ok" | "unreadable";
  /** Why the file could not be read (Chinese, names the file). */
  error?: string;
  tables: TableJson[];
  /** File-level findings: workbook rules and sheets not recognised as a table. */
  findings: FindingJson[];
}

/** What `techfund check --json` prints: every file, and the counts over all files. */
export interface CheckJson {
  files: FileJson[];
  summary: FindingCounts;
}

/** A checked file and, when it holds 协作配套 lists, their year analysis (shown in the text output). */
interface Checked {
  check: FileCheck;
  coop: CoopListSummary[];
}

/** A finding with exactly the keys of the `--json` shape, in that order. */
function findingJson(f: Finding): FindingJson {
  return {
    sheet: f.sheet,
    ...(f.cell !== undefined ? { cell: f.cell } : {}),
    ...(f.row !== undefined ? { row: f.row } : {}),
    ...(f.column !== undefined ? { column: f.column } : {}),
    severity: f.severity,
    rule: f.rule,
    message: f.message,
    source: f.source,
  };
}

function tableJson(t: TableReport): TableJson {
  return {
    sheet: t.sheet,
    table: t.table,
    headerRow: t.headerRow,
    rows: t.rows,
    totals: t.totals,
    findings: t.findings.map(findingJson),
  };
}

/** Counts over the files read. */
function summaryOf(checks: readonly FileCheck[]): FindingCounts {
  const sum: FindingCounts = { errors: 0, warnings: 0, infos: 0 };
  for (const c of checks) {
    if (c.status !== "ok") continue;
    sum.errors += c.report.counts.errors;
    sum.warnings += c.report.counts.warnings;
    sum.infos += c.report.counts.infos;
  }
  return sum;
}

/** The `--json` object of checked files. */
export function checkJson(checks: readonly FileCheck[]): CheckJson {
  const files = checks.map((c): FileJson =>
    c.status === "ok"
      ? {
          file: c.file,
          status: "ok",
          tables: c.report.tables.map(tableJson),
          findings: c.report.findings.map(findingJson),
        }
      : {
          file: c.file,
          status: "unreadable",
          error: c.error,
          tables: [],
          findings: [],
        },
  );
  return { files, summary: summaryOf(checks) };
}

/** Exit code of a check: 2 when a file could not be read, else 1 when there is a 错误, else 0. */
export function checkExitCode(checks: readonly FileCheck[]): ExitCode {
  if (checks.some((c) => c.status === "unreadable")) return EXIT.failure;
  return summaryOf(checks).errors > 0 ? EXIT.findings : EXIT.ok;
}

/** Reads and checks one file; never throws (an unexpected failure is reported as the file's error). */
async function checkFile(filePath: string, shown: string): Promise<Checked> {
  const read = await readWorkbookFile(filePath);
  if (!read.ok)
    return {
      check: { file: shown, status: "unreadable", error: read.error.message },
      coop: [],
    };
  try {
    const report = checkWorkbook(read.workbook);
    const coop = [report.coop?.leader, report.coop?.member].filter(
      (a): a is CoopListSummary => a !== undefined,
    );
    return { check: { file: shown, status: "ok", report }, coop };
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return {
      check: {
        file: shown,
        status: "unreadable",
        error: `检查时程序内部错误：${shown}（${reason}）`,
      },
      coop: [],
    };
  }
}

/** `错误 2 个，警告 0 个，提示 1 个`. */
function countsText(c: FindingCounts): string {
  return `错误 ${c.errors} 个，警告 ${c.warnings} 个，提示 ${c.infos} 个`;
}

/** Sorts findings by row, then column (findings without a row first), keeping the order of equals. */
function byCell(findings: readonly Finding[]): Finding[] {
  const col = (f: Finding) => (f.cell ? parseA1(f.cell).c : -1);
  return [...findings].sort(
    (a, b) => (a.row ?? 0) - (b.row ?? 0) || col(a) - col(b),
  );
}

/** `[错误] G6 贷款提款时间 LOAN-DRAW-YEAR：…（依据：附件1 六(一)）`. */
function findingLine(f: Finding): string {
  const where = [findingPlace(f), f.column].filter(Boolean).join(" ");
  return `[${f.severity}] ${where ? `${where} ` : ""}${f.rule}：${f.message}（依据：${f.source || "—"}）`;
}

/** The T1 figure against 10 万元 (totals extension of loan-interest). */
function loanLine(t: TableReport): string | undefined {
  if (t.table !== "loan-interest" || !t.extra) return undefined;
  const x = t.extra as LoanTotals;
  const verdict = x.reachesMinimum ? "不低于" : "低于";
  return `2024年提款贷款的2024年利息合计 ${wan(x.interest2024)}（${verdict}${wan(x.minimum)}），扣除不予贴息用途后 ${wan(x.interestWithoutExcluded)}`;
}

/** The year analysis of one 协作配套 list, as text lines. */
function coopLines(a: CoopListSummary): string[] {
  const title = getTable(a.table).title;
  const lines = [`协作配套年度分析：${title}（交易额按已开发票金额，万元）`];
  const missing = COOP_YEARS.filter((y) => a.sheets[y].length === 0);
  if (!a.complete)
    lines.push(`  缺少${missing.join("、")}年度的工作表，以下数字不完整`);
  const tierText = (p: { newTier?: number; previousTier?: number }) =>
    p.newTier !== undefined
      ? `2024年首次达到${tierLabel(p.newTier)}档`
      : `2024年未达到高于2022、2023年的档位${p.previousTier !== undefined ? `（此前最高${tierLabel(p.previousTier)}档）` : ""}`;
  const years = (p: CoopListSummary["total"]) =>
    COOP_YEARS.map((y) => `${y}年 ${wan(p.years[y].invoice)}`).join("，");
  for (const p of a.partners)
    lines.push(`  ${p.name || "（未填名称）"}：${years(p)}；${tierText(p)}`);
  lines.push(`  合计：${years(a.total)}；${tierText(a.total)}`);
  if (a.excluded.length > 0)
    lines.push(
      `  另有 ${a.excluded.length} 行所属产业链与申报企业不同，未计入`,
    );
  if (a.netNew) {
    const { counts, a: netA, b, conservative } = a.netNew;
    lines.push(
      `  500万元以上的协作配套企业：2022年 ${counts[2022]} 户，2023年 ${counts[2023]} 户，2024年 ${counts[2024]} 户；` +
        `净增 (A) ${netA} 户，2024年新达到 (B) ${b} 户，较保守的数字 ${conservative} 户`,
    );
  }
  return lines;
}

/** The text output of one checked file. */
function fileText(c: Checked): string {
  const { check } = c;
  const lines = [`文件：${check.file}`];
  if (check.status === "unreadable") {
    // The reader's message already says why (文件已加密：…, 无法读取文件：…).
    lines.push(`  ${check.error}`);
    return `${lines.join("\n")}\n`;
  }
  const { report } = check;
  const shown = new Set<string>();
  for (const t of report.tables) {
    shown.add(t.sheet);
    lines.push(`  工作表“${t.sheet}”：${t.title}`);
    lines.push(
      `    表头在第 ${t.headerRow} 行，数据 ${t.rows} 行（${t.records} 条记录）`,
    );
    if (t.enterprise) lines.push(`    企业名称：${t.enterprise}`);
    const totals = totalsText(t.totals);
    if (totals) lines.push(`    合计：${totals}`);
    const loan = loanLine(t);
    if (loan) lines.push(`    ${loan}`);
    const own = byCell([
      ...t.findings,
      ...report.findings.filter((f) => f.sheet === t.sheet),
    ]);
    for (const f of own) lines.push(`    ${findingLine(f)}`);
    lines.push(
      `    本表：${own.length === 0 ? "未发现问题" : countsText(countFindings(own))}`,
    );
  }
  const rest = report.findings.filter((f) => !shown.has(f.sheet));
  for (const sheet of [...new Set(rest.map((f) => f.sheet))]) {
    lines.push(sheet ? `  工作表“${sheet}”：` : "  整个工作簿：");
    for (const f of byCell(rest.filter((x) => x.sheet === sheet)))
      lines.push(`    ${findingLine(f)}`);
  }
  for (const a of c.coop) lines.push(...coopLines(a).map((l) => `  ${l}`));
  lines.push(`  本文件：${countsText(report.counts)}（${fileStatus(check)}）`);
  return `${lines.join("\n")}\n`;
}

/** An input of the command line: a file to check (absolute path, path shown), or a path that failed. */
type Input = { path: string; shown: string } | { failed: FileCheck };

/** The input files of the command line in order, each once; a path that cannot be read is a failed input. */
async function inputsOf(
  cli: CliContext,
  paths: readonly string[],
): Promise<Input[]> {
  const seen = new Set<string>();
  const inputs: Input[] = [];
  for (const p of paths) {
    try {
      const found = await collectInputFiles([p], (skipped, reason) =>
        cli.io.err(`已跳过 ${skipped}：${reason}\n`),
      );
      for (const f of found) {
        if (seen.has(f.path)) continue;
        seen.add(f.path);
        inputs.push(f);
      }
    } catch (e) {
      if (!(e instanceof CliError)) throw e;
      inputs.push({
        failed: { file: p, status: "unreadable", error: e.message },
      });
    }
  }
  return inputs;
}

/** The report path: must end with .xlsx. @throws CliError (exit 2) otherwise */
function reportPath(out: string): string {
  if (path.extname(out).toLowerCase() !== ".xlsx")
    throw new CliError(`审核结果文件须以 .xlsx 结尾：${out}`);
  return path.resolve(out);
}

async function run(
  cli: CliContext,
  paths: string[],
  options: CheckOptions,
): Promise<ExitCode> {
  const out =
    options.report !== undefined ? reportPath(options.report) : undefined;
  const inputs = await inputsOf(cli, paths);
  const checks: FileCheck[] = [];
  const absOf = new Map<string, string>();
  for (const [i, input] of inputs.entries()) {
    if (options.json && !("failed" in input))
      cli.io.err(`正在检查（${i + 1}/${inputs.length}）：${input.shown}\n`);
    const c =
      "failed" in input
        ? { check: input.failed, coop: [] }
        : await checkFile(input.path, input.shown);
    if (!("failed" in input)) absOf.set(input.shown, input.path);
    checks.push(c.check);
    if (!options.json) cli.io.out(`${fileText(c)}\n`);
  }
  const summary = summaryOf(checks);
  if (options.json)
    cli.io.out(`${JSON.stringify(checkJson(checks), null, 2)}\n`);
  else {
    const unreadable = checks.filter((c) => c.status === "unreadable").length;
    const note = unreadable > 0 ? `（其中 ${unreadable} 个无法读取）` : "";
    cli.io.out(`共 ${checks.length} 个文件${note}：${countsText(summary)}\n`);
  }
  if (out !== undefined) {
    const base = path.dirname(out);
    const bytes = await writeReviewWorkbook(reviewLayout(checks), {
      linkPath: (file) => {
        const abs = absOf.get(file);
        return abs === undefined
          ? undefined
          : path.relative(base, abs).split(path.sep).join("/");
      },
    });
    const written = await writeNewFile(base, path.basename(out), bytes);
    const text = `审核结果已写入：${written}\n`;
    if (options.json) cli.io.err(text);
    else cli.io.out(text);
  }
  return checkExitCode(checks);
}

/** Adds `techfund check`. */
export function register(program: Command, cli: CliContext): void {
  program
    .command("check")
    .description(
      "审核收到的表格文件：识别通知中的表格，按通知逐条检查，列出合计与问题（错误、警告、提示）",
    )
    .usage("<文件或目录…> [--json] [--report 审核结果.xlsx]")
    .argument(
      "<文件或目录...>",
      "要检查的表格文件（.xlsx .xlsm .xls .et .ods .csv），或包含它们的目录",
    )
    .option("--json", "以 JSON 输出结果（标准输出只有一个 JSON 对象）")
    .option(
      "-r, --report <文件>",
      "另存审核结果工作簿（.xlsx：汇总表和逐条问题，同名文件不会被覆盖）",
    )
    .addHelpText(
      "after",
      "\n退出码：0 未发现错误，1 发现错误，2 有文件无法读取或用法错误\n\n示例：\n  techfund check 收件/\n  techfund check 贷款.xlsx --json\n  techfund check 收件/ --report 审核结果.xlsx",
    )
    .action(
      action(cli, (paths: string[], options: CheckOptions) =>
        run(cli, paths, options),
      ),
    );
}
