/**
 * One engine: for every sample workbook (../shared/samples, and the wild files other programs wrote), the add-in's
 * check of the workbook as Excel holds it (values, formulas, number formats — read through the Office.js reader)
 * gives the report the CLI gives for the file.
 */
import * as fs from "fs";
import * as path from "path";
import { checkWorkbook } from "../../src/core/check/engine";
import { createCheckOperations } from "../../src/excel/check/operations";
import { readWorkbook } from "../../src/xlsx/read";
import { FakeExcel, installCheckFake, uninstallCheckFake } from "./checkFake";

afterEach(uninstallCheckFake);

const SAMPLES = path.resolve(__dirname, "../../../shared/samples");
const spreadsheets = (dir: string) =>
  fs
    .readdirSync(path.join(SAMPLES, dir))
    .filter((f) => /\.(xlsx|xls)$/i.test(f));
/** The files the CLI can read (a file it cannot read cannot be open in Excel either). */
const READABLE = [
  ...spreadsheets("."),
  ...spreadsheets("wild").map((f) => `wild/${f}`),
].flatMap((file) => {
  const read = readWorkbook(
    fs.readFileSync(path.join(SAMPLES, file)),
    path.basename(file),
  );
  return read.ok ? [{ file, workbook: read.workbook }] : [];
});

describe("the pane's findings are the CLI's", () => {
  it("covers the samples", () => {
    expect(READABLE.map((r) => r.file)).toEqual(
      expect.arrayContaining([
        "loan-handmade.xlsx",
        "project-info-1.xlsx",
        "project-info-3.xls",
      ]),
    );
  });

  it.each(READABLE.map((r) => [r.file, r.workbook] as const))(
    "%s",
    async (_file, workbook) => {
      // Excel does not say whether a workbook uses the 1904 date system: the add-in reads dates in the 1900 system.
      const wb = { ...workbook, date1904: false };
      installCheckFake(FakeExcel.of(wb));
      expect(await createCheckOperations().checkWorkbook()).toEqual(
        checkWorkbook(wb),
      );
    },
  );
});
