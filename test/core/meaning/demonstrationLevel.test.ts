/**
 * Provincial and municipal titles versus national programmes (附件1 六(七); tables.md T8 DEMO-KIND): 试点示范 names as
 * enterprises write them in a “免申即享”申报表, with the level they say and the national programme they contain.
 */
import fc from "fast-check";
import { DEMO_PROGRAMMES } from "../../../src/core/catalog";
import { demonstrationLevelOf } from "../../../src/core/meaning";

const PROGRAMMES = Object.values(DEMO_PROGRAMMES).flat();
const local = new Set(["provincial", "municipal", "county"]);

const NAMES: [string, string, string | null][] = [
  ["山西省绿色工厂", "provincial", "绿色工厂"],
  ["省级企业技术中心", "provincial", "企业技术中心"],
  ["省企业技术中心", "provincial", "企业技术中心"],
  ["山西省级制造业单项冠军企业", "provincial", "制造业单项冠军企业"],
  ["太原市级绿色工厂", "municipal", "绿色工厂"],
  ["晋中市绿色工厂", "municipal", "绿色工厂"],
  ["山西省太原市企业技术中心", "municipal", "企业技术中心"],
  ["市级企业技术中心", "municipal", "企业技术中心"],
  ["县级绿色工厂", "county", "绿色工厂"],
  ["省工信厅认定的绿色供应链", "provincial", "绿色供应链"],
  ["山西省专精特新“小巨人”企业", "provincial", null],
  ["河北省绿色工厂", "provincial", "绿色工厂"],
  ["国家级绿色工厂", "national", "绿色工厂"],
  ["国家企业技术中心", "national", "企业技术中心"],
  ["工信部绿色工厂", "national", "绿色工厂"],
  ["绿色工厂", "unstated", "绿色工厂"],
  ["制造业单项冠军企业", "unstated", "制造业单项冠军企业"],
  ["卓越级智能工厂", "unstated", "卓越级智能工厂"],
  ["跨行业跨领域工业互联网平台", "unstated", "跨行业跨领域工业互联网平台"],
  ["国家级专精特新“小巨人”企业", "national", null],
];

describe("demonstrationLevelOf: real names", () => {
  it("has at least 15 names, both directions", () => {
    expect(NAMES.filter((n) => local.has(n[1])).length).toBeGreaterThanOrEqual(
      10,
    );
    expect(NAMES.filter((n) => !local.has(n[1])).length).toBeGreaterThanOrEqual(
      5,
    );
  });
  it.each(NAMES)("%s → %s, %s", (name, level, programme) => {
    const r = demonstrationLevelOf(name, PROGRAMMES);
    expect(r.level).toBe(level);
    expect(r.programme ?? null).toBe(programme);
  });
});

describe("demonstrationLevelOf: properties", () => {
  const names = fc.constantFrom(...NAMES.map((n) => n[0]));
  it("a 省级 or 市级 title stays local whatever national programme name follows it", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("省级", "山西省", "太原市级", "市级", "山西省级"),
        fc.constantFrom(...PROGRAMMES),
        (prefix, p) => {
          expect(
            local.has(demonstrationLevelOf(`${prefix}${p}`, PROGRAMMES).level),
          ).toBe(true);
        },
      ),
    );
  });
  it("spaces and quotes never change the level", () => {
    fc.assert(
      fc.property(names, fc.nat(), (name, i) => {
        const k = i % (name.length + 1);
        const spaced = `${name.slice(0, k)} ${name.slice(k)}`;
        expect(demonstrationLevelOf(spaced, PROGRAMMES).level).toBe(
          demonstrationLevelOf(name, PROGRAMMES).level,
        );
      }),
    );
  });
});
