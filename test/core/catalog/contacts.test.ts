import {
  CHAIN_DESKS,
  CONTACTS,
  contactsFor,
} from "../../../src/core/catalog/contacts";
import { CHAINS, DIRECTIONS_BY_SPECIAL } from "../../../src/core/catalog/enums";
import { DEMONSTRATION_DIRECTION } from "../../../src/core/catalog/eligibility";

describe("附件5 contacts", () => {
  it("every direction of the 情况表 and 试点示范奖励 has a row of 附件5", () => {
    for (const d of [
      ...Object.values(DIRECTIONS_BY_SPECIAL).flat(),
      DEMONSTRATION_DIRECTION,
    ])
      expect(contactsFor(d)).toBeDefined();
    expect(CONTACTS.map((r) => r.row)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
  });
  it("the 16 chains' 专班 are listed in the order of the chain list", () => {
    expect(CHAIN_DESKS.map((d) => d.chain)).toEqual([...CHAINS]);
  });
  it("制造业营收进档奖励: the 处室 follows 所属行业 (备注 of row 14)", () => {
    expect(
      contactsFor("制造业营收进档奖励", { industry: "化工" })!.contacts,
    ).toEqual([
      {
        office: "化工处",
        person: "任雅琪",
        phone: "0351-3030073",
        industries: ["焦化", "化工", "现代煤化工"],
      },
    ]);
    // Without an industry every line of the row is shown.
    expect(contactsFor("制造业营收进档奖励")!.contacts).toHaveLength(6);
  });
  it("兼并重组 has its own 化工处 contact (row 18 differs from row 14)", () => {
    expect(
      contactsFor("兼并重组奖励", { industry: "化工" })!.contacts[0]!.person,
    ).toBe("许亚军");
  });
  it("产业链贷款贴息: the row's 新材料处 contact and the chain's 专班", () => {
    const a = contactsFor("产业链贷款贴息", { chain: "光伏" })!;
    expect(a.contacts.map((x) => `${x.office} ${x.person} ${x.phone}`)).toEqual(
      ["新材料处 卢长云 0351-3046794"],
    );
    expect(a.chainDesk).toEqual({
      chain: "光伏产业链",
      office: "创新处",
      person: "冀立田",
      phone: "0351-3046193",
    });
    expect(
      contactsFor("保险增信补贴", { chain: "光伏" })!.chainDesk,
    ).toBeUndefined();
  });
  it("试点示范奖励: the 处室 follows the programme", () => {
    expect(
      contactsFor(DEMONSTRATION_DIRECTION, {
        programme: "国家级绿色工厂",
      })!.contacts.map((x) => x.person),
    ).toEqual(["张文灿"]);
    expect(
      contactsFor(DEMONSTRATION_DIRECTION, {
        programme: "领航级智能工厂",
      })!.contacts.map((x) => x.phone),
    ).toEqual(["0351-3183088"]);
  });
});
