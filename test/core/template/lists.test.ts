import {
  COUNTIES_BY_CITY,
  DIRECTIONS_BY_SPECIAL,
  ENUMS,
} from "../../../src/core/catalog";
import {
  isValidDefinedName,
  listSheetLayout,
} from "../../../src/core/template/lists";

describe("listSheetLayout", () => {
  const l = listSheetLayout();
  const byName = new Map(l.columns.map((c) => [c.name, c]));

  it("holds every list once, hidden, on techfund_lists", () => {
    expect(l.sheetName).toBe("techfund_lists");
    expect(l.visibility).toBe("hidden");
    expect(l.markName).toBe("TECHFUND_LISTS_V1");
    // 13 lists + 6 专项 + 2 行业分类 + 11 cities.
    expect(l.columns).toHaveLength(13 + 6 + 2 + 11);
    expect(byName.size).toBe(l.columns.length);
    for (const e of Object.values(ENUMS))
      expect(byName.get(`TFLIST_${e.id}`)?.values).toEqual(e.values);
  });

  it("refers to the values under each header", () => {
    expect(byName.get("TFLIST_chain")).toMatchObject({
      header: "省级重点产业链",
      refersTo: "techfund_lists!$A$2:$A$17",
    });
    expect(l.columns[26]!.refersTo).toMatch(
      /^techfund_lists!\$AA\$2:\$AA\$\d+$/,
    );
    const taiyuan = byName.get("TFLIST_county_太原市")!;
    expect(taiyuan.header).toBe("所在县：太原市");
    expect(taiyuan.values).toEqual(COUNTIES_BY_CITY["太原市"]);
    const col = taiyuan.refersTo.match(/\$([A-Z]+)\$2:/)![1];
    expect(taiyuan.refersTo).toBe(
      `techfund_lists!$${col}$2:$${col}$${taiyuan.values.length + 1}`,
    );
    expect(byName.get("TFLIST_direction_企业增量提质专项")?.values).toEqual(
      DIRECTIONS_BY_SPECIAL["企业增量提质专项"],
    );
  });

  it("every name is a valid Excel name", () => {
    for (const c of l.columns) expect(isValidDefinedName(c.name)).toBe(true);
  });
});

describe("isValidDefinedName", () => {
  it.each([
    ["TFLIST_county_太原市", true],
    ["_x.y", true],
    ["太原市", true],
    ["A1", false],
    ["XFD1048576", false],
    ["R1C1", false],
    ["R", false],
    ["1abc", false],
    ["a b", false],
    ["“链主”", false],
    ["a(b)", false],
    ["", false],
    ["x".repeat(256), false],
  ])("%s → %s", (name, ok) => expect(isValidDefinedName(name)).toBe(ok));
});
