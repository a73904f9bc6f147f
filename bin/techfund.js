#!/usr/bin/env node
// Runs the CLI built by `npm run build` (or `npm run build:cli`) into build/cli/ (scripts/build-cli.js). In a
// checkout with no build, the TypeScript sources run through tsx when it is installed (slower start).
const path = require("path");

const BUILT = path.join(__dirname, "..", "build", "cli");
const PROGRAM = path.join(BUILT, "techfund.js");
const READERS = path.join(BUILT, "readers.js");

/** The CLI's `run` (src/cli/main.ts) from the build; undefined when there is no build. */
function builtMain(argv) {
  try {
    process.setSourceMapsEnabled(true);
    // The reading processes of `check` and `merge` start first: they load while the program does (src/cli/readers.ts).
    require(READERS).startEarly(argv);
    return require(PROGRAM).run;
  } catch (e) {
    if (
      e.code !== "MODULE_NOT_FOUND" ||
      ![PROGRAM, READERS].some((f) => String(e.message).includes(f))
    )
      throw e;
    return undefined;
  }
}

/** The CLI's `run` from the TypeScript sources through tsx; undefined when tsx is not installed. */
async function sourceMain() {
  try {
    // For `import()` of a .ts module (each command's work, src/cli/commands/*Run.ts): tsx/cjs alone leaves it to Node.
    (await import("tsx/esm/api")).register();
    require("tsx/cjs");
  } catch {
    return undefined;
  }
  return require("../src/cli/main.ts").run;
}

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === "--version" || argv[0] === "-V")) {
  // What src/cli/main.ts answers, without loading the commands.
  process.stdout.write(`${require("../package.json").version}\n`);
} else {
  const run = builtMain(argv);
  // run ends the process once its output is written.
  if (run !== undefined) void run(argv);
  else
    void sourceMain().then((fromSource) => {
      if (fromSource === undefined) {
        process.stderr.write(
          "错误：techfund 尚未构建，请先在项目目录运行 npm run build:cli（或 npm run build）\n",
        );
        process.exit(2);
      }
      void fromSource(argv);
    });
}
