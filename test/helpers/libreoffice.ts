/**
 * LibreOffice as an independent spreadsheet client for tests: converts workbooks to CSV with
 * `soffice --headless`, recalculating every formula on load (toolchain.md trap 10), so a test sees
 * the values a real program computes from our files.
 */
import { execFile } from "child_process";
import { existsSync, promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { promisify } from "util";

const run = promisify(execFile);

/** Candidate locations of `soffice` besides $SOFFICE and the PATH. */
const KNOWN_LOCATIONS = [
  "/usr/bin/soffice",
  "/usr/lib/libreoffice/program/soffice",
  "/opt/libreoffice/program/soffice",
  "/Applications/LibreOffice.app/Contents/MacOS/soffice",
];

/**
 * The `soffice` executable: $SOFFICE, else the first on PATH, else a known install location.
 * @throws Error naming the package to install when LibreOffice is missing (tests fail, never skip).
 */
export function findSoffice(): string {
  const candidates = [
    process.env.SOFFICE,
    ...(process.env.PATH ?? "")
      .split(path.delimiter)
      .map((dir) => path.join(dir, "soffice")),
    ...KNOWN_LOCATIONS,
  ];
  const found = candidates.find((c): c is string => !!c && existsSync(c));
  if (!found) {
    throw new Error(
      "LibreOffice (soffice) not found: install it (Debian: apt-get install -y --no-install-recommends " +
        "libreoffice-calc-nogui) or set SOFFICE to its path. These tests need a real spreadsheet client.",
    );
  }
  return found;
}

/** Profile setting: recalculate formulas on load, always (0), for OOXML and ODF files. */
const RECALC_PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/**
 * CSV filter: comma, double quote, UTF-8 (76), from line 1, raw values rather than formatted text
 * (token 9 false: 300.7501, not "300.75"), and the first sheet only.
 */
const CSV_FILTER =
  "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false";

/**
 * Converts each workbook with LibreOffice in one `soffice` run (its own profile, set to recalculate
 * on load, and its own HOME, in a temp folder).
 * @param files workbook paths; their base names must differ (the outputs are named after them)
 * @param filter the `--convert-to` argument
 * @param ext extension of the files LibreOffice writes (`csv`, `xlsx`)
 * @returns the bytes of each converted file, in the order of `files`
 * @throws Error when soffice is missing, fails, or writes nothing for a file.
 */
export async function convertWithLibreOffice(
  files: readonly string[],
  filter: string,
  ext: string,
): Promise<Buffer[]> {
  const stems = files.map((f) => path.basename(f, path.extname(f)));
  if (new Set(stems).size !== stems.length)
    throw new Error(`file names must differ: ${files.join(", ")}`);
  const soffice = findSoffice();
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), "techfund-lo-"));
  try {
    const profile = path.join(tmp, "profile");
    await fs.mkdir(path.join(profile, "user"), { recursive: true });
    await fs.writeFile(
      path.join(profile, "user", "registrymodifications.xcu"),
      RECALC_PROFILE,
    );
    const outDir = path.join(tmp, "out");
    await run(
      soffice,
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--norestore",
        "--convert-to",
        filter,
        "--outdir",
        outDir,
        ...files,
      ],
      { env: { ...process.env, HOME: tmp }, timeout: 120_000 },
    );
    return await Promise.all(
      stems.map(async (stem, i) => {
        const out = path.join(outDir, `${stem}.${ext}`);
        if (!existsSync(out))
          throw new Error(`LibreOffice wrote no .${ext} for ${files[i]}`);
        return fs.readFile(out);
      }),
    );
  } finally {
    await fs.rm(tmp, { recursive: true, force: true });
  }
}

/**
 * Opens each workbook in LibreOffice, recalculates, and returns the first sheet of each as rows of
 * cell texts (raw values).
 * @param files workbook paths with distinct base names
 */
export async function recalcToCsv(
  files: readonly string[],
): Promise<string[][][]> {
  const csvs = await convertWithLibreOffice(files, CSV_FILTER, "csv");
  return csvs.map((csv) => parseCsv(csv.toString("utf8")));
}

/**
 * Opens each workbook in LibreOffice and saves it again as .xlsx ("Calc MS Excel 2007 XML"): what
 * survives a save by another program.
 * @param files workbook paths with distinct base names
 */
export async function resaveAsXlsx(
  files: readonly string[],
): Promise<Buffer[]> {
  return convertWithLibreOffice(files, "xlsx:Calc MS Excel 2007 XML", "xlsx");
}

/** Parses RFC 4180 CSV (comma, double quotes, "" inside quotes, CRLF or LF line ends). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += ch;
  }
  if (cell !== "" || row.length > 0) rows.push([...row, cell]);
  return rows;
}
