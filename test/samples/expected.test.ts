/**
 * Acceptance on the sample workbooks (../shared/samples/expected.json): for each file, the listed findings are
 * reported (cell, rule, severity), no other 错误, and the listed totals (万元) are computed.
 */
import { promises as fs, readFileSync } from "fs";
import * as path from "path";
import { severityText } from "../../src/core/messages";
import { checkWorkbook } from "../../src/core/check/engine";
import { reportFindings } from "../../src/core/review/reviewReport";
import { readWorkbookFile } from "../../src/xlsx/node";

const SAMPLES = path.resolve(__dirname, "../../../shared/samples");

interface Expected {
  findings: { cell: string; rule: string; severity: string }[];
  totals?: Record<string, number>;
}

const expected = JSON.parse(
  readFileSync(path.join(SAMPLES, "expected.json"), "utf8"),
) as Record<string, Expected>;

/** `project-info-*` → the sample files it names. */
async function filesOf(pattern: string): Promise<string[]> {
  const re = new RegExp(
    `^${pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`,
  );
  return (await fs.readdir(SAMPLES)).filter((f) => re.test(f)).sort();
}

async function check(file: string) {
  const read = await readWorkbookFile(path.join(SAMPLES, file));
  if (!read.ok) throw new Error(read.error.message);
  return checkWorkbook(read.workbook);
}

describe("expected.json", () => {
  it("names the files it describes: loan-handmade.xlsx and project-info-1, -2, -3", async () => {
    expect(Object.keys(expected).sort()).toEqual([
      "loan-handmade.xlsx",
      "project-info-*",
    ]);
    expect(await filesOf("project-info-*")).toEqual([
      "project-info-1.xlsx",
      "project-info-2.xlsx",
      "project-info-3.xls",
    ]);
  });

  for (const [pattern, want] of Object.entries(expected)) {
    describe(pattern, () => {
      it("reports the listed findings, and no other 错误", async () => {
        const files = await filesOf(pattern);
        expect(files.length).toBeGreaterThan(0);
        const key = (f: { cell?: string; rule: string }) =>
          `${f.cell ?? ""} ${f.rule}`;
        const wantErrors = want.findings
          .filter((w) => w.severity === "错误")
          .map(key)
          .sort();
        for (const file of files) {
          const got = reportFindings(await check(file)).map((f) => ({
            cell: f.cell,
            rule: f.rule,
            severity: severityText(f.severity),
          }));
          for (const w of want.findings)
            expect({ file, got }).toEqual({
              file,
              got: expect.arrayContaining([w]),
            });
          const errors = got
            .filter((g) => g.severity === "错误")
            .map(key)
            .sort();
          expect({ file, errors }).toEqual({ file, errors: wantErrors });
        }
      });

      if (want.totals) {
        const totals = want.totals;
        it(`computes the totals ${JSON.stringify(totals)}`, async () => {
          for (const file of await filesOf(pattern)) {
            const report = await check(file);
            expect(report.tables).toHaveLength(1);
            expect(report.tables[0]!.totals).toEqual(totals);
          }
        });
      }
    });
  }

  it("loan-handmade.xlsx: 3800 万元 of new loans, 113.3331 万元 of interest; project-info-* have no 错误", async () => {
    const loan = await check("loan-handmade.xlsx");
    expect(loan.tables[0]!.totals["2024年度新增贷款金额"]).toBe(3800);
    expect(loan.tables[0]!.totals["2024年利息实际发生额"]).toBe(113.3331);
    for (const file of await filesOf("project-info-*")) {
      const report = await check(file);
      expect({
        file,
        table: report.tables[0]?.table,
        errors: report.counts.errors,
      }).toEqual({
        file,
        table: "project-info",
        errors: 0,
      });
    }
  });
});
