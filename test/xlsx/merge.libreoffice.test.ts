/**
 * The merged workbook in a real spreadsheet program: LibreOffice opens it, recalculates every formula on load, and
 * saves the 申报汇总表 as CSV. Received texts that look like formulas must come out as the same texts (had any become a
 * formula, LibreOffice would show its result: `y`, `1`, …); long digit strings must keep every digit.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { getTable } from "../../src/core/catalog/tables";
import { mergeFiles } from "../../src/core/merge";
import { writeMergedWorkbook } from "../../src/xlsx/merge";
import { recalcToCsv } from "../helpers/libreoffice";
import { tableSheet, workbookOf } from "../helpers/sheet";

test("LibreOffice shows the received texts as texts and the layout of 附件3", async () => {
  const row = {
    seq: 7,
    city: "晋城市",
    county: "泽州县",
    devZone: '=HYPERLINK("http://x","y")',
    enterpriseName: "911401001234567890",
    special: "+cmd|' /C calc'!A0",
    direction: "-2+3",
    projectName: "@SUM(1)",
    nature: "民营企业",
    category: "战略性新兴产业",
    industry: "高端装备制造",
    contact: "冯工 13835610011",
  };
  const result = mergeFiles(
    [
      {
        fileName: "a.xlsx",
        size: 1,
        sha256: "0".repeat(64),
        read: {
          ok: true,
          workbook: workbookOf([tableSheet("project-info", [row])]),
        },
      },
    ],
    { unit: "晋城市工业和信息化局" },
  );
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "techfund-merge-lo-"));
  try {
    const file = path.join(dir, "汇总.xlsx");
    await fs.writeFile(file, await writeMergedWorkbook(result));
    const [rows] = await recalcToCsv([file]);
    expect(rows![0]![0]).toBe(getTable("application-summary").title);
    expect(rows![1]![0]).toBe("审核单位（公章）：晋城市工业和信息化局");
    expect(rows![2]).toEqual(
      getTable("application-summary").columns.map((c) => c.header),
    );
    expect(rows![3]).toEqual(["1", ...Object.values(row).slice(1).map(String)]);
    expect(rows).toHaveLength(4);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});
