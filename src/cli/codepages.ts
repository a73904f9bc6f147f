/**
 * SheetJS's code-page tables loaded when a file first needs them, not when SheetJS loads. SheetJS's CommonJS build
 * evaluates all its tables (dist/cpexcel.js: a third of a reading process's start) unless a global
 * `cptable` is defined when it loads; it then reaches the tables only through `cptable.utils` (decode/encode of
 * UTF-16 and code-page text in .xls/.et files, of a CSV's byte-order mark). This stand-in loads the real tables on
 * the first such call, so a file that needs them reads exactly as before and one that does not (most .xlsx) never
 * loads them. test/cli/codepages.test.ts pins both facts.
 *
 * Import this module before anything that imports SheetJS (the reading process's first import, worker.ts).
 */
import type { CP$Module } from "@e965/xlsx/dist/cpexcel";

let tables: CP$Module | undefined;

/** What SheetJS takes for its code-page module: `utils` of the real one, loaded on first use. */
const onDemand = {
  get utils(): CP$Module["utils"] {
    // Synchronous: SheetJS decodes in the middle of parsing a file.
    tables ??= require("@e965/xlsx/dist/cpexcel.js") as CP$Module;
    return tables.utils;
  },
};

const global = globalThis as { cptable?: unknown };
global.cptable ??= onDemand;
