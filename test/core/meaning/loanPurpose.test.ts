/**
 * Excluded loan purposes by meaning (附件1 六(一); tables.md T1 LOAN-PURPOSE-EXCLUDED): a table of 用途 texts as
 * enterprises write them, each with the kind it names (or null for an allowed purpose) and whether it is negated.
 */
import fc from "fast-check";
import { excludedLoanPurpose } from "../../../src/core/meaning";

type Row = [text: string, kind: string | null, negation?: string];

const PHRASINGS: Row[] = [
  // Repayment of bank loans: any words between the verb and the loan object.
  ["偿还其他银行贷款", "偿还其他银行贷款"],
  ["偿还银行贷款", "偿还其他银行贷款"],
  ["偿还工商银行到期流动资金贷款", "偿还其他银行贷款"],
  ["归还中国银行太原分行贷款", "偿还其他银行贷款"],
  ["用于归还前期项目借款", "偿还其他银行贷款"],
  ["偿还2023年到期的固定资产贷款", "偿还其他银行贷款"],
  ["置换他行贷款", "偿还其他银行贷款"],
  ["他行贷款置换", "偿还其他银行贷款"],
  ["置换存量借款", "偿还其他银行贷款"],
  ["还银行贷款", "偿还其他银行贷款"],
  ["偿还他行流贷", "偿还其他银行贷款"],
  ["借新还旧", "偿还其他银行贷款"],
  ["续贷", "偿还其他银行贷款"],
  ["以贷还贷", "偿还其他银行贷款"],
  ["清偿到期借据", "偿还其他银行贷款"],
  ["归还建行借款及利息", "偿还其他银行贷款"],
  ["补充流动资金，偿还部分银行贷款", "偿还其他银行贷款"],
  ["偿 还 银 行 贷 款", "偿还其他银行贷款"],
  ["存量贷款的归还", "偿还其他银行贷款"],
  // Shareholder loans.
  ["偿还股东借款", "偿还股东借款"],
  ["归还股东张某某借款", "偿还股东借款"],
  ["偿还股东垫款", "偿还股东借款"],
  ["还股东借款", "偿还股东借款"],
  // 过桥 in any form.
  ["过桥资金", "过桥资金"],
  ["续贷过桥资金", "过桥资金"],
  ["归还过桥款", "过桥资金"],
  ["用于过桥", "过桥资金"],
  ["倒贷", "过桥资金"],
  // Financial investment.
  ["购买银行理财产品", "金融投资"],
  ["股票投资", "金融投资"],
  ["购买基金", "金融投资"],
  ["证券投资", "金融投资"],
  ["期货交易保证金", "金融投资"],
  ["购买虚拟货币", "金融投资"],
  ["发放委托贷款", "金融投资"],
  // Personal consumption.
  ["个人消费", "个人消费"],
  ["股东个人用途", "个人消费"],
  // Allowed purposes.
  ["补充流动资金", null],
  ["购置设备", null],
  ["偿还设备款", null],
  ["偿还供应商货款", null],
  ["支付工程款", null],
  ["厂房建设", null],
  ["碳纤维原丝生产线设备购置", null],
  ["采购原材料（流动资金贷款）", null],
  ["购买还原炉", null],
  ["还原炉设备购置及安装", null],
  ["偿还设备款、补充流动资金贷款", null],
  ["科技研发投入", null],
  ["支付职工工资", null],
  ["购置不动产用于生产", null],
  ["还款来源为销售收入", null],
  ["置换自有资金垫付的设备款", null],
  ["企业生产经营周转", null],
  // Negations before the phrase: a mention that needs a look.
  ["不用于偿还股东借款", "偿还股东借款", "不"],
  ["不得用于理财、股票等金融投资", "金融投资", "不得"],
  ["非过桥资金", "过桥资金", "非"],
  ["未用于偿还他行贷款", "偿还其他银行贷款", "未"],
  ["并非借新还旧", "偿还其他银行贷款", "并非"],
  ["严禁用于个人消费", "个人消费", "严禁"],
  // A negation after the phrase, or of something else, does not negate it.
  ["偿还银行贷款不超过500万元", "偿还其他银行贷款"],
  ["不锈钢管材生产线；偿还股东借款", "偿还股东借款"],
  ["购置设备，不用于理财；归还他行贷款", "偿还其他银行贷款"],
];

describe("excludedLoanPurpose: real 用途 texts", () => {
  it("has at least 40 phrasings, both directions", () => {
    expect(PHRASINGS.length).toBeGreaterThanOrEqual(40);
    expect(
      PHRASINGS.filter((r) => r[1] === null).length,
    ).toBeGreaterThanOrEqual(15);
  });
  it.each(
    PHRASINGS.map(([text, kind, negation]) => ({ text, kind, negation })),
  )("$text → $kind $negation", ({ text, kind, negation }) => {
    const found = excludedLoanPurpose(text);
    if (kind === null) {
      expect(found).toBeUndefined();
      return;
    }
    expect(found).toMatchObject({ kind });
    expect(found!.negation).toBe(negation);
  });
  it("names the words it found and their clause", () => {
    expect(
      excludedLoanPurpose("补充流动资金，偿还工商银行到期流动资金贷款"),
    ).toEqual({
      kind: "偿还其他银行贷款",
      phrase: "偿还工商银行到期流动资金贷款",
      clause: "偿还工商银行到期流动资金贷款",
    });
  });
});

/** A verdict's strength: 2 excluded (错误), 1 negated mention (警告), 0 allowed. */
function strength(text: string): number {
  const m = excludedLoanPurpose(text);
  return m === undefined ? 0 : m.negation === undefined ? 2 : 1;
}

/** Full-width forms of printable ASCII (what Chinese input methods type). */
function toFullWidth(s: string): string {
  return s.replace(/[!-~]/g, (c) =>
    String.fromCharCode(c.charCodeAt(0) + 0xfee0),
  );
}

const texts = fc.constantFrom(...PHRASINGS.map((r) => r[0]));

describe("excludedLoanPurpose: properties", () => {
  it("spaces inserted anywhere never change the verdict", () => {
    fc.assert(
      fc.property(
        texts,
        fc.array(fc.nat(), { maxLength: 4 }),
        fc.constantFrom(" ", "\u3000", "\u00a0"),
        (text, at, space) => {
          let spaced = text;
          for (const i of at) {
            const k = i % (spaced.length + 1);
            spaced = spaced.slice(0, k) + space + spaced.slice(k);
          }
          expect(strength(spaced)).toBe(strength(text));
        },
      ),
    );
  });
  it("full-width forms never change the verdict", () => {
    fc.assert(
      fc.property(texts, (text) => {
        expect(strength(toFullWidth(text))).toBe(strength(text));
      }),
    );
  });
  it("a negation put before a clause never makes it more excluded, and never allows an excluded one", () => {
    fc.assert(
      fc.property(
        texts,
        fc.constantFrom("不", "非", "未", "无", "不得", "并非"),
        (text, neg) => {
          const before = strength(text);
          const after = strength(`${neg}${text}`);
          expect(after).toBeLessThanOrEqual(before);
          if (before > 0) expect(after).toBeGreaterThan(0);
        },
      ),
    );
  });
  it("an allowed clause added to a text never lowers its verdict", () => {
    fc.assert(
      fc.property(
        texts,
        fc.constantFrom("购置设备", "补充流动资金", "厂房建设"),
        (text, allowed) => {
          expect(strength(`${allowed}，${text}`)).toBe(strength(text));
        },
      ),
    );
  });
});
