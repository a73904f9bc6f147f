/** The application package (core/check/package.ts): grouping by enterprise, PACKAGE-TABLES, PACKAGE-DIRECTION, MERGE-CONTRACT-DUP. */
import { checkPackages, groupPackages } from "../../../src/core/check/package";
import { checkWorkbook } from "../../../src/core/check/engine";
import { info, NAME } from "../../helpers/package";
import { dateCell, loanRow, tableSheet, workbookOf } from "../../helpers/sheet";

const LOAN_INFO = info("产业链贷款贴息", "产业链贷款贴息（碳基新材料产业链）");

/** The package facts of a workbook of the given sheets. */
function file(name: string, ...sheets: Parameters<typeof workbookOf>[0]) {
  return {
    file: name,
    facts: checkWorkbook(workbookOf(sheets, name)).package!,
  };
}

const brief = (f: {
  file: string;
  sheet: string;
  cell?: string;
  rule: string;
  severity: string;
}) => [f.file, f.sheet, f.cell, f.rule, f.severity];

describe("groupPackages", () => {
  it("groups files by normalised 企业名称 (有限责任公司 = 有限公司, spaces); a file naming no enterprise is alone", () => {
    const groups = groupPackages([
      {
        file: "a",
        facts: {
          enterprise: "山西甲有限责任公司",
          applications: [],
          details: [],
          contracts: [],
        },
      },
      {
        file: "b",
        facts: {
          enterprise: "山西 乙有限公司",
          applications: [],
          details: [],
          contracts: [],
        },
      },
      {
        file: "c",
        facts: {
          enterprise: "山西甲有限公司",
          applications: [],
          details: [],
          contracts: [],
        },
      },
      { file: "d", facts: { applications: [], details: [], contracts: [] } },
      { file: "e", facts: { applications: [], details: [], contracts: [] } },
    ]);
    expect(groups.map((g) => [g.enterprise, g.files])).toEqual([
      ["山西甲有限责任公司", [0, 2]],
      ["山西 乙有限公司", [1]],
      ["", [3]],
      ["", [4]],
    ]);
  });
});

describe("PACKAGE-TABLES", () => {
  it("passes when the T1 of a 产业链贷款贴息 application is in another file of the same enterprise", () => {
    const { findings } = checkPackages([
      file("情况表.xlsx", tableSheet("project-info", [LOAN_INFO])),
      file("贷款.xlsx", tableSheet("loan-interest", [loanRow(1)])),
    ]);
    expect(findings).toEqual([]);
  });

  it("warns at the 申报方向 cell when no file of the enterprise holds the direction's table", () => {
    const { findings } = checkPackages([
      file("情况表.xlsx", tableSheet("project-info", [LOAN_INFO])),
      // Another enterprise's T1 does not count.
      file(
        "别家.xlsx",
        tableSheet("loan-interest", [
          loanRow(1, { enterpriseName: "山西别家有限公司" }),
        ]),
      ),
    ]);
    expect(findings.map(brief)).toEqual([
      ["情况表.xlsx", "项目情况表", "G4", "PACKAGE-TABLES", "warning"],
    ]);
    expect(findings[0]!.message).toBe(
      "申报方向为“产业链贷款贴息”，但本次检查的文件中没有省级重点产业链链上企业2024年度新增贷款明细表，请补交该明细表。",
    );
    expect(findings[0]!.source).toBe("附件2 四(四)");
  });

  it("融资租赁补贴 needs both T3 and its 设备明细表; one finding names the missing one", () => {
    const { findings } = checkPackages([
      file(
        "租赁.xlsx",
        tableSheet("project-info", [info("融资租赁补贴", "融资租赁补贴")]),
        tableSheet("finance-lease", [
          {
            seq: 1,
            enterpriseName: NAME,
            projectName: "设备更新项目",
            lessor: "山西融资租赁有限公司",
            contractNo: "ZL-1",
            contractAmount: 3000,
            signDate: dateCell("2024-03-01"),
          },
        ]),
      ),
    ]);
    const tables = findings.filter((f) => f.rule === "PACKAGE-TABLES");
    expect(tables.map(brief)).toEqual([
      ["租赁.xlsx", "项目情况表", "G4", "PACKAGE-TABLES", "warning"],
    ]);
    expect(tables[0]!.message).toContain("没有融资租赁设备明细表");
  });
});

describe("PACKAGE-DIRECTION", () => {
  it("passes for a T1 under 产业链贷款贴息", () => {
    const { findings } = checkPackages([
      file(
        "a.xlsx",
        tableSheet("project-info", [LOAN_INFO]),
        tableSheet("loan-interest", [loanRow(1)]),
      ),
    ]);
    expect(findings.filter((f) => f.rule === "PACKAGE-DIRECTION")).toEqual([]);
  });

  it("warns on a T1 sheet when the 情况表 applies for 保险增信补贴", () => {
    const { findings } = checkPackages([
      file(
        "a.xlsx",
        tableSheet("project-info", [info("保险增信补贴", "保险增信补贴")]),
        tableSheet("loan-interest", [loanRow(1)]),
      ),
    ]);
    const dir = findings.filter((f) => f.rule === "PACKAGE-DIRECTION");
    expect(dir.map(brief)).toEqual([
      ["a.xlsx", "新增贷款明细表", undefined, "PACKAGE-DIRECTION", "warning"],
    ]);
    expect(dir[0]!.message).toBe(
      "本表为省级重点产业链链上企业2024年度新增贷款明细表，对应申报方向“产业链贷款贴息”，而项目情况表的申报方向为“保险增信补贴”，请核对申报方向或撤下无关的表格。",
    );
  });
});

describe("MERGE-CONTRACT-DUP", () => {
  it("passes for one contract twice within one enterprise's files (LOAN-CONTRACT-DUP's business), and for the same number at another bank", () => {
    const { findings } = checkPackages([
      file("a.xlsx", tableSheet("loan-interest", [loanRow(1)])),
      file("a2.xlsx", tableSheet("loan-interest", [loanRow(1)])),
      file(
        "b.xlsx",
        tableSheet("loan-interest", [
          loanRow(1, {
            enterpriseName: "山西乙有限公司",
            bank: "中国银行阳泉分行",
          }),
        ]),
      ),
    ]);
    expect(findings.filter((f) => f.rule === "MERGE-CONTRACT-DUP")).toEqual([]);
  });

  it("warns on the later enterprise's contract cell when the same 借款合同编号 with the same bank is in two enterprises' T1", () => {
    const { findings } = checkPackages([
      file("a.xlsx", tableSheet("loan-interest", [loanRow(1)])),
      file(
        "b.xlsx",
        tableSheet("loan-interest", [
          loanRow(1, { enterpriseName: "山西乙有限公司", contractNo: "gh-1 " }),
        ]),
      ),
    ]);
    const dup = findings.filter((f) => f.rule === "MERGE-CONTRACT-DUP");
    expect(dup.map(brief)).toEqual([
      ["b.xlsx", "新增贷款明细表", "F5", "MERGE-CONTRACT-DUP", "warning"],
    ]);
    expect(dup[0]!.message).toBe(
      `借款合同编号“gh-1”（同一借款银行）也出现在“${NAME}”的文件“a.xlsx”工作表“新增贷款明细表”F5中，同一笔业务只能由一家企业申报，请核实。`,
    );
  });
});
