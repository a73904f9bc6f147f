/**
 * V8 code caches of the reading processes' code (boot.ts loads SheetJS and worker.js through {@link requireCached}).
 * A new process compiles each function the first time it runs it; the many small files of a `check` are read while
 * the code is still being compiled. A cache made when a reading process ends, after it has read files, holds the
 * functions it compiled: the next processes start from it (about 4 % of checking 200 small workbooks).
 *
 * The caches live in one folder (`cache/` beside the built files), one per loaded file and heap limit, named by the
 * file's size, modification time and package version: a new build or another version of a package never meets an
 * old cache, and V8 itself refuses a cache of another V8 version or other flags (the file is then compiled as without
 * a cache, and its cache is made again). A folder that cannot be written only means no cache: nothing else changes.
 */
import Module, { createRequire } from "module";
import * as fs from "fs";
import * as path from "path";
import { Script } from "vm";

/** A file loaded by {@link requireCached}: its compiled script, its cache file, and whether that cache was used. */
interface Loaded {
  file: string;
  script: Script;
  /** Its cache file, and the start of the names of this version's caches ({@link versionOf}); none when unreadable. */
  cache: { path: string; version: string } | undefined;
  fromCache: boolean;
  /** Its cache is still to be written (none was used, and none has been written). */
  unsaved: boolean;
}

const loaded: Loaded[] = [];

/**
 * The name of `file`'s cache as the file is now, without the heap part: its size, modification time and the version
 * of its package (npm gives every file of every package the same time, and V8 checks only a source's length: a new
 * version of the same length would otherwise run with the old version's compiled code). Caches of older versions of
 * the file do not start with it.
 */
function versionOf(file: string): string {
  const { size, mtimeMs } = fs.statSync(file);
  return `${path.basename(file)}-${size}-${Math.floor(mtimeMs)}-${packageVersionOf(file)}-`;
}

/** The version in the package.json nearest above `file` (at most four folders up), `none` when there is none. */
function packageVersionOf(file: string): string {
  let dir = path.dirname(file);
  for (let up = 0; up < 4; up++) {
    try {
      const { version } = JSON.parse(
        fs.readFileSync(path.join(dir, "package.json"), "utf8"),
      ) as { version?: unknown };
      if (typeof version === "string" && /^[\w.+-]+$/.test(version))
        return version;
      return "none";
    } catch {
      // no package.json here: the folder above
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return "none";
}

/**
 * The heap limit this process was started with (`--max-memory`): V8 refuses a cache made under another one, so each
 * has its own.
 */
function heapOf(): string {
  const limit = process.execArgv
    .map((a) => /^--max-old-space-size=(\d+)$/.exec(a)?.[1])
    .find((v) => v !== undefined);
  return `heap${limit ?? "default"}`;
}

/** {@link versionOf}, or undefined when the file cannot be read. */
function versionIfReadable(file: string): string | undefined {
  try {
    return versionOf(file);
  } catch {
    return undefined;
  }
}

function readCache(cacheFile: string | undefined): Buffer | undefined {
  try {
    return cacheFile === undefined ? undefined : fs.readFileSync(cacheFile);
  } catch {
    return undefined;
  }
}

/**
 * Loads the CommonJS file `file` as `require` would (same wrapper, same `require` relative to it) and puts it in
 * `require.cache`, so that a later `require` of it gets this module; compiled with its code cache when there is a
 * valid one.
 * @param file absolute path of a .js file
 * @param dir the folder of the caches (made when a cache is first written)
 * @returns the module's exports
 * @throws what reading or running the file throws
 */
export function requireCached(file: string, dir: string): unknown {
  const version = versionIfReadable(file);
  const cache =
    version === undefined
      ? undefined
      : { path: path.join(dir, `${version}${heapOf()}.v8`), version };
  const cachedData = readCache(cache?.path);
  const source = fs.readFileSync(file, "utf8");
  // Node's own CommonJS wrapper, on the file's first line: line numbers in stacks stay the file's.
  const script = new Script(
    `(function (exports, require, module, __filename, __dirname) { ${source}\n});`,
    { filename: file, cachedData },
  );
  const fromCache = cachedData !== undefined && !script.cachedDataRejected;
  loaded.push({
    file,
    script,
    cache,
    fromCache,
    unsaved: cache !== undefined && !fromCache,
  });
  const m = new Module(file, module);
  m.filename = file;
  const require = createRequire(file);
  m.paths = require.resolve.paths("x") ?? [];
  require.cache[file] = m;
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(m.exports, m.exports, require, m, file, path.dirname(file));
  m.loaded = true;
  return m.exports;
}

/**
 * Whether each file loaded so far was compiled from its cache (for tests: one process loads each file once; a second
 * load in the same process may reuse V8's own compiled script, and then says so whatever the cache holds).
 */
export function cacheUse(): { file: string; fromCache: boolean }[] {
  return loaded.map(({ file, fromCache }) => ({ file, fromCache }));
}

/**
 * Writes the cache of every file loaded by {@link requireCached} that was not compiled from a valid one, with the
 * functions compiled so far, and removes that file's older caches. Written under another name and renamed, so that
 * a process starting meanwhile never reads half a cache. Never throws: a cache that cannot be written is left out.
 */
export function saveCodeCaches(): void {
  for (const entry of loaded) {
    const { file, script, cache } = entry;
    if (!entry.unsaved || cache === undefined) continue;
    entry.unsaved = false;
    try {
      const dir = path.dirname(cache.path);
      fs.mkdirSync(dir, { recursive: true });
      const partial = `${cache.path}.${process.pid}.part`;
      fs.writeFileSync(partial, script.createCachedData());
      fs.renameSync(partial, cache.path);
      // Caches of this file's older versions (another heap limit's cache of this version stays).
      const mine = `${path.basename(file)}-`;
      for (const f of fs.readdirSync(dir))
        if (
          f.startsWith(mine) &&
          f.endsWith(".v8") &&
          !f.startsWith(cache.version)
        )
          fs.rmSync(path.join(dir, f), { force: true });
    } catch {
      // a folder this user may not write: no cache, the next process compiles as before
    }
  }
}
