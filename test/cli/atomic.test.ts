/**
 * Atomic outputs: a merge killed while it writes, or whose write fails, leaves nothing under the output name (only a
 * hidden temporary file when killed, which the next merge of that folder skips).
 */
import { spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const REPO = path.resolve(__dirname, "../..");
const SAMPLES = path.join(REPO, "../shared/samples");

/** `node -e code` with TypeScript sources loadable (tsx), no tsx cache written. */
function nodeArgs(code: string): string[] {
  return ["--import", "tsx", "-e", code];
}
const ENV = { ...process.env, TSX_DISABLE_CACHE: "1" };

/** Code that runs `techfund merge` with `args` and exits with its code. */
function mergeCode(args: string[]): string {
  return `require(${JSON.stringify(path.join(REPO, "src/cli/main"))}).main(${JSON.stringify(["merge", ...args])}).then((c) => process.exit(c));`;
}

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "techfund-atomic-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

test("a merge whose write fails (file size limit: the disk-full case) leaves no file and says why in Chinese", () => {
  const out = path.join(dir, "汇总.xlsx");
  // ulimit -f: at most 8 KB per file; the merged workbook is larger, so its write fails part-way (EFBIG).
  const child = spawnSync(
    "bash",
    [
      "-c",
      'ulimit -f 8; exec "$0" "$@"',
      process.execPath,
      ...nodeArgs(mergeCode([SAMPLES, "-o", out])),
    ],
    { cwd: REPO, env: ENV, encoding: "utf8", timeout: 120_000 },
  );
  expect(child.status).toBe(2);
  expect(child.stderr).toMatch(
    /^错误：无法写入 .*汇总\.xlsx：文件超过系统允许的大小/m,
  );
  expect(fs.readdirSync(dir)).toEqual([]);
}, 120_000);

test("a merge killed (SIGKILL) while it writes leaves no file under the output name", async () => {
  const out = path.join(dir, "汇总.xlsx");
  // The merged workbook's bytes are made slow to write: the write is slowed to 1 byte per call by a handle whose
  // writeFile is replaced, so that the kill surely lands between the temporary file's creation and its rename.
  const code = `
    const fs = require("fs");
    const open = fs.promises.open;
    fs.promises.open = async (...args) => {
      const handle = await open(...args);
      const write = handle.write.bind(handle);
      handle.writeFile = async (bytes) => {
        for (let i = 0; i < bytes.length; i += 1024) await write(bytes.subarray(i, i + 1024));
        // Never finishes: the test kills the process here. The timer keeps the process alive meanwhile (a pending
        // promise alone does not, once the reading processes have ended).
        await new Promise(() => setInterval(() => {}, 1000));
      };
      return handle;
    };
    ${mergeCode([SAMPLES, "-o", out])}`;
  const child = spawn(process.execPath, nodeArgs(code), {
    cwd: REPO,
    env: ENV,
  });
  const temp = await new Promise<string>((resolve, reject) => {
    const poll = setInterval(() => {
      const found = fs.readdirSync(dir).find((f) => f.endsWith(".tmp"));
      if (found && fs.statSync(path.join(dir, found)).size > 0) {
        clearInterval(poll);
        resolve(found);
      }
    }, 20);
    child.on("exit", () => {
      clearInterval(poll);
      reject(new Error("the merge ended before it wrote"));
    });
  });
  const ended = new Promise((resolve) =>
    child.on("exit", (_code, signal) => resolve(signal)),
  );
  child.kill("SIGKILL");
  expect(await ended).toBe("SIGKILL");
  expect(temp).toMatch(/^\.汇总\.xlsx\.\d+-[a-z0-9]+\.tmp$/);
  expect(fs.readdirSync(dir)).toEqual([temp]);

  // The next merge into the same folder writes its own file and does not take the left-over one as an input.
  const again = spawnSync(
    process.execPath,
    nodeArgs(mergeCode([SAMPLES, dir, "-o", out, "--json"])),
    {
      cwd: REPO,
      env: ENV,
      encoding: "utf8",
      timeout: 120_000,
    },
  );
  expect(again.status).not.toBe(2);
  const json = JSON.parse(again.stdout) as {
    output: string;
    log: { file: string }[];
  };
  expect(json.output).toBe(out);
  expect(json.log.map((e) => e.file).some((f) => f.includes(".tmp"))).toBe(
    false,
  );
  expect(fs.readdirSync(dir).sort()).toEqual([temp, "汇总.xlsx"].sort());
}, 180_000);
