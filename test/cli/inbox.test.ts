/**
 * An inbox as reviewers have them: a subfolder that cannot be read is skipped and logged (the rest is taken), file
 * names with control characters are printed escaped, and our own earlier merge result saved in the inbox is skipped
 * with a line saying so instead of being merged again.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

import type { MergeJson } from "../../src/cli/commands/mergeRun";
import { collectInputFiles } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { printableName } from "../../src/xlsx/fileName";

const SAMPLES = path.resolve(__dirname, "../../../shared/samples");

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "techfund-inbox-"));
});
afterEach(() => {
  jest.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function run(argv: string[]) {
  let out = "";
  let err = "";
  const code = await main(argv, {
    out: (t) => void (out += t),
    err: (t) => void (err += t),
  });
  return { code, out, err };
}

test("a subfolder that cannot be read is skipped with its reason; the other files are taken", async () => {
  fs.mkdirSync(path.join(dir, "甲"));
  fs.mkdirSync(path.join(dir, "乙"));
  fs.copyFileSync(
    path.join(SAMPLES, "project-info-1.xlsx"),
    path.join(dir, "乙", "a.xlsx"),
  );
  const readdir = fs.promises.readdir;
  jest.spyOn(fs.promises, "readdir").mockImplementation(((
    p: fs.PathLike,
    o: unknown,
  ) => {
    if (String(p).endsWith("甲"))
      return Promise.reject(
        Object.assign(new Error("EACCES: permission denied"), {
          code: "EACCES",
        }),
      );
    return (readdir as (p: fs.PathLike, o: unknown) => unknown)(p, o);
  }) as typeof fs.promises.readdir);
  const skipped: string[] = [];
  const files = await collectInputFiles([dir], (s, reason) =>
    skipped.push(`${path.relative(dir, s)}：${reason}`),
  );
  expect(files.map((f) => path.relative(dir, f.path))).toEqual([
    path.join("乙", "a.xlsx"),
  ]);
  expect(skipped).toEqual(["甲：无法读取的目录（没有访问权限）"]);
});

test("control characters in file names are printed as escapes", async () => {
  expect(printableName("a\nb\u001b[31m\t.xlsx")).toBe("a\\nb\\x1b[31m\\t.xlsx");
  expect(printableName("正常 名称（2）.xlsx")).toBe("正常 名称（2）.xlsx");
  const name = "伪造\n[已合并] 行\u001b[2J.csv";
  fs.writeFileSync(path.join(dir, name), "");
  const r = await run(["check", dir]);
  expect(r.out + r.err).toContain("伪造\\n[已合并] 行\\x1b[2J.csv");
  expect(r.out + r.err).not.toContain("\u001b");
  expect(r.out + r.err).not.toContain("伪造\n");
});

test("our own merge result saved into the inbox is skipped, not merged again", async () => {
  const inbox = path.join(dir, "收件");
  fs.mkdirSync(inbox);
  for (const f of ["project-info-1.xlsx", "project-info-2.xlsx"])
    fs.copyFileSync(path.join(SAMPLES, f), path.join(inbox, f));
  const first = await run([
    "merge",
    inbox,
    "-o",
    path.join(inbox, "汇总.xlsx"),
    "--json",
  ]);
  const firstJson = JSON.parse(first.out) as MergeJson;
  const again = await run([
    "merge",
    inbox,
    "-o",
    path.join(dir, "第二次.xlsx"),
    "--json",
  ]);
  const json = JSON.parse(again.out) as MergeJson;
  expect(again.err).toContain(
    `已跳过 ${path.join(inbox, "汇总.xlsx")}：这是本工具生成的合并结果或审核结果`,
  );
  expect(json.log.map((e) => path.basename(e.file))).toEqual([
    "project-info-1.xlsx",
    "project-info-2.xlsx",
  ]);
  expect(json.rows).toEqual(firstJson.rows);
});
