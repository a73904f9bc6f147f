/**
 * The merged 汇总表 fit to stamp: wrapped cells as high as their text at columns as wide as Chinese text needs, and
 * the page printed by LibreOffice (PDF) holds every text in full; the PNG of page 1 is kept in test-artifacts/print/
 * to look at. Also the 统计 sheet: applications and 万元 sums per 所在市, 申报专项 and 申报方向.
 */
import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { mergeFiles } from "../../src/core/merge";
import { rowHeight, textWidth } from "../../src/core/template/printFit";
import { writeMergedWorkbook } from "../../src/xlsx/merge";
import { mergeInput } from "../helpers/mergeInput";
import { info } from "../helpers/package";
import { keepPngs, printedText, printToPdf } from "../helpers/pdf";
import { loanRow, tableSheet } from "../helpers/sheet";

const LONG_NAME =
  "山西省阳泉市东方新材料科技研究与高端装备制造集团股份有限公司";
const LONG_PROJECT = "产业链贷款贴息（碳基新材料产业链）";

const result = mergeFiles(
  [
    mergeInput("东方.xlsx", 1, [
      tableSheet("project-info", [
        info("产业链贷款贴息", LONG_PROJECT, {
          enterpriseName: LONG_NAME,
          contact: "王工程师（财务部负责人） 13835610011",
        }),
      ]),
      tableSheet("loan-interest", [
        loanRow(1, { enterpriseName: LONG_NAME }),
        loanRow(2, { enterpriseName: LONG_NAME }),
      ]),
    ]),
    mergeInput("西方.xlsx", 2, [
      tableSheet("project-info", [
        info("产业链人才培养奖励", "产业链人才培养奖励（碳基新材料产业链）", {
          enterpriseName: "阳泉市西方材料有限公司",
          city: "太原市",
          county: "小店区",
        }),
      ]),
    ]),
  ],
  { unit: "阳泉市工业和信息化局" },
);

let book: ExcelJS.Workbook;
let bytes: Uint8Array;
beforeAll(async () => {
  bytes = await writeMergedWorkbook(result);
  book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
});

describe("申报汇总表 for print", () => {
  it("every data cell wraps, its row is as high as its wrapped text, no column is narrower than its official width", () => {
    const ws = book.getWorksheet("申报汇总表")!;
    const widths = result.summary.layout.columnWidths.map((base, c) => {
      const w = ws.getColumn(c + 1).width!;
      expect(w).toBeGreaterThanOrEqual(base);
      return w;
    });
    for (const row of result.summary.rows) {
      const texts = widths.map((_, c) => ws.getCell(row.row + 1, c + 1).text);
      for (let c = 0; c < widths.length; c++) {
        // A cell that would not wrap must fit its column; ours all wrap.
        const { alignment } = ws.getCell(row.row + 1, c + 1).style;
        expect(alignment?.wrapText || textWidth(texts[c]!) <= widths[c]!).toBe(
          true,
        );
      }
      expect(ws.getRow(row.row + 1).height).toBeGreaterThanOrEqual(
        rowHeight(texts, widths),
      );
    }
    expect(ws.pageSetup).toMatchObject({
      orientation: "landscape",
      paperSize: 9,
      fitToWidth: 1,
      printTitlesRow: "3:3",
    });
    expect(ws.getCell("A2").text).toBe(
      "审核单位（公章）：阳泉市工业和信息化局",
    );
    expect(ws.headerFooter.oddFooter).toContain("第 &P 页，共 &N 页");
  });

  it("LibreOffice prints every text of the merged rows in full on the PDF page; page 1 is kept as a PNG", async () => {
    const tmp = await fs.mkdtemp(path.join(os.tmpdir(), "techfund-print-"));
    try {
      const file = path.join(tmp, "汇总表.xlsx");
      await fs.writeFile(file, bytes);
      const pdfFile = await printToPdf(file);
      const page = await printedText(pdfFile, 1);
      // Wrapped text is split over lines: compare without white space; each text must be there whole.
      for (const row of result.summary.rows)
        for (const cell of row.cells) {
          const text =
            cell?.v === undefined || cell.v === null
              ? ""
              : String(cell.v).replace(/\s+/g, "");
          expect({ text, printed: page.includes(text) }).toEqual({
            text,
            printed: true,
          });
        }
      expect(page).toContain("审核单位（公章）：阳泉市工业和信息化局");
      await keepPngs(pdfFile, "print", "申报汇总表", { dpi: 80, page: 1 });
    } finally {
      await fs.rm(tmp, { recursive: true, force: true });
    }
  }, 120_000);
});

describe("统计", () => {
  it("counts applications and sums the 万元 columns of each enterprise's detail tables per 所在市, 申报专项 and 申报方向", () => {
    const ws = book.getWorksheet("统计")!;
    const rows: (string | number)[][] = [];
    ws.eachRow((r) => rows.push((r.values as (string | number)[]).slice(1)));
    expect(rows[0]).toEqual([
      "统计口径",
      "名称",
      "申报项目数",
      "2024年度新增贷款金额（万元）",
      "2024年利息实际发生额（万元）",
    ]);
    // Two loans of 1000 万元 with 32.5833 万元 of interest each, under 阳泉市 / 产业链贷款贴息 only.
    expect(rows.slice(1)).toEqual([
      ["所在市", "太原市", 1, 0, 0],
      ["所在市", "阳泉市", 1, 2000, 65.1666],
      ["申报专项", "企业增量提质专项", 2, 2000, 65.1666],
      ["申报方向", "产业链人才培养奖励", 1, 0, 0],
      ["申报方向", "产业链贷款贴息", 1, 2000, 65.1666],
      ["合计", "", 2, 2000, 65.1666],
    ]);
  });
});
