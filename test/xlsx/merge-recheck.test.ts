import * as path from "node:path";
import { readMergeInput } from "../../src/cli/tasks";
import { mergeFiles } from "../../src/core/merge";
import { checkWorkbook } from "../../src/core/check/engine";
import { writeMergedWorkbook } from "../../src/xlsx/merge";
import { readWorkbook } from "../../src/xlsx/read";

const SAMPLES = path.resolve(__dirname, "../../../shared/samples");

test("a merged workbook checked again: the 汇总表 is recognised, our 合并日志 and 审核结果 sheets are not read as data", async () => {
  const names = [
    "project-info-1.xlsx",
    "project-info-2.xlsx",
    "project-info-3.xls",
  ];
  const inputs = await Promise.all(
    names.map((n) => readMergeInput(path.join(SAMPLES, n), n)),
  );
  const bytes = await writeMergedWorkbook(
    mergeFiles(inputs, { unit: "太原市工业和信息化局" }),
  );
  const read = readWorkbook(bytes, "汇总表.xlsx");
  if (!read.ok) throw new Error(read.error.message);
  const report = checkWorkbook(read.workbook);
  expect(report.tables.map((t) => [t.sheet, t.table, t.rows])).toEqual([
    ["申报汇总表", "application-summary", 3],
  ]);
  expect(
    report.findings.filter((f) => ["合并日志", "审核结果"].includes(f.sheet)),
  ).toEqual([]);
});
