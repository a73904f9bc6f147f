/**
 * src/cli/codeCache.ts: the reading processes load SheetJS and worker.js through V8 code caches. A module loads as
 * `require` loads it, with or without a cache; a missing or refused cache is written at the end, a valid one is used
 * and not written again, a cache of an older version of the file is removed, and a folder that cannot be written is
 * no error. Each load but the first runs in a new process, as each reading process is one (within one process V8
 * reuses its own compiled script and never looks at the cache).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { pathToFileURL } from "url";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "techfund-codecache-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Writes a module that requires a module beside it and a module of Node, and says where it runs. */
function writeModule(name: string, answer: number): string {
  fs.writeFileSync(
    path.join(dir, `${name}-helper.js`),
    `module.exports = { double: (x) => x * 2 };`,
  );
  const file = path.join(dir, `${name}.js`);
  fs.writeFileSync(
    file,
    [
      `const { double } = require("./${name}-helper");`,
      `const path = require("path");`,
      `exports.answer = double(${answer / 2});`,
      `exports.where = path.basename(__filename) + " " + path.basename(__dirname);`,
      `exports.sameModule = module.exports === exports;`,
    ].join("\n"),
  );
  return file;
}

/** Loads `file` with its caches in `cacheDir` in a new process, then writes the caches as a reader ends. */
function loadInProcess(
  file: string,
  cacheDir: string,
): Record<string, unknown> {
  const runner = path.join(dir, "runner.ts");
  const source = path.resolve(__dirname, "../../src/cli/codeCache.ts");
  fs.writeFileSync(
    runner,
    [
      `import { createRequire } from "module";`,
      `import { cacheUse, requireCached, saveCodeCaches } from ${JSON.stringify(source)};`,
      `const [file, cacheDir] = process.argv.slice(2);`,
      `const loaded = requireCached(file, cacheDir) as Record<string, unknown>;`,
      // require's cache holds the module: a later require of the file gets it, not a second run.
      `const inRequireCache = createRequire(file)(file) === loaded;`,
      `console.log(JSON.stringify({ ...loaded, inRequireCache, fromCache: cacheUse()[0].fromCache }));`,
      `saveCodeCaches();`,
    ].join("\n"),
  );
  const r = spawnSync(
    process.execPath,
    [
      "--import",
      pathToFileURL(require.resolve("tsx")).href,
      runner,
      file,
      cacheDir,
    ],
    { encoding: "utf8" },
  );
  expect(r.stderr).toBe("");
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

const caches = (d: string) =>
  fs.existsSync(d) ? fs.readdirSync(d).filter((f) => f.endsWith(".v8")) : [];

test("a module loads as require loads it (its own require, __filename, __dirname), into require's cache", () => {
  const file = writeModule("plain", 42);
  expect(loadInProcess(file, path.join(dir, "cache"))).toEqual({
    answer: 42,
    where: `plain.js ${path.basename(dir)}`,
    sameModule: true,
    inRequireCache: true,
    fromCache: false,
  });
});

test("no cache at first; the cache written then is used next time and not written again", () => {
  const file = writeModule("cached", 10);
  const cacheDir = path.join(dir, "cache");
  expect(loadInProcess(file, cacheDir)).toMatchObject({
    answer: 10,
    fromCache: false,
  });
  const written = caches(cacheDir);
  expect(written).toHaveLength(1);
  expect(written[0]).toMatch(
    new RegExp(
      `^cached\\.js-${fs.statSync(file).size}-\\d+-none-heap\\w+\\.v8$`,
    ),
  );
  const cacheFile = path.join(cacheDir, written[0]!);
  const { mtimeMs } = fs.statSync(cacheFile);

  expect(loadInProcess(file, cacheDir)).toMatchObject({
    answer: 10,
    fromCache: true,
  });
  expect(fs.statSync(cacheFile).mtimeMs).toBe(mtimeMs);
  expect(caches(cacheDir)).toEqual(written);
});

test("a damaged cache is refused, the module loads all the same, and the cache is written again", () => {
  const file = writeModule("damaged", 8);
  const cacheDir = path.join(dir, "cache");
  loadInProcess(file, cacheDir);
  const cacheFile = path.join(cacheDir, caches(cacheDir)[0]!);
  const good = fs.readFileSync(cacheFile);
  fs.writeFileSync(cacheFile, Buffer.alloc(64, 7));

  expect(loadInProcess(file, cacheDir)).toMatchObject({
    answer: 8,
    fromCache: false,
  });
  expect(fs.readFileSync(cacheFile).length).toBe(good.length);
  expect(loadInProcess(file, cacheDir).fromCache).toBe(true);
});

test("a new version of the file gets its own cache, and the old version's is removed", () => {
  const file = writeModule("versioned", 4);
  const cacheDir = path.join(dir, "cache");
  loadInProcess(file, cacheDir);
  const [old] = caches(cacheDir);

  fs.appendFileSync(file, "\nexports.answer = 5;\n");
  expect(loadInProcess(file, cacheDir)).toMatchObject({
    answer: 5,
    fromCache: false,
  });
  const now = caches(cacheDir);
  expect(now).toHaveLength(1);
  expect(now[0]).not.toBe(old);
  expect(now[0]).toMatch(
    new RegExp(`^versioned\\.js-${fs.statSync(file).size}-`),
  );
});

test("a file as long and as old as before, in another version of its package, is not run with the old code", () => {
  const file = writeModule("released", 2);
  const cacheDir = path.join(dir, "cache");
  const manifest = path.join(dir, "package.json");
  fs.writeFileSync(manifest, JSON.stringify({ version: "1.0.0" }));
  expect(loadInProcess(file, cacheDir)).toMatchObject({
    answer: 2,
    fromCache: false,
  });
  expect(caches(cacheDir)).toEqual([
    expect.stringMatching(/^released\.js-\d+-\d+-1\.0\.0-heap\w+\.v8$/),
  ]);
  // Version 1.0.1: the same length (V8 checks no more of a source) and, as npm installs them, the same time.
  const { mtime } = fs.statSync(file);
  fs.writeFileSync(
    file,
    fs.readFileSync(file, "utf8").replace("double(1)", "double(4)"),
  );
  fs.utimesSync(file, mtime, mtime);
  fs.writeFileSync(manifest, JSON.stringify({ version: "1.0.1" }));
  expect(loadInProcess(file, cacheDir)).toMatchObject({
    answer: 8,
    fromCache: false,
  });
  expect(caches(cacheDir)).toEqual([
    expect.stringMatching(/^released\.js-\d+-\d+-1\.0\.1-heap\w+\.v8$/),
  ]);
});

test("a cache folder that cannot be made is no error: the module loads, no cache is written", () => {
  const file = writeModule("nowhere", 6);
  // A file where the folder should be: making the folder fails.
  const blocked = path.join(dir, "blocked");
  fs.writeFileSync(blocked, "");
  expect(loadInProcess(file, path.join(blocked, "cache"))).toMatchObject({
    answer: 6,
    fromCache: false,
  });
  expect(fs.statSync(blocked).isFile()).toBe(true);
  expect(fs.readdirSync(dir).filter((f) => f.endsWith(".v8"))).toEqual([]);
});
