/**
 * Sale-and-leaseback by meaning (附件1 六(三) "融资租赁形式须为直租形式"; tables.md T3 LEASE-FORM): texts as they stand
 * in a 融资租赁补贴明细表 row (租赁方式, 备注, 建设项目名称, 合同名称), each with LEASE-FORM's verdict.
 */
import fc from "fast-check";
import { leaseFormVerdict } from "../../../src/core/meaning";

type Verdict = "leaseback" | "negated" | "direct" | null;

const PHRASINGS: [string, Verdict][] = [
  ["售后回租", "leaseback"],
  ["回租", "leaseback"],
  ["融资租赁（回租）", "leaseback"],
  ["售后租回", "leaseback"],
  ["设备售后回租合同", "leaseback"],
  ["将自有设备出售给租赁公司后再租回使用", "leaseback"],
  ["设备转让给远东租赁后承租", "leaseback"],
  ["先卖后租", "leaseback"],
  ["Sale and leaseback", "leaseback"],
  ["sale-leaseback", "leaseback"],
  ["租赁方式：回租", "leaseback"],
  ["直租/回租", "leaseback"],
  ["回 租", "leaseback"],
  ["卖出生产线并租回", "leaseback"],
  ["直租（非售后回租）", "direct"],
  ["直租，不是回租", "direct"],
  ["直接租赁，非售后回租", "direct"],
  ["非售后回租", "negated"],
  ["不属于回租", "negated"],
  ["未采用售后回租", "negated"],
  ["直租", null],
  ["融资租赁直租", null],
  ["资产转让协议", null],
  ["附资产转让协议及租赁合同", null],
  ["设备租赁合同", null],
  ["融资租赁", null],
  ["租赁期36个月", null],
  ["购置碳化炉（直租）", null],
  ["租赁物：光伏组件生产线", null],
];

describe("leaseFormVerdict: real texts", () => {
  it("has at least 15 phrasings, both directions", () => {
    expect(PHRASINGS.length).toBeGreaterThanOrEqual(15);
    expect(
      PHRASINGS.filter((r) => r[1] === null).length,
    ).toBeGreaterThanOrEqual(5);
  });
  it.each(PHRASINGS)("%s → %s", (text, verdict) => {
    expect(leaseFormVerdict(text)?.verdict ?? null).toBe(verdict);
  });
});

const RANK: Record<string, number> = {
  leaseback: 2,
  negated: 1,
  direct: 0,
  none: 0,
};
const rank = (t: string) => RANK[leaseFormVerdict(t)?.verdict ?? "none"]!;
const texts = fc.constantFrom(...PHRASINGS.map((r) => r[0]));

describe("leaseFormVerdict: properties", () => {
  it("spaces and full-width forms never change the verdict", () => {
    fc.assert(
      fc.property(texts, fc.nat(), (text, i) => {
        const k = i % (text.length + 1);
        const spaced = `${text.slice(0, k)} \u3000${text.slice(k)}`;
        const wide = text.replace(/[!-~]/g, (c) =>
          String.fromCharCode(c.charCodeAt(0) + 0xfee0),
        );
        expect(leaseFormVerdict(spaced)?.verdict).toBe(
          leaseFormVerdict(text)?.verdict,
        );
        expect(leaseFormVerdict(wide)?.verdict).toBe(
          leaseFormVerdict(text)?.verdict,
        );
      }),
    );
  });
  it("a negation before the text never raises the verdict and never clears a leaseback", () => {
    fc.assert(
      fc.property(
        texts,
        fc.constantFrom("不", "非", "未", "无", "不得", "并非"),
        (text, neg) => {
          const before = rank(text);
          const after = rank(`${neg}${text}`);
          expect(after).toBeLessThanOrEqual(before);
          if (before === 2)
            expect(leaseFormVerdict(`${neg}${text}`)).toBeDefined();
        },
      ),
    );
  });
});
