/**
 * What the built program loads (bin/techfund.js, build/cli/): ExcelJS only to write a workbook, SheetJS's code-page
 * tables only for a file whose text needs them (.xls), zod only for a workbook with stored explanations — in the
 * program and in its reading processes (which inherit `--require`, so the same hook watches them).
 */
import { spawnSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { EXPLANATION_SHEET } from "../../src/core/check/ownSheets";
import * as os from "os";
import * as path from "path";
import * as XLSX from "@e965/xlsx";

const REPO = path.resolve(__dirname, "../..");
const SAMPLES = path.resolve(REPO, "../shared/samples");
const LOAN = path.join(SAMPLES, "loan-handmade.xlsx");
const XLS = path.join(SAMPLES, "project-info-3.xls");

/** A hook that writes `program|reader package` for each load of zod, ExcelJS or the code-page tables. */
const HOOK = `
const fs = require("fs");
const Module = require("module");
const load = Module._load;
Module._load = function (request, ...rest) {
  const m = /^(zod|exceljs|crypto)$|cpexcel/.exec(request);
  if (m) fs.appendFileSync(process.env.LOADS_FILE, (process.send ? "reader " : "program ") + (m[1] || "cpexcel") + "\\n");
  return load.call(this, request, ...rest);
};`;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "techfund-startup-"));
  writeFileSync(path.join(dir, "hook.js"), HOOK);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the built program with the hook; what it loaded, each once, sorted. */
function loads(...args: string[]): string[] {
  const file = path.join(dir, `loads-${args.join("-").replace(/\W/g, "")}`);
  writeFileSync(file, "");
  const r = spawnSync(
    process.execPath,
    [
      "--require",
      path.join(dir, "hook.js"),
      path.join(REPO, "bin/techfund.js"),
      ...args,
    ],
    { env: { ...process.env, LOADS_FILE: file }, encoding: "utf8" },
  );
  expect(r.status).not.toBe(2);
  return [
    ...new Set(readFileSync(file, "utf8").split("\n").filter(Boolean)),
  ].sort();
}

describe("the built program loads only what a command uses", () => {
  it("merge: Node's crypto (the SHA-256 of each file in the 合并日志) and ExcelJS", () => {
    const out = path.join(dir, "汇总.xlsx");
    expect(loads("merge", LOAN, "-o", out)).toEqual([
      "program crypto",
      "program exceljs",
      "reader crypto",
    ]);
  });

  it("check of an .xlsx without explanations: no zod, no code-page tables, no ExcelJS, no crypto", () => {
    expect(loads("check", LOAN, "--json")).toEqual([]);
  });

  it("check of an .xls: the code-page tables, in the reader only", () => {
    expect(loads("check", XLS, "--json")).toEqual(["reader cpexcel"]);
  });

  it("check of a workbook with stored explanations: zod, in the reader only", () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([["甲"]]), "数据");
    const rows = [
      [...EXPLANATION_SHEET.header],
      [
        "数据",
        "A1",
        "LOAN-DAYS",
        "借据约定算头算尾，见第12页",
        "2025-03-01T09:30:00.000Z",
      ],
    ];
    XLSX.utils.book_append_sheet(
      wb,
      XLSX.utils.aoa_to_sheet(rows),
      EXPLANATION_SHEET.name,
    );
    const file = path.join(dir, "explained.xlsx");
    XLSX.writeFile(wb, file);
    expect(loads("check", file, "--json")).toEqual(["reader zod"]);
  });

  it("--help: nothing", () => {
    expect(loads("--help")).toEqual([]);
  });
});
