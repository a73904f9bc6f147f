#!/usr/bin/env node
// Bundles the core's in-process bench (bench/core.ts) into build/bench/core.js with esbuild, as scripts/build-cli.js
// bundles the command line, so that its figures are those of the code users run (a bundle) and not of a loader that
// compiles each module on the fly and reaches every import through a getter. `npm run bench` builds it first.
// Usage: node scripts/build-bench.js [OUTDIR], then node build/bench/core.js T1.xlsx [FOLDER]
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const DEFAULT_OUT = path.join(ROOT, "build", "bench");

/**
 * Builds bench/core.ts into `outdir`/core.js.
 * @returns the path of the bundle
 * @throws what esbuild throws on a build error
 */
function buildBench(outdir = DEFAULT_OUT) {
  const outfile = path.join(outdir, "core.js");
  require("esbuild").buildSync({
    entryPoints: [path.join(ROOT, "bench", "core.ts")],
    outfile,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    packages: "external",
    logLevel: "silent",
    absWorkingDir: ROOT,
  });
  return outfile;
}

if (require.main === module) {
  const outfile = buildBench(path.resolve(process.argv[2] ?? DEFAULT_OUT));
  console.log(`核心基准已构建到 ${path.relative(process.cwd(), outfile)}`);
}

module.exports = { buildBench, DEFAULT_OUT };
