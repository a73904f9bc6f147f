/**
 * `techfund check` on the sample workbooks (../shared/samples): the --json shape and values, the text output,
 * exit codes 0/1/2, folders (skipped entries said on stderr), and the --report workbook read back.
 */
import { spawnSync } from "child_process";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import * as XLSX from "@e965/xlsx";
import type { Sheet } from "../../src/core/grid";
import { cellText } from "../../src/core/grid";
import { main } from "../../src/cli/main";
import type { CheckJson } from "../../src/cli/commands/check";
import { readWorkbookFile } from "../../src/xlsx/node";
import { tableSheet, type RowSpec } from "../helpers/coop";

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
    expect(Object.keys(json)).toEqual(["files", "summary"]);
    expect(json.files.map((f) => [f.file, f.status])).toEqual([
      [LOAN, "ok"],
      ...INFO.map((f) => [f, "ok"]),
    ]);
    for (const f of json.files)
      expect(Object.keys(f)).toEqual(["file", "status", "tables", "findings"]);

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
    ]);
    expect(drawYear).toMatchObject({
      sheet: "新增贷款明细表",
      cell: "G6",
      row: 6,
      column: "贷款提款时间",
      severity: "错误",
      source: "附件1 六(一)",
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
        tables: [],
        findings: [],
      },
      expect.objectContaining({ file: LOAN, status: "ok" }),
      {
        file: missing,
        status: "unreadable",
        error: `无法读取 ${missing}：找不到文件或目录`,
        tables: [],
        findings: [],
      },
    ]);
    expect(json.summary).toEqual({ errors: 2, warnings: 0, infos: 1 });
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
  it("per file and sheet: the table, header row, totals in 万元, findings sorted by cell, counts", async () => {
    const { code, out, err } = await run(LOAN, INFO[0]!);
    expect(code).toBe(1);
    expect(err).toBe("");
    expect(out).toContain(
      `文件：${LOAN}\n  工作表“新增贷款明细表”：省级重点产业链链上企业2024年度新增贷款明细表\n`,
    );
    expect(out).toContain("    表头在第 3 行，数据 3 行（3 条记录）\n");
    expect(out).toContain(
      "    合计：2024年度新增贷款金额 3800万元；2024年利息实际发生额 113.3331万元\n",
    );
    const g6 = out.indexOf("    [错误] G6 贷款提款时间 LOAN-DRAW-YEAR：");
    const o7 = out.indexOf(
      "    [错误] O7 2024年度新增贷款用途 LOAN-PURPOSE-EXCLUDED：",
    );
    expect(g6).toBeGreaterThan(0);
    expect(o7).toBeGreaterThan(g6);
    expect(out).toContain("（依据：附件1 六(一)）");
    expect(out).toContain(
      "  本文件：错误 2 个，警告 0 个，提示 1 个（有错误）\n",
    );
    expect(out).toContain(
      "    企业名称：晋城市丹河精密机械有限公司\n    本表：未发现问题\n",
    );
    expect(out).toMatch(/共 2 个文件：错误 2 个，警告 0 个，提示 1 个\n$/);
  });

  it("an unreadable file: its Chinese error, and exit 2", async () => {
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
      "    500万元以上的协作配套企业：2022年 1 户，2023年 2 户，2024年 3 户；净增 (A) 1 户，2024年新达到 (B) 1 户，较保守的数字 1 户\n",
    );
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
      "1",
      "有错误",
    ]);
    expect(texts(summary)[2]).toEqual([
      BROKEN,
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
      [path.join(REPO, "bin/techfund.js"), "check", INFO[0]!, "--json"],
      {
        cwd: REPO,
        encoding: "utf8",
      },
    );
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout) as CheckJson;
    expect(json.files[0]).toMatchObject({
      file: INFO[0],
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
