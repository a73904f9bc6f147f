/**
 * The notice's words travel beside each message (`Finding.quote`), not inside it: every quote the catalog gives is
 * the notice's own text (../shared/seed, spaces and the nesting of quotation marks aside; `……` marks a cut), and no
 * message repeats its quote or quotes the notice inline.
 */
import { readFileSync } from "fs";
import * as path from "path";
import { MESSAGES_ZH, wordFinding } from "../../../src/core/messages";

const SEED = readFileSync(
  path.resolve(__dirname, "../../../../shared/seed/000_bf875482438a076a.txt"),
  "utf8",
).replace(/\s+/g, "");

/** The variants the catalog's entries choose between (`kind`, `case`, …), so that each branch is worded once. */
const KINDS = [
  undefined,
  ...`start order end range withoutExcluded unknown info chain unreadable fraction outside near general type dup
  contractNo org city mismatch mark-new mark-not-new partner before after late notApplied slash other short missing
  extra nonPositive`.split(/\s+/),
];
const EXTRAS = [
  {},
  { negation: "不" },
  { level: "省级" },
  { relation: "申报企业本身" },
  { list: "member-transactions", scope: "partner" },
  { required: "notice", table: "loan-interest", key: "bank" },
];

function allWordings(): { code: string; text: string; quote?: string }[] {
  const out: { code: string; text: string; quote?: string }[] = [];
  for (const code of Object.keys(MESSAGES_ZH))
    for (const kind of KINDS)
      for (const extra of EXTRAS) {
        // A parser reason for the rules that quote one (CELL-TYPE, COOP-CODE, COMPUTE-CODE).
        const reason = { code: "CELL-EMPTY" };
        const w = wordFinding(code, { kind, case: kind, reason, ...extra });
        out.push({ code, ...w });
      }
  return out;
}

/** Whether `quote` is in the notice: the nested ‘…’ of our quotes may be “…” there, and `……` marks a cut. */
function inNotice(quote: string): boolean {
  return quote
    .replace(/\s+/g, "")
    .split("……")
    .every(
      (part) =>
        SEED.includes(part) ||
        SEED.includes(part.replace(/‘/g, "“").replace(/’/g, "”")),
    );
}

describe("the notice's words of the findings", () => {
  const wordings = allWordings();
  const quotes = new Map(
    wordings.filter((w) => w.quote).map((w) => [w.quote!, w.code]),
  );

  it("every rule that rests on the notice's words gives them apart from its message", () => {
    expect(quotes.size).toBeGreaterThanOrEqual(35);
    for (const code of [
      "LOAN-DRAW-YEAR",
      "LOAN-PURPOSE-EXCLUDED",
      "LEASE-FORM",
      "INS-SIGN-YEAR",
      "COMPUTE-RELATED",
      "COOP-TIER",
      "DEMO-KIND",
    ])
      expect([
        code,
        [...quotes.values()].includes(code) ||
          wordings.some((w) => w.code === code && w.quote),
      ]).toEqual([code, true]);
  });

  it("each quote is the notice's own text", () => {
    const notFound = [...quotes].filter(([q]) => !inNotice(q));
    expect(notFound).toEqual([]);
    // The check can fail: a paraphrase is not found.
    expect(
      inNotice("完成算力服务的项目明细表及证明材料（服务合同、结算凭证）"),
    ).toBe(false);
  });

  it("no message repeats its quote or quotes the notice inline", () => {
    for (const w of wordings) {
      if (w.quote)
        expect([w.code, w.text.includes(w.quote)]).toEqual([w.code, false]);
      expect([w.code, /通知(要求|规定)?：“/.test(w.text)]).toEqual([
        w.code,
        false,
      ]);
    }
  });
});
