/**
 * INS-* rules (T2 保险增信补贴明细表, ../shared/spec/tables.md) through the engine, on sheets laid out as the notice
 * prints T2: title, 单位：万元, header (row 3), 合计 (row 4), data from row 5; continuation rows have an empty 序号.
 * Columns: A序号 B企业名称 C建设项目名称 D贷款额度 E贷款提款时间 F承保保险公司名称 G保险金额 H保险费率(%) I保险单号
 * J保险合同签订时间 K保单起止时间 L投保倍数 M保费发票编号 N保费金额.
 */
import {
  GOOD_INSURANCE as GOOD,
  brief,
  findingsOf,
  noticeSheet,
  workbookOf,
  type RowSpec,
} from "../../helpers/rows";
import { MESSAGES_ZH } from "../../../src/core/messages";
import { ruleByCode } from "../../../src/core/rules/registry";
import { INSURANCE_RULES } from "../../../src/core/rules/insurance";
import { checkWorkbook } from "../../../src/core/check/engine";
import { longerThanMonths } from "../../../src/core/rules/insurance";

/** A continuation row: a second invoice of the record above. */
const more = (invoiceNo: string | null, premium: number): RowSpec => ({
  seq: null,
  invoiceNo,
  premium,
});

const ins = (...rows: RowSpec[]) =>
  workbookOf(noticeSheet("insurance-credit", { rows }));
const SHEET = "保险增信补贴明细表";
const at = (cell: string, rule: string, severity: string) => ({
  sheet: SHEET,
  cell,
  rule,
  severity,
});

describe("a clean T2 table", () => {
  it("has no finding at all, with a record paid by two invoices", () => {
    // Second record: 12.5 + 12.5 = 25 万元 = 5000 × 0.5 %.
    const report = checkWorkbook(
      ins(
        GOOD,
        { ...GOOD, policyNo: "PICC-2024-002", premium: 12.5 },
        more("No.2", 12.5),
      ),
    );
    expect(report.tables[0]!.records).toBe(2);
    expect([...report.findings, ...report.tables[0]!.findings]).toEqual([]);
  });
});

describe("INS-COVERS-DRAW", () => {
  it("warns when the loan was drawn before the policy's start or after its end", () => {
    const f = findingsOf(
      ins(
        GOOD,
        { ...GOOD, policyNo: "B", drawdownDate: "2024年3月20日" },
        { ...GOOD, policyNo: "C", drawdownDate: "2025年4月2日" },
      ),
      "INS-COVERS-DRAW",
    );
    expect(f.map(brief)).toEqual([
      at("E6", "INS-COVERS-DRAW", "warning"),
      at("E7", "INS-COVERS-DRAW", "warning"),
    ]);
    expect(f[0]!.message).toContain("早于保单起始日");
    expect(f[1]!.message).toContain("晚于保单到期日");
    expect(f[0]!.quote).toContain("通过保险增信方式从银行获得固定资产贷款");
  });
  it("is silent when the drawdown falls in the policy period, its first and last day included", () => {
    expect(
      findingsOf(
        ins(
          { ...GOOD, drawdownDate: "2024年4月1日" },
          { ...GOOD, policyNo: "B", drawdownDate: "2025年3月31日" },
        ),
        "INS-COVERS-DRAW",
      ),
    ).toEqual([]);
  });
});

describe("INS-SHANXI", () => {
  it("warns on a project named after a place outside 山西", () => {
    const f = findingsOf(
      ins(GOOD, {
        ...GOOD,
        policyNo: "B",
        projectName: "内蒙古鄂尔多斯煤化工项目",
      }),
      "INS-SHANXI",
    );
    expect(f.map(brief)).toEqual([at("C6", "INS-SHANXI", "warning")]);
    expect(f[0]!.quote).toContain("用于山西省境内项目建设");
  });
  it("is silent on a project in 山西", () => {
    expect(
      findingsOf(
        ins({ ...GOOD, projectName: "晋中市榆次区年产5万吨碳纤维项目" }),
        "INS-SHANXI",
      ),
    ).toEqual([]);
  });
});

describe("INS-DRAW-YEAR", () => {
  it("reports a drawdown outside 2024 as 错误", () => {
    const f = findingsOf(
      ins(GOOD, { ...GOOD, drawdownDate: "2023年12月28日" }),
      "INS-DRAW-YEAR",
    );
    expect(f.map(brief)).toEqual([at("E6", "INS-DRAW-YEAR", "error")]);
    expect(f[0]!.quote).toContain("固定资产贷款须于2024年当年提款并付息");
  });
  it("reports a merged date once, on the area's first cell", () => {
    const rows = [
      { ...GOOD, drawdownDate: "2023年12月28日", premium: 12.5 },
      { ...more("No.2", 12.5), drawdownDate: null },
    ];
    const wb = workbookOf(
      noticeSheet("insurance-credit", { rows, merges: ["E5:E6"] }),
    );
    expect(findingsOf(wb, "INS-DRAW-YEAR").map(brief)).toEqual([
      at("E5", "INS-DRAW-YEAR", "error"),
    ]);
  });
});

describe("INS-SIGN-YEAR", () => {
  it("reports a 保险合同签订时间 outside 2024 as 错误", () => {
    const f = findingsOf(
      ins(GOOD, { ...GOOD, signDate: "2023年12月20日" }),
      "INS-SIGN-YEAR",
    );
    expect(f.map(brief)).toEqual([at("J6", "INS-SIGN-YEAR", "error")]);
    expect(f[0]!.quote).toContain("保险合同签订时间须为2024年度");
  });
});

describe("INS-PERIOD", () => {
  it("warns on an unreadable 保单起止时间 and on an end not after the start", () => {
    const wb = ins(
      GOOD,
      { ...GOOD, policyPeriod: "一年" },
      { ...GOOD, policyPeriod: "2024年4月1日至2024年4月1日" },
    );
    const f = findingsOf(wb, "INS-PERIOD");
    expect(f.map(brief)).toEqual([
      at("K6", "INS-PERIOD", "warning"),
      at("K7", "INS-PERIOD", "warning"),
    ]);
    expect(f[0]!.message).toContain("“一年”");
  });
});

describe("INS-PREMIUM-CALC", () => {
  it("warns when the premium differs from 保险金额 × 费率 by more than 1 %", () => {
    // 25.25 is exactly 1 % above 25 (passes); 25.3 is 1.2 % above.
    const wb = ins(
      { ...GOOD, premium: 25.25 },
      { ...GOOD, policyNo: "P2", premium: 25.3 },
    );
    const f = findingsOf(wb, "INS-PREMIUM-CALC");
    expect(f.map(brief)).toEqual([at("N6", "INS-PREMIUM-CALC", "warning")]);
    expect(f[0]!.message).toContain("5000万元×0.5%＝25万元");
  });
  it("adds up a record's invoices, per policy", () => {
    // Policy P1: 10 + 10 = 20 ≠ 25 → one finding on the first premium row.
    const f = findingsOf(
      ins(GOOD, { ...GOOD, policyNo: "P1", premium: 10 }, more("No.9", 10)),
      "INS-PREMIUM-CALC",
    );
    expect(f.map(brief)).toEqual([at("N6", "INS-PREMIUM-CALC", "warning")]);
    expect(f[0]!.message).toContain("2024年度支付保费金额20万元");
  });
  it("is only a 提示 for a policy longer than 13 months (the 2024 payment may be an instalment)", () => {
    const wb = ins(GOOD, {
      ...GOOD,
      policyPeriod: "2024年4月1日至2026年3月31日",
      premium: 12.5,
    });
    const f = findingsOf(wb, "INS-PREMIUM-CALC");
    expect(f.map(brief)).toEqual([at("N6", "INS-PREMIUM-CALC", "info")]);
    expect(f[0]!.message).toContain("超过13个月");
  });
  it("measures policy lengths in calendar months", () => {
    const range = (
      a: [number, number, number],
      b: [number, number, number],
    ) => ({
      start: { y: a[0], m: a[1], d: a[2] },
      end: { y: b[0], m: b[1], d: b[2] },
    });
    expect(longerThanMonths(range([2024, 3, 5], [2025, 4, 5]), 13)).toBe(false);
    expect(longerThanMonths(range([2024, 3, 5], [2025, 4, 6]), 13)).toBe(true);
    expect(longerThanMonths(range([2024, 3, 5], [2025, 3, 4]), 13)).toBe(false);
  });
});

describe("INS-PREMIUM-PAID", () => {
  it("warns on a record with a premium of 0 or none", () => {
    const wb = ins(
      GOOD,
      { ...GOOD, policyNo: "P2", premium: 0, invoiceNo: null },
      { ...GOOD, policyNo: "P3", premium: null, invoiceNo: null },
    );
    const f = findingsOf(wb, "INS-PREMIUM-PAID");
    expect(f.map(brief)).toEqual([
      at("N6", "INS-PREMIUM-PAID", "warning"),
      at("N7", "INS-PREMIUM-PAID", "warning"),
    ]);
    expect(f[1]!.message).toContain("未填写");
  });
});

describe("INS-INVOICE", () => {
  it("reports a premium without an invoice number as 错误, on continuation rows too", () => {
    const wb = ins(
      GOOD,
      { ...GOOD, policyNo: "P2", premium: 12.5 },
      more(null, 12.5),
      { ...GOOD, policyNo: "P3", invoiceNo: null },
    );
    const f = findingsOf(wb, "INS-INVOICE");
    expect(f.map(brief)).toEqual([
      at("M7", "INS-INVOICE", "error"),
      at("M8", "INS-INVOICE", "error"),
    ]);
    expect(f[0]!.quote).toContain("保费支付凭证及全额保费发票（不含中介费）");
  });
});

describe("INS-MULTIPLE", () => {
  it("warns on a 投保倍数 that is not positive", () => {
    expect(
      findingsOf(ins(GOOD, { ...GOOD, multiple: -1 }), "INS-MULTIPLE").map(
        brief,
      ),
    ).toEqual([at("L6", "INS-MULTIPLE", "warning")]);
  });
  it("shows 保险金额 ÷ 贷款额度 as a 提示 when the 倍数 is empty or another number", () => {
    // 6000 ÷ 5000 = 1.2; premium 6000 × 0.5 % = 30.
    const wb = ins(
      GOOD,
      { ...GOOD, insuredAmount: 6000, premium: 30, multiple: null },
      { ...GOOD, insuredAmount: 6000, premium: 30, multiple: 1.2 },
    );
    const f = findingsOf(wb, "INS-MULTIPLE");
    expect(f.map(brief)).toEqual([at("L6", "INS-MULTIPLE", "info")]);
    expect(f[0]!.message).toContain("6000÷5000＝1.2");
  });
});

describe("the INS rules", () => {
  it("are exactly the codes of tables.md, registered, each with a message and a seed section", () => {
    expect(INSURANCE_RULES.map((r) => r.code)).toEqual([
      "INS-DRAW-YEAR",
      "INS-SIGN-YEAR",
      "INS-PERIOD",
      "INS-COVERS-DRAW",
      "INS-SHANXI",
      "INS-PREMIUM-CALC",
      "INS-PREMIUM-PAID",
      "INS-INVOICE",
      "INS-MULTIPLE", // 投保倍数: the spec's bullet without a code
    ]);
    for (const r of INSURANCE_RULES) {
      expect(ruleByCode(r.code)).toBe(r);
      expect(MESSAGES_ZH[r.code]).toBeDefined();
      expect(r.source).toMatch(/^附件[12] /);
    }
  });
});
