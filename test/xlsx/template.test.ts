/**
 * The exported templates read back by other tools: SheetJS for cells, merges, formulas, formats and
 * defined names; the raw sheet XML (JSZip) for what SheetJS does not expose (data validations,
 * borders, frozen panes, print setup).
 */
import * as XLSX from "@e965/xlsx";
import JSZip from "jszip";
import {
  CHAINS,
  COUNTIES_BY_CITY,
  DIRECTIONS_BY_SPECIAL,
  ENUMS,
  type EnumId,
} from "../../src/core/catalog/enums";
import { markName, parseMarkName } from "../../src/core/catalog/mark";
import {
  CATALOG_VERSION,
  getTable,
  TABLES,
} from "../../src/core/catalog/tables";
import type { TableId } from "../../src/core/catalog/types";
import { a1, columnLetters, parseA1 } from "../../src/core/model/grid";
import { rangeAddress } from "../../src/core/model/grid";
import { layoutTemplate } from "../../src/core/template";
import {
  templateFileName,
  writeTemplateWorkbook,
} from "../../src/xlsx/template";

interface ReadBack {
  wb: XLSX.WorkBook;
  zip: JSZip;
}

async function readBack(bytes: Uint8Array): Promise<ReadBack> {
  const wb = XLSX.read(bytes, {
    type: "array",
    sheetStubs: true,
    cellNF: true,
    cellFormula: true,
    cellStyles: true,
  });
  return { wb, zip: await JSZip.loadAsync(bytes) };
}

function decode(xml: string): string {
  return xml
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:]+)="([^"]*)"/g))
    out[m[1]!] = decode(m[2]!);
  return out;
}

/** The XML of a worksheet, found by its name through workbook.xml and its relationships. */
async function sheetXml({ zip }: ReadBack, name: string): Promise<string> {
  const book = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const sheet = [...book.matchAll(/<sheet [^>]*>/g)]
    .map((m) => attributes(m[0]))
    .find((a) => a.name === name);
  const rel = [...rels.matchAll(/<Relationship [^>]*>/g)]
    .map((m) => attributes(m[0]))
    .find((a) => a.Id === sheet?.["r:id"]);
  return zip
    .file(`xl/${rel!.Target!.replace(/^\/?xl\//, "")}`)!
    .async("string");
}

interface XmlValidation {
  attrs: Record<string, string>;
  formula1?: string;
  formula2?: string;
}

function validationsOf(xml: string): XmlValidation[] {
  return [
    ...xml.matchAll(
      /<dataValidation\b([^>]*?)(?:\/>|>([\s\S]*?)<\/dataValidation>)/g,
    ),
  ].map((m) => {
    const f1 = /<formula1>([\s\S]*?)<\/formula1>/.exec(m[2] ?? "")?.[1];
    const f2 = /<formula2>([\s\S]*?)<\/formula2>/.exec(m[2] ?? "")?.[1];
    return {
      attrs: attributes(m[1]!),
      ...(f1 !== undefined ? { formula1: decode(f1) } : {}),
      ...(f2 !== undefined ? { formula2: decode(f2) } : {}),
    };
  });
}

/** The `s` (style index) of every cell element of a sheet, by A1 address. */
function cellStyles(xml: string): Map<string, number> {
  return new Map(
    [...xml.matchAll(/<c r="([A-Z]+\d+)"(?: s="(\d+)")?/g)].map((m) => [
      m[1]!,
      Number(m[2] ?? 0),
    ]),
  );
}

/** For each style index (cellXfs), whether its border is thin on all four sides. */
async function thinBorderedStyles({ zip }: ReadBack): Promise<boolean[]> {
  const styles = await zip.file("xl/styles.xml")!.async("string");
  const borders = [
    .../<borders[^>]*>([\s\S]*?)<\/borders>/
      .exec(styles)![1]!
      .matchAll(/<border\b[\s\S]*?<\/border>|<border\/>/g),
  ].map((m) =>
    ["left", "right", "top", "bottom"].every((side) =>
      new RegExp(`<${side} style="thin"`).test(m[0]),
    ),
  );
  const xfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)![1]!;
  return [...xfs.matchAll(/<xf [^>]*>/g)].map(
    (m) => borders[Number(attributes(m[0]).borderId)] === true,
  );
}

function text(ws: XLSX.WorkSheet, address: string): string | undefined {
  const cell = ws[address] as XLSX.CellObject | undefined;
  return cell?.v === undefined ? undefined : String(cell.v);
}

function cellOf(
  ws: XLSX.WorkSheet,
  address: string,
): XLSX.CellObject | undefined {
  return ws[address] as XLSX.CellObject | undefined;
}

/** Values of a defined name's range (one column) in the list sheet. */
function listValues(wb: XLSX.WorkBook, name: string): string[] {
  const ref = wb.Workbook!.Names!.find((n) => n.Name === name)!.Ref;
  const [sheet, range] = ref.split("!") as [string, string];
  const [from, to] = range.split(":").map((x) => parseA1(x)) as [
    { r: number; c: number },
    { r: number; c: number },
  ];
  const ws = wb.Sheets[sheet.replace(/^'|'$/g, "")]!;
  const out: string[] = [];
  for (let r = from.r; r <= to.r; r++) out.push(text(ws, a1(r, from.c))!);
  return out;
}

describe("templateFileName", () => {
  it("is the official title, with the years of the sheets for T4/T5", () => {
    expect(templateFileName("loan-interest")).toBe(
      "省级重点产业链链上企业2024年度新增贷款明细表.xlsx",
    );
    expect(templateFileName("leader-suppliers")).toBe(
      "“链主”企业2022-2024年度协作配套企业清单.xlsx",
    );
    expect(templateFileName("member-transactions", { years: [2024] })).toBe(
      "链上企业2024年度围绕“链主”企业协作配套交易明细表.xlsx",
    );
    expect(templateFileName("leader-suppliers", { years: [2024, 2022] })).toBe(
      "“链主”企业2022、2024年度协作配套企业清单.xlsx",
    );
  });
});

describe("T1 新增贷款明细表 as an .xlsx file", () => {
  let file: ReadBack;
  let ws: XLSX.WorkSheet;
  let xml: string;
  beforeAll(async () => {
    file = await readBack(await writeTemplateWorkbook("loan-interest"));
    ws = file.wb.Sheets["新增贷款明细表"]!;
    xml = await sheetXml(file, "新增贷款明细表");
  });

  it("has the template sheet, then the hidden list sheet", () => {
    expect(file.wb.SheetNames).toEqual(["新增贷款明细表", "techfund_lists"]);
    expect(file.wb.Workbook!.Sheets!.map((s) => s.Hidden)).toEqual([0, 1]);
  });

  it("has the title, the unit line and the notice's 15 headers, merged as the notice prints them", () => {
    expect(text(ws, "A1")).toBe("省级重点产业链链上企业2024年度新增贷款明细表");
    expect(text(ws, "A2")).toBe("单位：万元");
    const headers = Array.from({ length: 15 }, (_, c) => text(ws, a1(2, c)));
    expect(headers).toEqual([
      "序号",
      "企业名称",
      "所属省级重点产业链",
      "2024年度新增贷款金额",
      "借款银行名称",
      "借款合同编号",
      "贷款提款时间",
      "借款时限",
      "2024年借款起息日（以借款借据为准）",
      "2024年借款止息日（以借款借据为准）",
      "贷款利率（%）",
      "2024年实际付息天数",
      "2024年利息实际发生额",
      "对应付息流水或利息单所在页码",
      "2024年度新增贷款用途",
    ]);
    expect(text(ws, "P3")).toBeUndefined();
    expect(ws["!merges"]!.map((m) => XLSX.utils.encode_range(m))).toEqual([
      "A1:O1",
      "A2:O2",
    ]);
  });

  it("has the 合计 row above the data rows, with SUM formulas over the 万元 columns only", () => {
    expect(text(ws, "A4")).toBe("合计");
    const formulas = Array.from(
      { length: 15 },
      (_, c) => cellOf(ws, a1(3, c))?.f,
    ).map((f, c) => (f ? `${columnLetters(c)}4=${f}` : undefined));
    expect(formulas.filter(Boolean)).toEqual([
      "D4=SUM(INDEX(D:D,ROW()+1):D1048576)",
      "M4=SUM(INDEX(M:M,ROW()+1):M1048576)",
    ]);
    expect(cellOf(ws, "D4")!.z).toBe("#,##0.00");
  });

  it("has 20 empty bordered data rows (5–24) with the column formats, and nothing below", async () => {
    const bordered = await thinBorderedStyles(file);
    const styles = cellStyles(xml);
    for (let r = 4; r <= 23; r++) {
      for (let c = 0; c < 15; c++) {
        const cell = cellOf(ws, a1(r, c));
        expect(cell?.t).toBe("z");
        expect(bordered[styles.get(a1(r, c))!]).toBe(true);
      }
    }
    expect(ws["!ref"]).toBe("A1:O24");
    expect(cellOf(ws, "A5")!.z).toBe("0");
    expect(cellOf(ws, "B5")!.z).toBe("@");
    expect(cellOf(ws, "D5")!.z).toBe("#,##0.00");
    expect(cellOf(ws, "G24")!.z).toBe('yyyy"年"m"月"d"日"');
    expect(cellOf(ws, "K5")!.z).toBe("0.00");
    expect(cellOf(ws, "L5")!.z).toBe("0");
    expect(cellOf(ws, "M24")!.z).toBe("#,##0.00");
    // Title and header are not data: the title has no border, the header has one.
    expect(bordered[styles.get("A1")!]).toBe(false);
    expect(bordered[styles.get("C3")!]).toBe(true);
  });

  it("borders rows 25–1,004 once they hold anything: a conditional format whose style has four thin edges", async () => {
    const cf =
      /<conditionalFormatting sqref="([^"]+)">([\s\S]*?)<\/conditionalFormatting>/.exec(
        xml,
      );
    expect(cf?.[1]).toBe("A25:O1004");
    expect(decode(/<formula>([^<]*)<\/formula>/.exec(cf![2]!)![1]!)).toBe(
      "COUNTA($A25:$O25)>0",
    );
    const dxfId = Number(/dxfId="(\d+)"/.exec(cf![2]!)![1]);
    const styles = await file.zip.file("xl/styles.xml")!.async("string");
    const dxf = [...styles.matchAll(/<dxf>([\s\S]*?)<\/dxf>/g)][dxfId]![1]!;
    for (const edge of ["left", "right", "top", "bottom"])
      expect(dxf).toMatch(new RegExp(`<${edge} style="thin"`));
  });

  it("has the catalog's column widths", () => {
    expect(ws["!cols"]!.map((c) => c.width)).toEqual(
      getTable("loan-interest").columns.map((c) => c.width),
    );
  });

  it("has dropdowns from the list sheet and warning-style date and number checks", () => {
    const v = new Map(validationsOf(xml).map((x) => [x.attrs.sqref!, x]));
    expect(v.get("C5:C1004")).toMatchObject({
      attrs: { type: "list", errorStyle: "warning" },
      formula1: "TFLIST_chain",
    });
    // 2024-01-01 is serial 45292 and 2024-12-31 serial 45657 in the 1900 date system.
    for (const range of ["G5:G1004", "I5:I1004", "J5:J1004"]) {
      expect(v.get(range)).toMatchObject({
        attrs: {
          type: "date",
          errorStyle: "warning",
          showErrorMessage: "1",
          showInputMessage: "1",
        },
        formula1: "45292",
        formula2: "45657",
      });
    }
    expect(v.get("G5:G1004")!.attrs.error).toContain(
      "新增贷款须于2024年当年提款并付息",
    );
    expect(v.get("D5:D1004")).toMatchObject({
      attrs: {
        type: "decimal",
        operator: "greaterThanOrEqual",
        errorStyle: "warning",
        promptTitle: "2024年度新增贷款金额",
      },
      formula1: "0",
    });
    expect(v.get("K5:K1004")).toMatchObject({
      attrs: { type: "decimal", errorStyle: "warning" },
      formula1: "0",
      formula2: "100",
    });
    expect(v.get("L5:L1004")).toMatchObject({
      attrs: { type: "whole", operator: "greaterThanOrEqual" },
      formula1: "0",
    });
    expect(v.get("H5:H1004")!.attrs).toMatchObject({
      promptTitle: "借款时限",
      prompt: "按此格式填写：X年X月X日—X年X月X日。",
    });
    expect(v.get("H5:H1004")!.attrs.type).toBeUndefined();
  });

  it("freezes the rows down to the 合计 row and prints A4 landscape, one page wide, header repeated, page numbers", () => {
    expect(xml).toMatch(
      /<pane ySplit="4" topLeftCell="A5" activePane="bottomLeft" state="frozen"\/>/,
    );
    expect(xml).toContain('<pageSetUpPr fitToPage="1"/>');
    const page = attributes(/<pageSetup [^>]*>/.exec(xml)![0]);
    expect(page).toMatchObject({
      paperSize: "9",
      orientation: "landscape",
      fitToWidth: "1",
      fitToHeight: "0",
    });
    expect(decode(/<oddFooter>(.*?)<\/oddFooter>/.exec(xml)![1]!)).toBe(
      "&C第 &P 页，共 &N 页",
    );
    const titles = file.wb.Workbook!.Names!.find(
      (n) => n.Name === "_xlnm.Print_Titles",
    );
    expect(titles).toEqual({
      Name: "_xlnm.Print_Titles",
      Sheet: 0,
      Ref: "'新增贷款明细表'!$3:$3",
    });
  });

  it("carries the mark: a name scoped to the sheet, on A1", () => {
    const marks = file.wb.Workbook!.Names!.filter((n) => parseMarkName(n.Name));
    expect(marks).toEqual([
      {
        Name: "TECHFUND_loan_interest_V1",
        Sheet: 0,
        Ref: "'新增贷款明细表'!$A$1",
      },
    ]);
    expect(CATALOG_VERSION).toBe(1);
  });

  it("has every list of the catalog in the hidden sheet, reachable by its defined name", () => {
    const names = file.wb.Workbook!.Names!;
    expect(listValues(file.wb, "TFLIST_chain")).toEqual([...CHAINS]);
    expect(listValues(file.wb, "TFLIST_chain")).toHaveLength(16);
    for (const id of Object.keys(ENUMS) as EnumId[]) {
      expect(listValues(file.wb, `TFLIST_${id}`)).toEqual([
        ...ENUMS[id].values,
      ]);
    }
    expect(listValues(file.wb, "TFLIST_direction_企业增量提质专项")).toEqual([
      ...DIRECTIONS_BY_SPECIAL["企业增量提质专项"]!,
    ]);
    expect(listValues(file.wb, "TFLIST_county_太原市")).toEqual([
      ...COUNTIES_BY_CITY["太原市"]!,
    ]);
    expect(listValues(file.wb, "TFLIST_county_太原市")).toContain("小店区");
    // Workbook-scoped, so that every template sheet's dropdowns reach them.
    expect(
      names
        .filter((n) => n.Name.startsWith("TFLIST_"))
        .every((n) => n.Sheet === undefined),
    ).toBe(true);
    expect(names.find((n) => n.Name === "TECHFUND_LISTS_V1")).toEqual({
      Name: "TECHFUND_LISTS_V1",
      Ref: "techfund_lists!$A$1",
    });
  });
});

describe("T4 “链主”企业协作配套企业清单 (one sheet per year)", () => {
  let file: ReadBack;
  beforeAll(async () => {
    file = await readBack(await writeTemplateWorkbook("leader-suppliers"));
  });

  it("has one sheet per year (2022–2024 by default), each titled with its year and marked", () => {
    expect(file.wb.SheetNames).toEqual([
      "链主协作配套企业清单2022",
      "链主协作配套企业清单2023",
      "链主协作配套企业清单2024",
      "techfund_lists",
    ]);
    expect(text(file.wb.Sheets["链主协作配套企业清单2023"]!, "A1")).toBe(
      "“链主”企业2023年度协作配套企业清单",
    );
    const marks = file.wb.Workbook!.Names!.filter(
      (n) => n.Name === markName("leader-suppliers", CATALOG_VERSION),
    );
    expect(marks).toEqual([
      {
        Name: "TECHFUND_leader_suppliers_V1",
        Sheet: 0,
        Ref: "'链主协作配套企业清单2022'!$A$1",
      },
      {
        Name: "TECHFUND_leader_suppliers_V1",
        Sheet: 1,
        Ref: "'链主协作配套企业清单2023'!$A$1",
      },
      {
        Name: "TECHFUND_leader_suppliers_V1",
        Sheet: 2,
        Ref: "'链主协作配套企业清单2024'!$A$1",
      },
    ]);
  });

  it("has the two lines, the header, and the 合 计 row below the data with sums and the dash", async () => {
    const ws = file.wb.Sheets["链主协作配套企业清单2024"]!;
    expect(text(ws, "A2")).toBe("企业名称：（公章）");
    expect(text(ws, "A3")).toBe("单位：万元");
    expect(Array.from({ length: 13 }, (_, c) => text(ws, a1(3, c)))).toEqual([
      "序号",
      "协作配套企业名称",
      "组织机构代码",
      "所在地",
      "所属产业链",
      "协作配套类型",
      "协作配套产品名称",
      "协作配套产品型号（或品种、批准文号等）",
      "签订合同时间",
      "合同金额",
      "已开具发票代码和发票号码",
      "已开发票金额",
      "备注",
    ]);
    expect(text(ws, "A25")).toBe("合 计");
    expect(cellOf(ws, "J25")!.f).toBe("SUM(J4:INDEX(J:J,ROW()-1))");
    expect(cellOf(ws, "L25")!.f).toBe("SUM(L4:INDEX(L:L,ROW()-1))");
    expect(text(ws, "K25")).toBe("—");
    expect(ws["!ref"]).toBe("A1:M25");
    const xml = await sheetXml(file, "链主协作配套企业清单2024");
    expect(xml).toMatch(
      /<pane ySplit="4" topLeftCell="A5" activePane="bottomLeft" state="frozen"\/>/,
    );
    const v = new Map(validationsOf(xml).map((x) => [x.attrs.sqref!, x]));
    expect(v.get("E5:E24")!.formula1).toBe("TFLIST_chain");
    expect(v.get("F5:F24")!.formula1).toBe("TFLIST_coopType");
    expect(v.get("I5:I24")).toMatchObject({
      attrs: { type: "date", operator: "greaterThanOrEqual" },
      formula1: "32874",
    });
  });

  it("writes only the years asked for", async () => {
    const one = await readBack(
      await writeTemplateWorkbook(["leader-suppliers"], { years: [2024] }),
    );
    expect(one.wb.SheetNames).toEqual([
      "链主协作配套企业清单2024",
      "techfund_lists",
    ]);
  });
});

describe("dependent dropdowns and the two-row header", () => {
  it("T6 项目情况表: 所在县, 申报方向 and 所属行业 follow the cell to their left through INDIRECT", async () => {
    const file = await readBack(await writeTemplateWorkbook("project-info"));
    const v = new Map(
      validationsOf(await sheetXml(file, "项目情况表")).map((x) => [
        x.attrs.sqref!,
        x,
      ]),
    );
    expect(v.get("B4:B1003")!.formula1).toBe("TFLIST_city");
    expect(v.get("C4:C1003")!.formula1).toBe(
      'INDIRECT("TFLIST_county_"&INDEX($B:$B,ROW()))',
    );
    expect(v.get("F4:F1003")!.formula1).toBe("TFLIST_special");
    expect(v.get("G4:G1003")!.formula1).toBe(
      'INDIRECT("TFLIST_direction_"&INDEX($F:$F,ROW()))',
    );
    expect(v.get("I4:I1003")!.formula1).toBe("TFLIST_nature");
    expect(v.get("J4:J1003")!.formula1).toBe("TFLIST_category");
    expect(v.get("K4:K1003")!.formula1).toBe(
      'INDIRECT("TFLIST_industry_"&INDEX($J:$J,ROW()))',
    );
  });

  it("T8 免申即享申报汇总表: group headers merged over their sub-columns, other headers over both rows", async () => {
    const file = await readBack(await writeTemplateWorkbook("exempt-summary"));
    const ws = file.wb.Sheets["免申即享申报汇总表"]!;
    expect(text(ws, "G3")).toBe("企业2024年度获批的国家级试点示范名称");
    expect(["G4", "H4", "I4"].map((a) => text(ws, a))).toEqual([
      "试点示范1",
      "试点示范2",
      "试点示范3",
    ]);
    expect(text(ws, "J3")).toBe(
      "企业截至2024年度累计获批的国家级试点示范数量（个）",
    );
    expect(text(ws, "K3")).toBe("企业截至2024年度累计获批的国家级试点示范名称");
    expect(text(ws, "M4")).toBe("试点示范3（试点示范名称+获批年度）");
    const merges = ws["!merges"]!.map((m) => XLSX.utils.encode_range(m));
    expect(merges).toEqual(
      expect.arrayContaining(["G3:I3", "K3:M3", "A3:A4", "J3:J4", "P3:P4"]),
    );
    expect(merges).toHaveLength(2 + 2 + 10);
    expect(
      file.wb.Workbook!.Names!.find((n) => n.Name === "_xlnm.Print_Titles")!
        .Ref,
    ).toBe("'免申即享申报汇总表'!$3:$4");
  });
});

describe.each(TABLES.map((t) => t.id))(
  "%s: the file matches the catalog and the layout",
  (id: TableId) => {
    it("title, lines, headers, 合计 formulas, formats, validations and mark", async () => {
      const table = getTable(id);
      const file = await readBack(
        await writeTemplateWorkbook(id, { years: [2024] }),
      );
      const layout = layoutTemplate(
        table,
        table.yearInTitle ? { year: 2024 } : {},
      );
      const ws = file.wb.Sheets[layout.sheetName]!;
      expect(file.wb.SheetNames).toEqual([layout.sheetName, "techfund_lists"]);
      expect(text(ws, "A1")).toBe(table.title.replace("____", "2024"));
      table.lines.forEach((line, i) =>
        expect(text(ws, a1(1 + i, 0))).toBe(line),
      );

      const bottom = layout.headerRows.last;
      const headers = table.columns.map(
        (_, c) =>
          text(ws, a1(bottom, c)) ?? text(ws, a1(layout.headerRows.first, c)),
      );
      expect(headers).toEqual(table.columns.map((c) => c.header));

      for (const cell of layout.cells.filter((x) => x.formula)) {
        expect(cellOf(ws, a1(cell.r, cell.c))!.f).toBe(cell.formula);
      }
      const sums = table.columns.filter((c) => c.sum).length;
      expect(layout.cells.filter((x) => x.formula)).toHaveLength(
        table.total === "none" ? 0 : sums,
      );

      expect(
        ws["!merges"]!.map((m) => XLSX.utils.encode_range(m)).sort(),
      ).toEqual(layout.merges.map(rangeAddress).sort());
      for (const { c, numFmt } of layout.columnFormats) {
        expect(cellOf(ws, a1(layout.dataRows.first, c))!.z).toBe(numFmt);
        expect(cellOf(ws, a1(layout.dataRows.last, c))!.z).toBe(numFmt);
      }
      const xml = await sheetXml(file, layout.sheetName);
      const written = validationsOf(xml)
        .map((v) => v.attrs.sqref)
        .sort();
      expect(written).toEqual(
        layout.validations.map((v) => rangeAddress(v.range)).sort(),
      );
      for (const v of validationsOf(xml).filter(
        (x) => x.attrs.errorStyle !== undefined,
      )) {
        expect(v.attrs.errorStyle).toBe("warning");
      }
      expect(
        file.wb.Workbook!.Names!.find((n) => n.Name === layout.markName),
      ).toEqual({
        Name: markName(id, CATALOG_VERSION),
        Sheet: 0,
        Ref: `'${layout.sheetName}'!$A$1`,
      });
    });
  },
);
