/** Header-text normalisation: the forms that header recognition compares. */
import fc from "fast-check";
import { compact } from "../../../src/core/parse";
import { looseHeader, normHeader } from "../../../src/core/recognize/normalize";

/** The normal forms as the module's comments define them, every step applied to every text. */
function referenceNorm(text: string): string {
  return compact(text)
    .replace(/[“”"'‘’「」『』]/g, "")
    .replace(/[【[〔{]/g, "(")
    .replace(/[】\]〕}]/g, ")")
    .replace(/\(%\)/g, "%")
    .replace(/^[*※★]+|[:：]+$/g, "");
}
function referenceLoose(norm: string): string {
  return norm.replace(/\([^()]*\)/g, "").replace(/%/g, "");
}

describe("normHeader and looseHeader", () => {
  it("normalise the notice's headers as typed by hand", () => {
    expect(normHeader("贷款利率（％）")).toBe("贷款利率%");
    expect(normHeader("贷款利率 (%)")).toBe("贷款利率%");
    expect(normHeader("*序号：")).toBe("序号");
    expect(normHeader("“链主”企业名称")).toBe("链主企业名称");
    expect(normHeader("借款合同编号")).toBe("借款合同编号");
    expect(normHeader("HT-5-3086")).toBe("HT-5-3086");
    expect(looseHeader(normHeader("2024年度新增贷款金额（万元）"))).toBe(
      "2024年度新增贷款金额",
    );
    expect(looseHeader("借款合同编号")).toBe("借款合同编号");
  });
  it("agree with every step applied to any text", () => {
    // CJK, ASCII, full-width forms, quotes, brackets, markers and white space, in any order.
    const text = fc.string({
      unit: fc.constantFrom(
        ..."企业名称率aZ09-_.()（）％%*※★:：“”\"'‘’「」『』【】[]〔〕{} \u3000\u00a0\t\nＡ１",
      ),
    });
    fc.assert(
      fc.property(text, (s) => {
        const norm = normHeader(s);
        expect(norm).toBe(referenceNorm(s));
        expect(looseHeader(norm)).toBe(referenceLoose(norm));
      }),
      { numRuns: 2000 },
    );
  });
});
