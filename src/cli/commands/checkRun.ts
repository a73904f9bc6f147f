/**
 * `techfund check <文件或目录…> [--details] [--errors-only] [--json] [--report 审核结果.xlsx] [--return 目录]`: checks
 * received workbooks against every rule of the notice. Folders are walked for .xlsx .xlsm .xls .et .ods .csv (hidden
 * files and `~$` lock files are skipped, and said so on stderr). Files are grouped by enterprise and the package
 * rules run across them (core/check/package.ts). The explanations (核实说明) the enterprise stored with the add-in are
 * read from each workbook and shown beside their findings.
 *
 * Output: for a folder or several files, one summary table (file, enterprise, tables, 错误/警告 (未说明)/提示,
 * status) and one line for the files that hold no table of the notice; for one file, or with `--details`, every
 * finding of each file, 错误 first (repeats settled, core/check/settle.ts), with the tables, totals (万元) and counts;
 * `--errors-only` keeps only 错误 (and files with 错误); progress on stderr. `--json` prints one object on stdout
 * ({@link CheckJson}); `--report` writes the 审核结果 workbook (core/review/reviewReport.ts, xlsx/report.ts); `--return` writes one
 * 差错清单 per enterprise (core/review/returnList.ts). Exit 0 when there is no 错误, 1 when there are 错误, 2 when an input
 * could not be read or the usage is wrong.
 */
import * as path from "path";
import type { CheckOptions } from "./check";
import { getTable, sheetNameFor } from "../../core/catalog/tables";
import type { FindingExplanation } from "../../core/review/explanations";
import type { Finding, FindingCounts } from "../../core/model/finding";
import { SEVERITY_ZH, severityText } from "../../core/messages/severity";
import { tierLabel, wan } from "../../core/messages/amounts";
import type { TableReport } from "../../core/check/report";
import { countsText } from "../../core/messages/severity";
import { findingLine, quotesOnce } from "../findingText";
import {
  explainedFindings,
  fileStatus,
  reportEnterprises,
  reviewLayout,
  totalsText,
  unexplainedWarnings,
  withPackageRules,
  type FileCheck,
} from "../../core/review/reviewReport";
import { COOP_YEARS } from "../../core/catalog/years";
import type { CoopListSummary } from "../../core/totals/coop";
import type { LoanTotals } from "../../core/totals/loan";
import {
  CliError,
  collectInputFiles,
  displayWidth,
  EXIT,
  progress,
  writeNewFile,
  type CliContext,
  type ExitCode,
} from "../io";
import { poolLimits, readInWorkers } from "../pool";
import type { Checked } from "../tasks";

/**
 * A finding in `--json`: the {@link Finding} without `file` (the file is given by its entry), its severity as the
 * Chinese word (错误 / 警告 / 提示) that users and their scripts know, with the enterprise's explanation and its
 * state (已说明 / 未说明 for a 警告, 错误须修改 for a 错误) when there is one.
 */
export type FindingJson = Omit<Finding, "file" | "severity"> & {
  severity: ReturnType<typeof severityText>;
  explanation?: FindingExplanation;
};

/** One recognised table in `--json`. `totals`: official header → sum in 万元. */
export interface TableJson {
  sheet: string;
  /** Product id of the table (`loan-interest` …, ../shared/spec/tables.md). */
  table: string;
  /** Excel row of the (last) header row. */
  headerRow: number;
  rows: number;
  totals: Record<string, number>;
  /** The table's findings, 错误 first, then by cell. */
  findings: FindingJson[];
}

/** One input file in `--json`: `file` is the path as given on the command line or found in a folder given. */
export interface FileJson {
  file: string;
  status: "ok" | "unreadable";
  /** Why the file could not be read (Chinese, names the file). */
  error?: string;
  /** The enterprise the file's tables name ('' when none). */
  enterprise?: string;
  /** 有错误 / 无错误 / 未识别到表格 / 无法读取 (as in the 审核结果). */
  state: ReturnType<typeof fileStatus>;
  /** Counts over the file's findings, and the 警告 without a valid explanation. */
  counts?: FindingCounts & { unexplained: number };
  tables: TableJson[];
  /** File-level findings: workbook rules, package rules and sheets resembling a table. */
  findings: FindingJson[];
  /** Sheets that hold no table of the notice (empty, or no table-like rows): no finding, but never skipped silently. */
  otherSheets?: string[];
  /** Explanations stored in the file whose finding is gone (the data changed since). */
  staleExplanations?: {
    sheet: string;
    cell: string;
    rule: string;
    text: string;
  }[];
}

/** What `techfund check --json` prints: every file, the enterprises' packages, and the counts over all files. */
export interface CheckJson {
  files: FileJson[];
  /** Files grouped by enterprise (normalised 企业名称), by index into `files`. */
  packages: { enterprise: string; files: number[] }[];
  summary: FindingCounts;
}

/** Keeps only 错误 when `errorsOnly`. */
function keep(errorsOnly: boolean): (f: Finding) => boolean {
  return (f) => !errorsOnly || f.severity === "error";
}

/** A finding with exactly the keys of the `--json` shape, in that order. */
function findingJson(
  f: Finding,
  explanation: FindingExplanation | undefined,
): FindingJson {
  return {
    sheet: f.sheet,
    ...(f.cell !== undefined ? { cell: f.cell } : {}),
    ...(f.range !== undefined ? { range: f.range, rows: f.rows } : {}),
    ...(f.row !== undefined ? { row: f.row } : {}),
    ...(f.column !== undefined ? { column: f.column } : {}),
    severity: severityText(f.severity),
    rule: f.rule,
    message: f.message,
    source: f.source,
    ...(f.quote !== undefined ? { quote: f.quote } : {}),
    ...(explanation ? { explanation } : {}),
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

/** The `--json` entry of one file. */
function fileJson(c: FileCheck, errorsOnly: boolean): FileJson {
  if (c.status !== "ok")
    return {
      file: c.file,
      status: "unreadable",
      error: c.error,
      state: fileStatus(c),
      tables: [],
      findings: [],
    };
  const { findings, stale } = explainedFindings(c);
  const explanationOf = new Map(
    findings.map((x) => [x.finding, x.explanation]),
  );
  const json = (list: readonly Finding[]) =>
    list
      .filter(keep(errorsOnly))
      .map((f) => findingJson(f, explanationOf.get(f)));
  return {
    file: c.file,
    status: "ok",
    enterprise: reportEnterprises(c.report),
    state: fileStatus(c),
    counts: { ...c.report.counts, unexplained: unexplainedWarnings(c) },
    tables: c.report.tables.map((t) => ({
      sheet: t.sheet,
      table: t.table,
      headerRow: t.headerRow,
      rows: t.rows,
      totals: t.totals,
      findings: json(t.findings),
    })),
    findings: json(c.report.findings),
    ...(c.report.otherSheets ? { otherSheets: c.report.otherSheets } : {}),
    ...(stale.length > 0
      ? {
          staleExplanations: stale.map(({ sheet, cell, rule, text }) => ({
            sheet,
            cell,
            rule,
            text,
          })),
        }
      : {}),
  };
}

/**
 * The `--json` object of checked files (with their package findings already added, see `withPackageRules`).
 * @param errorsOnly keep only 错误 findings (counts stay complete)
 */
export function checkJson(
  checks: readonly FileCheck[],
  packages: readonly { enterprise: string; files: number[] }[] = [],
  errorsOnly = false,
): CheckJson {
  return {
    files: checks.map((c) => fileJson(c, errorsOnly)),
    packages: packages.map((g) => ({
      enterprise: g.enterprise,
      files: g.files,
    })),
    summary: summaryOf(checks),
  };
}

/** Exit code of a check: 2 when a file could not be read, else 1 when there is a 错误, else 0. */
export function checkExitCode(checks: readonly FileCheck[]): ExitCode {
  if (checks.some((c) => c.status === "unreadable")) return EXIT.failure;
  return summaryOf(checks).errors > 0 ? EXIT.findings : EXIT.ok;
}

/**
 * A finding's line, then the notice's words when `quote` gives them (the first finding of the file that rests on
 * them) and the explanation.
 */
function findingLines(
  f: Finding,
  e: FindingExplanation | undefined,
  quote: string | undefined,
): string[] {
  const lines = [findingLine(f, e?.state === "已说明" ? e.state : undefined)];
  if (quote !== undefined) lines.push(`    ${quote}`);
  if (e?.text !== undefined)
    lines.push(
      `    企业说明（${e.state === "错误须修改" ? "错误不能以说明解除，须修改" : e.state}）：${e.text}`,
    );
  return lines;
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
        `净增 (A) ${netA} 户，新增协作配套企业 (B) ${b} 户，较保守的数字 ${conservative} 户`,
    );
  }
  return lines;
}

/** The tables of a report as short names: `新增贷款明细表、项目情况表`. */
function tablesText(report: { tables: readonly TableReport[] }): string {
  return report.tables
    .map((t) => sheetNameFor(getTable(t.table), t.year))
    .join("、");
}

/** The detailed text of one checked file: its tables with totals, then every finding, 错误 first. */
function fileText(c: Checked, errorsOnly: boolean): string {
  const { check } = c;
  const lines = [`文件：${check.file}`];
  if (check.status === "unreadable") {
    // The reader's message already says why (文件已加密：…, 无法读取文件：…).
    lines.push(`  ${check.error}`);
    return `${lines.join("\n")}\n`;
  }
  const { report } = check;
  for (const t of report.tables) {
    lines.push(`  工作表“${t.sheet}”：${t.title}`);
    lines.push(
      `    表头在第 ${t.headerRow} 行，数据 ${t.rows} 行（${t.records} 条记录）`,
    );
    if (t.enterprise) lines.push(`    企业名称：${t.enterprise}`);
    const totals = totalsText(t.totals);
    if (totals) lines.push(`    合计：${totals}`);
    const loan = loanLine(t);
    if (loan) lines.push(`    ${loan}`);
  }
  if (report.tables.length === 0) lines.push("  未识别到通知中的表格");
  for (const a of c.coop) lines.push(...coopLines(a).map((l) => `  ${l}`));
  const { findings, stale } = explainedFindings(check);
  const shown = findings.filter((x) => keep(errorsOnly)(x.finding));
  if (shown.length > 0) lines.push("  问题（错误在前）：");
  // The notice's words are shown with the first finding that rests on them, not repeated on every one.
  const quoteLine = quotesOnce();
  for (const x of shown)
    lines.push(
      ...findingLines(x.finding, x.explanation, quoteLine(x.finding)).map(
        (l) => `    ${l}`,
      ),
    );
  for (const e of stale)
    lines.push(
      `    [说明已失效] ${e.sheet} ${e.cell} ${e.rule}：${e.text}（对应的问题已不存在）`,
    );
  const unexplained = unexplainedWarnings(check);
  lines.push(
    `  本文件：${countsText(report.counts)}${unexplained > 0 ? `（其中 ${unexplained} 个警告未说明）` : ""}（${fileStatus(check)}）`,
  );
  return `${lines.join("\n")}\n`;
}

/** Pads `text` with spaces to `width` terminal columns (Chinese characters take two). */
function pad(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - displayWidth(text)));
}

/** The longest folder every shown path starts with (`收件/`), '' when none. */
function commonFolder(files: readonly string[]): string {
  if (files.length < 2) return "";
  const parts = files.map((f) => f.split(/[\\/]/).slice(0, -1));
  const first = parts[0]!;
  let n = 0;
  while (n < first.length && parts.every((p) => p[n] === first[n])) n++;
  return n === 0 ? "" : `${first.slice(0, n).join("/")}/`;
}

/** Rank of a file in the summary: unreadable and 有错误 first, then files with unexplained 警告, then the rest. */
function summaryRank(c: FileCheck): number {
  if (c.status === "unreadable") return 0;
  if (c.report.counts.errors > 0) return 1;
  return unexplainedWarnings(c) > 0 ? 2 : 3;
}

/**
 * The summary of many files: one line per file that holds a table (unreadable and 有错误 first), one line for the
 * files that hold no table of the notice, and the totals.
 */
export function summaryText(
  checks: readonly FileCheck[],
  errorsOnly = false,
): string {
  const folder = commonFolder(checks.map((c) => c.file));
  const name = (c: FileCheck) => c.file.slice(folder.length);
  const noTable = checks.filter(
    (c) => c.status === "ok" && c.report.tables.length === 0,
  );
  const listed = checks
    .filter((c) => !noTable.includes(c))
    .filter((c) => !errorsOnly || summaryRank(c) <= 1)
    .map((c, i) => ({ c, i }))
    .sort((a, b) => summaryRank(a.c) - summaryRank(b.c) || a.i - b.i)
    .map((x) => x.c);
  const header = [
    "文件",
    "企业",
    "表格",
    SEVERITY_ZH.error,
    `${SEVERITY_ZH.warning}（未说明）`,
    SEVERITY_ZH.info,
    "状态",
  ];
  const rows = listed.map((c) => {
    if (c.status !== "ok")
      return [name(c), "", "", "", "", "", `无法读取：${c.error}`];
    const { errors, warnings, infos } = c.report.counts;
    const unexplained = unexplainedWarnings(c);
    return [
      name(c),
      reportEnterprises(c.report) || "—",
      tablesText(c.report),
      String(errors),
      unexplained > 0 ? `${warnings}（${unexplained}）` : String(warnings),
      String(infos),
      fileStatus(c),
    ];
  });
  const widths = header.map((h, i) =>
    Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i]!))),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : pad(cell, widths[i]!)))
      .join("  ")
      .trimEnd();
  const out: string[] = [];
  if (folder) out.push(`目录：${folder}`);
  if (rows.length > 0) out.push(line(header), ...rows.map(line));
  if (noTable.length > 0)
    out.push(
      `未识别到通知中的表格（${noTable.length} 个文件）：${noTable.map(name).join("、")}`,
    );
  const withErrors = checks.filter((c) => summaryRank(c) <= 1).length;
  const unexplained = checks.reduce(
    (n, c) => n + (c.status === "ok" ? unexplainedWarnings(c) : 0),
    0,
  );
  out.push(
    `共 ${checks.length} 个文件，${withErrors} 个有错误或无法读取：${countsText(summaryOf(checks))}${unexplained > 0 ? `（${unexplained} 个警告未说明）` : ""}`,
    "（逐条问题：加 --details；只看错误：加 --errors-only）",
  );
  return `${out.join("\n")}\n`;
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

/**
 * Runs `techfund check` with the arguments and options commander parsed (check.ts).
 * @returns the exit code (see the module comment)
 */
export async function run(
  cli: CliContext,
  paths: string[],
  options: CheckOptions,
): Promise<ExitCode> {
  const out =
    options.report !== undefined ? reportPath(options.report) : undefined;
  const inputs = await inputsOf(cli, paths);
  const checked: Checked[] = inputs.map((input) =>
    "failed" in input
      ? { check: input.failed, coop: [] }
      : {
          check: { file: input.shown, status: "unreadable", error: "" },
          coop: [],
        },
  );
  const absOf = new Map<string, string>();
  const files = inputs.flatMap((input, i) =>
    "failed" in input ? [] : [{ ...input, position: i }],
  );
  for (const f of files) absOf.set(f.shown, f.path);
  // Read in the reading processes; each result takes its input's place, so the output does not depend on their number.
  await readInWorkers(
    "check",
    files,
    poolLimits(options),
    (file, reason) => ({
      check: { file: file.shown, status: "unreadable", error: reason },
      coop: [],
    }),
    (index, result) => {
      const file = files[index]!;
      progress(
        cli.io,
        `正在检查（${index + 1}/${files.length}）：${file.shown}`,
      );
      checked[file.position] = result;
    },
  );
  progress(cli.io, "");
  const { checks, groups } = withPackageRules(checked.map((c) => c.check));
  checked.forEach((c, i) => (c.check = checks[i]!));
  const errorsOnly = options.errorsOnly ?? false;
  // One file: every finding; several files (a folder): the summary table unless --details.
  const details = options.details ?? checks.length === 1;
  if (options.json)
    cli.io.out(
      `${JSON.stringify(checkJson(checks, groups, errorsOnly), null, 2)}\n`,
    );
  else if (details) {
    for (const c of checked)
      if (!errorsOnly || summaryRank(c.check) <= 1)
        cli.io.out(`${fileText(c, errorsOnly)}\n`);
    const unreadable = checks.filter((c) => c.status === "unreadable").length;
    const note = unreadable > 0 ? `（其中 ${unreadable} 个无法读取）` : "";
    cli.io.out(
      `共 ${checks.length} 个文件${note}：${countsText(summaryOf(checks))}\n`,
    );
  } else cli.io.out(summaryText(checks, errorsOnly));
  const said = (text: string) =>
    options.json ? cli.io.err(text) : cli.io.out(text);
  if (out !== undefined) {
    const base = path.dirname(out);
    // ExcelJS is loaded only when a workbook is written.
    const { writeReviewWorkbook } = await import("../../xlsx/report");
    const bytes = await writeReviewWorkbook(reviewLayout(checks), {
      linkPath: (file) => {
        const abs = absOf.get(file);
        return abs === undefined
          ? undefined
          : path.relative(base, abs).split(path.sep).join("/");
      },
    });
    const written = await writeNewFile(base, path.basename(out), bytes);
    said(`审核结果已写入：${written}\n`);
  }
  if (options.return !== undefined) {
    const { writeReturnLists } = await import("./returnLists");
    const written = await writeReturnLists(
      path.resolve(options.return),
      checks,
      groups,
      options.unit !== undefined ? { unit: options.unit } : {},
    );
    said(
      written.length === 0
        ? "没有需要退回企业修改的问题，未生成差错清单。\n"
        : `差错清单已写入（${written.length} 个）：\n${written.map((w) => `  ${w}`).join("\n")}\n`,
    );
  }
  return checkExitCode(checks);
}
