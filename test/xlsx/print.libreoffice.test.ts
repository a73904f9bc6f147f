/**
 * The merged workbook's other printed sheets fit to stamp (issue 12 item 5): the 免申即享汇总表 (附件4) prints on A4
 * landscape with its header repeated and every text whole; the 审核结果 rows are as high as their wrapped text, so no
 * printed row overlaps another or cuts a message. Checked on the sheets as written (ExcelJS) and on the PDF
 * LibreOffice prints; the PNG pages are kept in test-artifacts/print/ to look at.
 */
import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { mergeFiles } from "../../src/core/merge";
import { rowHeight } from "../../src/core/template/printFit";
import { writeMergedWorkbook } from "../../src/xlsx/merge";
import { mergeInput } from "../helpers/mergeInput";
import { info } from "../helpers/package";
import { keepPngs, printedText, printToPdf } from "../helpers/pdf";
import { loanRow, tableSheet } from "../helpers/sheet";

const LONG_NAME = "山西省太原市丙新材料科技研究与高端装备制造集团股份有限公司";

/** A county's 免申即享 list with one long enterprise name and titles, and a T1 with two 错误 (long messages). */
const result = mergeFiles(
  [
    mergeInput("县汇总.xlsx", 1, [
      tableSheet(
        "exempt-summary",
        [
          {
            seq: 1,
            city: "太原市",
            county: "小店区",
            enterpriseName: LONG_NAME,
            demonstrationApplied: "绿色工厂",
            demo2024_1: "绿色工厂",
            demonstrationCount: 2,
            demonstrationCum_1: "绿色工厂（2024年）",
            demonstrationCum_2: "制造业单项冠军企业（2022年）",
            nature: "民营企业",
            industry: "新材料",
            contact: "赵敏（财务部负责人） 13700000003",
          },
        ],
        { lines: ["审核单位（公章）：小店区工信局"] },
      ),
    ]),
    mergeInput("东方.xlsx", 2, [
      tableSheet("project-info", [
        info("产业链贷款贴息", "产业链贷款贴息（碳基新材料产业链）"),
      ]),
      tableSheet("loan-interest", [
        loanRow(1, {
          purpose: "偿还股东借款及购置生产线设备，其中偿还股东借款部分约占三成",
        }),
        loanRow(2),
      ]),
    ]),
  ],
  { unit: "太原市工业和信息化局" },
);

/** Whether `text` is printed whole: its first characters found, then every other character after them, in order. */
function inOrder(page: string, text: string): boolean {
  let at = page.indexOf(text.slice(0, 8));
  if (at < 0) return false;
  for (const ch of text) {
    at = page.indexOf(ch, at);
    if (at < 0) return false;
    at += ch.length;
  }
  return true;
}

let bytes: Uint8Array;
let book: ExcelJS.Workbook;
beforeAll(async () => {
  bytes = await writeMergedWorkbook(result);
  book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
});

describe("the sheets as written", () => {
  it("免申即享汇总表: A4 landscape, one page wide, header repeated, page numbers; every data cell wraps", () => {
    expect(result.exempt?.rows).toHaveLength(1);
    const ws = book.getWorksheet("免申即享汇总表")!;
    expect(ws.pageSetup).toMatchObject({
      orientation: "landscape",
      paperSize: 9,
      fitToWidth: 1,
    });
    expect(ws.pageSetup.printTitlesRow).toMatch(/^\d+:\d+$/);
    expect(ws.headerFooter.oddFooter).toContain("第 &P 页，共 &N 页");
    const row = result.exempt!.rows[0]!.row + 1;
    const name = ws.getRow(row).values as unknown[];
    expect(name).toContain(LONG_NAME);
    ws.getRow(row).eachCell((cell) =>
      expect(cell.alignment?.wrapText).toBe(true),
    );
  });

  it("审核结果: each row as high as its wrapped text at the column widths (no printed row overlaps the next)", () => {
    const ws = book.getWorksheet("审核结果")!;
    const widths = ws.columns.map((c) => c.width ?? 8.43);
    const wraps = ws.columns.map(
      (_, c) => ws.getCell(2, c + 1).alignment?.wrapText ?? false,
    );
    let rows = 0;
    ws.eachRow((r, n) => {
      if (n === 1) return;
      const texts = widths.map((_, c) => ws.getCell(n, c + 1).text);
      expect({
        row: n,
        high: (r.height ?? 0) >= rowHeight(texts, widths, wraps),
      }).toEqual({ row: n, high: true });
      rows++;
    });
    expect(rows).toBeGreaterThanOrEqual(2);
    const messages = result.checks.flatMap((c) =>
      c.status === "ok"
        ? c.report.tables.flatMap((t) => t.findings.map((f) => f.message))
        : [],
    );
    // The LOAN-PURPOSE-EXCLUDED message is long: it must wrap over several lines, not be cut.
    expect(messages.some((m) => m.length > 60)).toBe(true);
  });
});

describe("printed by LibreOffice", () => {
  it("every text of the 免申即享汇总表 row and every 审核结果 message is whole on the PDF pages; the PNGs are kept", async () => {
    const tmp = await fs.mkdtemp(path.join(os.tmpdir(), "techfund-print2-"));
    try {
      const file = path.join(tmp, "合并.xlsx");
      await fs.writeFile(file, bytes);
      const pdfFile = await printToPdf(file);
      // Without white space (wrapped text is split over lines): each text must be there whole.
      const printed = await printedText(pdfFile);
      const squeeze = (t: string) => t.replace(/\s+/g, "");
      for (const cell of result.exempt!.rows[0]!.cells) {
        const text =
          cell?.v === undefined || cell.v === null
            ? ""
            : squeeze(String(cell.v));
        expect({ text, printed: printed.includes(text) }).toEqual({
          text,
          printed: true,
        });
      }
      const findings = result.checks.flatMap((c) =>
        c.status === "ok"
          ? [
              ...c.report.findings,
              ...c.report.tables.flatMap((t) => t.findings),
            ]
          : [],
      );
      expect(findings.length).toBeGreaterThanOrEqual(1);
      // A wrapped message's lines are printed beside the lines of the next columns (pdftotext reads across the row):
      // its characters must all be there, in order, from where it starts.
      for (const f of findings)
        expect({
          rule: f.rule,
          printed: inOrder(printed, squeeze(f.message)),
        }).toEqual({
          rule: f.rule,
          printed: true,
        });
      await keepPngs(pdfFile, "print", "合并工作簿");
    } finally {
      await fs.rm(tmp, { recursive: true, force: true });
    }
  }, 180_000);
});
