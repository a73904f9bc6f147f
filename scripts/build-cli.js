#!/usr/bin/env node
// Builds the command line `techfund` into build/cli/ (`npm run build:cli`, also part of `npm run build`):
// - techfund.js: the program (src/cli/main.ts), loaded by bin/techfund.js;
// - worker.js: what each reading process runs (src/cli/worker.ts), loaded by
// - boot.js: each reading process's first script (src/cli/boot.ts), which loads SheetJS and worker.js through their V8
//   code caches (src/cli/codeCache.ts: cache/ beside these files, made by the readers; emptied by each build);
// - readers.js: starts the reading processes (src/cli/readers.ts); bin/techfund.js loads it before techfund.js so that
//   the readers load while the program does, and techfund.js loads this same file instead of bundling a copy of it.
// esbuild bundles our sources into these files; the npm packages stay in node_modules and are only
// `dependencies`, never `devDependencies` (test/cli/build.test.ts checks it), so that the folder runs after
// `npm ci --omit=dev`. Modules reached through `await import()` (each command's work, ExcelJS's writers, the zod parser
// of stored explanations) are evaluated only when a command imports them, so that the program starts without them.
// The files are written under temporary names and then renamed, so that a program started meanwhile never loads half
// a file. Usage: node scripts/build-cli.js [OUTDIR]
const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const DEFAULT_OUT = path.join(ROOT, "build", "cli");
const ENTRIES = {
  techfund: path.join(ROOT, "src", "cli", "main.ts"),
  worker: path.join(ROOT, "src", "cli", "worker.ts"),
  boot: path.join(ROOT, "src", "cli", "boot.ts"),
  readers: path.join(ROOT, "src", "cli", "readers.ts"),
};

/**
 * Builds the CLI into `outdir`.
 * @returns esbuild's metafile (inputs and outputs, with each output's imports)
 * @throws what esbuild throws on a build error
 */
function buildCli(outdir = DEFAULT_OUT) {
  const esbuild = require("esbuild");
  fs.mkdirSync(outdir, { recursive: true });
  // Beside outdir, so that the source maps' relative paths stay right after the move.
  const staging = fs.mkdtempSync(
    path.join(path.dirname(outdir), `.${path.basename(outdir)}-staging-`),
  );
  try {
    const result = esbuild.buildSync({
      entryPoints: ENTRIES,
      outdir: staging,
      bundle: true,
      platform: "node",
      target: "node20",
      format: "cjs",
      packages: "external",
      external: ["./readers"],
      sourcemap: "linked",
      logLevel: "silent",
      absWorkingDir: ROOT,
      metafile: true,
    });
    for (const file of fs.readdirSync(staging))
      fs.renameSync(path.join(staging, file), path.join(outdir, file));
    // The code caches of the files just replaced: named by those files' size and time, they would never be read again.
    fs.rmSync(path.join(outdir, "cache"), { recursive: true, force: true });
    return result.metafile;
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const outdir = path.resolve(process.argv[2] ?? DEFAULT_OUT);
  buildCli(outdir);
  console.log(
    `techfund 已构建到 ${path.relative(process.cwd(), outdir) || "."}`,
  );
}

module.exports = { buildCli, DEFAULT_OUT };
