#!/usr/bin/env node
// Runs the CLI from a bundle of src/ that scripts/cli-bundle.js builds on first use and after any source change, so
// that `npm ci && npx techfund …` works without a build step. Where the bundle cannot be built (no esbuild, a cache
// folder that cannot be written), the TypeScript sources run through tsx instead.
let main;
try {
  process.setSourceMapsEnabled(true);
  main = require(require("../scripts/cli-bundle.js").cliBundle()).main;
} catch {
  require("tsx/cjs");
  main = require("../src/cli/main.ts").main;
}
main(process.argv.slice(2)).then((code) => process.exit(code));
