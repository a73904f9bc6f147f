/**
 * The forms in a real spreadsheet program (LibreOffice, recalculating on load): the 申请报告 forms show the 情况表 row
 * and follow a change to it; they print as one A4 page each; the 资格自检 sheet's formulas decide as the core
 * evaluator does at each threshold's boundary.
 */
import * as XLSX from "@e965/xlsx";
import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import type { Answers } from "../../src/core/eligibility/evaluate";
import { evaluateEligibility } from "../../src/core/eligibility/evaluate";
import { eligibilitySheetLayout } from "../../src/core/forms";
import {
  chineseYearMonth,
  drawForm,
  writeReportForms,
} from "../../src/xlsx/forms";
import { convertWithLibreOffice, resaveAsXlsx } from "../helpers/libreoffice";
import { A4_LANDSCAPE, A4_PORTRAIT, pageSizes } from "../helpers/pdf";

const INFO = {
  city: "太原市",
  county: "清徐县",
  enterpriseName: "山西示例制药有限公司",
  special: "技术创新牵引专项",
  direction: "新药研发和产业化（仿制药）",
  projectName: "盐酸二甲双胍缓释片",
  nature: "民营企业",
  category: "战略性新兴产业",
  industry: "现代医药",
  contact: "张三 13912345678",
};

/** LibreOffice runs take seconds, many more on a loaded machine. */
const LIBREOFFICE_TIMEOUT = 300_000;

let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), "techfund-forms-"));
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

/** Shown texts of a sheet's cells, by A1 address. */
function texts(wb: XLSX.WorkBook, sheet: string): Record<string, string> {
  const ws = wb.Sheets[sheet]!;
  const out: Record<string, string> = {};
  for (const [k, c] of Object.entries(ws))
    if (!k.startsWith("!")) out[k] = String((c as XLSX.CellObject).v ?? "");
  return out;
}

/** The value beside a label on the cover (the cell right of it). */
function beside(t: Record<string, string>, label: string): string | undefined {
  const at = Object.entries(t).find(([, v]) => v === label)?.[0];
  if (!at) return undefined;
  const { c, r } = XLSX.utils.decode_cell(at);
  return t[XLSX.utils.encode_cell({ c: c + 1, r })];
}

describe("申请报告 forms in LibreOffice", () => {
  let before: XLSX.WorkBook;
  let after: XLSX.WorkBook;
  let pdf: Buffer;
  beforeAll(async () => {
    const bytes = await writeReportForms({
      info: INFO,
      date: chineseYearMonth(2026, 2),
    });
    const first = path.join(tmp, "forms1.xlsx");
    await fs.writeFile(first, bytes);
    // The enterprise changes its 情况表 row: another direction and another contact.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const info = wb.getWorksheet("项目情况表")!;
    info.getCell("F4").value = "企业增量提质专项";
    info.getCell("G4").value = "产业链贷款贴息";
    info.getCell("H4").value = "产业链贷款贴息（光伏产业链）";
    info.getCell("L4").value = "李四（13800001111）";
    const second = path.join(tmp, "forms2.xlsx");
    await fs.writeFile(
      second,
      new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer),
    );
    const [a, b] = await resaveAsXlsx([first, second]);
    before = XLSX.read(a!, { type: "buffer" });
    after = XLSX.read(b!, { type: "buffer" });
    pdf = (await convertWithLibreOffice([first], "pdf", "pdf"))[0]!;
  }, LIBREOFFICE_TIMEOUT);

  it("has the 情况表 and the four forms, in the notice's order", () => {
    expect(before.SheetNames.slice(0, 5)).toEqual([
      "项目情况表",
      "封面",
      "承诺书",
      "现场核查表",
      "绩效目标表",
    ]);
  });

  it("the cover shows the 情况表 row, 支持方式 derived, contact split, and the 申报日期", () => {
    const t = texts(before, "封面");
    expect(
      [
        "项目单位名称：",
        "申 报 专 项：",
        "申 报 方 向：",
        "项 目 名 称：",
        "所 属 行 业：",
        "支 持 方 式：",
        "联 系 人：",
        "联 系 手 机：",
      ].map((l) => beside(t, l)),
    ).toEqual([
      "山西示例制药有限公司",
      "技术创新牵引专项",
      "新药研发和产业化（仿制药）",
      "盐酸二甲双胍缓释片",
      "现代医药",
      "奖励",
      "张三",
      "13912345678",
    ]);
    expect(Object.values(t)).toContain("二〇二六年二月");
  });

  it("the 承诺书 carries the 仿制药 promise; after the change to 产业链贷款贴息 it does not, and the cover says 贴息", () => {
    const promise =
      "对于仿制药、医疗器械获得奖励的品种，自取得注册批件（或通过一致性评价）之日起5年内，不得以任何形式转让给非本省注册企业，否则全额退回奖励资金。";
    expect(Object.values(texts(before, "承诺书"))).toContain(promise);
    expect(Object.values(texts(after, "承诺书"))).not.toContain(promise);
    const cover = texts(after, "封面");
    expect(beside(cover, "支 持 方 式：")).toBe("贴息");
    expect(beside(cover, "申 报 方 向：")).toBe("产业链贷款贴息");
    expect(beside(cover, "联 系 人：")).toBe("李四");
    expect(beside(cover, "联 系 手 机：")).toBe("13800001111");
    expect(beside(texts(after, "现场核查表"), "项目名称")).toBe(
      "产业链贷款贴息（光伏产业链）",
    );
  });

  it("prints the 情况表 on one landscape A4 page and each form on one portrait A4 page", () => {
    const boxes = pageSizes(pdf);
    expect(boxes).toEqual([
      A4_LANDSCAPE,
      A4_PORTRAIT,
      A4_PORTRAIT,
      A4_PORTRAIT,
      A4_PORTRAIT,
    ]);
  });
});

describe("资格自检 formulas decide as the core evaluator", () => {
  const cases: [string, Record<string, string | number>][] = [
    [
      "制造业营收进档奖励",
      {
        revenue2023: 200000,
        revenue2024: 230000,
        industry: "钢铁",
        legalPerson: "是",
      },
    ],
    [
      "制造业营收进档奖励",
      {
        revenue2023: 200000,
        revenue2024: 229999.99,
        industry: "食品",
        legalPerson: "否",
      },
    ],
    ["制造业营收进档奖励", { revenue2023: 1000000, revenue2024: 1150000 }],
    [
      "消费品工业营收进档奖励",
      { revenue2023: 3, revenue2024: 3.45, industry: "现代医药" },
    ],
    ["数字核心产业营收进档奖励", { revenue2023: 30000, revenue2024: 35000 }],
    ["数字核心产业营收进档奖励", { revenue2023: 30000, revenue2024: 34999.99 }],
    [
      "兼并重组奖励",
      {
        mergerInvestment: 50000,
        mergerStake: 50,
        mergerDate: 45292,
        mergerUnrelated: "是",
      },
    ],
    [
      "兼并重组奖励",
      { mergerInvestment: 49999.99, mergerStake: 49.99, mergerDate: 45291 },
    ],
    [
      "资源综合利用量奖励",
      { waste2022: 10, waste2023: 12, waste2024: 13, industry: "建材" },
    ],
    ["资源综合利用量奖励", { waste2022: 12, waste2023: 10, waste2024: 12.99 }],
    ["二氧化碳排放管理水平奖励", { co2Emission: 2.6 }],
    ["二氧化碳排放管理水平奖励", { co2Emission: 2.59 }],
    ["用水强度奖励", { waterUse: 500000 }],
    ["用水强度奖励", { waterUse: 499999 }],
    ["专业镇品牌价值提升（区域公共品牌宣传奖励）", { adFee: 50 }],
    ["专业镇品牌价值提升（区域公共品牌宣传奖励）", { adFee: 49.99 }],
    ["新药研发和产业化（仿制药）", { drugSales: 500 }],
    ["新药研发和产业化（全球注册认证）", { globalSales: 499.99 }],
    ["产业链贷款贴息", { interest2024: 10 }],
    ["产业链贷款贴息", { interest2024: 9.99 }],
    [
      "试点示范奖励",
      { demonstrationProgramme: "国家级绿色工厂", demoNational2024: "是" },
    ],
    ["试点示范奖励", { demonstrationProgramme: "省级专精特新企业" }],
  ];

  let sheets: { expected: string[]; shown: string[] }[];
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const layouts = cases.map(([direction, values], i) => {
      const answers: Answers = Object.fromEntries(
        Object.entries(values).map(([k, v]) => [k, { v }]),
      );
      const layout = eligibilitySheetLayout(direction, answers);
      // No cached results: what the file shows afterwards is LibreOffice's own calculation.
      drawForm(wb.addWorksheet(`case${i + 1}`), {
        ...layout,
        cells: layout.cells.map((c) => (c.formula ? { ...c, result: "" } : c)),
        validations: [],
      });
      const result = evaluateEligibility(direction, answers)!;
      return {
        layout,
        expected: [...result.results.map((r) => r.verdict), result.overall],
      };
    });
    const file = path.join(tmp, "eligibility.xlsx");
    await fs.writeFile(
      file,
      new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer),
    );
    const [saved] = await resaveAsXlsx([file]);
    const read = XLSX.read(saved!, { type: "buffer" });
    sheets = layouts.map(({ layout, expected }, i) => {
      const ws = read.Sheets[`case${i + 1}`]!;
      const shown = layout.cells
        .filter((c) => c.formula)
        .map((c) =>
          String(ws[XLSX.utils.encode_cell({ r: c.r, c: c.c })]?.v ?? ""),
        );
      return { expected, shown };
    });
  }, LIBREOFFICE_TIMEOUT);

  it.each(cases.map((c, i) => [i + 1, c[0]] as const))(
    "case %d (%s): every verdict and the overall one agree",
    (n) => {
      const { expected, shown } = sheets[n - 1]!;
      expect(shown).toEqual(expected);
    },
  );
});
