import * as fs from "fs";
import * as path from "path";
import { reportFindings } from "../../../src/core/review/reviewReport";
import { checkWorkbook } from "../../../src/core/check/engine";
import {
  SAMPLE_DIR,
  loadSampleFiles,
} from "../../../src/taskpane/workbench/sampleFiles";
import { readWorkbook } from "../../../src/xlsx/read";

const DEMO = path.resolve(__dirname, "../../../assets/samples");
const listed: string[] = JSON.parse(
  fs.readFileSync(path.join(DEMO, "index.json"), "utf8"),
).files;

function findings(name: string) {
  const read = readWorkbook(fs.readFileSync(path.join(DEMO, name)), name);
  if (!read.ok) throw new Error(read.error.message);
  const report = checkWorkbook(read.workbook);
  return {
    report,
    list: reportFindings(report)
      .filter((f) => f.severity !== "info")
      .map((f) => [f.cell, f.rule, f.severity]),
  };
}

describe("sample workbooks (assets/samples, scripts/make-samples.js)", () => {
  it("index.json lists every sample file", () => {
    expect([...listed].sort()).toEqual(
      fs
        .readdirSync(DEMO)
        .filter((f) => f.endsWith(".xlsx"))
        .sort(),
    );
  });

  it("show a clean 项目情况表, one with 警告, and a 贷款明细表 with two 错误", () => {
    expect(findings("示例-项目情况表-大同.xlsx").list).toEqual([]);
    expect(findings("示例-项目情况表-长治.xlsx").list).toEqual([
      ["C4", "INFO-COUNTY", "warning"],
      ["L4", "INFO-CONTACT", "warning"],
    ]);
    const loan = findings("示例-贷款明细表.xlsx");
    expect(loan.list).toEqual([
      ["G6", "LOAN-DRAW-YEAR", "error"],
      ["O7", "LOAN-PURPOSE-EXCLUDED", "error"],
    ]);
    // 1500 + 600 + 900 万元; interest = amount × rate% × days / 360, 4 decimals: 1500×3.4%×288/360 = 40.8,
    // 600×3.55%×355/360 = 21.0042, 900×3.3%×184/360 = 15.18; 40.8 + 21.0042 + 15.18 = 76.9842.
    expect(loan.report.tables[0]?.totals).toEqual({
      "2024年度新增贷款金额": 3000,
      "2024年利息实际发生额": 76.9842,
    });
  });
});

describe("loadSampleFiles", () => {
  it("fetches the listed files from assets/samples as File objects", async () => {
    const asked: string[] = [];
    const fetchFn = (async (url: string) => {
      asked.push(url);
      if (url.endsWith("index.json"))
        return new Response(JSON.stringify({ files: ["示例 1.xlsx"] }));
      return new Response(new Uint8Array([1, 2, 3]));
    }) as unknown as typeof fetch;
    const files = await loadSampleFiles(fetchFn);
    expect(asked).toEqual([
      `${SAMPLE_DIR}index.json`,
      `${SAMPLE_DIR}${encodeURIComponent("示例 1.xlsx")}`,
    ]);
    expect(files.map((f) => [f.name, f.size])).toEqual([["示例 1.xlsx", 3]]);
  });

  it("names the file and the HTTP status when one is missing", async () => {
    const fetchFn = (async () =>
      new Response("", { status: 404 })) as unknown as typeof fetch;
    await expect(loadSampleFiles(fetchFn)).rejects.toThrow(
      "assets/samples/index.json（HTTP 404）",
    );
  });
});
