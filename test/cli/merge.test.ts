/** `techfund merge`, run in-process through `main`, on the sample files and on workbooks written here by SheetJS. */
import * as XLSX from "@e965/xlsx";
import { createHash } from "crypto";
import { promises as fs } from "fs";
import JSZip from "jszip";
import * as os from "os";
import * as path from "path";
import type { MergeJson } from "../../src/cli/commands/mergeRun";
import { main } from "../../src/cli/main";
import { getTable } from "../../src/core/catalog/tables";

const SAMPLES = path.resolve(__dirname, "../../../shared/samples");
const SAMPLE_FILES = [
  "project-info-1.xlsx",
  "project-info-2.xlsx",
  "project-info-3.xls",
].map((f) => path.join(SAMPLES, f));
const HEADERS = getTable("project-info").columns.map((c) => c.header);

async function run(
  ...argv: string[]
): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, {
    out: (t) => void (out += t),
    err: (t) => void (err += t),
  });
  return { code, out, err };
}

async function sha256(file: string): Promise<string> {
  return createHash("sha256")
    .update(await fs.readFile(file))
    .digest("hex");
}

/** Rows of a sheet as arrays of raw values. */
function rowsOf(ws: XLSX.WorkSheet): unknown[][] {
  return XLSX.utils.sheet_to_json<unknown[]>(ws, {
    header: 1,
    defval: null,
    raw: true,
  });
}

async function readOut(file: string): Promise<XLSX.WorkBook> {
  return XLSX.read(await fs.readFile(file), {
    type: "buffer",
    cellFormula: true,
    cellNF: true,
  });
}

/** A 情况表 workbook written by SheetJS: title, enterprise line, header, then the rows (cells as SheetJS cells). */
async function writeInfo(
  file: string,
  rows: XLSX.CellObject[][],
): Promise<void> {
  const ws = XLSX.utils.aoa_to_sheet([
    ["山西省技术改造专项资金事项类项目情况表"],
    ["项目申报企业（单位）（公章）："],
    HEADERS,
  ]);
  rows.forEach((row, r) =>
    row.forEach(
      (cell, c) => (ws[XLSX.utils.encode_cell({ r: 3 + r, c })] = cell),
    ),
  );
  ws["!ref"] = `A1:L${3 + rows.length}`;
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, "项目情况表");
  await fs.writeFile(
    file,
    XLSX.write(wb, { type: "buffer", bookType: "xlsx" }),
  );
}

/** A clean row (the values of project-info-1.xlsx) as SheetJS cells, with overrides by column index. */
function infoCells(
  name: string,
  over: Record<number, XLSX.CellObject> = {},
): XLSX.CellObject[] {
  const values: (string | number)[] = [
    1,
    "晋城市",
    "泽州县",
    "",
    name,
    "企业增量提质专项",
    "链上企业协作配套奖励",
    "链上企业协作配套奖励（高端装备制造产业链）",
    "民营企业",
    "战略性新兴产业",
    "高端装备制造",
    "冯工 13835610011",
  ];
  return values.map(
    (v, c): XLSX.CellObject =>
      over[c] ??
      (typeof v === "number"
        ? { t: "n", v }
        : v === ""
          ? { t: "z" }
          : { t: "s", v }),
  );
}

let tmp: string;
beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), "techfund-cli-merge-"));
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe("techfund merge", () => {
  it("merges the three sample 情况表 into the exact 附件3 layout with 序号 1..3 and logs each file", async () => {
    const out = path.join(tmp, "申报汇总表.xlsx");
    const {
      code,
      out: text,
      err,
    } = await run(
      "merge",
      ...SAMPLE_FILES,
      "-o",
      out,
      "--unit",
      "晋城市工业和信息化局",
    );
    // stderr holds only the progress of reading.
    expect(err).toBe(
      SAMPLE_FILES.map((f, i) => `正在读取（${i + 1}/3）：${f}\n`).join(""),
    );
    expect(code).toBe(0);
    expect(text).toContain(
      "共 3 个文件：已合并 3 个，有错误仍合并 0 个，未识别到情况表 0 个，无法读取 0 个",
    );
    expect(text).toContain("合并结果：申报汇总表 3 行");
    expect(text).toContain(`已写入：${out}`);

    const wb = await readOut(out);
    expect(wb.SheetNames).toEqual([
      "申报汇总表",
      "统计",
      "合并日志",
      "审核结果",
      "techfund_lists",
    ]);
    const rows = rowsOf(wb.Sheets["申报汇总表"]!);
    expect(rows.length).toBe(6);
    expect(rows[0]![0]).toBe("山西省技术改造专项资金事项类项目申报汇总表");
    expect(rows[1]![0]).toBe("审核单位（公章）：晋城市工业和信息化局");
    expect(rows[2]).toEqual(
      getTable("application-summary").columns.map((c) => c.header),
    );
    expect(rows.slice(3).map((r) => r[0])).toEqual([1, 2, 3]);
    // Data values equal the source cells (row 4 of each sample), in the order 太原市, 晋城市, 忻州市.
    // An empty-text cell of a source is an empty cell in the merged table.
    const source = async (f: string) =>
      rowsOf((await readOut(f)).Sheets["项目情况表"]!)[3]!.map((v) =>
        v === "" ? null : v,
      );
    const [one, two, three] = await Promise.all(SAMPLE_FILES.map(source));
    const order = [three!, one!, two!];
    rows
      .slice(3)
      .forEach((r, i) => expect(r.slice(1)).toEqual(order[i]!.slice(1)));

    const log = rowsOf(wb.Sheets["合并日志"]!);
    const expected = await Promise.all(
      SAMPLE_FILES.map(async (f) => [
        f,
        (await fs.stat(f)).size,
        await sha256(f),
        "已合并",
        1,
      ]),
    );
    expect(log.slice(1, 4).map((r) => r.slice(0, 5))).toEqual(expected);
  });

  it("a truncated and an empty file are logged as 无法读取 with a reason while the rest merge; exit 1", async () => {
    const good = await fs.readFile(SAMPLE_FILES[0]!);
    const broken = path.join(tmp, "断.xlsx");
    const empty = path.join(tmp, "空.xlsx");
    await fs.writeFile(broken, good.subarray(0, Math.floor(good.length / 2)));
    await fs.writeFile(empty, "");
    const out = path.join(tmp, "汇总.xlsx");
    const { code, out: stdout } = await run(
      "merge",
      broken,
      ...SAMPLE_FILES,
      empty,
      "-o",
      out,
      "--json",
    );
    expect(code).toBe(1);
    const json = JSON.parse(stdout) as MergeJson;
    expect(json.rows).toEqual({ summary: 3, exempt: 0 });
    expect(json.log.map((e) => [e.file, e.status, e.size])).toEqual([
      [broken, "无法读取", good.length >> 1],
      ...SAMPLE_FILES.map((f) => [f, "已合并", expect.any(Number)]),
      [empty, "无法读取", 0],
    ]);
    expect(json.log[0]!.reason).toMatch(/^文件已损坏：断\.xlsx/);
    expect(json.log[4]!.reason).toBe("文件为空：空.xlsx");
    expect(json.log[4]!.sha256).toBe(
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    );
    const log = rowsOf((await readOut(out)).Sheets["合并日志"]!);
    expect(log.map((r) => r[3])).toEqual([
      "状态",
      "无法读取",
      "已合并",
      "已合并",
      "已合并",
      "无法读取",
      "",
    ]);
  });

  it("a received text starting with = + - @ is text in the output, never a formula; an 18-digit code stays text", async () => {
    const file = path.join(tmp, "注入.xlsx");
    await writeInfo(file, [
      infoCells("甲", {
        3: { t: "s", v: '=HYPERLINK("http://x","y")' },
        7: { t: "s", v: "+cmd|' /C calc'!A0" },
        8: { t: "s", v: "-2+3" },
        10: { t: "s", v: "@SUM(1)" },
      }),
      // A real formula in a received file: its cached value is taken, not the formula.
      infoCells("乙", {
        0: { t: "n", v: 2 },
        3: { t: "s", v: "y", f: 'HYPERLINK("http://x","y")' },
        7: { t: "s", v: "911401001234567890" },
      }),
    ]);
    const out = path.join(tmp, "汇总.xlsx");
    // 1: "-2+3" is not a 企业（单位）性质 of the notice (INFO-NATURE 错误), yet the row is merged.
    expect((await run("merge", file, "-o", out)).code).toBe(1);
    const wb = await readOut(out);
    const ws = wb.Sheets["申报汇总表"]!;
    const cells = ["D4", "H4", "I4", "K4", "D5", "H5"].map((a) => [
      ws[a]?.t,
      ws[a]?.v,
      ws[a]?.f,
    ]);
    expect(cells).toEqual([
      ["s", '=HYPERLINK("http://x","y")', undefined],
      ["s", "+cmd|' /C calc'!A0", undefined],
      ["s", "-2+3", undefined],
      ["s", "@SUM(1)", undefined],
      ["s", "y", undefined],
      ["s", "911401001234567890", undefined],
    ]);
    const xml = await (
      await JSZip.loadAsync(await fs.readFile(out))
    )
      .file("xl/worksheets/sheet1.xml")!
      .async("string");
    expect(xml).not.toMatch(/<f[ >]/);
  });

  it("MERGE-DUP across two files is reported with both files (--json findings carry their file)", async () => {
    const a = path.join(tmp, "a.xlsx");
    const b = path.join(tmp, "b.xlsx");
    await writeInfo(a, [infoCells("晋城市甲机械有限公司")]);
    // Not a byte-identical copy: another contact person.
    await writeInfo(b, [
      infoCells("晋城市甲机械有限公司", {
        11: { t: "s", v: "李工 13835610012" },
      }),
    ]);
    const { code, out } = await run(
      "merge",
      tmp,
      "-o",
      path.join(tmp, "out", "汇总.xlsx"),
      "--json",
    );
    expect(code).toBe(0);
    const json = JSON.parse(out) as MergeJson;
    expect(Object.keys(json)).toEqual([
      "output",
      "rows",
      "log",
      "findings",
      "summary",
    ]);
    // The two files are one enterprise's package: its 链上企业协作配套奖励 needs the T5 lists (one PACKAGE-TABLES).
    expect(json.findings.map((f) => [f.file, f.rule, f.cell])).toEqual([
      [a, "PACKAGE-TABLES", "G4"],
      [b, "MERGE-DUP", "E4"],
    ]);
    expect(json.findings.filter((f) => f.rule === "MERGE-DUP")).toEqual([
      {
        file: b,
        sheet: "项目情况表",
        cell: "E4",
        row: 4,
        column: "企业（单位）名称",
        severity: "警告",
        rule: "MERGE-DUP",
        message:
          "“晋城市甲机械有限公司”的同一申报方向、同一项目名称与第4行重复。（合并后见“申报汇总表”第5行；第4行来自“" +
          a +
          "”工作表“项目情况表”第4行）",
        source: "附件3",
        merged: { sheet: "申报汇总表", cell: "E5", row: 5 },
        related: { file: a, input: 0, sheet: "项目情况表", row: 4 },
      },
    ]);
    expect(json.summary).toEqual({ errors: 0, warnings: 2, infos: 0 });
    expect(json.output).toBe(path.join(tmp, "out", "汇总.xlsx"));
  });

  it("a byte-identical copy is merged once (the log names the copy); --exclude keeps the old version out (logged); rows out = rows of the files merged", async () => {
    const inbox = path.join(tmp, "收件");
    await fs.mkdir(inbox);
    const old = path.join(inbox, "甲-旧.xlsx");
    const fixed = path.join(inbox, "甲-修改版.xlsx");
    await writeInfo(old, [
      infoCells("晋城市甲机械有限公司", { 5: { t: "s", v: "不存在的专项" } }),
    ]);
    await writeInfo(fixed, [infoCells("晋城市甲机械有限公司")]);
    await fs.copyFile(fixed, path.join(inbox, "甲-修改版（副本）.xlsx"));
    const { code, out, err } = await run(
      "merge",
      inbox,
      "-o",
      path.join(tmp, "汇总.xlsx"),
      "--exclude",
      "甲-旧.xlsx",
    );
    // The only 错误 was in the excluded file.
    expect(code).toBe(0);
    expect(err).toContain(`按 --exclude 不纳入汇总：${old}\n`);
    expect(out).toContain(
      `[重复文件] ${path.join(inbox, "甲-修改版（副本）.xlsx")}：与“${fixed}”内容完全相同（SHA-256 相同），只合并一次\n`,
    );
    expect(out).toContain(`[已排除] ${old}：按 --exclude 不纳入汇总\n`);
    expect(out).toContain(`[已合并] ${fixed}：取用 1 行`);
    expect(out).toContain("合并结果：申报汇总表 1 行");
    expect(out).toContain("已排除 1 个，重复文件 1 个");
    const log = rowsOf(
      (await readOut(path.join(tmp, "汇总.xlsx"))).Sheets["合并日志"]!,
    );
    expect(log.slice(1, 4).map((r) => [r[0], r[3], r[4]])).toEqual([
      [fixed, "已合并", 1],
      [path.join(inbox, "甲-修改版（副本）.xlsx"), "重复文件", 0],
      [old, "已排除", 0],
    ]);
    const none = await run(
      "merge",
      inbox,
      "-o",
      path.join(tmp, "x.xlsx"),
      "--exclude",
      "无此文件.xlsx",
    );
    expect(none).toMatchObject({
      code: 2,
      err: expect.stringContaining(
        "错误：--exclude 指定的文件不在合并的文件中：无此文件.xlsx",
      ),
    });
  });

  it("exit 1 when a row has a 错误; the file is 有错误仍合并 and its row is merged", async () => {
    const file = path.join(tmp, "错.xlsx");
    await writeInfo(file, [
      infoCells("甲", { 5: { t: "s", v: "不存在的专项" } }),
    ]);
    const { code, out } = await run(
      "merge",
      file,
      "-o",
      path.join(tmp, "汇总.xlsx"),
    );
    expect(code).toBe(1);
    expect(out).toContain(`[有错误仍合并] ${file}：取用 1 行；错误 1 个`);
    expect(out).toContain("[错误] 项目情况表 F4 申报专项 INFO-SPECIAL");
  });

  it("usage errors exit 2: no -o, an output not ending with .xlsx, no input found", async () => {
    const noOut = await run("merge", SAMPLE_FILES[0]!);
    expect(noOut.code).toBe(2);
    expect(noOut.err).toContain("必须指定选项");
    const notXlsx = await run(
      "merge",
      SAMPLE_FILES[0]!,
      "-o",
      path.join(tmp, "汇总.xls"),
    );
    expect(notXlsx).toMatchObject({
      code: 2,
      err: `错误：合并结果文件须以 .xlsx 结尾：${path.join(tmp, "汇总.xls")}\n`,
    });
    const missing = path.join(tmp, "没有.xlsx");
    const none = await run("merge", missing, "-o", path.join(tmp, "汇总.xlsx"));
    expect(none).toMatchObject({
      code: 2,
      err: `错误：没有找到可合并的表格文件：${missing}\n`,
    });
    expect(await fs.readdir(tmp)).toEqual([]);
  });

  it("never overwrites an existing output file", async () => {
    const out = path.join(tmp, "汇总.xlsx");
    await fs.writeFile(out, "旧文件");
    const { out: text } = await run("merge", SAMPLE_FILES[0]!, "-o", out);
    expect(text).toContain(`已写入：${path.join(tmp, "汇总 (2).xlsx")}`);
    expect(await fs.readFile(out, "utf8")).toBe("旧文件");
  });
});
