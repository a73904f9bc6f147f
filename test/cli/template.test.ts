/** `techfund template`, run in-process through `main`. */
import * as XLSX from "@e965/xlsx";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { parseYears } from "../../src/cli/commands/template";
import { main } from "../../src/cli/main";
import { TABLES } from "../../src/core/catalog/tables";

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

let tmp: string;
beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), "techfund-cli-template-"));
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe("techfund template", () => {
  it("writes one table as a file named after its title, prints the path, and exits 0", async () => {
    const { code, out, err } = await run(
      "template",
      "loan-interest",
      "-o",
      tmp,
    );
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
    const { code, out } = await run("template", "--all", "-o", tmp);
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
    const { code, out } = await run(
      "template",
      "member-transactions",
      "--year",
      "2023,2024",
      "-o",
      tmp,
    );
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
    const { code, err } = await run(
      "template",
      "related-parties",
      "--year",
      "2024",
      "-o",
      tmp,
    );
    expect(code).toBe(0);
    expect(err).toBe(
      "提示：--year 只用于《“链主”企业____年度协作配套企业清单》和《链上企业____年度围绕“链主”企业协作配套交易明细表》，本次未使用。\n",
    );
  });

  it("refuses an unknown id with exit 2, listing the valid ids, and writes nothing", async () => {
    const { code, out, err } = await run(
      "template",
      "loan-interest",
      "loan",
      "-o",
      tmp,
    );
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toMatch(/^错误：未知的表格编号：loan。可用的表格编号：\n/);
    for (const t of TABLES) expect(err).toContain(`  ${t.id}`);
    expect(await fs.readdir(tmp)).toEqual([]);
  });

  it("exits 2 when no table is named, when ids and --all are mixed, and for a bad --year", async () => {
    expect(await run("template", "-o", tmp)).toMatchObject({
      code: 2,
      err: expect.stringMatching(/^错误：请指定表格编号/),
    });
    expect(
      await run("template", "--all", "loan-interest", "-o", tmp),
    ).toMatchObject({
      code: 2,
      err: "错误：请只用一种方式选择表格：列出表格编号，或使用 --all 导出全部表格\n",
    });
    const bad = await run(
      "template",
      "leader-suppliers",
      "--year",
      "24",
      "-o",
      tmp,
    );
    expect(bad.code).toBe(2);
    expect(bad.err).toContain(
      "错误：选项 -y, --year <年份> 的取值“24”无效：年份应为四位数",
    );
    expect(await fs.readdir(tmp)).toEqual([]);
  });

  it("exits 2 when the output folder cannot be created", async () => {
    const blocker = path.join(tmp, "file");
    await fs.writeFile(blocker, "x");
    const { code, err } = await run(
      "template",
      "loan-interest",
      "-o",
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
    const { code, out, err } = await run(
      "template",
      "report-forms",
      "exempt-application",
      "eligibility",
      "--direction",
      "制造业营收进档奖励",
      "-o",
      tmp,
    );
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
    const { code, err } = await run(
      "template",
      "eligibility",
      "--direction",
      "营收奖励",
      "-o",
      tmp,
    );
    expect(code).toBe(2);
    expect(err).toContain("“营收奖励”不是通知中的申报方向");
  });
});
