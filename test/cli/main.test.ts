/** The `techfund` program: help, version, exit codes and commander's messages in Chinese. */
import { main } from "../../src/cli/main";
import { version } from "../../package.json";

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

describe("techfund", () => {
  it("--version prints the package version and exits 0", async () => {
    expect(await run("--version")).toEqual({
      code: 0,
      out: `${version}\n`,
      err: "",
    });
    expect(version).toBe("0.1.0");
  });

  it("--help is in Chinese, lists the commands, and exits 0", async () => {
    const { code, out } = await run("--help");
    expect(code).toBe(0);
    expect(out).toMatch(/^用法： techfund <命令> \[选项\]\n/);
    expect(out).toMatch(
      /\n命令：\n(.+\n)* {2}template \[选项\] \[表格编号\.\.\.\] +导出官方表格模板/,
    );
    expect(out).toContain("  -V, --version");
    expect(out).not.toMatch(/Usage|Options|Commands|\[options\]|display help/);
  });

  it("`help template` shows the command's help with the table ids, exit 0", async () => {
    const { code, out } = await run("help", "template");
    expect(code).toBe(0);
    expect(out).toContain(
      "用法： techfund template <表格编号…|--all> [--year 年份] [--direction 申报方向] [--from 文件] [-o 目录]",
    );
    expect(out).toContain(
      "  loan-interest        省级重点产业链链上企业2024年度新增贷款明细表\n",
    );
  });

  it("no command: shows the help on stderr and exits 2", async () => {
    const { code, out, err } = await run();
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toContain("用法： techfund <命令> [选项]");
  });

  it("usage errors are in Chinese and exit 2", async () => {
    const hint = "（运行 techfund help <命令> 查看用法）\n";
    expect(await run("tempalte")).toEqual({
      code: 2,
      out: "",
      err: `错误：未知的命令 tempalte（是否想输入 template？）\n${hint}`,
    });
    expect(await run("template", "--bogus")).toEqual({
      code: 2,
      out: "",
      err: `错误：未知的选项 --bogus\n${hint}`,
    });
    expect(await run("template", "loan-interest", "-o")).toEqual({
      code: 2,
      out: "",
      err: `错误：选项 -o, --out <目录> 缺少取值\n${hint}`,
    });
  });
});
