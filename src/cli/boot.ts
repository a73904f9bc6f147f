/**
 * What a reading process of the built CLI runs first (build/cli/boot.js; readers.ts forks it): it loads SheetJS and
 * the reader's code (worker.js, see worker.ts) through their V8 code caches (codeCache.ts), and when the process ends
 * after reading files, writes the caches that were missing or refused.
 */
// First: SheetJS must find the on-demand code-page tables when it loads.
import "./codepages";
import * as path from "path";
import { requireCached, saveCodeCaches } from "./codeCache";

// Once given a file to read, the caches are worth writing when the process ends. The pool ends a reader that has
// nothing more to read with SIGTERM: it then ends through the exit handlers. A reader never given a file (one too
// many, or the program ended early) ends at once, as SIGTERM ends any process.
process.once("message", () => {
  process.on("exit", saveCodeCaches);
  process.on("SIGTERM", () => process.exit(0));
});

/** The caches' folder: `cache/` beside the built files (each build empties it, scripts/build-cli.js). */
const CACHES = path.join(__dirname, "cache");
requireCached(require.resolve("@e965/xlsx"), CACHES);
requireCached(path.join(__dirname, "worker.js"), CACHES);
