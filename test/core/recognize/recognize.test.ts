import path from "path";
import { recognizeSheet } from "../../../src/core/recognize";
import { recordRows } from "../../../src/core/recognize";
import { mayBePlaceholder } from "../../../src/core/recognize/read";
import type { TableContext } from "../../../src/core/model/table";
import type { CellInput } from "../../helpers/sheet";
import {
  checkWorkbook,
  recognizeWorkbook,
} from "../../../src/core/check/engine";
import {
  loanRow,
  loadWorkbook,
  sheetFromRows,
  tableSheet,
  workbookOf,
} from "../../helpers/sheet";

const SAMPLES = path.resolve(__dirname, "../../..", "../shared/samples");

function recognised(sheet: Parameters<typeof recognizeSheet>[0]): TableContext {
  const r = recognizeSheet(sheet, false);
  if (!r.ok) throw new Error(`未识别：${JSON.stringify(r.findings)}`);
  return r.table;
}

describe("samples", () => {
  test("loan-handmade.xlsx: T1 with its header on row 3 and the 合计 above the data", () => {
    const wb = loadWorkbook(path.join(SAMPLES, "loan-handmade.xlsx"));
    const { tables, unrecognized } = recognizeWorkbook(wb);
    expect(unrecognized).toEqual([]);
    expect(tables).toHaveLength(1);
    const t = tables[0]!;
    expect(t.table.id).toBe("loan-interest");
    expect(t.headerRows).toEqual([2]);
    expect(t.totalRow).toBe(3);
    expect(t.rows.map((r) => r.row)).toEqual([4, 5, 6]);
    expect(Object.keys(t.columns)).toHaveLength(15);
    expect(t.columns.accrualStart).toBe(8);
    expect(t.rows[0]!.values.drawdownDate).toEqual({ y: 2024, m: 1, d: 16 });
    expect(t.rows[0]!.values.rate).toBe(3.45);
  });

  test("loan-handmade.xlsx: totals from expected.json", () => {
    const report = checkWorkbook(
      loadWorkbook(path.join(SAMPLES, "loan-handmade.xlsx")),
    );
    const t = report.tables[0]!;
    expect(t.headerRow).toBe(3);
    expect(t.rows).toBe(3);
    expect(t.records).toBe(3);
    expect(t.totals).toEqual({
      "2024年度新增贷款金额": 3800,
      "2024年利息实际发生额": 113.3331,
    });
    expect(t.title).toBe("省级重点产业链链上企业2024年度新增贷款明细表");
  });

  test.each([
    ["project-info-1.xlsx", "晋城市丹河精密机械有限公司"],
    ["project-info-2.xlsx", "忻州市定襄法兰制造有限公司"],
    ["project-info-3.xls", "山西晋阳现代医药有限公司"],
  ])("%s: a 项目情况表 of %s", (file, enterprise) => {
    const { tables } = recognizeWorkbook(
      loadWorkbook(path.join(SAMPLES, file)),
    );
    expect(tables.map((t) => t.table.id)).toEqual(["project-info"]);
    expect(tables[0]!.enterprise).toBe(enterprise);
    expect(tables[0]!.rows).toHaveLength(1);
    expect(tables[0]!.rows[0]!.values.enterpriseName).toBe(enterprise);
  });
});

describe("header texts as people type them", () => {
  test("spaces and line breaks in headers, a title with stray spaces", () => {
    const s = tableSheet("loan-interest", [loanRow(1)], {
      title: "省级重点产业链链上企业 2024 年度新增贷款明细表",
      headers: {
        principal: "2024 年度新增\n贷款金额",
        accrualStart: "2024年借款起息日\r\n（以借款借据为准）",
        days: "2024 年实际付息天数",
      },
    });
    const t = recognised(s);
    expect(t.table.id).toBe("loan-interest");
    expect(t.columns.principal).toBe(3);
    expect(t.columns.accrualStart).toBe(8);
    expect(t.columns.days).toBe(11);
    expect(t.extraColumns).toEqual([]);
  });

  test("half-width brackets, (%) vs （%） vs %, and the loose form without the bracketed part", () => {
    const s = tableSheet("loan-interest", [loanRow(1)], {
      headers: {
        rate: "贷款利率(%)",
        accrualStart: "2024年借款起息日(以借款借据为准)",
        accrualEnd: "2024年借款止息日",
      },
    });
    const t = recognised(s);
    expect([
      t.columns.rate,
      t.columns.accrualStart,
      t.columns.accrualEnd,
    ]).toEqual([10, 8, 9]);
    for (const rate of ["贷款利率%", "贷款利率（％）", "贷款利率 ( % )"]) {
      expect(
        recognised(
          tableSheet("loan-interest", [loanRow(1)], { headers: { rate } }),
        ).columns.rate,
      ).toBe(10);
    }
    const ins = recognised(
      tableSheet("insurance-credit", [], {
        headers: { premiumRate: "保险费率（%）" },
      }),
    );
    expect(ins.columns.premiumRate).toBe(7);
  });

  test("ASCII quotes in a T4 title; the year from the title", () => {
    const s = tableSheet("leader-suppliers", [], {
      title: '"链主"企业2023年度协作配套企业清单',
      name: "Sheet1",
    });
    const t = recognised(s);
    expect(t.table.id).toBe("leader-suppliers");
    expect(t.year).toBe(2023);
  });

  test("a year blank in the title (____) is read from the sheet name (2024 or 2024年)", () => {
    expect(
      recognised(tableSheet("member-transactions", [], { name: "2024" })).year,
    ).toBe(2024);
    expect(
      recognised(tableSheet("leader-suppliers", [], { name: "2022年" })).year,
    ).toBe(2022);
    expect(
      recognised(tableSheet("leader-suppliers", [], { name: "清单" })).year,
    ).toBeUndefined();
  });

  test("a missing optional column is no problem; an extra column is listed", () => {
    const s = tableSheet("loan-interest", [loanRow(1)], {
      headers: { pages: null },
      extraColumns: ["备注"],
    });
    const t = recognised(s);
    expect(t.columns.pages).toBeUndefined();
    expect(t.extraColumns).toEqual([{ header: "备注", col: 14 }]);
    const report = checkWorkbook(workbookOf([s]));
    const cols = report.tables[0]!.findings.filter(
      (f) => f.rule === "TABLE-COLUMNS",
    );
    expect(cols).toEqual([
      expect.objectContaining({
        severity: "info",
        row: 3,
        message: expect.stringContaining("备注（O列）"),
      }),
    ]);
  });

  test("T8's two-row header: group cells merged over their sub-columns", () => {
    const s = tableSheet("exempt-summary", [
      {
        seq: 1,
        city: "太原市",
        county: "小店区",
        enterpriseName: "山西示范科技有限公司",
        demonstrationApplied: "国家级智能制造示范工厂",
        demo2024_1: "国家级智能制造示范工厂",
        demonstrationCount: 1,
        demonstrationCum_1: "国家级智能制造示范工厂（2024年）",
      },
    ]);
    const t = recognised(s);
    expect(t.table.id).toBe("exempt-summary");
    expect(t.headerRows).toEqual([2, 3]);
    expect(t.columns).toMatchObject({
      demo2024_1: 6,
      demo2024_2: 7,
      demo2024_3: 8,
      demonstrationCount: 9,
      demonstrationCum_1: 10,
    });
    expect(t.rows.map((r) => r.row)).toEqual([4]);
    expect(t.rows[0]!.values.demonstrationCum_1).toBe(
      "国家级智能制造示范工厂（2024年）",
    );
  });

  test("T8 typed with spaces in the sub-headers (as in the notice) and without merges", () => {
    const rows = [
      ["山西省技术改造专项资金事项类项目（“免申即享”）申报汇总表"],
      ["审核单位（公章）："],
      [
        "序号",
        "所在市",
        "所在县",
        "所在开发区",
        "企业（单位）名称",
        "申报奖励的2024年度国家级试点示范名称",
        "企业 2024 年度获批的国家级试点示范名称",
        null,
        "企业截至2024年度累计获批的国家级试点示范数量（个）",
        "企业截至 2024 年度累计获批的国家级试点示范名称",
        null,
        "企业（单位）性质",
        "所属行业",
        "项目联系人及手机",
      ],
      [
        null,
        null,
        null,
        null,
        null,
        null,
        "试点示范 1",
        "试点示范 2",
        null,
        "试点示范 1 （试点示范名称+获批年度）",
        "试点示范 2 （试点示范名称+获批年度）",
      ],
      [
        1,
        "太原市",
        "小店区",
        null,
        "山西示范科技有限公司",
        "A",
        "A",
        null,
        1,
        "A（2024年）",
        null,
        "民营企业",
        "电子信息",
        "张工 13800000000",
      ],
    ];
    const t = recognised(sheetFromRows("免申即享", rows));
    expect(t.headerRows).toEqual([2, 3]);
    expect(t.columns).toMatchObject({
      demo2024_1: 6,
      demo2024_2: 7,
      demonstrationCount: 8,
      demonstrationCum_1: 9,
      demonstrationCum_2: 10,
      nature: 11,
    });
    expect(t.columns.demo2024_3).toBeUndefined();
    expect(t.rows).toHaveLength(1);
  });

  test("T8 with a single header row: the group header stands for its first sub-column", () => {
    const rows = [
      [
        "序号",
        "所在市",
        "所在县",
        "企业（单位）名称",
        "申报奖励的2024年度国家级试点示范名称",
        "企业2024年度获批的国家级试点示范名称",
        "企业截至2024年度累计获批的国家级试点示范数量（个）",
        "企业截至2024年度累计获批的国家级试点示范名称",
        "企业（单位）性质",
        "所属行业",
        "项目联系人及手机",
      ],
      [
        1,
        "太原市",
        "小店区",
        "山西示范科技有限公司",
        "A",
        "A",
        1,
        "A（2024年）",
        "民营企业",
        "电子信息",
        "张工 13800000000",
      ],
    ];
    const t = recognised(sheetFromRows("Sheet1", rows));
    expect(t.table.id).toBe("exempt-summary");
    expect(t.headerRows).toEqual([0]);
    expect(t.columns).toMatchObject({ demo2024_1: 5, demonstrationCum_1: 7 });
    expect(t.rows.map((r) => r.row)).toEqual([1]);
  });
});

describe("rows around the data", () => {
  test("合计 below (T4 `合 计`, `总计`), notes under the table, blank rows between data rows", () => {
    const supplier = (seq: number) => ({
      seq,
      supplierName: `阳泉配套${seq}有限公司`,
      contractAmount: 600,
      invoiceAmount: 550,
    });
    const s = tableSheet(
      "leader-suppliers",
      [supplier(1), supplier(2), supplier(3)],
      {
        year: 2024,
        blankBefore: { 2: 2 },
        notes: [
          "填写说明：",
          "1.本表可另附页填写，须逐页加盖申报企业公章。",
          "2.“协作配套类型”为……",
        ],
      },
    );
    const t = recognised(s);
    expect(t.rows.map((r) => r.row)).toEqual([
      s.gridRow(0),
      s.gridRow(1),
      s.gridRow(2),
    ]);
    expect(t.totalRow).toBe(s.gridRow(2) + 1);
    const s2 = tableSheet("leader-suppliers", [supplier(1)], {
      totalLabel: "总计",
      notes: ["- 填写说明：", "1.本表可另附页"],
    });
    expect(recognised(s2).totalRow).toBe(s2.gridRow(0) + 1);
    for (const totalLabel of ["合　计：", "合计（万元）"]) {
      const s3 = tableSheet("loan-interest", [], { totalLabel });
      expect(recognised(s3).totalRow).toBe(s3.headerRow + 1);
    }
  });

  test("the notice's example and placeholder rows are not data", () => {
    const s = sheetFromRows("Sheet1", [
      ["保险增信补贴明细表"],
      ["单位：万元"],
      [
        "序号",
        "企业名称",
        "建设项目名称",
        "通过保险增信方式获得固定资产贷款额度",
        "贷款提款时间",
        "承保保险公司名称",
        "保险金额",
        "保险费率(%)",
        "保险单号",
        "保险合同签订时间",
        "保单起止时间",
        "投保倍数",
        "2024 年度支付保费发票编号",
        "2024 年度支付保费金额",
      ],
      ["合计"],
      [
        1,
        null,
        null,
        null,
        null,
        "xx 保险公司",
        null,
        null,
        null,
        null,
        "x 年 x 月 x 日至 x 年 x 月 x 日",
      ],
      [],
      [2, null, null, null, null, "xx 保险公司"],
      ["..... .", null, null, null, null, "xx 保险公司"],
    ]);
    const t = recognised(s);
    expect(t.table.id).toBe("insurance-credit");
    expect(t.totalRow).toBe(3);
    expect(t.rows).toEqual([]);
  });

  test("a placeholder may start with any character the placeholder pattern allows (the pre-test misses none)", () => {
    const allowed = /^[.…⋯·。\s]$/;
    for (let code = 0; code <= 0xffff; code++) {
      if (allowed.test(String.fromCharCode(code)))
        expect([code, mayBePlaceholder(code)]).toEqual([code, true]);
    }
    expect(mayBePlaceholder("企".charCodeAt(0))).toBe(false);
  });

  test("a pre-numbered template: rows with only 序号 (or formulas showing 0) are not data", () => {
    const s = tableSheet("loan-interest", [
      loanRow(1),
      { seq: 2 },
      { seq: 3, interest: { v: 0, f: "D7*K7*L7/36000" } },
    ]);
    expect(recognised(s).rows.map((r) => r.row)).toEqual([s.gridRow(0)]);
  });

  test("hidden rows are data like any other", () => {
    const s = tableSheet("loan-interest", [loanRow(1), loanRow(2)]);
    s.hiddenRows = [s.gridRow(1)];
    expect(recognised(s).rows).toHaveLength(2);
  });
});

describe("records and merged cells", () => {
  const lease = (
    extra: Record<string, CellInput>,
  ): Record<string, CellInput> => ({
    enterpriseName: "太原重工装备有限公司",
    lessor: "山西融资租赁有限公司",
    contractAmount: 1200,
    leasePeriod: "2024年3月1日—2027年2月28日",
    ...extra,
  });

  test("T3: a 序号 merged over four rows makes one record; a merged amount is counted once", () => {
    const s = tableSheet("finance-lease", [
      lease({ seq: 1, invoiceNo: "F1", paid: 100 }),
      { invoiceNo: "F2", paid: 100 },
      { invoiceNo: "F3", paid: 100 },
      { invoiceNo: "F4", paid: 100 },
      lease({ seq: 2, contractAmount: 800, invoiceNo: "F5", paid: 50 }),
    ]);
    const seqCol = "A";
    const amountCol = "F";
    s.merges.push(
      { s: { r: s.gridRow(0), c: 0 }, e: { r: s.gridRow(3), c: 0 } },
      { s: { r: s.gridRow(0), c: 5 }, e: { r: s.gridRow(3), c: 5 } },
    );
    expect([
      s.at("seq", 0).slice(0, 1),
      s.at("contractAmount", 0).slice(0, 1),
    ]).toEqual([seqCol, amountCol]);
    const t = recognised(s);
    expect(t.rows.map((r) => [r.record, r.continuation])).toEqual([
      [0, false],
      [0, true],
      [0, true],
      [0, true],
      [1, false],
    ]);
    expect(t.rows[1]!.values.contractAmount).toBe(1200);
    expect(t.rows[1]!.merged.contractAmount).toBe(true);
    expect(recordRows(t, t.rows[2]!).map((r) => r.row)).toEqual(
      [0, 1, 2, 3].map((i) => s.gridRow(i)),
    );
    const report = checkWorkbook(workbookOf([s])).tables[0]!;
    expect(report.totals).toEqual({
      设备租赁合同额度: 2000,
      "2024年支付租赁费用金额": 450,
    });
    expect(report.records).toBe(2);
    expect(report.rows).toBe(5);
  });

  test("T2: a row with an empty 序号 directly under a numbered row continues its record", () => {
    const s = tableSheet("insurance-credit", [
      { seq: 1, enterpriseName: "甲", premium: 3 },
      { invoiceNo: "B", premium: 2 },
      { seq: 2, enterpriseName: "甲", premium: 1 },
    ]);
    expect(recognised(s).rows.map((r) => r.record)).toEqual([0, 0, 1]);
  });

  test("T1 (no continuation rows): an empty 序号 starts a record of its own", () => {
    const s = tableSheet("loan-interest", [
      loanRow(1),
      loanRow(2, { seq: null }),
    ]);
    expect(recognised(s).rows.map((r) => [r.record, r.continuation])).toEqual([
      [0, false],
      [1, false],
    ]);
  });
});

describe("which table, whose, and what is read", () => {
  const infoRow = {
    seq: 1,
    city: "太原市",
    county: "小店区",
    enterpriseName: "山西甲有限公司",
    special: "企业增量提质专项",
    direction: "保险增信补贴",
    projectName: "保险增信补贴",
    nature: "民营企业",
    category: "传统优势产业",
    industry: "化工",
    contact: "张工 13800000000",
  };

  test("项目情况表 vs 申报汇总表: by the 审核单位 / 项目申报企业 line, the title, else the 情况表", () => {
    expect(recognised(tableSheet("project-info", [infoRow])).table.id).toBe(
      "project-info",
    );
    expect(
      recognised(tableSheet("application-summary", [infoRow])).table.id,
    ).toBe("application-summary");
    expect(
      recognised(
        tableSheet("project-info", [infoRow], {
          lines: ["审核单位（公章）：太原市工信局"],
        }),
      ).table.id,
    ).toBe("application-summary");
    expect(
      recognised(
        tableSheet("project-info", [infoRow], {
          title: "项目汇总表",
          lines: [],
        }),
      ).table.id,
    ).toBe("application-summary");
    expect(
      recognised(
        tableSheet("application-summary", [infoRow], { title: "", lines: [] }),
      ).table.id,
    ).toBe("project-info");
  });

  test("a marked template is read as its table", () => {
    const s = tableSheet("project-info", [infoRow]);
    s.mark = { tableId: "application-summary", version: 1 };
    expect(recognised(s).table.id).toBe("application-summary");
  });

  test("the enterprise from `企业名称：xxx（公章）`, `项目申报企业（单位）（公章）：xxx`, or the next cell", () => {
    expect(
      recognised(
        tableSheet("leader-suppliers", [], {
          enterprise: "山西链主集团有限公司",
        }),
      ).enterprise,
    ).toBe("山西链主集团有限公司");
    expect(
      recognised(
        tableSheet("project-info", [infoRow], { enterprise: "山西甲有限公司" }),
      ).enterprise,
    ).toBe("山西甲有限公司");
    const s = tableSheet("leader-suppliers", [], {
      lines: ["企业名称（公章）：", "单位：万元"],
    });
    s.rows[1]![3] = { v: "山西链主集团有限公司" };
    expect(recognised(s).enterprise).toBe("山西链主集团有限公司");
    expect(
      recognised(tableSheet("leader-suppliers", [])).enterprise,
    ).toBeUndefined();
  });

  test("readings by column type, with notes for non-obvious readings and reasons for unreadable cells", () => {
    const s = tableSheet("loan-interest", [
      loanRow(1, {
        principal: "1,234.5",
        rate: { v: 0.0345, z: "0.00%" },
        drawdownDate: "2024.3.5",
        accrualStart: 45356,
        days: "三百天",
        term: "2024年3月5日—2025年3月4日",
      }),
    ]);
    const r = recognised(s).rows[0]!;
    expect(r.values.principal).toBe(1234.5);
    expect(r.notes.principal).toBeDefined();
    expect(r.values.rate).toBeCloseTo(3.45, 10);
    expect(r.notes.rate).toBeDefined();
    expect(r.values.drawdownDate).toEqual({ y: 2024, m: 3, d: 5 });
    expect(r.values.accrualStart).toEqual({ y: 2024, m: 3, d: 5 });
    expect(r.values.term).toEqual({
      start: { y: 2024, m: 3, d: 5 },
      end: { y: 2025, m: 3, d: 4 },
    });
    expect(r.values.days).toBeUndefined();
    expect(r.unreadable.days).toEqual({ code: "NUMBER-TEXT", text: "三百天" });
    expect(r.values.bank).toBe("中国工商银行股份有限公司阳泉分行");
  });
});

describe("sheets that are not a table", () => {
  test("required columns missing: recognised, TABLE-COLUMNS 错误 naming them", () => {
    const s = tableSheet("loan-interest", [loanRow(1)], {
      headers: { bank: null, rate: null, contractNo: null },
    });
    const report = checkWorkbook(workbookOf([s]));
    const f = report.tables[0]!.findings.filter(
      (x) => x.rule === "TABLE-COLUMNS",
    );
    expect(f).toEqual([
      expect.objectContaining({
        severity: "error",
        row: 3,
        message: expect.stringContaining("借款银行名称、贷款利率（%）"),
      }),
      expect.objectContaining({
        severity: "warning",
        row: 3,
        message: expect.stringContaining("借款合同编号"),
      }),
    ]);
  });

  test("too few columns: a likeness 警告 listing found and missing columns, not checked", () => {
    const s = sheetFromRows("贷款", [
      ["序号", "企业名称", "借款银行名称", "贷款利率", "金额"],
      [1, "甲", "工行", 3.45, 100],
    ]);
    const { tables, unrecognized } = recognizeWorkbook(workbookOf([s]));
    expect(tables).toEqual([]);
    expect(unrecognized).toEqual([
      {
        sheet: "贷款",
        findings: [
          expect.objectContaining({
            rule: "TABLE-COLUMNS",
            severity: "warning",
            row: 1,
            message: expect.stringMatching(
              /找到栏目：序号、企业名称、借款银行名称、贷款利率（%）；缺少：所属省级重点产业链、.*2024年度新增贷款用途/,
            ),
          }),
        ],
      },
    ]);
  });

  test("a notes sheet and an empty sheet: no finding, listed in otherSheets; our list sheet: not even listed", () => {
    const wb = workbookOf([
      sheetFromRows("说明", [["申报注意事项"], ["1. 请按通知要求填写"]]),
      sheetFromRows("Sheet3", []),
      sheetFromRows("techfund_lists", [
        ["所属省级重点产业链"],
        ["特钢材料产业链"],
      ]),
    ]);
    const report = checkWorkbook(wb);
    expect(report.tables).toEqual([]);
    expect(report.findings).toEqual([]);
    expect(report.otherSheets).toEqual(["说明", "Sheet3"]);
    expect(report.counts).toEqual({ errors: 0, warnings: 0, infos: 0 });
  });
});

describe("tables stacked on one sheet", () => {
  test("T4 for 2022, 2023 and 2024 one under another, each with its title, lines, 合 计 and notes", () => {
    const supplier = (seq: number, amount: number) => ({
      seq,
      supplierName: `配套${seq}`,
      invoiceAmount: amount,
    });
    const notes = [
      "填写说明：",
      "4.“备注”一栏…是否为“2024 年新增协作配套企业（年度交易金额 500 万元以上）”。",
    ];
    const parts = [2022, 2023, 2024].map((year, i) =>
      tableSheet(
        "leader-suppliers",
        [supplier(1, 100 * (i + 1)), supplier(2, 10)],
        {
          year,
          enterprise: "山西链主集团有限公司",
          notes,
        },
      ),
    );
    const rows = parts.flatMap((p) => p.rows);
    const s = sheetFromRows("协作配套企业清单", []);
    s.rows = rows;
    const { tables } = recognizeWorkbook(workbookOf([s]));
    expect(
      tables.map((t) => [
        t.table.id,
        t.year,
        t.enterprise,
        t.rows.length,
        t.rows[0]!.values.invoiceAmount,
      ]),
    ).toEqual([
      ["leader-suppliers", 2022, "山西链主集团有限公司", 2, 100],
      ["leader-suppliers", 2023, "山西链主集团有限公司", 2, 200],
      ["leader-suppliers", 2024, "山西链主集团有限公司", 2, 300],
    ]);
    const offset = parts[0]!.rows.length;
    expect(tables[1]!.headerRows).toEqual([offset + parts[1]!.headerRow]);
  });

  test("T1 followed directly by T2: the second header ends the first table", () => {
    const t1 = tableSheet("loan-interest", [loanRow(1)]);
    const t2 = tableSheet("insurance-credit", [
      { seq: 1, enterpriseName: "甲", premium: 3 },
    ]);
    const s = sheetFromRows("附件", []);
    s.rows = [...t1.rows, ...t2.rows];
    const report = checkWorkbook(workbookOf([s]));
    expect(
      report.tables.map((t) => [t.sheet, t.table, t.headerRow, t.rows]),
    ).toEqual([
      ["附件", "loan-interest", 3, 1],
      ["附件", "insurance-credit", t1.rows.length + 3, 1],
    ]);
  });
});

test("a second header line typed under the header (bracketed remainders, units) is not data", () => {
  const s = tableSheet(
    "loan-interest",
    [
      {
        principal: "（万元）",
        accrualStart: "（以借款借据为准）",
        accrualEnd: "(以借款借据为准)",
        rate: "%",
      },
      loanRow(1),
    ],
    {
      headers: {
        accrualStart: "2024年借款起息日",
        accrualEnd: "2024年借款止息日",
      },
      total: "none",
    },
  );
  const t = recognised(s);
  expect(t.rows.map((r) => r.row)).toEqual([s.gridRow(1)]);
});

test("header cells merged down over two rows: both rows are header", () => {
  const s = tableSheet("loan-interest", [{}, loanRow(1)], { total: "none" });
  const h = s.headerRow;
  for (let c = 0; c < 15; c++)
    s.merges.push({ s: { r: h, c }, e: { r: h + 1, c } });
  const t = recognised(s);
  expect(t.headerRows).toEqual([h, h + 1]);
  expect(t.rows.map((r) => r.row)).toEqual([s.gridRow(1)]);
});

test("equal date cells are read alike (read once); a serial's note depends on its format", () => {
  const s = tableSheet("loan-interest", [
    loanRow(1, { drawdownDate: "2024.3.5", accrualStart: 45356 }),
    loanRow(2, {
      drawdownDate: "2024.3.5",
      accrualStart: { v: 45356, z: "yyyy/m/d" },
    }),
    loanRow(3, { drawdownDate: "2024.3.5", accrualStart: 45356 }),
  ]);
  const rows = recognised(s).rows;
  expect(rows.map((r) => r.values.drawdownDate)).toEqual(
    [1, 2, 3].map(() => ({ y: 2024, m: 3, d: 5 })),
  );
  expect(rows.map((r) => r.values.accrualStart)).toEqual(
    [1, 2, 3].map(() => ({ y: 2024, m: 3, d: 5 })),
  );
  expect(rows.map((r) => r.notes.accrualStart !== undefined)).toEqual([
    true,
    false,
    true,
  ]);
});
