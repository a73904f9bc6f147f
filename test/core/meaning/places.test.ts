/**
 * Places outside 山西 in free text (附件1 六(一)–(三); tables.md LOAN-SHANXI, INS-SHANXI): 用途 and 建设项目名称 texts as
 * enterprises write them, with the place outside 山西 they name (or null).
 */
import fc from "fast-check";
import { placeOutsideShanxi } from "../../../src/core/meaning";

const PHRASINGS: [string, string | null][] = [
  ["河北省唐山市年产10万吨特钢项目", "河北省"],
  ["内蒙古鄂尔多斯煤化工基地建设", "内蒙古"],
  ["陕西榆林厂房建设", "陕西"],
  ["苏州工厂生产线设备购置", "苏州"],
  ["在江苏省常州市新建生产基地", "江苏省"],
  ["购置设备（安装于河南省郑州市）", "河南省"],
  ["北京研发中心建设", "北京"],
  ["延边朝鲜族自治州分厂", "延边朝鲜族自治州"],
  ["宁夏银川光伏电站建设", "宁夏"],
  ["鄂尔多斯市新能源项目", "鄂尔多斯市"],
  ["上海子公司厂房装修", "上海"],
  ["佛山市分厂设备购置", "佛山市"],
  ["新疆哈密风电项目", "新疆"],
  ["天津港仓储建设", "天津"],
  ["山西省太原市小店区厂房建设", null],
  ["晋中市榆次区生产线改造", null],
  ["吕梁孝义焦化项目", null],
  ["清徐县精细化工园区设备购置", null],
  ["山西转型综改示范区厂房建设", null],
  ["年产5万吨碳纤维项目", null],
  ["光伏组件生产线（日照充足地区）", null],
  ["大理石切割设备购置", null],
  ["与宁德时代配套的储能电池生产线", null],
  ["朝阳产业园区厂房", null],
  ["中山路办公楼装修", null],
  ["购置阿里云服务器", null],
  ["山西藏红花种植基地", null],
  ["长治市潞州区设备购置", null],
];

describe("placeOutsideShanxi: real texts", () => {
  it("has at least 15 phrasings, both directions", () => {
    expect(
      PHRASINGS.filter((r) => r[1] !== null).length,
    ).toBeGreaterThanOrEqual(10);
    expect(
      PHRASINGS.filter((r) => r[1] === null).length,
    ).toBeGreaterThanOrEqual(10);
  });
  it.each(PHRASINGS)("%s → %s", (text, place) => {
    expect(placeOutsideShanxi(text)?.place ?? null).toBe(place);
  });
  it("gives the province of a prefecture", () => {
    expect(placeOutsideShanxi("苏州工厂")).toEqual({
      place: "苏州",
      province: "江苏省",
      full: false,
    });
  });
});

describe("placeOutsideShanxi: properties", () => {
  const texts = fc.constantFrom(...PHRASINGS.map((r) => r[0]));
  it("spaces and full-width forms never change the verdict", () => {
    fc.assert(
      fc.property(texts, fc.nat(), (text, i) => {
        const k = i % (text.length + 1);
        const spaced = `${text.slice(0, k)} ${text.slice(k)}`;
        const wide = text.replace(/[!-~]/g, (c) =>
          String.fromCharCode(c.charCodeAt(0) + 0xfee0),
        );
        expect(placeOutsideShanxi(spaced)?.place).toBe(
          placeOutsideShanxi(text)?.place,
        );
        expect(placeOutsideShanxi(wide)?.place).toBe(
          placeOutsideShanxi(text)?.place,
        );
      }),
    );
  });
  it("山西 prefixed to a text never hides a place outside 山西 named in it", () => {
    fc.assert(
      fc.property(texts, (text) => {
        if (placeOutsideShanxi(text))
          expect(placeOutsideShanxi(`山西省${text}`)).toBeDefined();
      }),
    );
  });
});
