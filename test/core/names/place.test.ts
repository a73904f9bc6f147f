import { readPlace, stripRegionPrefix } from "../../../src/core/names/place";

describe("readPlace (所在地 to the county level, T4 填写说明3)", () => {
  const county = {
    kind: "county",
    province: "山西省",
    city: "太原市",
    county: "小店区",
  };

  it.each([
    "太原市小店区",
    "山西省太原市小店区",
    "小店区",
    "山西太原小店区",
    " 山西省 太原市 小店区 ",
    "山西省太原市小店区龙城大街1号",
  ])("reads %s as 小店区 of 太原市", (text) => {
    expect(readPlace(text)).toEqual(county);
  });

  it("reads counties of any province, county-level cities and cities without counties", () => {
    expect(readPlace("北京市朝阳区")).toEqual({
      kind: "county",
      province: "北京市",
      city: "市辖区",
      county: "朝阳区",
    });
    expect(readPlace("河南省济源市")).toMatchObject({
      kind: "county",
      province: "河南省",
      county: "济源市",
    });
    expect(readPlace("古交市")).toMatchObject({
      kind: "county",
      city: "太原市",
      county: "古交市",
    });
    expect(readPlace("广东省东莞市")).toMatchObject({
      kind: "county",
      city: "东莞市",
      county: "东莞市",
    });
    expect(readPlace("江苏省南通市通州区")).toMatchObject({
      kind: "county",
      province: "江苏省",
      county: "通州区",
    });
  });

  it("says when only a city is named", () => {
    expect(readPlace("太原市")).toEqual({
      kind: "city",
      province: "山西省",
      city: "太原市",
    });
    expect(readPlace("山西省大同市")).toEqual({
      kind: "city",
      province: "山西省",
      city: "大同市",
    });
  });

  it("says when the county is not in the city named", () => {
    expect(readPlace("大同市小店区")).toEqual({
      kind: "mismatch",
      county: "小店区",
      within: "大同市",
    });
  });

  it("finds nothing in a province only or in other text", () => {
    expect(readPlace("山西省")).toEqual({ kind: "none" });
    expect(readPlace("本地")).toEqual({ kind: "none" });
    expect(readPlace("")).toEqual({ kind: "none" });
  });
});

describe("stripRegionPrefix", () => {
  it("drops provinces, cities and counties at the start", () => {
    expect(stripRegionPrefix("山西省太原市小店区云算科技")).toBe("云算科技");
    expect(stripRegionPrefix("山西太钢不锈钢")).toBe("太钢不锈钢");
    expect(stripRegionPrefix("中国移动通信")).toBe("移动通信");
  });
  it("drops region names at the end with at = end", () => {
    expect(stripRegionPrefix("移动通信集团山西", "end")).toBe("移动通信集团");
  });
  it("keeps a region name that is all that is left", () => {
    expect(stripRegionPrefix("山西太原")).toBe("太原");
  });
});
