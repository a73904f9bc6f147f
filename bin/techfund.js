#!/usr/bin/env node
// Runs the CLI built by `npm run build` (or `npm run build:cli`) into build/cli/ (scripts/build-cli.js). In a
// checkout with no build, the TypeScript sources run through tsx when it is installed (slower start).
const path = require("path");

const BUILT = path.join(__dirname, "..", "build", "cli", "techfund.js");

/** The CLI's `run` (src/cli/main.ts), from the build, else from the sources; undefined when neither can be loaded. */
function loadMain() {
  try {
    process.setSourceMapsEnabled(true);
    return require(BUILT).run;
  } catch (e) {
    if (e.code !== "MODULE_NOT_FOUND" || !String(e.message).includes(BUILT))
      throw e;
  }
  try {
    require("tsx/cjs");
  } catch {
    return undefined;
  }
  return require("../src/cli/main.ts").run;
}

const run = loadMain();
if (run === undefined) {
  process.stderr.write(
    "错误：techfund 尚未构建，请先在项目目录运行 npm run build:cli（或 npm run build）\n",
  );
  process.exit(2);
}
// run ends the process once its output is written.
void run(process.argv.slice(2));
