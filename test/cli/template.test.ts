/** `techfund template`, run in-process through `main`. */
import * as XLSX from "@e965/xlsx";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { parseYears } from "../../src/cli/commands/template";
import { main } from "../../src/cli/main";
import { TABLES } from "../../src/core/catalog/tables";
import { checkWorkbook } from "../../src/core/check/engine";
import { readWorkbookFile } from "../../src/xlsx/node";

/** Runs the CLI and collects what it prints. */
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

const SAMPLES = path.join(__dirname, "..", "..", "..", "shared", "samples");
const sample = (name: string) => path.join(SAMPLES, name);

let tmp: string;
/** `techfund template <args> -o <out>`; `out` is the test's temporary folder unless given. */
const template = (args: string[], out = tmp) =>
  run("template", ...args, "-o", out);
beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), "techfund-cli-template-"));
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe("techfund template", () => {
  it("writes one table as a file named after its title, prints the path, and exits 0", async () => {
    const { code, out, err } = await template(["loan-interest"]);
    const file = path.join(
      tmp,
      "省级重点产业链链上企业2024年度新增贷款明细表.xlsx",
    );
    expect({ code, out, err }).toEqual({ code: 0, out: `${file}\n`, err: "" });
    const wb = XLSX.read(await fs.readFile(file), { type: "buffer" });
    expect(wb.SheetNames).toEqual(["新增贷款明细表", "techfund_lists"]);
    expect(wb.Sheets["新增贷款明细表"]!.A1!.v).toBe(
      "省级重点产业链链上企业2024年度新增贷款明细表",
    );
  });

  it("creates the output folder, and never overwrites a file already there", async () => {
    const dir = path.join(tmp, "模板", "2024");
    const first = await run("template", "insurance-credit", "--out", dir);
    const second = await run("template", "insurance-credit", "--out", dir);
    expect(first.out).toBe(`${path.join(dir, "保险增信补贴明细表.xlsx")}\n`);
    expect(second.out).toBe(
      `${path.join(dir, "保险增信补贴明细表 (2).xlsx")}\n`,
    );
    expect((await fs.readdir(dir)).sort()).toEqual([
      "保险增信补贴明细表 (2).xlsx",
      "保险增信补贴明细表.xlsx",
    ]);
  });

  it("--all writes one file per table", async () => {
    const { code, out } = await template(["--all"]);
    expect(code).toBe(0);
    expect(out.trim().split("\n")).toHaveLength(TABLES.length);
    expect((await fs.readdir(tmp)).sort()).toEqual(
      [
        "省级重点产业链链上企业2024年度新增贷款明细表.xlsx",
        "保险增信补贴明细表.xlsx",
        "融资租赁补贴明细表.xlsx",
        "融资租赁设备明细表.xlsx",
        "“链主”企业2022-2024年度协作配套企业清单.xlsx",
        "链上企业2022-2024年度围绕“链主”企业协作配套交易明细表.xlsx",
        "山西省技术改造专项资金事项类项目情况表.xlsx",
        "山西省技术改造专项资金事项类项目申报汇总表.xlsx",
        "山西省技术改造专项资金事项类项目（“免申即享”）申报汇总表.xlsx",
        "算力服务项目明细表.xlsx",
        "关联方清单.xlsx",
      ].sort(),
    );
  });

  it("--year chooses the sheets of the two 协作配套 tables", async () => {
    const { code, out } = await template([
      "member-transactions",
      "--year",
      "2023,2024",
    ]);
    expect(code).toBe(0);
    const file = path.join(
      tmp,
      "链上企业2023-2024年度围绕“链主”企业协作配套交易明细表.xlsx",
    );
    expect(out).toBe(`${file}\n`);
    const wb = XLSX.read(await fs.readFile(file), { type: "buffer" });
    expect(wb.SheetNames).toEqual([
      "链上企业协作配套交易明细表2023",
      "链上企业协作配套交易明细表2024",
      "techfund_lists",
    ]);
  });

  it("notes that --year is unused for tables without a year", async () => {
    const { code, err } = await template(["related-parties", "--year", "2024"]);
    expect(code).toBe(0);
    expect(err).toBe(
      "提示：--year 只用于《“链主”企业____年度协作配套企业清单》和《链上企业____年度围绕“链主”企业协作配套交易明细表》，本次未使用。\n",
    );
  });

  it("refuses an unknown id with exit 2, listing the valid ids, and writes nothing", async () => {
    const { code, out, err } = await template(["loan-interest", "loan"]);
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toMatch(/^错误：未知的表格编号：loan。可用的表格编号：\n/);
    for (const t of TABLES) expect(err).toContain(`  ${t.id}`);
    expect(await fs.readdir(tmp)).toEqual([]);
  });

  it("exits 2 when no table is named, when ids and --all are mixed, and for a bad --year", async () => {
    expect(await template([])).toMatchObject({
      code: 2,
      err: expect.stringMatching(/^错误：请指定表格编号/),
    });
    expect(await template(["--all", "loan-interest"])).toMatchObject({
      code: 2,
      err: "错误：请只用一种方式选择表格：列出表格编号，或使用 --all 导出全部表格\n",
    });
    const bad = await template(["leader-suppliers", "--year", "24"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain(
      "错误：选项 -y, --year <年份> 的取值“24”无效：年份应为四位数",
    );
    expect(await fs.readdir(tmp)).toEqual([]);
  });

  it("exits 2 when the output folder cannot be created", async () => {
    const blocker = path.join(tmp, "file");
    await fs.writeFile(blocker, "x");
    const { code, err } = await template(
      ["loan-interest"],
      path.join(blocker, "sub"),
    );
    expect(code).toBe(2);
    expect(err).toBe(
      `错误：无法创建目录 ${path.join(blocker, "sub")}：路径中有一部分不是目录\n`,
    );
  });
});

describe("parseYears", () => {
  it("reads lists and ranges, sorted without repeats", () => {
    expect(parseYears("2022,2023,2024")).toEqual([2022, 2023, 2024]);
    expect(parseYears("2024，2022")).toEqual([2022, 2024]);
    expect(parseYears("2022-2024")).toEqual([2022, 2023, 2024]);
    expect(parseYears("2024,2022-2023,2024")).toEqual([2022, 2023, 2024]);
  });

  it("refuses anything else", () => {
    for (const bad of [
      "",
      "24",
      "2024-2022",
      "2024,",
      "二〇二四",
      "1999",
      "2024.5",
    ]) {
      expect(() => parseYears(bad)).toThrow("年份应为四位数");
    }
  });
});

describe("techfund template: the notice's forms", () => {
  it("writes the 申请报告 forms, the “免申即享”申报表 and a 资格自检 sheet", async () => {
    const { code, out, err } = await template([
      "report-forms",
      "exempt-application",
      "eligibility",
      "--direction",
      "制造业营收进档奖励",
    ]);
    expect({ code, err }).toEqual({ code: 0, err: "" });
    expect(
      out
        .trim()
        .split("\n")
        .map((p) => path.basename(p)),
    ).toEqual([
      "山西省技术改造专项资金事项类项目申请报告表样（封面、承诺书、现场核查表、绩效目标表）.xlsx",
      "山西省技术改造专项资金事项类项目（“免申即享”）申报表.xlsx",
      "资格自检（制造业营收进档奖励）.xlsx",
    ]);
    const forms = XLSX.read(await fs.readFile(out.trim().split("\n")[0]!), {
      type: "buffer",
    });
    expect(forms.SheetNames).toEqual([
      "项目情况表",
      "封面",
      "承诺书",
      "现场核查表",
      "绩效目标表",
      "techfund_lists",
    ]);
  });

  it("refuses a direction that is not the notice's (exit 2)", async () => {
    const { code, err } = await template([
      "eligibility",
      "--direction",
      "营收奖励",
    ]);
    expect(code).toBe(2);
    expect(err).toContain("“营收奖励”不是通知中的申报方向");
  });
});

describe("techfund template --from: the forms filled from a received 情况表", () => {
  /** `techfund template <ids> --from <file> -o <tmp>`. */
  const from = (file: string, ...ids: string[]) =>
    template([...ids, "--from", file]);

  /** Shown values of a written sheet at space-separated A1 addresses (formulas: their cached results). */
  async function cells(
    file: string,
    sheet: string,
    addresses: string,
  ): Promise<unknown[]> {
    const wb = XLSX.read(await fs.readFile(file), { type: "buffer" });
    const ws = wb.Sheets[sheet]!;
    return addresses.split(" ").map((a) => ws[a]?.v);
  }

  /** The values in columns B and C beside the label `label`, which must stand in column A. */
  function beside(ws: XLSX.WorkSheet, label: string): unknown[] {
    const at = Object.keys(ws).find((a) => ws[a]?.v === label);
    expect(at).toMatch(/^A\d+$/);
    return ["B", "C"].map((col) => ws[at!.replace("A", col)]?.v);
  }

  /**
   * project-info-1.xlsx changed by `edit` (read and written again with SheetJS, as an enterprise's workbook put
   * together by another program), saved as `name` in the test's folder; returns its path.
   */
  async function editedInfo(
    name: string,
    edit: (book: XLSX.WorkBook) => void,
  ): Promise<string> {
    const book = XLSX.read(await fs.readFile(sample("project-info-1.xlsx")), {
      type: "buffer",
      cellNF: true,
    });
    edit(book);
    const file = path.join(tmp, name);
    await fs.writeFile(
      file,
      XLSX.write(book, { type: "buffer", bookType: "xlsx" }),
    );
    return file;
  }

  it("report-forms: the 情况表 row of project-info-1.xlsx in the 情况表 and every form; the gaps named in Chinese", async () => {
    const { code, out, err } = await from(
      sample("project-info-1.xlsx"),
      "report-forms",
    );
    expect({ code, err }).toEqual({
      code: 0,
      err: [
        "提示：已按 project-info-1.xlsx 工作表“项目情况表”第4行的项目情况表填写。",
        "提示：封面未填写：申报日期（情况表中没有此项）",
        "提示：承诺书未填写：项目实施目标（情况表中没有此项）",
        "提示：绩效目标表未填写：资金情况（万元）、总体目标、绩效指标（情况表中没有这些项）",
        "",
      ].join("\n"),
    });
    const file = out.trim();
    expect(await cells(file, "项目情况表", "A4 B4 C4 E4 G4 I4 L4")).toEqual([
      1,
      "晋城市",
      "泽州县",
      "晋城市丹河精密机械有限公司",
      "链上企业协作配套奖励",
      "民营企业",
      "冯工 13835610011",
    ]);
    expect(await cells(file, "封面", "C5 C6 C7 C8 C9 C10 C11 C12 A14")).toEqual(
      [
        "晋城市丹河精密机械有限公司",
        "企业增量提质专项",
        "链上企业协作配套奖励",
        "链上企业协作配套奖励（高端装备制造产业链）",
        "高端装备制造",
        "奖励",
        "冯工",
        "13835610011",
        "二〇XX年X月",
      ],
    );
    expect(await cells(file, "现场核查表", "B2 B5")).toEqual([
      "晋城市丹河精密机械有限公司",
      "链上企业协作配套奖励（高端装备制造产业链）",
    ]);
  });

  it("report-forms from the .xls sample (仿制药): the 承诺书 carries the 5-year promise (附件2 三(二)3(1))", async () => {
    const { code, out } = await from(
      sample("project-info-3.xls"),
      "report-forms",
    );
    expect(code).toBe(0);
    expect(await cells(out.trim(), "承诺书", "B2 B4 A12")).toEqual([
      "山西晋阳现代医药有限公司",
      "新药研发和产业化（仿制药）",
      "对于仿制药、医疗器械获得奖励的品种，自取得注册批件（或通过一致性评价）之日起5年内，不得以任何形式转让给非本省注册企业，否则全额退回奖励资金。",
    ]);
    expect(await cells(out.trim(), "封面", "C9 C11 C12")).toEqual([
      "现代医药",
      "褚经理",
      "13613510013",
    ]);
  });

  it("exempt-application: the enterprise's columns filled from project-info-2.xlsx, the 试点示范 named as left to fill", async () => {
    const { code, out, err } = await from(
      sample("project-info-2.xlsx"),
      "exempt-application",
    );
    expect(code).toBe(0);
    expect(err).toContain(
      "提示：免申即享申报表未填写：申报奖励的2024年度国家级试点示范名称、企业2024年度获批的国家级试点示范名称“试点示范1”、",
    );
    expect(
      await cells(out.trim(), "免申即享申报表", "A5 B5 C5 D5 E5 M5 N5 O5"),
    ).toEqual([
      "忻州市",
      "定襄县",
      undefined,
      "忻州市定襄法兰制造有限公司",
      undefined,
      "民营企业",
      "传统装备制造",
      "陈会计 13994010012",
    ]);
    // Checked as the city checks it: the required cells left are exactly the four named (the 试点示范).
    const read = await readWorkbookFile(out.trim());
    if (!read.ok) throw new Error(read.error.message);
    const findings = checkWorkbook(read.workbook).tables.flatMap(
      (t) => t.findings,
    );
    expect(findings.map((f) => `${f.rule} ${f.cell}`)).toEqual([
      "ROW-REQUIRED E5",
      "ROW-REQUIRED F5",
      "ROW-REQUIRED I5",
      "ROW-REQUIRED J5",
    ]);
  });

  it("eligibility: the 情况表's direction chosen, its 所属行业 typed in and judged (传统装备制造: 符合 附件1 六(四))", async () => {
    const { code, out, err } = await from(
      sample("project-info-2.xlsx"),
      "eligibility",
    );
    expect(code).toBe(0);
    expect(path.basename(out.trim())).toBe(
      "资格自检（制造业营收进档奖励）.xlsx",
    );
    expect(err).toContain(
      "提示：资格自检：申报方向“制造业营收进档奖励”，已填写所属行业“传统装备制造”（项目情况表 K4）。",
    );
    expect(err).toContain("2023年营业收入、2024年营业收入");
    expect(await cells(out.trim(), "资格自检", "B2 B11 A22 B22 B23")).toEqual([
      "制造业营收进档奖励",
      "传统装备制造",
      "所属行业",
      "符合",
      "待核实",
    ]);
  });

  it("eligibility for 产业链贷款贴息 takes the 2024 interest of the workbook's 明细表 (65.1667 + 12.1733 = 77.34 万元, the 2023 loan left out)", async () => {
    // A workbook as an enterprise sends it, put together with SheetJS: the sample 情况表 (its direction changed to
    // 产业链贷款贴息) and the hand-made 新增贷款明细表.
    const loans = XLSX.read(await fs.readFile(sample("loan-handmade.xlsx")), {
      type: "buffer",
      cellNF: true,
    });
    const file = await editedInfo("阳泉东方.xlsx", (book) => {
      const info = book.Sheets["项目情况表"]!;
      info.G4 = { t: "s", v: "产业链贷款贴息" };
      info.H4 = { t: "s", v: "产业链贷款贴息（碳基新材料产业链）" };
      XLSX.utils.book_append_sheet(
        book,
        loans.Sheets[loans.SheetNames[0]!]!,
        "新增贷款明细表",
      );
    });
    const { code, out, err } = await from(file, "eligibility");
    expect(code).toBe(0);
    expect(err).toContain(
      "提示：资格自检：申报方向“产业链贷款贴息”，已填写2024年度全部新增贷款产生的利息“77.34 万元”（新增贷款明细表），产业链“碳基新材料产业链”（项目名称）。",
    );
    const wb = XLSX.read(await fs.readFile(out.trim()), { type: "buffer" });
    const ws = wb.Sheets["资格自检"]!;
    expect(beside(ws, "2024年度全部新增贷款产生的利息")[0]).toBe(77.34);
    expect(beside(ws, "2024年度利息")[0]).toBe("符合");
    // The chain's 专班 (附件5 row 13) is listed under 咨询联系人.
    expect(beside(ws, "碳基新材料产业链专班（化工处）")).toEqual([
      "郝志伟",
      "0351-3030027",
    ]);
  });

  it("--direction wins over the 情况表's, and says so", async () => {
    const { code, out, err } = await from(
      sample("project-info-2.xlsx"),
      "eligibility",
      "--direction",
      "消费品工业营收进档奖励",
    );
    expect(code).toBe(0);
    expect(path.basename(out.trim())).toBe(
      "资格自检（消费品工业营收进档奖励）.xlsx",
    );
    expect(err).toContain(
      "提示：按 --direction 的“消费品工业营收进档奖励”自检；情况表的申报方向为“制造业营收进档奖励”。",
    );
  });

  it("a file that cannot be read, or holds no 情况表, is named in Chinese (exit 2) and nothing is written", async () => {
    const folder = path.join(tmp, "out");
    const missing = await template(
      ["report-forms", "--from", path.join(tmp, "不存在.xlsx")],
      folder,
    );
    expect(missing).toEqual({
      code: 2,
      out: "",
      err: "错误：无法读取文件：不存在.xlsx（找不到文件或目录）\n",
    });
    const loans = await template(
      [
        "report-forms",
        "exempt-application",
        "--from",
        sample("loan-handmade.xlsx"),
      ],
      folder,
    );
    expect(loans).toEqual({
      code: 2,
      out: "",
      err: "错误：loan-handmade.xlsx 中没有项目情况表：未找到《山西省技术改造专项资金事项类项目情况表》（附件2 二(一)）的表头（企业（单位）名称、申报专项、申报方向、项目名称等）。--from 需要企业填写的情况表。\n",
    });
    const table = await template(
      ["loan-interest", "--from", sample("project-info-1.xlsx")],
      folder,
    );
    expect(table.code).toBe(2);
    expect(table.err).toContain("--from 只用于由情况表填写的表样");
    await expect(fs.readdir(folder)).rejects.toThrow();
  });

  it("a 情况表 whose 申报方向 is not the notice's is named by file, sheet and cell for eligibility", async () => {
    const file = await editedInfo("方向不对.xlsx", (book) => {
      book.Sheets["项目情况表"]!.G4 = { t: "s", v: "营收奖励" };
    });
    const { code, err } = await from(file, "eligibility");
    expect({ code, err }).toEqual({
      code: 2,
      err: "错误：方向不对.xlsx 工作表“项目情况表”G4 的申报方向“营收奖励”不是通知中的申报方向，无法选择资格自检的条件。请用 --direction 指定申报方向。\n",
    });
  });
});
