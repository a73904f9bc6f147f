/** Shared CLI helpers: input files from files and folders, writing without overwriting, error printing. */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import {
  action,
  CliError,
  collectInputFiles,
  EXIT,
  writeNewFile,
  type ExitCode,
} from "../../src/cli/io";

let tmp: string;
beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), "techfund-cli-io-"));
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

async function touch(...parts: string[]): Promise<string> {
  const file = path.join(tmp, ...parts);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, "");
  return file;
}

describe("collectInputFiles", () => {
  it("takes a folder's spreadsheets, subfolders included, sorted; says why each other entry is left out", async () => {
    const b = await touch("b.xlsx");
    const a = await touch("a.XLS");
    const et = await touch("sub", "c.et");
    const csv = await touch("sub", "d.csv");
    await touch("~$b.xlsx");
    await touch(".hidden.xlsx");
    await touch("readme.md");
    const skipped: string[] = [];
    const files = await collectInputFiles([tmp], (shown, reason) =>
      skipped.push(`${path.basename(shown)}: ${reason}`),
    );
    expect(files).toEqual([
      { path: a, shown: path.join(tmp, "a.XLS") },
      { path: b, shown: path.join(tmp, "b.xlsx") },
      { path: et, shown: path.join(tmp, "sub", "c.et") },
      { path: csv, shown: path.join(tmp, "sub", "d.csv") },
    ]);
    expect(skipped).toEqual([
      ".hidden.xlsx: 隐藏文件",
      "readme.md: 不是表格文件（只检查 .xlsx .xlsm .xls .et .ods .csv）",
      "~$b.xlsx: Office/WPS 打开文件时生成的临时文件",
    ]);
  });

  it("takes a named file whatever its extension, once, in the order given, shown as given", async () => {
    const md = await touch("notes.md");
    const x = await touch("x.xlsx");
    const relative = path.relative(process.cwd(), md);
    expect(await collectInputFiles([relative, x, md])).toEqual([
      { path: md, shown: relative },
      { path: x, shown: x },
    ]);
  });

  it("refuses a missing path and a folder without spreadsheets (exit 2)", async () => {
    const missing = path.join(tmp, "无此文件.xlsx");
    await expect(collectInputFiles([missing])).rejects.toEqual(
      new CliError(`无法读取 ${missing}：找不到文件或目录`, EXIT.failure),
    );
    await touch("empty", "readme.md");
    await expect(collectInputFiles([path.join(tmp, "empty")])).rejects.toThrow(
      `目录 ${path.join(tmp, "empty")} 中没有表格文件（.xlsx .xlsm .xls .et .ods .csv）`,
    );
  });
});

describe("writeNewFile", () => {
  it("writes, and gives the next file a free name instead of overwriting", async () => {
    const bytes = new Uint8Array([1, 2, 3]);
    expect(await writeNewFile(tmp, "表.xlsx", bytes)).toBe(
      path.join(tmp, "表.xlsx"),
    );
    expect(await writeNewFile(tmp, "表.xlsx", new Uint8Array([9]))).toBe(
      path.join(tmp, "表 (2).xlsx"),
    );
    expect(await writeNewFile(tmp, "表.xlsx", new Uint8Array([8]))).toBe(
      path.join(tmp, "表 (3).xlsx"),
    );
    expect([...(await fs.readFile(path.join(tmp, "表.xlsx")))]).toEqual([
      1, 2, 3,
    ]);
  });
});

describe("action", () => {
  function capture(handler: () => Promise<ExitCode>) {
    const log = { err: "", code: -1 };
    const cli = {
      io: { out: () => undefined, err: (t: string) => void (log.err += t) },
      setExit: (c: number) => void (log.code = c),
    };
    return { run: action(cli, handler), log };
  }

  it("reports the handler's exit code", async () => {
    const { run, log } = capture(async () => EXIT.findings);
    await run();
    expect(log).toEqual({ err: "", code: 1 });
  });

  it("prints a CliError's message in Chinese with its exit code", async () => {
    const { run, log } = capture(async () => {
      throw new CliError("无法读取 a.xlsx：找不到文件或目录", EXIT.failure);
    });
    await run();
    expect(log).toEqual({
      err: "错误：无法读取 a.xlsx：找不到文件或目录\n",
      code: 2,
    });
  });

  it("turns any other error into 程序内部错误 with exit 2", async () => {
    const { run, log } = capture(async () => {
      throw new TypeError("boom");
    });
    await run();
    expect(log.code).toBe(2);
    expect(log.err).toMatch(/^程序内部错误：TypeError: boom\n/);
  });
});
