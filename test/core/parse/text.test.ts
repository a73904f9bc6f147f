import * as fc from "fast-check";
import { compact, findMobile, toHalfWidth } from "../../../src/core/parse";

describe("toHalfWidth", () => {
  it("turns full-width ASCII and the ideographic space into ASCII", () => {
    expect(toHalfWidth("１２３４．５６")).toBe("1234.56");
    expect(toHalfWidth("ＡＢｃ％（３），－")).toBe("ABc%(3),-");
    expect(toHalfWidth("a\u3000b")).toBe("a b");
  });

  it("leaves Chinese characters and Chinese punctuation alone", () => {
    expect(toHalfWidth("２０２４年３月５日、合计。—")).toBe(
      "2024年3月5日、合计。—",
    );
  });

  it("is the identity on ASCII", () => {
    fc.assert(fc.property(fc.string(), (s) => toHalfWidth(s) === s));
  });

  it("maps exactly U+FF01–U+FF5E and U+3000 in any text, every other character kept", () => {
    const reference = (s: string) =>
      s.replace(/[\uff01-\uff5e\u3000]/g, (ch) =>
        ch === "\u3000" ? " " : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
      );
    const wide = fc
      .integer({ min: 0xff00, max: 0xff60 })
      .map((c) => String.fromCharCode(c));
    const text = fc
      .array(
        fc.oneof(fc.string({ unit: "binary" }), wide, fc.constant("\u3000")),
      )
      .map((p) => p.join(""));
    fc.assert(
      fc.property(text, (s) => toHalfWidth(s) === reference(s)),
      { numRuns: 2000 },
    );
  });
});

describe("compact", () => {
  it("removes every kind of white space after toHalfWidth", () => {
    expect(compact(" １ ２３４．５\n\r\t\u3000\u00a0x\u200b")).toBe("1234.5x");
  });

  it("equals toHalfWidth then removing white space, for any text (its no-change fast path included)", () => {
    const reference = (s: string) =>
      toHalfWidth(s).replace(/[\s\u00a0\u3000\u200b\ufeff]/g, "");
    const special = fc.constantFrom(
      ..."\u0085\u00a0\u1680\u2000\u200a\u200b\u2028\u2029\u202f\u205f\u3000\ufeff\uff01\uff5e\uff5f（）企业".split(
        "",
      ),
    );
    const text = fc
      .array(fc.oneof(fc.string({ unit: "binary" }), special))
      .map((p) => p.join(""));
    fc.assert(
      fc.property(text, (s) => compact(s) === reference(s)),
      { numRuns: 3000 },
    );
  });

  it("returns the text itself when there is nothing to change", () => {
    expect(compact("中国工商银行太原分行A-1")).toBe("中国工商银行太原分行A-1");
  });
});

describe("findMobile", () => {
  it("finds an 11-digit mobile number next to a name", () => {
    expect(findMobile("张三13800138000")).toBe("13800138000");
    expect(findMobile("联系人：李四 15935112345")).toBe("15935112345");
  });

  it("accepts dashes, spaces, full-width digits and a +86 prefix", () => {
    expect(findMobile("王五 138-0013-8000")).toBe("13800138000");
    expect(findMobile("王五 138 0013 8000")).toBe("13800138000");
    expect(findMobile("王五１３８００１３８０００")).toBe("13800138000");
    expect(findMobile("+86 13800138000")).toBe("13800138000");
    expect(findMobile("+8613800138000")).toBe("13800138000");
  });

  it("rejects numbers that are not mobiles or are part of a longer digit run", () => {
    expect(findMobile("张三 0351-7654321")).toBeUndefined();
    expect(findMobile("12800138000")).toBeUndefined(); // 12x is not a mobile prefix
    expect(findMobile("1380013800")).toBeUndefined(); // 10 digits
    expect(findMobile("138001380001")).toBeUndefined(); // 12 digits
    expect(findMobile("身份证140101199003071234")).toBeUndefined();
    expect(findMobile("张三")).toBeUndefined();
  });

  it("finds the first of two numbers", () => {
    expect(findMobile("13800138000、13900139000")).toBe("13800138000");
  });
});
