import {
  companyKey,
  orgCodeKey,
  tradeName,
} from "../../../src/core/names/company";

describe("companyKey", () => {
  it("ignores spaces, full/half width, quotes, case and 有限责任公司/有限公司", () => {
    expect(companyKey(" 山西 甲机械有限责任公司")).toBe("山西甲机械有限公司");
    expect(companyKey("山西甲机械（太原）有限公司")).toBe(
      companyKey("山西甲机械(太原)有限公司"),
    );
    expect(companyKey("“ABC”科技有限公司")).toBe("abc科技有限公司");
  });
});

describe("orgCodeKey", () => {
  it("takes the 组织机构代码 part of a 统一社会信用代码 (positions 9–17)", () => {
    expect(orgCodeKey({ kind: "usc", code: "91140105110014526B" })).toBe(
      "110014526",
    );
    expect(orgCodeKey({ kind: "org", code: "110014526" })).toBe("110014526");
  });
});

describe("tradeName (字号)", () => {
  it.each([
    ["山西太钢不锈钢股份有限公司", "太钢"],
    ["太钢云计算（北京）有限公司", "太钢"],
    ["山西云时代技术有限公司", "云时代"],
    ["北京百度网讯科技有限公司", "百度网讯"],
    ["中国移动通信集团山西有限公司", "移动"],
  ])("%s → %s", (name, trade) => {
    expect(tradeName(name)).toBe(trade);
  });

  it("keeps the region when the rest is only industry words", () => {
    expect(tradeName("太原重工股份有限公司")).toBe("太原重工");
  });

  it("is undefined when fewer than 2 characters remain", () => {
    expect(tradeName("甲公司")).toBeUndefined();
  });
});
