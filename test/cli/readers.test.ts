/**
 * Reading processes started before the program is loaded (src/cli/readers.ts): how many `startEarly` starts for a
 * command line, and that `check` uses them, or ends them and starts its own when their heap limit differs, with the
 * same result.
 */
import * as path from "path";
import type { CheckJson } from "../../src/cli/commands/checkRun";
import { main } from "../../src/cli/main";
import { type Reader, startEarly, takeEarly } from "../../src/cli/readers";

const SAMPLES = path.resolve(__dirname, "../../../shared/samples");
const INFO = path.join(SAMPLES, "project-info-1.xlsx");
const LOAN = path.join(SAMPLES, "loan-handmade.xlsx");
// Each reader runs the TypeScript sources through tsx: slow on a busy machine.
jest.setTimeout(120_000);

/** The readers `startEarly(argv)` starts (ended at once), as their heap limits. */
function started(argv: string[]): number[] {
  startEarly(argv);
  const readers = takeEarly();
  for (const r of readers) r.kill();
  return readers.map((r: Reader) => r.memoryMb);
}

async function check(...argv: string[]): Promise<CheckJson> {
  let out = "";
  await main(["check", ...argv, "--json"], {
    out: (t) => void (out += t),
    err: () => {},
  });
  return JSON.parse(out) as CheckJson;
}

describe("startEarly", () => {
  it("starts as many readers as --jobs says for a folder, with the heap --max-memory says", () => {
    expect(started(["check", SAMPLES, "-j", "3", "--max-memory=64"])).toEqual([
      64, 64, 64,
    ]);
    expect(started(["merge", SAMPLES, "--jobs=2", "-o", "汇总.xlsx"])).toEqual([
      512, 512,
    ]);
  });

  it("starts no more readers than the files named, and none for other commands or no existing input", () => {
    expect(started(["check", INFO, "--jobs", "4"])).toEqual([512]);
    expect(started(["check", INFO, LOAN, "-j4", "--json"])).toEqual([512, 512]);
    expect(started(["check", "没有这个文件.xlsx"])).toEqual([]);
    expect(started(["template", "--all", "-o", SAMPLES])).toEqual([]);
    expect(started(["--version"])).toEqual([]);
  });
});

describe("check with readers started early", () => {
  it("uses them when their heap limit is the one asked for, else ends them: the same result either way", async () => {
    const plain = await check(INFO, LOAN, "-j", "2");
    startEarly(["check", INFO, LOAN, "-j", "2"]);
    const used = await check(INFO, LOAN, "-j", "2");
    expect(takeEarly()).toEqual([]);
    startEarly(["check", INFO, LOAN, "-j", "2", "--max-memory", "64"]);
    const replaced = await check(INFO, LOAN, "-j", "2");
    expect(takeEarly()).toEqual([]);
    expect(used).toEqual(plain);
    expect(replaced).toEqual(plain);
    expect(plain.files.map((f) => [path.basename(f.file), f.status])).toEqual([
      ["project-info-1.xlsx", "ok"],
      ["loan-handmade.xlsx", "ok"],
    ]);
  });
});
