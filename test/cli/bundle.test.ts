/**
 * scripts/cli-bundle.js: `techfund` runs from an esbuild bundle of src/, built on first use, reused while its sources
 * are unchanged, built again after a change; bin/techfund.js falls back to tsx when no bundle can be built.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const REPO = path.resolve(__dirname, "../..");
const SAMPLE = path.join(REPO, "../shared/samples/project-info-2.xlsx");

/** cli-bundle.js loaded afresh with its cache in `dir`. */
function bundler(dir: string): { cliBundle(): string } {
  process.env.TECHFUND_CLI_CACHE = dir;
  jest.resetModules();
  return require("../../scripts/cli-bundle.js") as { cliBundle(): string };
}

describe("cliBundle", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "techfund-cli-"));
  });
  afterEach(() => {
    delete process.env.TECHFUND_CLI_CACHE;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("builds the bundle once and records the sources it was built from", () => {
    const out = bundler(dir).cliBundle();
    expect(out).toBe(path.join(dir, "techfund.js"));
    const record = JSON.parse(
      fs.readFileSync(path.join(dir, "techfund.inputs.json"), "utf8"),
    ) as { inputs: [string, number, number][] };
    const files = record.inputs.map(([f]) => f);
    expect(files).toContain("src/cli/main.ts");
    expect(files).toContain("src/core/rules/engine.ts");
    expect(files.some((f) => f.startsWith("node_modules/"))).toBe(false);

    const built = fs.statSync(out).mtimeMs;
    expect(bundler(dir).cliBundle()).toBe(out);
    expect(fs.statSync(out).mtimeMs).toBe(built); // unchanged sources: not built again
  });

  it("builds again when a source file differs from the record", () => {
    const out = bundler(dir).cliBundle();
    const recordFile = path.join(dir, "techfund.inputs.json");
    const record = JSON.parse(fs.readFileSync(recordFile, "utf8")) as {
      inputs: [string, number, number][];
    };
    record.inputs[0]![2] -= 1000; // as if the file had changed since
    fs.writeFileSync(recordFile, JSON.stringify(record));
    fs.writeFileSync(out, "stale");
    bundler(dir).cliBundle();
    expect(fs.readFileSync(out, "utf8")).toContain("techfund");
  });

  it("runs `check` from the bundle it builds in the cache folder", () => {
    const r = spawnSync(
      process.execPath,
      [path.join(REPO, "bin/techfund.js"), "check", SAMPLE, "--json"],
      { encoding: "utf8", env: { ...process.env, TECHFUND_CLI_CACHE: dir } },
    );
    expect(r.status).toBe(0);
    expect(fs.existsSync(path.join(dir, "techfund.js"))).toBe(true);
    expect(JSON.parse(r.stdout)).toMatchObject({
      files: [{ status: "ok", tables: [{ table: "project-info" }] }],
      summary: { errors: 0, warnings: 0, infos: 0 },
    });
  });

  it("falls back to the TypeScript sources when the bundle cannot be written", () => {
    const notADir = path.join(dir, "file");
    fs.writeFileSync(notADir, "");
    const r = spawnSync(
      process.execPath,
      [path.join(REPO, "bin/techfund.js"), "check", SAMPLE, "--json"],
      {
        encoding: "utf8",
        env: { ...process.env, TECHFUND_CLI_CACHE: notADir },
      },
    );
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      summary: { errors: 0, warnings: 0, infos: 0 },
    });
  });
});
