/**
 * SheetJS's code-page tables on demand (src/cli/codepages.ts): what it relies on in SheetJS, pinned. With the stand-in,
 * loading SheetJS and reading an .xlsx never load the tables; reading an .xls loads them; and both files read exactly
 * as with the tables loaded up front. Each case runs in a fresh Node process (SheetJS takes the tables when it loads).
 */
import { spawnSync } from "child_process";
import * as path from "path";

const REPO = path.resolve(__dirname, "../..");
const SAMPLES = path.resolve(REPO, "../shared/samples");
const XLSX_FILE = path.join(SAMPLES, "project-info-1.xlsx");
const XLS_FILE = path.join(SAMPLES, "project-info-3.xls");

interface Outcome {
  /** Whether the tables were loaded after loading SheetJS, after reading the .xlsx, after reading the .xls. */
  loaded: [boolean, boolean, boolean];
  /** Every sheet's cells as text (SheetJS's sheet_to_json), of the .xlsx and of the .xls. */
  xlsx: unknown;
  xls: unknown;
}

/** Loads SheetJS in a fresh process, with the stand-in installed first or not, and reads the two samples. */
function readSamples(onDemand: boolean): Outcome {
  const script = `
    const fs = require("fs");
    const tablesLoaded = () => Object.keys(require.cache).some((f) => f.includes("cpexcel"));
    ${onDemand ? 'require("./src/cli/codepages.ts");' : ""}
    const XLSX = require("@e965/xlsx");
    const cells = (file) => {
      const wb = XLSX.read(fs.readFileSync(file));
      return wb.SheetNames.map((n) => XLSX.utils.sheet_to_json(wb.Sheets[n], { header: 1, raw: false }));
    };
    const loaded = [tablesLoaded()];
    const xlsx = cells(${JSON.stringify(XLSX_FILE)});
    loaded.push(tablesLoaded());
    const xls = cells(${JSON.stringify(XLS_FILE)});
    loaded.push(tablesLoaded());
    process.stdout.write(JSON.stringify({ loaded, xlsx, xls }));`;
  const r = spawnSync(
    process.execPath,
    ["--require", require.resolve("tsx/cjs"), "-e", script],
    { cwd: REPO, encoding: "utf8" },
  );
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as Outcome;
}

describe("SheetJS's code-page tables on demand", () => {
  it("are not loaded with SheetJS nor for an .xlsx, are for an .xls, and every file reads as with them up front", () => {
    const lazy = readSamples(true);
    const eager = readSamples(false);
    expect(lazy.loaded).toEqual([false, false, true]);
    expect(eager.loaded).toEqual([true, true, true]);
    expect(lazy.xlsx).toEqual(eager.xlsx);
    expect(lazy.xls).toEqual(eager.xls);
    // The .xls sample's Chinese text (UTF-16 in the file) is decoded.
    expect(JSON.stringify(lazy.xls)).toContain("所在市");
  });
});
