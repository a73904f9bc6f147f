/**
 * LOAN-* rules (T1 新增贷款明细表, ../shared/spec/tables.md) through the engine, on sheets laid out as the notice
 * prints T1: title, 单位：万元, header (row 3), 合计 (row 4), data from row 5.
 * Columns: A序号 B企业名称 C所属省级重点产业链 D金额 E银行 F合同编号 G提款时间 H借款时限 I起息日 J止息日 K利率 L天数
 * M利息 N页码 O用途.
 */
import {
  brief,
  findingsOf,
  noticeSheet,
  workbookOf,
  type RowSpec,
  GOOD_LOAN as GOOD,
} from "../../helpers/rows";
import { MESSAGES_ZH } from "../../../src/core/messages";
import { ruleByCode } from "../../../src/core/rules/registry";
import { LOAN_RULES } from "../../../src/core/rules/loan";
import { checkWorkbook } from "../../../src/core/check/engine";
import {
  canonicalChain,
  chainOfProjectName,
  excludedPurpose,
} from "../../../src/core/rules/loan";

const loan = (...rows: RowSpec[]) =>
  workbookOf(noticeSheet("loan-interest", { rows }));
const SHEET = "新增贷款明细表";
const at = (cell: string, rule: string, severity: string) => ({
  sheet: SHEET,
  cell,
  rule,
  severity,
});

describe("a clean T1 table", () => {
  it("has no finding at all", () => {
    const report = checkWorkbook(
      loan(GOOD, { ...GOOD, contractNo: "GH-YQ-2024-0009" }),
    );
    expect(report.tables).toHaveLength(1);
    expect([...report.findings, ...report.tables[0]!.findings]).toEqual([]);
  });
});

describe("LOAN-DRAW-YEAR", () => {
  it("reports a drawdown outside 2024 as 错误 on its 贷款提款时间 cell", () => {
    const f = findingsOf(
      loan(GOOD, {
        ...GOOD,
        drawdownDate: "2023年11月30日",
        term: "2023年11月30日—2025年11月29日",
      }),
      "LOAN-DRAW-YEAR",
    );
    expect(f.map(brief)).toEqual([at("G6", "LOAN-DRAW-YEAR", "error")]);
    expect(f[0]!.message).toContain("2023年11月30日");
    expect(f[0]!.quote).toContain("新增贷款须于2024年当年提款并付息");
    expect(f[0]!.source).toBe("附件1 六(一)");
  });
});

describe("merged cells (one 企业名称/产业链/提款时间 over several loans)", () => {
  it("are reported once, on the area's first cell", () => {
    const rows = [
      {
        ...GOOD,
        chain: "煤炭产业链",
        drawdownDate: "2023年11月30日",
        term: "2023年11月30日—2025年11月29日",
      },
      { ...GOOD, contractNo: "B", chain: null, drawdownDate: null },
    ];
    const wb = workbookOf(
      noticeSheet("loan-interest", { rows, merges: ["C5:C6", "G5:G6"] }),
    );
    expect(findingsOf(wb, "LOAN-CHAIN").map(brief)).toEqual([
      at("C5", "LOAN-CHAIN", "warning"),
    ]);
    expect(findingsOf(wb, "LOAN-DRAW-YEAR").map(brief)).toEqual([
      at("G5", "LOAN-DRAW-YEAR", "error"),
    ]);
  });
});

describe("LOAN-PAID-2024", () => {
  it("reports an interest of 0 and an empty interest as 错误 (ROW-REQUIRED gives way)", () => {
    const wb = loan(
      GOOD,
      { ...GOOD, interest: 0 },
      { ...GOOD, interest: null },
    );
    expect(findingsOf(wb, "LOAN-PAID-2024").map(brief)).toEqual([
      at("M6", "LOAN-PAID-2024", "error"),
      at("M7", "LOAN-PAID-2024", "error"),
    ]);
    expect(
      findingsOf(wb, "ROW-REQUIRED").filter((f) => f.cell === "M7"),
    ).toEqual([]);
  });
});

describe("LOAN-ACCRUAL-YEAR", () => {
  it("reports a 起息日 outside 2024 (错误), a 止息日 before the 起息日 (错误), a 止息日 after 2024 (警告)", () => {
    const wb = loan(
      GOOD,
      { ...GOOD, accrualStart: "2023年12月21日", drawdownDate: "2024年1月2日" },
      { ...GOOD, accrualEnd: "2024年3月1日" },
      { ...GOOD, accrualEnd: "2025年3月4日" },
    );
    const f = findingsOf(wb, "LOAN-ACCRUAL-YEAR");
    expect(f.map(brief)).toEqual([
      at("I6", "LOAN-ACCRUAL-YEAR", "error"),
      at("J7", "LOAN-ACCRUAL-YEAR", "error"),
      at("J8", "LOAN-ACCRUAL-YEAR", "warning"),
    ]);
    expect(f[2]!.message).toContain("2025年3月4日");
  });
});

describe("LOAN-ACCRUAL-BEFORE-DRAW", () => {
  it("warns when interest starts before the drawdown", () => {
    // 2024-03-01 → 2024-09-02 is 185 days; 34.5 × 185 / 360 = 17.7292 万元 keeps the other checks quiet.
    const wb = loan(GOOD, {
      ...GOOD,
      accrualStart: "2024年3月1日",
      days: 185,
      interest: 17.7292,
    });
    const f = findingsOf(wb, "LOAN-ACCRUAL-BEFORE-DRAW");
    expect(f.map(brief)).toEqual([
      at("I6", "LOAN-ACCRUAL-BEFORE-DRAW", "warning"),
    ]);
    expect(f[0]!.message).toContain("2024年3月5日");
  });
});

describe("LOAN-DAYS", () => {
  it("accepts 止息日 − 起息日 (181) and that + 1 (182)", () => {
    // 34.5 × 182 / 360 = 17.4417 万元.
    expect(
      findingsOf(
        loan(GOOD, { ...GOOD, days: 182, interest: 17.4417 }),
        "LOAN-DAYS",
      ),
    ).toEqual([]);
  });
  it("warns on another count, showing both readings, and on a count outside 1..366", () => {
    const wb = loan(GOOD, { ...GOOD, days: 175 }, { ...GOOD, days: 400 });
    const f = findingsOf(wb, "LOAN-DAYS");
    expect(f.map(brief)).toEqual([
      at("L6", "LOAN-DAYS", "warning"),
      at("L7", "LOAN-DAYS", "warning"),
    ]);
    expect(f[0]!.message).toContain("算头不算尾为181天");
    expect(f[0]!.message).toContain("算头又算尾为182天");
    expect(f[1]!.message).toContain("1到366天");
  });
});

describe("LOAN-INTEREST-CALC", () => {
  it("accepts each of the four readings within max(0.01 万元, 1 %)", () => {
    const rows = [
      17.3458, // 34.5 × 181 / 360
      17.1082, // 34.5 × 181 / 365 = 17.10822
      17.4417, // 34.5 × 182 / 360 = 17.44167
      17.2027, // 34.5 × 182 / 365 = 17.20274
      17.6, // 1.3 % above 17.3458 but within 1 % of 17.4417 (17.4417 × 1.01 = 17.6161)
    ].map((interest, i) => ({ ...GOOD, interest, contractNo: `C-${i}` }));
    expect(findingsOf(loan(...rows), "LOAN-INTEREST-CALC")).toEqual([]);
  });
  it("warns when the interest is far from every reading, showing the 360-day value", () => {
    const f = findingsOf(
      loan(GOOD, { ...GOOD, interest: 17.7 }),
      "LOAN-INTEREST-CALC",
    );
    expect(f.map(brief)).toEqual([at("M6", "LOAN-INTEREST-CALC", "warning")]);
    // 1000 万元 × 3.45 % × 181 / 360 = 17.3458 万元
    expect(f[0]!.message).toContain("1000万元×3.45%×181天÷360＝17.3458万元");
  });
  it("leaves an interest of 0 to LOAN-PAID-2024", () => {
    expect(
      findingsOf(loan(GOOD, { ...GOOD, interest: 0 }), "LOAN-INTEREST-CALC"),
    ).toEqual([]);
  });
  it("reads a rate typed as a fraction (0.0345) as 3.45 %: no second finding beside LOAN-RATE-RANGE", () => {
    expect(
      findingsOf(loan(GOOD, { ...GOOD, rate: 0.0345 }), "LOAN-INTEREST-CALC"),
    ).toEqual([]);
  });
});

describe("LOAN-INTEREST-MIN", () => {
  it("reports a 2024 interest total under 10 万元 on the 合计 cell, leaving out loans drawn in 2023", () => {
    // 2024 rows: 500 万元 × 3.45 % × 181 / 360 = 8.6729 万元; the 2023 row's 17.3458 does not count.
    const small = { ...GOOD, principal: 500, interest: 8.6729 };
    const old = {
      ...GOOD,
      contractNo: "GH-2023",
      drawdownDate: "2023年11月30日",
      term: "2023年11月30日—2025年11月29日",
    };
    const f = findingsOf(loan(small, old), "LOAN-INTEREST-MIN");
    expect(f.map(brief)).toEqual([at("M4", "LOAN-INTEREST-MIN", "error")]);
    expect(f[0]!.message).toContain(
      "1笔新增贷款利息合计为8.6729万元，低于10万元",
    );
    expect(f[0]!.quote).toContain(
      "申报企业2024年度全部新增贷款产生的利息不得低于10万元",
    );
  });
  it("is silent at 10 万元 or more when the sum without excluded purposes is 10 万元 or more too", () => {
    // 17.3458 + 8.6729 = 26.0187 ≥ 10; without the 偿还股东借款 row: 17.3458.
    const excluded = {
      ...GOOD,
      contractNo: "GH-2",
      principal: 500,
      interest: 8.6729,
      purpose: "偿还股东借款",
    };
    const f = findingsOf(loan(GOOD, excluded), "LOAN-INTEREST-MIN");
    expect(f).toEqual([]);
  });
  it("warns when the verdict depends on the excluded rows: 10 万元 or more with them, under 10 without", () => {
    // 8.6729 + 17.3458 = 26.0187; without the 理财 row: 8.6729 < 10.
    const small = { ...GOOD, principal: 500, interest: 8.6729 };
    const f = findingsOf(
      loan(small, { ...GOOD, contractNo: "GH-2", purpose: "购买理财产品" }),
      "LOAN-INTEREST-MIN",
    );
    expect(f.map(brief)).toEqual([at("M4", "LOAN-INTEREST-MIN", "warning")]);
    expect(f[0]!.message).toContain(
      "2024年利息合计为26.0187万元，但扣除用途属于不予贴息范围的1笔贷款后为8.6729万元，低于10万元",
    );
  });
});

describe("LOAN-PURPOSE-EXCLUDED", () => {
  it("reports an excluded purpose named without negation as 错误, with the notice's sentence", () => {
    const f = findingsOf(
      loan(GOOD, { ...GOOD, purpose: "偿还股东借款及购置无人机" }),
      "LOAN-PURPOSE-EXCLUDED",
    );
    expect(f.map(brief)).toEqual([at("O6", "LOAN-PURPOSE-EXCLUDED", "error")]);
    expect(f[0]!.message).toContain("“偿还股东借款”");
    expect(f[0]!.message).toContain(
      "偿还股东借款、偿还其他银行贷款、过桥资金、金融投资、个人消费",
    );
    expect(f[0]!.quote).toContain("不予贴息");
  });
  it("does not repeat the purpose when it is exactly the excluded words", () => {
    const f = findingsOf(
      loan(GOOD, { ...GOOD, purpose: "偿还股东借款" }),
      "LOAN-PURPOSE-EXCLUDED",
    );
    expect(f[0]!.message).toMatch(
      /^贷款用途“偿还股东借款”属于不予贴息的用途（偿还股东借款）。/,
    );
  });
  it("gives a 警告 when the clause negates it (不/非/未/无/不得)", () => {
    const f = findingsOf(
      loan(GOOD, { ...GOOD, purpose: "流动资金周转，不得用于购买理财" }),
      "LOAN-PURPOSE-EXCLUDED",
    );
    expect(f.map(brief)).toEqual([
      at("O6", "LOAN-PURPOSE-EXCLUDED", "warning"),
    ]);
    expect(f[0]!.message).toContain("否定词“不得”");
  });
  it("keeps a negation of another clause from excusing an excluded purpose", () => {
    expect(excludedPurpose("非生产性支出；过桥资金")).toMatchObject({
      phrase: "过桥",
      kind: "过桥资金",
    });
    expect(excludedPurpose("非生产性支出；过桥资金")!.negation).toBeUndefined();
    expect(excludedPurpose("购置不动产")).toBeUndefined();
  });
});

describe("LOAN-PURPOSE-EMPTY", () => {
  it("reports an empty 用途 as 错误 (ROW-REQUIRED gives way)", () => {
    const wb = loan(GOOD, { ...GOOD, purpose: null });
    expect(findingsOf(wb, "LOAN-PURPOSE-EMPTY").map(brief)).toEqual([
      at("O6", "LOAN-PURPOSE-EMPTY", "error"),
    ]);
    expect(findingsOf(wb, "ROW-REQUIRED")).toEqual([]);
  });
});

describe("LOAN-CONTRACT-DUP", () => {
  it("warns on the second row with the same 合同编号 + 提款时间 + 金额, not on another drawdown of the contract", () => {
    const other = {
      ...GOOD,
      drawdownDate: "2024年3月6日",
      accrualStart: "2024年3月6日",
      days: 180,
      interest: 17.25,
    };
    const f = findingsOf(
      loan(GOOD, other, { ...GOOD, contractNo: " gh-yq-2024-0008" }),
      "LOAN-CONTRACT-DUP",
    );
    expect(f.map(brief)).toEqual([at("F7", "LOAN-CONTRACT-DUP", "warning")]);
    expect(f[0]!.message).toContain("与第5行重复");
  });
});

describe("LOAN-TERM-FORMAT", () => {
  it("warns on an unreadable range, an end not after the start, a start after the drawdown", () => {
    const wb = loan(
      GOOD,
      { ...GOOD, term: "两年" },
      { ...GOOD, term: "2025年3月4日—2024年3月5日" },
      { ...GOOD, term: "2024年4月1日—2025年3月31日" },
    );
    const f = findingsOf(wb, "LOAN-TERM-FORMAT");
    expect(f.map(brief)).toEqual([
      at("H6", "LOAN-TERM-FORMAT", "warning"),
      at("H7", "LOAN-TERM-FORMAT", "warning"),
      at("H8", "LOAN-TERM-FORMAT", "warning"),
    ]);
    expect(f[0]!.message).toContain("“两年”");
    expect(f[2]!.message).toContain("晚于贷款提款时间2024年3月5日");
  });
});

describe("LOAN-RATE-RANGE", () => {
  it("says a fraction was typed (0.0345 = 3.45 %), and warns on a rate outside 0.5–15", () => {
    const wb = loan(
      GOOD,
      { ...GOOD, rate: 0.0345 },
      { ...GOOD, rate: 20, interest: 100.5556 },
    );
    const f = findingsOf(wb, "LOAN-RATE-RANGE");
    expect(f.map(brief)).toEqual([
      at("K6", "LOAN-RATE-RANGE", "warning"),
      at("K7", "LOAN-RATE-RANGE", "warning"),
    ]);
    expect(f[0]!.message).toContain("小数形式（即3.45%）");
    expect(f[1]!.message).toContain("20%不在通常的0.5%～15%之间");
  });
  it("reads a percent-formatted cell (0.0345 shown as 3.45%) as 3.45 without a finding", () => {
    const wb = loan({ ...GOOD, rate: { v: 0.0345, z: "0.00%" } });
    expect(findingsOf(wb, "LOAN-")).toEqual([]);
  });
});

describe("LOAN-CHAIN", () => {
  const info = (projectName: string) =>
    noticeSheet("project-info", {
      rows: [
        {
          city: "阳泉市",
          county: "城区",
          enterpriseName: "阳泉市东方新材料有限公司",
          special: "企业增量提质专项",
          direction: "产业链贷款贴息",
          projectName,
          nature: "民营企业",
          category: "战略性新兴产业",
          industry: "新材料",
          contact: "张三 13800000000",
        },
      ],
    });

  it("warns on a row whose chain differs from the other rows'", () => {
    const wb = loan(
      GOOD,
      { ...GOOD, contractNo: "B" },
      { ...GOOD, contractNo: "C", chain: "光伏" },
    );
    const f = findingsOf(wb, "LOAN-CHAIN");
    expect(f.map(brief)).toEqual([at("C7", "LOAN-CHAIN", "warning")]);
    expect(f[0]!.message).toContain("与本表其他行的“碳基新材料产业链”不一致");
  });
  it("compares with the 情况表's 项目名称 and accepts a chain named without 产业链", () => {
    const rows = [
      { ...GOOD, chain: "碳基新材料" },
      { ...GOOD, contractNo: "B", chain: "光伏产业链" },
    ];
    const wb = workbookOf(
      info("产业链贷款贴息（碳基新材料产业链）"),
      noticeSheet("loan-interest", { rows }),
    );
    const f = findingsOf(wb, "LOAN-CHAIN");
    expect(f.map(brief)).toEqual([at("C6", "LOAN-CHAIN", "warning")]);
    expect(f[0]!.message).toContain("项目名称中的“碳基新材料产业链”不一致");
  });
  it("is silent when every row names the 情况表's chain", () => {
    const wb = workbookOf(
      info("产业链贷款贴息（碳基新材料产业链）"),
      noticeSheet("loan-interest", {
        rows: [GOOD, { ...GOOD, contractNo: "B" }],
      }),
    );
    expect(findingsOf(wb, "LOAN-CHAIN")).toEqual([]);
  });
  it("suggests the chain a name is close to (光伏产业 → 光伏产业链)", () => {
    const f = findingsOf(loan({ ...GOOD, chain: "光伏产业" }), "LOAN-CHAIN");
    expect(f[0]!.message).toContain("是否应为“光伏产业链”？");
  });
  it("warns on a name that is none of the 16 chains", () => {
    const f = findingsOf(loan({ ...GOOD, chain: "煤炭产业链" }), "LOAN-CHAIN");
    expect(f.map(brief)).toEqual([at("C5", "LOAN-CHAIN", "warning")]);
    expect(f[0]!.message).toContain("不是16条省级重点产业链之一");
  });
  it("reads chains in their canonical form", () => {
    expect(canonicalChain(" “光伏” ")).toBe("光伏产业链");
    expect(chainOfProjectName("产业链贷款贴息(光伏)")).toBe("光伏产业链");
    expect(chainOfProjectName("保险增信补贴")).toBeUndefined();
  });
});

describe("LOAN-SHANXI", () => {
  it("warns on a fixed-asset purpose that names a place outside 山西", () => {
    const f = findingsOf(
      loan(GOOD, {
        ...GOOD,
        contractNo: "B",
        purpose: "河北省唐山市生产线设备购置",
      }),
      "LOAN-SHANXI",
    );
    expect(f.map(brief)).toEqual([at("O6", "LOAN-SHANXI", "warning")]);
    expect(f[0]!.message).toContain("河北省");
    expect(f[0]!.quote).toContain("固定资产贷款须投向山西省境内");
  });
  it("is silent on a place in 山西, and on a purpose that is no fixed asset", () => {
    expect(
      findingsOf(
        loan(
          { ...GOOD, purpose: "山西省阳泉市城区厂房建设" },
          { ...GOOD, contractNo: "B", purpose: "支付北京供应商货款" },
        ),
        "LOAN-SHANXI",
      ),
    ).toEqual([]);
  });
});

describe("LOAN-PAGE", () => {
  it("warns on an empty 页码", () => {
    expect(
      findingsOf(loan(GOOD, { ...GOOD, pages: null }), "LOAN-PAGE").map(brief),
    ).toEqual([at("N6", "LOAN-PAGE", "warning")]);
  });
});

describe("LOAN-SETTLE-DATE", () => {
  it("informs when the 止息日 is after 12-21 of 2024, not on 12-21 itself", () => {
    // 2024-03-05 → 2024-12-25 = 295 days, 34.5 × 295 / 360 = 28.2708 万元; → 2024-12-21 = 291 days, 27.8875 万元.
    const wb = loan(
      { ...GOOD, accrualEnd: "2024年12月21日", days: 291, interest: 27.8875 },
      {
        ...GOOD,
        contractNo: "B",
        accrualEnd: "2024年12月25日",
        days: 295,
        interest: 28.2708,
      },
    );
    const f = findingsOf(wb, "LOAN-SETTLE-DATE");
    expect(f.map(brief)).toEqual([at("J6", "LOAN-SETTLE-DATE", "info")]);
    expect(f[0]!.message).toContain("2024年12月25日");
  });
});

describe("the LOAN rules", () => {
  it("are exactly the codes of tables.md, registered, each with a message and a seed section", () => {
    expect(LOAN_RULES.map((r) => r.code)).toEqual([
      "LOAN-DRAW-YEAR",
      "LOAN-PAID-2024",
      "LOAN-ACCRUAL-YEAR",
      "LOAN-ACCRUAL-BEFORE-DRAW",
      "LOAN-DAYS",
      "LOAN-INTEREST-CALC",
      "LOAN-INTEREST-MIN",
      "LOAN-PURPOSE-EXCLUDED",
      "LOAN-PURPOSE-EMPTY",
      "LOAN-SHANXI",
      "LOAN-CONTRACT-DUP",
      "LOAN-TERM-FORMAT",
      "LOAN-RATE-RANGE",
      "LOAN-CHAIN",
      "LOAN-PAGE",
      "LOAN-SETTLE-DATE",
    ]);
    for (const r of LOAN_RULES) {
      expect(ruleByCode(r.code)).toBe(r);
      expect(MESSAGES_ZH[r.code]).toBeDefined();
      expect(r.source).toMatch(/^附件[12] /);
    }
  });
});
