// The command line runs from one JavaScript bundle of src/ (esbuild), built on first use and again whenever one of its
// source files changes, so that `npm ci && npx techfund …` needs no build step and runs as fast as built code
// (loading each TypeScript file through tsx costs about a third more time in the checks themselves).
// The bundle lives in node_modules/.cache/techfund-cli/ (TECHFUND_CLI_CACHE overrides it); dependencies stay in
// node_modules. `npm run bench` builds its measuring program with the same options (bundleFile).
const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const ENTRY = path.join(ROOT, "src", "cli", "main.ts");

/** esbuild options shared by the CLI and the benchmark: Node 20, CommonJS, dependencies left to node_modules. */
const OPTIONS = {
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  packages: "external",
  sourcemap: "inline",
  logLevel: "silent",
};

/** Where the bundle and what it was built from are kept. */
function cacheDir() {
  return (
    process.env.TECHFUND_CLI_CACHE ||
    path.join(ROOT, "node_modules", ".cache", "techfund-cli")
  );
}

/** The files a bundle was built from, with their size and time of change, as recorded next to it. */
function stamp(inputs) {
  return inputs.map((file) => {
    const s = fs.statSync(path.resolve(ROOT, file));
    return [file, s.size, s.mtimeMs];
  });
}

/** True when every recorded source file is still as it was when the bundle was built. */
function isFresh(outfile, recordFile) {
  try {
    if (!fs.existsSync(outfile)) return false;
    const record = JSON.parse(fs.readFileSync(recordFile, "utf8"));
    if (record.esbuild !== require("esbuild").version) return false;
    const now = stamp(record.inputs.map(([file]) => file));
    return JSON.stringify(now) === JSON.stringify(record.inputs);
  } catch {
    return false; // a source file gone, or no record: build again
  }
}

/**
 * Builds `entry` (a TypeScript file of this repository) into `outfile` with the shared options, written under a
 * temporary name first so that a program started meanwhile never loads half a file.
 * @returns the source files the bundle was built from (paths relative to the repository).
 */
function bundleFile(entry, outfile) {
  const esbuild = require("esbuild");
  fs.mkdirSync(path.dirname(outfile), { recursive: true });
  const partial = `${outfile}.${process.pid}.tmp`;
  const result = esbuild.buildSync({
    ...OPTIONS,
    entryPoints: [entry],
    outfile: partial,
    absWorkingDir: ROOT,
    metafile: true,
  });
  fs.renameSync(partial, outfile);
  return Object.keys(result.metafile.inputs).filter(
    (f) => !f.startsWith("node_modules/"),
  );
}

/** The path of an up-to-date bundle of the CLI, built first when missing or stale. @throws what esbuild throws */
function cliBundle() {
  const dir = cacheDir();
  const outfile = path.join(dir, "techfund.js");
  const recordFile = path.join(dir, "techfund.inputs.json");
  if (isFresh(outfile, recordFile)) return outfile;
  const inputs = bundleFile(ENTRY, outfile);
  const record = { esbuild: require("esbuild").version, inputs: stamp(inputs) };
  fs.writeFileSync(recordFile, JSON.stringify(record));
  return outfile;
}

module.exports = { cliBundle, bundleFile };
