/**
 * `techfund check` on the sample workbooks (../shared/samples): the --json shape and values, the text output,
 * exit codes 0/1/2, folders (skipped entries said on stderr), and the --report workbook read back.
 */
import { spawnSync } from "child_process";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import * as XLSX from "@e965/xlsx";
import ExcelJS from "exceljs";
import type { Sheet } from "../../src/core/model/grid";
import { cellText } from "../../src/core/model/grid";
import { main } from "../../src/cli/main";
import type { CheckJson } from "../../src/cli/commands/checkRun";
import { readWorkbookFile } from "../../src/xlsx/node";
import { tableSheet, type RowSpec } from "../helpers/coop";
import { RETURN_LIST_HEADER } from "../helpers/returnList";

const REPO = path.resolve(__dirname, "../..");
const SAMPLES = path.resolve(REPO, "../shared/samples");
const sample = (name: string) => path.join(SAMPLES, name);
const LOAN = sample("loan-handmade.xlsx");
const INFO = [
  "project-info-1.xlsx",
  "project-info-2.xlsx",
  "project-info-3.xls",
].map(sample);
const BROKEN = sample("wild/ej_missing-bits.xlsx");

async function run(
  ...argv: string[]
): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(["check", ...argv], {
    out: (t) => void (out += t),
    err: (t) => void (err += t),
  });
  return { code, out, err };
}

async function runJson(
  ...argv: string[]
): Promise<{ code: number; json: CheckJson; err: string }> {
  const { code, out, err } = await run(...argv, "--json");
  return { code, json: JSON.parse(out) as CheckJson, err };
}

let tmp: string;
beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), "techfund-check-"));
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe("techfund check --json", () => {
  it("prints one object: files with tables, findings and totals, and the summary; exit 1 for the 错误 of the loan sample", async () => {
    const { code, json, err } = await runJson(LOAN, ...INFO);
    expect(code).toBe(1);
    expect(Object.keys(json)).toEqual(["files", "packages", "summary"]);
    expect(json.files.map((f) => [f.file, f.status])).toEqual([
      [LOAN, "ok"],
      ...INFO.map((f) => [f, "ok"]),
    ]);
    for (const f of json.files)
      expect(Object.keys(f)).toEqual([
        "file",
        "status",
        "enterprise",
        "state",
        "counts",
        "tables",
        "findings",
      ]);
    // Four enterprises, one file each.
    expect(json.packages.map((p) => p.files)).toEqual([[0], [1], [2], [3]]);
    expect(json.files[0]).toMatchObject({
      enterprise: "阳泉市东方新材料有限公司",
      state: "有错误",
      counts: { errors: 2, warnings: 0, infos: 0, unexplained: 0 },
    });

    const [loan] = json.files;
    expect(loan!.tables).toHaveLength(1);
    const table = loan!.tables[0]!;
    expect(Object.keys(table)).toEqual([
      "sheet",
      "table",
      "headerRow",
      "rows",
      "totals",
      "findings",
    ]);
    expect(table).toMatchObject({
      sheet: "新增贷款明细表",
      table: "loan-interest",
      headerRow: 3,
      rows: 3,
      totals: {
        "2024年度新增贷款金额": 3800,
        "2024年利息实际发生额": 113.3331,
      },
    });
    const drawYear = table.findings.find((f) => f.rule === "LOAN-DRAW-YEAR")!;
    expect(Object.keys(drawYear)).toEqual([
      "sheet",
      "cell",
      "row",
      "column",
      "severity",
      "rule",
      "message",
      "source",
      "quote",
    ]);
    expect(drawYear).toMatchObject({
      sheet: "新增贷款明细表",
      cell: "G6",
      row: 6,
      column: "贷款提款时间",
      severity: "错误",
      source: "附件1 六(一)",
      quote: "新增贷款须于2024年当年提款并付息",
    });
    expect(drawYear.message).toContain("2023年11月30日");
    expect(
      table.findings.find((f) => f.rule === "LOAN-PURPOSE-EXCLUDED"),
    ).toMatchObject({
      cell: "O7",
      row: 7,
      column: "2024年度新增贷款用途",
      severity: "错误",
    });
    expect(json.summary.errors).toBe(2);
    for (const info of json.files.slice(1)) {
      expect(info.tables.map((t) => t.table)).toEqual(["project-info"]);
      expect(
        info.tables[0]!.findings.filter((f) => f.severity === "错误"),
      ).toEqual([]);
    }
    // Progress goes to stderr only.
    expect(err).toContain("正在检查（1/4）");
  });

  it("exit 0 when no file has a 错误", async () => {
    const { code, json } = await runJson(...INFO);
    expect(code).toBe(0);
    expect(json.summary.errors).toBe(0);
  });

  it("exit 2 when a file cannot be read, with its Chinese error in the JSON; the other files still checked", async () => {
    const missing = path.join(tmp, "无此文件.xlsx");
    const { code, json } = await runJson(BROKEN, LOAN, missing);
    expect(code).toBe(2);
    expect(json.files).toEqual([
      {
        file: BROKEN,
        status: "unreadable",
        error:
          "文件已损坏：ej_missing-bits.xlsx（无法读出其中的表格，请用 Excel 或 WPS 打开并另存为 .xlsx 后再提交）",
        state: "无法读取",
        tables: [],
        findings: [],
      },
      expect.objectContaining({ file: LOAN, status: "ok" }),
      {
        file: missing,
        status: "unreadable",
        error: `无法读取 ${missing}：找不到文件或目录`,
        state: "无法读取",
        tables: [],
        findings: [],
      },
    ]);
    expect(json.summary).toEqual({ errors: 2, warnings: 0, infos: 0 });
  });

  it("walks a folder: spreadsheets as found (path shown under the folder given), skipped entries said on stderr", async () => {
    const inbox = path.join(tmp, "收件");
    await fs.mkdir(path.join(inbox, "子目录"), { recursive: true });
    await fs.copyFile(LOAN, path.join(inbox, "子目录", "贷款.xlsx"));
    for (const name of ["~$贷款.xlsx", ".隐藏.xlsx", "说明.txt"])
      await fs.writeFile(path.join(inbox, name), "x");
    const { code, json, err } = await runJson(inbox);
    expect(code).toBe(1);
    expect(json.files.map((f) => f.file)).toEqual([
      path.join(inbox, "子目录", "贷款.xlsx"),
    ]);
    expect(err).toContain(
      `已跳过 ${path.join(inbox, ".隐藏.xlsx")}：隐藏文件\n`,
    );
    expect(err).toContain(
      `已跳过 ${path.join(inbox, "~$贷款.xlsx")}：Office/WPS 打开文件时生成的临时文件\n`,
    );
    expect(err).toContain(
      `已跳过 ${path.join(inbox, "说明.txt")}：不是表格文件`,
    );
  });
});

describe("techfund check (text)", () => {
  it("--details: per file its tables, header row, totals in 万元, every finding (错误 first, then by cell), counts; progress on stderr", async () => {
    const { code, out, err } = await run(LOAN, INFO[0]!, "--details");
    expect(code).toBe(1);
    expect(err).toBe(`正在检查（1/2）：${LOAN}\n正在检查（2/2）：${INFO[0]}\n`);
    expect(out).toContain(
      `文件：${LOAN}\n  工作表“新增贷款明细表”：省级重点产业链链上企业2024年度新增贷款明细表\n`,
    );
    expect(out).toContain("    表头在第 3 行，数据 3 行（3 条记录）\n");
    expect(out).toContain(
      "    合计：2024年度新增贷款金额 3800万元；2024年利息实际发生额 113.3331万元\n",
    );
    const g6 = out.indexOf(
      "    [错误] 新增贷款明细表 G6 贷款提款时间 LOAN-DRAW-YEAR：",
    );
    const o7 = out.indexOf(
      "    [错误] 新增贷款明细表 O7 2024年度新增贷款用途 LOAN-PURPOSE-EXCLUDED：",
    );
    // LOAN-INTEREST-MIN holds with and without the excluded row: no 提示 at M4.
    expect(g6).toBeGreaterThan(0);
    expect(o7).toBeGreaterThan(g6);
    expect(out).not.toContain("    [提示] 新增贷款明细表 M4 ");
    expect(out).toContain("（依据：附件1 六(一)）");
    expect(out).toContain(
      "  本文件：错误 2 个，警告 0 个，提示 0 个（有错误）\n",
    );
    expect(out).toContain("    企业名称：晋城市丹河精密机械有限公司\n");
    expect(out).toMatch(/共 2 个文件：错误 2 个，警告 1 个，提示 0 个\n$/);
  });

  it("--details: the notice's words once per file, under the first finding that rests on them; in the JSON as `quote`", async () => {
    // A copy of the loan sample whose row 7 is drawn in 2023 too: two LOAN-DRAW-YEAR findings (G6, G7) on one quote.
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(LOAN);
    book.worksheets[0]!.getCell("G7").value = new Date(Date.UTC(2023, 5, 1));
    const copy = path.join(tmp, "两笔2023年提款.xlsx");
    await book.xlsx.writeFile(copy);

    const { out } = await run(copy, "--details");
    const quoteLine = "        通知原文：“新增贷款须于2024年当年提款并付息”\n";
    expect(out.split(quoteLine)).toHaveLength(2);
    const g6 = out.indexOf(
      "    [错误] 新增贷款明细表 G6 贷款提款时间 LOAN-DRAW-YEAR：",
    );
    const g7 = out.indexOf(
      "    [错误] 新增贷款明细表 G7 贷款提款时间 LOAN-DRAW-YEAR：",
    );
    expect(g6).toBeGreaterThan(0);
    expect(out.indexOf(quoteLine)).toBeGreaterThan(g6);
    expect(out.indexOf(quoteLine)).toBeLessThan(g7);
    // The message itself says what is wrong, without the quotation.
    expect(out).toContain(
      "LOAN-DRAW-YEAR：贷款提款时间为2023年6月1日，不在2024年，该笔贷款不能申请贴息。（依据：附件1 六(一)）\n",
    );

    const { json } = await runJson(copy);
    const draws = json.files[0]!.tables.flatMap((t) => t.findings).filter(
      (f) => f.rule === "LOAN-DRAW-YEAR",
    );
    expect(draws.map((f) => [f.cell, f.quote])).toEqual([
      ["G6", "新增贷款须于2024年当年提款并付息"],
      ["G7", "新增贷款须于2024年当年提款并付息"],
    ]);
  });

  it("several files: one summary table (有错误 first), files without a table of the notice on one line, totals", async () => {
    const inbox = path.join(tmp, "收件");
    await fs.mkdir(inbox);
    for (const f of [
      ...INFO,
      LOAN,
      sample("wild/stj_1904_1900.xlsx"),
      sample("wild/ej_google-sheets.xlsx"),
    ])
      await fs.copyFile(f, path.join(inbox, path.basename(f)));
    const { code, out } = await run(inbox);
    expect(code).toBe(1);
    const lines = out.split("\n");
    expect(lines[0]).toBe(`目录：${inbox}/`);
    expect(lines[1]!.split(/\s{2,}/)).toEqual([
      "文件",
      "企业",
      "表格",
      "错误",
      "警告（未说明）",
      "提示",
      "状态",
    ]);
    expect(lines[2]!.split(/\s{2,}/)).toEqual([
      "loan-handmade.xlsx",
      "阳泉市东方新材料有限公司",
      "新增贷款明细表",
      "2",
      "0",
      "0",
      "有错误",
    ]);
    // project-info-1 applies for 链上企业协作配套奖励 without its T5: one unexplained PACKAGE-TABLES 警告.
    expect(lines[3]!.split(/\s{2,}/)).toEqual([
      "project-info-1.xlsx",
      "晋城市丹河精密机械有限公司",
      "项目情况表",
      "0",
      "1（1）",
      "0",
      "无错误",
    ]);
    expect(lines[4]).toMatch(/^project-info-2\.xlsx /);
    expect(lines[5]).toMatch(/^project-info-3\.xls /);
    expect(lines[6]).toBe(
      "未识别到通知中的表格（2 个文件）：ej_google-sheets.xlsx、stj_1904_1900.xlsx",
    );
    expect(lines[7]).toBe(
      "共 6 个文件，1 个有错误或无法读取：错误 2 个，警告 1 个，提示 0 个（1 个警告未说明）",
    );
    const only = await run(inbox, "--errors-only");
    expect(only.out.split("\n").slice(2, 4)[1]).toMatch(
      /^未识别到通知中的表格/,
    );
  });

  it("one unreadable file: its Chinese error, and exit 2", async () => {
    const { code, out } = await run(BROKEN);
    expect(code).toBe(2);
    expect(out).toContain(
      `文件：${BROKEN}\n  文件已损坏：ej_missing-bits.xlsx`,
    );
    expect(out).toContain("共 1 个文件（其中 1 个无法读取）");
  });

  it("shows the year analysis of the 协作配套 lists", async () => {
    const file = await writeLeaderWorkbook(path.join(tmp, "链主.xlsx"));
    const { out } = await run(file);
    expect(out).toContain(
      "  协作配套年度分析：“链主”企业____年度协作配套企业清单（交易额按已开发票金额，万元）\n",
    );
    expect(out).toContain(
      "    山西甲机械有限公司：2022年 480万元，2023年 900万元，2024年 2100万元；2024年首次达到2000万元档\n",
    );
    expect(out).toContain(
      "    山西乙机械有限公司：2022年 600万元，2023年 700万元，2024年 800万元；2024年未达到高于2022、2023年的档位（此前最高500万元档）\n",
    );
    expect(out).toContain(
      "    山西丙机械有限公司：2022年 0万元，2023年 100万元，2024年 550万元；2024年首次达到500万元档\n",
    );
    expect(out).toContain(
      "    合计：2022年 1080万元，2023年 1700万元，2024年 3450万元；2024年首次达到3000万元档\n",
    );
    expect(out).toContain(
      "    500万元以上的协作配套企业：2022年 1 户，2023年 2 户，2024年 3 户；净增 (A) 1 户，新增协作配套企业 (B) 0 户，较保守的数字 0 户\n",
    );
  });
});

describe("techfund check: the enterprise's explanations (核实说明 stored by the add-in)", () => {
  /** A copy of `source` with our explanation sheet holding `rows` (工作表, 单元格, 规则, 说明, 时间). */
  async function withExplanations(
    source: string,
    rows: string[][],
  ): Promise<string> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(source);
    const ws = wb.addWorksheet("techfund_说明", { state: "veryHidden" });
    ws.addRow(["工作表", "单元格", "规则", "说明", "时间"]);
    for (const r of rows) ws.addRow(r);
    const file = path.join(tmp, path.basename(source));
    await wb.xlsx.writeFile(file);
    return file;
  }

  it("shows each explanation beside its finding in the text and JSON: a real one 已说明, a 错误 stays 错误", async () => {
    const info = await withExplanations(INFO[0]!, [
      [
        "项目情况表",
        "G4",
        "PACKAGE-TABLES",
        "协作配套交易明细表已另行单独报送",
        "2026-03-01T09:30:00.000Z",
      ],
    ]);
    const loan = await withExplanations(LOAN, [
      [
        "新增贷款明细表",
        "O7",
        "LOAN-PURPOSE-EXCLUDED",
        "该笔借款实际用于购置设备，合同用途填写有误",
        "2026-03-01T09:30:00.000Z",
      ],
    ]);
    const text = await run(info, loan, "--details");
    expect(text.out).toContain(
      "    [警告·已说明] 项目情况表 G4 申报方向 PACKAGE-TABLES：",
    );
    expect(text.out).toContain(
      "        企业说明（已说明）：协作配套交易明细表已另行单独报送\n",
    );
    expect(text.out).toContain(
      "        企业说明（错误不能以说明解除，须修改）：该笔借款实际用于购置设备，合同用途填写有误\n",
    );
    expect(text.code).toBe(1);

    const { json } = await runJson(info, loan);
    const g4 = json.files[0]!.findings.find(
      (f) => f.rule === "PACKAGE-TABLES",
    )!;
    expect(g4.explanation).toEqual({
      state: "已说明",
      text: "协作配套交易明细表已另行单独报送",
      time: "2026-03-01T09:30:00.000Z",
    });
    expect(json.files[0]!.counts!.unexplained).toBe(0);
    const o7 = json.files[1]!.tables[0]!.findings.find(
      (f) => f.rule === "LOAN-PURPOSE-EXCLUDED",
    )!;
    expect(o7).toMatchObject({
      severity: "错误",
      explanation: { state: "错误须修改" },
    });
    expect(json.summary.errors).toBe(2);
  });

  it("writes the explanation and its state into the 审核结果; a boilerplate one is 未说明", async () => {
    const info = await withExplanations(INFO[0]!, [
      [
        "项目情况表",
        "G4",
        "PACKAGE-TABLES",
        "核实无误",
        "2026-03-01T09:30:00.000Z",
      ],
    ]);
    const out = path.join(tmp, "审核结果.xlsx");
    await run(info, "--report", out);
    const read = await readWorkbookFile(out);
    if (!read.ok) throw new Error(read.error.message);
    const rows = read.workbook.sheets[1]!.rows.map((r) =>
      Array.from(r, (c) => cellText(c)),
    );
    expect(rows[0]!.slice(8)).toEqual(["企业核实性说明", "说明状态"]);
    const g4 = rows.find((r) => r[5] === "PACKAGE-TABLES")!;
    expect(g4.slice(8)).toEqual(["核实无误", "未说明"]);
    const summary = read.workbook.sheets[0]!.rows.map((r) =>
      Array.from(r, (c) => cellText(c)),
    );
    expect(summary[0]![6]).toBe("其中未说明");
    expect(summary[1]![6]).toBe("1");
  });
});

describe("techfund check --return", () => {
  it("writes one 差错清单 per enterprise with something to fix, named after the enterprise; none for a clean file", async () => {
    const dir = path.join(tmp, "差错清单");
    const { code, out } = await run(
      LOAN,
      INFO[1]!,
      "--return",
      dir,
      "--unit",
      "阳泉市工业和信息化局",
    );
    expect(code).toBe(1);
    const file = path.join(dir, "差错清单_阳泉市东方新材料有限公司.xlsx");
    expect(out).toContain(`差错清单已写入（1 个）：\n  ${file}\n`);
    expect(await fs.readdir(dir)).toEqual([
      "差错清单_阳泉市东方新材料有限公司.xlsx",
    ]);
    const read = await readWorkbookFile(file);
    if (!read.ok) throw new Error(read.error.message);
    const rows = read.workbook.sheets[0]!.rows.map((r) =>
      Array.from(r, (c) => cellText(c)),
    );
    expect(rows[0]![0]).toBe("差错清单");
    expect(rows[2]![0]).toBe(
      "审核单位：阳泉市工业和信息化局  审核日期：" +
        rows[2]![0]!.split("审核日期：")[1],
    );
    expect(rows[4]).toEqual(RETURN_LIST_HEADER);
    expect(rows.slice(5).map((r) => [r[0], r[2], r[3], r[5]])).toEqual([
      ["1", "新增贷款明细表", "G6", "错误"],
      ["2", "新增贷款明细表", "O7", "错误"],
    ]);
  });
});

describe("techfund check usage errors (exit 2)", () => {
  it("an unknown option: the Chinese usage error on stderr, nothing on stdout", async () => {
    const { code, out, err } = await run(LOAN, "--jsn");
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toContain("错误：未知的选项 --jsn");
  });

  it("no file given", async () => {
    const { code, err } = await run();
    expect(code).toBe(2);
    expect(err).toContain("错误：缺少参数 文件或目录\n");
  });

  it("a report name that is not .xlsx, before any file is read", async () => {
    const { code, out, err } = await run(
      LOAN,
      "--report",
      path.join(tmp, "结果.xls"),
    );
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toBe(
      `错误：审核结果文件须以 .xlsx 结尾：${path.join(tmp, "结果.xls")}\n`,
    );
  });
});

describe("techfund check --report", () => {
  it("writes the 审核结果 workbook: 汇总 per file, one row per finding with a link to the cell; never overwrites", async () => {
    const out = path.join(tmp, "报告", "审核结果.xlsx");
    const first = await runJson(LOAN, BROKEN, "--report", out);
    expect(first.code).toBe(2);
    expect(first.err).toContain(`审核结果已写入：${out}\n`);
    const read = await readWorkbookFile(out);
    if (!read.ok) throw new Error(read.error.message);
    const [summary, findings] = read.workbook.sheets as [Sheet, Sheet];
    const texts = (s: Sheet) =>
      s.rows.map((r) => Array.from(r, (c) => cellText(c)));
    expect(summary.name).toBe("汇总");
    expect(texts(summary)[1]!.slice(0, 8)).toEqual([
      LOAN,
      "阳泉市东方新材料有限公司",
      expect.stringContaining("新增贷款明细表"),
      expect.stringContaining("3800万元"),
      "2",
      "0",
      "0",
      "0",
    ]);
    expect(texts(summary)[2]).toEqual([
      BROKEN,
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      "无法读取",
      expect.stringContaining("文件已损坏"),
    ]);
    expect(findings.name).toBe("审核结果");
    const g6 = findings.rows.find((r) => r[5]?.v === "LOAN-DRAW-YEAR")!;
    expect(Array.from(g6.slice(0, 6), (c) => cellText(c))).toEqual([
      LOAN,
      "新增贷款明细表",
      "G6",
      "贷款提款时间",
      "错误",
      "LOAN-DRAW-YEAR",
    ]);
    // 通知依据: the section and the notice's words, which the message no longer repeats.
    expect([cellText(g6[6]), cellText(g6[7])]).toEqual([
      "贷款提款时间为2023年11月30日，不在2024年，该笔贷款不能申请贴息。",
      "附件1 六(一)：“新增贷款须于2024年当年提款并付息”",
    ]);
    // The link's path is relative to the report's folder.
    const linkPath = path.relative(path.dirname(out), LOAN);
    expect(linkPath).toMatch(/^\.\.\/.*shared\/samples\/loan-handmade\.xlsx$/);
    expect(g6[2]!.f).toBe(`HYPERLINK("[${linkPath}]'新增贷款明细表'!G6","G6")`);
    expect(
      findings.rows.some(
        (r) => r[5]?.v === "LOAN-PURPOSE-EXCLUDED" && r[2]?.v === "O7",
      ),
    ).toBe(true);
    expect(Array.from(findings.rows.at(-1)!, (c) => cellText(c))).toEqual([
      BROKEN,
      "",
      "",
      "",
      "错误",
      "",
      expect.stringContaining("文件已损坏"),
    ]);

    const second = await run(LOAN, "--report", out);
    expect(second.out).toContain(
      `审核结果已写入：${path.join(tmp, "报告", "审核结果 (2).xlsx")}\n`,
    );
  });
});

describe("bin/techfund.js", () => {
  it("runs `check --json` as a program: one JSON object on stdout, exit code 0", () => {
    const r = spawnSync(
      process.execPath,
      [path.join(REPO, "bin/techfund.js"), "check", INFO[1]!, "--json"],
      {
        cwd: REPO,
        encoding: "utf8",
      },
    );
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout) as CheckJson;
    expect(json.files[0]).toMatchObject({
      file: INFO[1],
      status: "ok",
      tables: [{ table: "project-info" }],
    });
    expect(json.summary).toEqual({ errors: 0, warnings: 0, infos: 0 });
  });
});

/** A T4 workbook with sheets 2022, 2023 and 2024 (the hand-computed case of test/core/rules/coop.test.ts). */
async function writeLeaderWorkbook(file: string): Promise<string> {
  const codes: Record<string, string> = {
    甲: "91140105110014526B",
    乙: "91140105234567894Y",
    丙: "91140105MA0K12348G",
  };
  const row = (year: number, who: string, invoiceAmount: number): RowSpec => ({
    supplierName: `山西${who}机械有限公司`,
    orgCode: codes[who]!,
    location: "山西省太原市小店区",
    chain: "光伏产业链",
    coopType: "供应配套",
    productName: "光伏支架",
    productModel: "ZJ-1",
    contractDate: `${year}年1月5日`,
    contractAmount: 5000,
    invoiceNos: "14002400001 00000001",
    invoiceAmount,
  });
  const years: [number, RowSpec[]][] = [
    [2022, [row(2022, "甲", 480), row(2022, "乙", 600)]],
    [2023, [row(2023, "甲", 900), row(2023, "乙", 700), row(2023, "丙", 100)]],
    [
      2024,
      [
        row(2024, "甲", 1500),
        row(2024, "甲", 600),
        row(2024, "乙", 800),
        row(2024, "丙", 550),
      ],
    ],
  ];
  const book = XLSX.utils.book_new();
  for (const [year, rows] of years) {
    const sheet = tableSheet("leader-suppliers", {
      year,
      enterprise: "山西链主集团有限公司",
      rows,
    });
    XLSX.utils.book_append_sheet(
      book,
      XLSX.utils.aoa_to_sheet(
        sheet.rows.map((r) => r.map((c) => c?.v ?? null)),
      ),
      sheet.name,
    );
  }
  await fs.writeFile(
    file,
    XLSX.write(book, { type: "buffer", bookType: "xlsx" }) as Buffer,
  );
  return file;
}
