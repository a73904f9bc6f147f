/**
 * The forms' texts against the notice itself (../shared/seed): every label, promise and note the forms print is in
 * the seed (PDF stray spaces and line breaks removed, half-width colons and brackets as the PDF sometimes prints them),
 * as the detail tables' headers are.
 */
import { readFileSync } from "fs";
import * as path from "path";
import { CONTACTS, CHAIN_DESKS } from "../../../src/core/catalog/contacts";
import {
  ELIGIBILITY_INPUTS,
  DIRECTION_ELIGIBILITY,
  GENERAL_CONDITIONS,
} from "../../../src/core/catalog/eligibility";
import {
  COVER,
  DIRECTION_PROMISES,
  PERFORMANCE,
  PLEDGE,
  SITE_CHECK,
  directionPromise,
  supportMode,
} from "../../../src/core/catalog/forms";
import { DIRECTIONS_BY_SPECIAL } from "../../../src/core/catalog/enums";
import {
  coverLayout,
  performanceLayout,
  pledgeLayout,
  siteCheckLayout,
  templateInfoRef,
} from "../../../src/core/forms";

const SEED = readFileSync(
  path.join(__dirname, "../../../../shared/seed/000_bf875482438a076a.txt"),
  "utf8",
);

/** The seed and our texts compared without white space, with the PDF's half-width : ( ) read as full-width. */
function norm(s: string): string {
  return s
    .replace(/\s+/g, "")
    .replace(/:/g, "：")
    .replace(/\(/g, "（")
    .replace(/\)/g, "）")
    .replace(/,/g, "，")
    .replace(/;/g, "；")
    .replace(/\*\*/g, "");
}
const seed = norm(SEED);

function inSeed(text: string): boolean {
  return seed.includes(norm(text));
}

describe("the forms' texts are the notice's", () => {
  it("封面 (附件2 一, 格式附后): title, labels, seal and date blank", () => {
    for (const t of [
      COVER.title.join(""),
      ...Object.values(COVER.labels),
      COVER.seal,
      COVER.dateBlank,
    ])
      expect([t, inSeed(t)]).toEqual([t, true]);
    // The labels are those of the cover's format (after its title), not only words found elsewhere.
    const cover = seed.slice(seed.indexOf(norm(COVER.title.join(""))));
    for (const l of Object.values(COVER.labels))
      expect([l, cover.includes(norm(l))]).toEqual([l, true]);
  });
  it("承诺书 (附件2 二(二)): labels, the four promises, signatures and the city's opinion", () => {
    for (const t of [
      PLEDGE.title,
      ...PLEDGE.labels,
      PLEDGE.promiseIntro,
      ...PLEDGE.promises,
      ...PLEDGE.signatures,
      PLEDGE.reviewHeading,
      PLEDGE.reviewText,
      PLEDGE.reviewSeal,
    ])
      expect([t, inSeed(t)]).toEqual([t, true]);
  });
  it("the 方向-specific promises are the notice's sentences of 附件2 三(二)3", () => {
    for (const p of DIRECTION_PROMISES)
      expect([p.text, inSeed(p.text)]).toEqual([p.text, true]);
    expect(directionPromise("新药研发和产业化（医疗器械）")!.source).toBe(
      "附件2 三(二)3(1)",
    );
    expect(directionPromise("新药研发和产业化（改良型新药）")!.source).toBe(
      "附件2 三(二)3(2)",
    );
    expect(
      directionPromise("新药研发和产业化（全球注册认证）"),
    ).toBeUndefined();
  });
  it("现场核查表 (附件2 二(三)) and 绩效目标表 (附件2 四(三))", () => {
    const site = [
      SITE_CHECK.title,
      ...SITE_CHECK.labels,
      SITE_CHECK.compliance,
      SITE_CHECK.description,
      SITE_CHECK.accident,
      SITE_CHECK.yesNo,
      SITE_CHECK.inspectors,
      SITE_CHECK.inspectorsText,
      SITE_CHECK.unit,
      SITE_CHECK.unitText,
      SITE_CHECK.note,
    ];
    const perf = [
      PERFORMANCE.title,
      PERFORMANCE.specialLabel,
      PERFORMANCE.special,
      PERFORMANCE.authorityLabel,
      PERFORMANCE.authority,
      PERFORMANCE.fundsLabel,
      ...PERFORMANCE.funds,
      PERFORMANCE.goalsLabel,
      PERFORMANCE.goals,
      PERFORMANCE.indicatorsLabel,
      ...PERFORMANCE.header,
      ...PERFORMANCE.indicators.flatMap((g) => [
        g.level1,
        ...g.level2.map(([l]) => l),
      ]),
      PERFORMANCE.note,
    ];
    for (const t of [...site, ...perf])
      expect([t, inSeed(t)]).toEqual([t, true]);
  });
  it("every text cell of the four layouts is one of the notice's texts (or a value from the 情况表)", () => {
    const ref = templateInfoRef();
    for (const layout of [
      coverLayout(ref),
      pledgeLayout(ref),
      siteCheckLayout(ref),
      performanceLayout(),
    ]) {
      for (const cell of layout.cells) {
        if (typeof cell.value !== "string" || cell.value === "" || cell.formula)
          continue;
        expect([layout.formId, cell.value, inSeed(cell.value)]).toEqual([
          layout.formId,
          cell.value,
          true,
        ]);
      }
    }
  });
  it("支持方式 (附件2 一(五)): 贴息, 风险补偿, else 奖励", () => {
    expect(supportMode("产业链贷款贴息")).toBe("贴息");
    expect(supportMode("保险增信补贴")).toBe("风险补偿");
    expect(supportMode("融资租赁补贴")).toBe("风险补偿");
    for (const d of Object.values(DIRECTIONS_BY_SPECIAL).flat())
      if (!["产业链贷款贴息", "保险增信补贴", "融资租赁补贴"].includes(d))
        expect(supportMode(d)).toBe("奖励");
    expect(supportMode("")).toBe("");
  });
});

describe("资格自检 and 附件5 data are the notice's", () => {
  it("every condition's quote is in the seed", () => {
    for (const c of [
      ...GENERAL_CONDITIONS,
      ...DIRECTION_ELIGIBILITY.flatMap((d) => d.conditions),
    ]) {
      // A quote may skip words of the notice with “……”: each part is in the seed.
      for (const part of c.quote.split("……"))
        expect([c.id, part, inSeed(part)]).toEqual([c.id, part, true]);
    }
  });
  it("every contact's name and phone are in 附件5", () => {
    const a5 = seed.slice(seed.indexOf(norm("申报联系人序号")));
    for (const row of CONTACTS)
      for (const c of row.contacts) {
        for (const name of c.person.split("、"))
          expect([name, a5.includes(name)]).toEqual([name, true]);
        expect([c.phone, a5.includes(c.phone)]).toEqual([c.phone, true]);
      }
    for (const d of CHAIN_DESKS)
      expect(
        a5.includes(norm(`${d.chain}${d.office}${d.person}${d.phone}`)),
      ).toBe(true);
  });
  it("inputs are labelled once each", () => {
    expect(new Set(ELIGIBILITY_INPUTS.map((i) => i.key)).size).toBe(
      ELIGIBILITY_INPUTS.length,
    );
  });
});
