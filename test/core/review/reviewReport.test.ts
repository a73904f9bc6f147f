/** The 审核结果 layout (core/review/reviewReport.ts): the 汇总 and 审核结果 sheets as data. */
import type { Finding } from "../../../src/core/model/finding";
import type { WorkbookReport } from "../../../src/core/check/report";
import {
  fileStatus,
  findingPlace,
  REVIEW_SHEET_NAMES,
  reviewLayout,
  totalsText,
  type FileCheck,
} from "../../../src/core/review/reviewReport";

const drawYear: Finding = {
  sheet: "新增贷款明细表",
  cell: "G6",
  row: 6,
  column: "贷款提款时间",
  severity: "error",
  rule: "LOAN-DRAW-YEAR",
  message: "贷款提款时间为2023年11月30日，不在2024年",
  source: "附件1 六(一)",
};

const unrecognised: Finding = {
  sheet: "=SUM(A1)",
  severity: "info",
  rule: "TABLE-COLUMNS",
  message: "未识别为通知中的表格",
  source: "附件2、附件3、附件4 表样",
};

const loanReport: WorkbookReport = {
  file: "贷款.xlsx",
  tables: [
    {
      sheet: "新增贷款明细表",
      table: "loan-interest",
      title: "省级重点产业链链上企业2024年度新增贷款明细表",
      headerRow: 3,
      rows: 3,
      records: 3,
      totals: {
        "2024年度新增贷款金额": 3800,
        "2024年利息实际发生额": 113.3331,
      },
      findings: [drawYear],
      enterprise: "山西甲乙有限公司",
    },
  ],
  findings: [unrecognised],
  counts: { errors: 1, warnings: 0, infos: 1 },
};

const checks: FileCheck[] = [
  {
    file: "收件/贷款.xlsx",
    status: "ok",
    report: loanReport,
    explanations: [
      {
        sheet: "新增贷款明细表",
        cell: "G6",
        rule: "LOAN-DRAW-YEAR",
        text: "提款日按银行回单为2023年11月30日",
        time: "2025-03-01T09:30:00.000Z",
      },
    ],
  },
  {
    file: "收件/加密.xls",
    status: "unreadable",
    error: "文件已加密：加密.xls（请去掉密码后再提交）",
  },
];

describe("reviewLayout", () => {
  const layout = reviewLayout(checks);

  it("汇总: one row per file with enterprise, tables, totals (万元), counts, status and the reason of an unreadable file", () => {
    expect(layout.summary.name).toBe(REVIEW_SHEET_NAMES.summary);
    expect(layout.summary.columns.map((c) => c.header)).toEqual([
      "文件",
      "企业名称",
      "表格",
      "合计（万元）",
      "错误",
      "警告",
      "其中未说明",
      "提示",
      "状态",
      "说明",
    ]);
    expect(layout.summary.rows.map((r) => r.cells)).toEqual([
      [
        "收件/贷款.xlsx",
        "山西甲乙有限公司",
        "新增贷款明细表：省级重点产业链链上企业2024年度新增贷款明细表（3行）",
        "新增贷款明细表：2024年度新增贷款金额 3800万元；2024年利息实际发生额 113.3331万元",
        1,
        0,
        0,
        1,
        "有错误",
        "",
      ],
      [
        "收件/加密.xls",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "无法读取",
        "文件已加密：加密.xls（请去掉密码后再提交）",
      ],
    ]);
  });

  it("审核结果: one row per finding, 错误 first, the cell linked, the explanation beside it (a 错误 stays 错误); an unreadable file as one 错误 row", () => {
    expect(layout.findings.name).toBe(REVIEW_SHEET_NAMES.findings);
    expect(layout.findings.columns.map((c) => c.header)).toEqual([
      "文件",
      "工作表",
      "单元格",
      "列名",
      "级别",
      "规则",
      "说明",
      "通知依据",
      "企业核实性说明",
      "说明状态",
    ]);
    expect(layout.findings.rows).toEqual([
      {
        cells: [
          "收件/贷款.xlsx",
          "新增贷款明细表",
          {
            text: "G6",
            link: {
              file: "收件/贷款.xlsx",
              sheet: "新增贷款明细表",
              cell: "G6",
            },
          },
          "贷款提款时间",
          "错误",
          "LOAN-DRAW-YEAR",
          "贷款提款时间为2023年11月30日，不在2024年",
          "附件1 六(一)",
          "提款日按银行回单为2023年11月30日",
          "错误须修改",
        ],
        severity: "error",
      },
      {
        cells: [
          "收件/贷款.xlsx",
          "=SUM(A1)",
          "",
          "",
          "提示",
          "TABLE-COLUMNS",
          "未识别为通知中的表格",
          "附件2、附件3、附件4 表样",
          "",
          "",
        ],
        severity: "info",
      },
      {
        cells: [
          "收件/加密.xls",
          "",
          "",
          "",
          "错误",
          "",
          "文件已加密：加密.xls（请去掉密码后再提交）",
          "",
          "",
          "",
        ],
        severity: "error",
      },
    ]);
  });

  it("a row-level finding shows 第N行 and links to column A of that row", () => {
    const rowFinding: Finding = {
      ...drawYear,
      cell: undefined,
      column: undefined,
      rule: "SEQ",
      severity: "warning",
    };
    delete rowFinding.cell;
    const report: WorkbookReport = {
      ...loanReport,
      findings: [],
      tables: [{ ...loanReport.tables[0]!, findings: [rowFinding] }],
    };
    const row = reviewLayout([{ file: "a.xlsx", status: "ok", report }])
      .findings.rows[0]!;
    expect(row.cells[2]).toEqual({
      text: "第6行",
      link: { file: "a.xlsx", sheet: "新增贷款明细表", cell: "A6" },
    });
    expect(findingPlace(rowFinding)).toBe("第6行");
  });
});

describe("fileStatus", () => {
  it("无法读取, 有错误, 未识别到表格, 无错误", () => {
    expect(fileStatus(checks[1]!)).toBe("无法读取");
    expect(fileStatus(checks[0]!)).toBe("有错误");
    const clean = {
      ...loanReport,
      counts: { errors: 0, warnings: 2, infos: 0 },
    };
    expect(fileStatus({ file: "a", status: "ok", report: clean })).toBe(
      "无错误",
    );
    expect(
      fileStatus({ file: "a", status: "ok", report: { ...clean, tables: [] } }),
    ).toBe("未识别到表格");
  });
});

describe("totalsText", () => {
  it("万元 with at most 4 decimals, trailing zeros dropped; '' without totals", () => {
    expect(
      totalsText({ 合同金额: 0.1 + 0.2, 已开发票金额: 1200.5, 金额: 2.00004 }),
    ).toBe("合同金额 0.3万元；已开发票金额 1200.5万元；金额 2万元");
    expect(totalsText({})).toBe("");
  });
});
