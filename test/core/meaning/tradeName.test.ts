/**
 * 字号 comparison for related parties (附件1 三(七); tables.md T9 COMPUTE-RELATED-NAME): pairs of names as they stand in
 * an 算力服务项目明细表 and a 关联方清单 or the applicant's name, with whether they share a 字号.
 */
import fc from "fast-check";
import { sharedTradeName } from "../../../src/core/meaning";

const PAIRS: [string, string, boolean][] = [
  ["山西华晋智算科技有限公司", "华晋集团有限公司", true],
  ["华晋智算（北京）科技有限公司", "山西华晋智算科技有限公司", true],
  ["太钢云计算（北京）有限公司", "山西太钢不锈钢股份有限公司", true],
  ["山西潞安智算有限公司", "潞安化工集团有限公司", true],
  ["阳煤数字科技有限公司", "阳煤集团有限责任公司", true],
  ["晋能控股数字科技有限公司", "晋能控股集团有限公司", true],
  ["华晋智算科技有限公司", "华晋集团", true],
  ["山西 华晋 智算科技有限公司", "华晋集团有限公司", true],
  ["山西云时代技术有限公司", "云时代集团有限公司", true],
  ["北京智谱华章科技有限公司", "山西华晋集团有限公司", false],
  ["中国电信股份有限公司山西分公司", "山西华晋智算科技有限公司", false],
  ["阿里云计算有限公司", "山西潞安化工集团有限公司", false],
  ["华为技术有限公司", "山西华晋集团有限公司", false],
  ["山西数据流量谷科技有限公司", "太原重工股份有限公司", false],
  ["商汤科技有限公司", "华晋集团有限公司", false],
  ["北京并行科技股份有限公司", "阳泉市东方新材料有限公司", false],
  ["腾讯云计算（北京）有限责任公司", "山西太钢不锈钢股份有限公司", false],
];

describe("sharedTradeName: real pairs", () => {
  it("has at least 15 pairs, both directions", () => {
    expect(PAIRS.length).toBeGreaterThanOrEqual(15);
    expect(PAIRS.filter((p) => !p[2]).length).toBeGreaterThanOrEqual(5);
  });
  it.each(PAIRS)("%s / %s → %s", (a, b, shared) => {
    expect(sharedTradeName(a, b) !== undefined).toBe(shared);
  });
  it("is symmetric", () => {
    for (const [a, b] of PAIRS)
      expect(sharedTradeName(b, a) !== undefined).toBe(
        sharedTradeName(a, b) !== undefined,
      );
  });
  it("names both trade names", () => {
    expect(sharedTradeName("华晋焦煤有限责任公司", "华晋集团")).toEqual({
      a: "华晋焦煤",
      b: "华晋",
    });
  });
});

describe("sharedTradeName: properties", () => {
  const pairs = fc.constantFrom(...PAIRS);
  it("spaces and full-width forms never change the verdict", () => {
    fc.assert(
      fc.property(pairs, fc.nat(), ([a, b], i) => {
        const k = i % (a.length + 1);
        const spaced = `${a.slice(0, k)} ${a.slice(k)}`;
        expect(sharedTradeName(spaced, b) !== undefined).toBe(
          sharedTradeName(a, b) !== undefined,
        );
        const wide = b.replace(/[()]/g, (c) => (c === "(" ? "（" : "）"));
        expect(sharedTradeName(a, wide) !== undefined).toBe(
          sharedTradeName(a, b) !== undefined,
        );
      }),
    );
  });
});
