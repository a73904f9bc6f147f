/**
 * Rules of tables.md "All tables" and T9 as re-read against the notice: ROW-HIDDEN, AMOUNT-UNIT on interest and premium
 * columns, ROW-REQUIRED on our own layouts (警告, never 错误), the 关联方清单 without 序号, COMPUTE-RELATED-NAME by 字号
 * prefix. Each with a passing and a failing case asserting cell, code and severity.
 */
import type { Sheet } from "../../../src/core/model/grid";
import {
  GOOD_INSURANCE,
  GOOD_LOAN,
  brief,
  findingsOf,
  noticeSheet,
  workbookOf,
  type RowSpec,
} from "../../helpers/rows";

const T1 = "新增贷款明细表";
const loanSheet = (rows: RowSpec[], hidden?: Partial<Sheet>): Sheet => ({
  ...noticeSheet("loan-interest", { rows }),
  ...hidden,
});
const at = (sheet: string, cell: string, rule: string, severity: string) => ({
  sheet,
  cell,
  rule,
  severity,
});

describe("ROW-HIDDEN", () => {
  const rows = [
    GOOD_LOAN,
    { ...GOOD_LOAN, contractNo: "B" },
    { ...GOOD_LOAN, contractNo: "C" },
  ];
  it("names a run of hidden data rows once, as a range of its first filled column", () => {
    // Data rows are grid rows 4–6 (Excel 5–7); rows 5 and 6 (Excel 6–7) hidden.
    const f = findingsOf(
      workbookOf(loanSheet(rows, { hiddenRows: [5, 6] })),
      "ROW-HIDDEN",
    );
    expect(f.map(brief)).toEqual([at(T1, "B6", "ROW-HIDDEN", "warning")]);
    expect(f[0]!.range).toBe("B6:B7");
    expect(f[0]!.message).toContain("第6～7行（2行）是隐藏行");
  });
  it("names a hidden column with data", () => {
    // M = 2024年利息实际发生额 (grid column 12).
    const f = findingsOf(
      workbookOf(loanSheet(rows, { hiddenCols: [12] })),
      "ROW-HIDDEN",
    );
    expect(f.map(brief)).toEqual([at(T1, "M5", "ROW-HIDDEN", "warning")]);
    expect(f[0]!.range).toBe("M5:M7");
    expect(f[0]!.message).toContain("M列「2024年利息实际发生额」是隐藏列");
  });
  it("is silent when hidden rows or columns hold no data of the table", () => {
    // Grid row 1 is the 单位 line; grid column 20 is outside the table.
    expect(
      findingsOf(
        workbookOf(loanSheet(rows, { hiddenRows: [1], hiddenCols: [20] })),
        "ROW-HIDDEN",
      ),
    ).toEqual([]);
  });
});

describe("AMOUNT-UNIT on interest and premium columns", () => {
  it("warns on an interest of 82000 typed into the 万元 column beside a 1000 万元 loan", () => {
    const f = findingsOf(
      workbookOf(
        loanSheet([
          GOOD_LOAN,
          { ...GOOD_LOAN, contractNo: "B", interest: 82000 },
        ]),
      ),
      "AMOUNT-UNIT",
    );
    expect(f.map(brief)).toEqual([at(T1, "M6", "AMOUNT-UNIT", "warning")]);
    expect(f[0]!.message).toContain("8.2万元");
  });
  it("warns on a premium not smaller than its 保险金额", () => {
    const sheet = noticeSheet("insurance-credit", {
      rows: [{ ...GOOD_INSURANCE, premium: 250000 }],
    });
    const f = findingsOf(workbookOf(sheet), "AMOUNT-UNIT");
    expect(f.map(brief)).toEqual([
      at("保险增信补贴明细表", "N5", "AMOUNT-UNIT", "warning"),
    ]);
  });
  it("is silent on a plausible interest", () => {
    expect(
      findingsOf(workbookOf(loanSheet([GOOD_LOAN])), "AMOUNT-UNIT"),
    ).toEqual([]);
  });
});

describe("our own layouts (T9): ROW-REQUIRED is 警告, and the 关联方清单 has no 序号", () => {
  const service: RowSpec = {
    projectName: "算力服务",
    supplierName: "北京并行科技股份有限公司",
    supplierCode: null,
    contractNo: "HT-2024-01",
    signDate: "2024年3月1日",
    servicePeriod: "2024年3月1日—2024年12月31日",
    computeType: "智能算力",
    domestic: "是",
    framework: "MindSpore",
    use: "训练",
    contractAmount: 100,
    settlementNo: "JS-01",
    settledAmount: 100,
  };
  it("a required cell left empty on the 算力服务项目明细表 is a 警告, not an 错误", () => {
    const f = findingsOf(
      workbookOf(noticeSheet("compute-services", { rows: [service] })),
      "ROW-REQUIRED",
    );
    expect(f.map(brief)).toEqual([
      at("算力服务项目明细表", "D4", "ROW-REQUIRED", "warning"),
    ]);
    expect(f[0]!.message).toContain("通知未给出本表表样");
  });
  it("a 关联方清单 without 序号 gets no TABLE-COLUMNS, and one with a 序号 column neither", () => {
    const plain = noticeSheet("related-parties", {
      rows: [
        {
          name: "华晋集团有限公司",
          code: "91140000110014136N",
          relation: "控股股东",
        },
      ],
    });
    expect(findingsOf(workbookOf(plain), "TABLE-COLUMNS")).toEqual([]);
    const withSeq = noticeSheet("related-parties", {
      rows: [
        {
          name: "华晋集团有限公司",
          code: "91140000110014136N",
          relation: "控股股东",
        },
      ],
      extra: [{ header: "序号", values: [1] }],
    });
    expect(findingsOf(workbookOf(withSeq), "TABLE-COLUMNS")).toEqual([]);
  });
  it("COMPUTE-RELATED-NAME: a supplier whose 字号 begins with a related party's (华晋焦煤 / 华晋) → 警告", () => {
    const wb = workbookOf(
      noticeSheet("compute-services", {
        rows: [
          {
            ...service,
            supplierCode: "91110108MA01ABCD3X",
            supplierName: "华晋焦煤有限责任公司",
          },
          {
            ...service,
            contractNo: "HT-2",
            settlementNo: "JS-02",
            supplierCode: "91110108MA01ABCD3X",
          },
        ],
      }),
      noticeSheet("related-parties", {
        rows: [{ name: "华晋集团有限公司", relation: "控股股东" }],
      }),
    );
    const f = findingsOf(wb, "COMPUTE-RELATED-NAME");
    expect(f.map(brief)).toEqual([
      at("算力服务项目明细表", "C4", "COMPUTE-RELATED-NAME", "warning"),
    ]);
    expect(f[0]!.message).toContain("“华晋焦煤”");
    expect(f[0]!.quote).toContain("算力需求方与算力供给方不得存在关联关系");
  });
});
