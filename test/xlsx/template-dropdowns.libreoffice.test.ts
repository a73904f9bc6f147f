/**
 * The dependent dropdowns of an exported template, evaluated by another program: the list rule of 所在县 (申报方向,
 * 所属行业) is `INDIRECT("TFLIST_county_"&INDEX($B:$B,ROW()))`, which must give, for the cell being validated, the
 * list of the 所在市 typed in that cell's own row. LibreOffice cannot be asked for a dropdown's items from the command
 * line, so the very formula of the file's validation is put into a cell of the same row (ROW() is then that row, as
 * for the validated cell) wrapped in TEXTJOIN, and LibreOffice recalculates it; the expected lists are the catalog's
 * (附件2 二(一): 所在县 of each 市, 申报方向 of each 专项, 所属行业 of each 行业分类).
 */
import { promises as fs } from "fs";
import JSZip from "jszip";
import * as os from "os";
import * as path from "path";
import { DEPENDENT_LISTS } from "../../src/core/catalog/enums";
import { writeTemplateWorkbook } from "../../src/xlsx/template";
import { recalcToCsv } from "../helpers/libreoffice";
import { type Typed, typeCells } from "../helpers/typeCells";

/** Columns of 项目情况表: parent → dependent column, the dependent list, and the helper column for its formula. */
const PAIRS = [
  { parent: "B", child: "C", list: "county", out: "N" },
  { parent: "F", child: "G", list: "direction", out: "O" },
  { parent: "J", child: "K", list: "industry", out: "P" },
] as const;

/** Parent values typed per row (data rows are 4–1003); row 7 is left empty. */
const ROWS: Record<number, [string, string, string]> = {
  4: ["太原市", "技术创新牵引专项", "传统优势产业"],
  5: ["大同市", "企业增量提质专项", "战略性新兴产业"],
  6: ["临汾市", "数字化智能化改造专项", "传统优势产业"],
  500: ["运城市", "绿色低碳转型专项", "战略性新兴产业"],
  1003: ["阳泉市", "集聚集约增效专项", "传统优势产业"],
};

/** The `formula1` of the data validation over `column`'s data rows in the sheet XML (unescaped). */
function validationFormula(xml: string, column: string): string {
  const m = new RegExp(
    `<dataValidation [^>]*sqref="${column}4:${column}1003"[^>]*><formula1>([^<]*)</formula1>`,
  ).exec(xml);
  if (!m) throw new Error(`no validation over ${column}4:${column}1003`);
  return m[1]!.replace(/&quot;/g, '"').replace(/&amp;/g, "&");
}

describe("dependent dropdowns of 项目情况表, evaluated by LibreOffice in each row", () => {
  let csv: string[][];
  let formulas: Record<string, string>;
  beforeAll(async () => {
    const bytes = await writeTemplateWorkbook("project-info");
    const xml = await (
      await JSZip.loadAsync(bytes)
    )
      .file("xl/worksheets/sheet1.xml")!
      .async("string");
    formulas = Object.fromEntries(
      PAIRS.map((p) => [p.child, validationFormula(xml, p.child)]),
    );
    const cells: Record<string, Typed> = {};
    for (const row of [...Object.keys(ROWS).map(Number), 7]) {
      const parents = ROWS[row];
      PAIRS.forEach((p, i) => {
        if (parents) cells[`${p.parent}${row}`] = parents[i]!;
        cells[`${p.out}${row}`] = {
          f: `_xlfn.TEXTJOIN("|",TRUE,${formulas[p.child]})`,
        };
      });
    }
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "techfund-dropdown-"));
    try {
      const file = path.join(dir, "project.xlsx");
      await fs.writeFile(file, await typeCells(bytes, cells));
      [csv] = (await recalcToCsv([file])) as [string[][]];
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  }, 180_000);

  it("the rules read the parent cell of their own row, with no relative reference", () => {
    expect(formulas).toEqual({
      C: 'INDIRECT("TFLIST_county_"&INDEX($B:$B,ROW()))',
      G: 'INDIRECT("TFLIST_direction_"&INDEX($F:$F,ROW()))',
      K: 'INDIRECT("TFLIST_industry_"&INDEX($J:$J,ROW()))',
    });
  });

  it.each(Object.entries(ROWS))(
    "row %s: each dropdown lists the values of the parent typed in that row",
    (row, parents) => {
      const cells = csv[Number(row) - 1]!;
      PAIRS.forEach((p, i) => {
        const expected = DEPENDENT_LISTS[p.list]![parents[i]!]!;
        expect(cells[p.out.charCodeAt(0) - 65]!.split("|")).toEqual([
          ...expected,
        ]);
      });
    },
  );

  it("rows next to each other get their own city's counties: 小店区 (太原市) in row 4, 平城区 (大同市) in row 5", () => {
    const county = (row: number) => csv[row - 1]![13]!.split("|");
    expect(county(4)).toContain("小店区");
    expect(county(4)).not.toContain("平城区");
    expect(county(5)).toContain("平城区");
    expect(county(5)).not.toContain("小店区");
  });

  it("a row whose parent is empty has no list (the name TFLIST_county_ does not exist)", () => {
    const cells = csv[6]!;
    for (const p of PAIRS)
      expect(cells[p.out.charCodeAt(0) - 65]).toMatch(/^(#|Err:)/);
  });
});
