/**
 * Excluded loan purposes by meaning (附件1 六(一): "用于偿还股东借款或其他银行贷款（包括为偿还银行贷款借用的过桥资金）、
 * 金融投资（如购买理财、股票、虚拟货币等）、个人消费等领域的年度新增贷款不予贴息"; tables.md T1 LOAN-PURPOSE-EXCLUDED).
 *
 * - repayment: a repayment verb (偿还/归还/还款/置换/清偿 …) with a loan object (贷款/借款/借据/流贷 …) after it in the
 *   same clause, whatever words say whose loan or which term (偿还工商银行到期流动资金贷款); or the object right before
 *   the verb (他行贷款置换); or a word that says both (借新还旧, 还贷, 续贷, 转贷). 偿还设备款 repays no loan.
 * - 过桥 in any form (过桥资金, 续贷过桥, 过桥款), and 倒贷;
 * - 金融投资: 理财, 股票, 基金, 证券, 期货, 虚拟货币, 委托贷款 …;
 * - 个人消费: 个人消费, 个人用途 ….
 */
import { EXCLUDED_LOAN_PURPOSES, LOAN_REPAYMENT } from "../catalog/enums";
import { rememberText } from "../util/remember";
import { firstMention, type Mention } from "./clause";

/** The notice's excluded kinds (labels of EXCLUDED_LOAN_PURPOSES). */
export type ExcludedKind = (typeof EXCLUDED_LOAN_PURPOSES)[number]["label"];

/** An excluded purpose found in a 用途 text. */
export interface ExcludedPurpose extends Mention {
  kind: ExcludedKind;
}

/** `a|b|c` of words (no regex characters in them), longest first. */
function alternation(words: readonly string[]): string {
  return [...words].sort((a, b) => b.length - a.length).join("|");
}
function wordsOf(label: ExcludedKind): readonly string[] {
  return EXCLUDED_LOAN_PURPOSES.find((p) => p.label === label)!.words;
}
const R = LOAN_REPAYMENT;
/** Verbs of repaying; a bare 还 only before a loan's owner or term. */
const VERB = new RegExp(
  `${alternation(R.verbs)}|还(?=${alternation(R.bareBefore)})`,
  "g",
);
const OBJECT = new RegExp(alternation(R.objects));
const SHAREHOLDER_OBJECT = new RegExp(alternation(R.shareholderObjects));
/** Words that are a repayment of a loan on their own (借新还旧, 续贷). */
const SELF_CONTAINED = new RegExp(alternation(wordsOf("偿还其他银行贷款")));
/** A loan object right before a repayment verb (他行贷款置换, 存量借款的归还). */
const OBJECT_THEN_VERB = new RegExp(
  `(${alternation(R.objects)})的?(${alternation(R.verbs)})`,
);
/** The words between verb and object belong to another action when a conjunction and another verb stand there. */
const OTHER_ACTION =
  /[、和及与并](?:以及)?(?:用于)?(?:购|采购|支付|补充|建设|研发|投入|用于|新建|改造|技改)/;
/** Longest stretch allowed between a repayment verb and its loan object. */
const MAX_BETWEEN = 24;

const BRIDGE = new RegExp(alternation(wordsOf("过桥资金")));
const INVESTMENT = new RegExp(alternation(wordsOf("金融投资")));
const PERSONAL = new RegExp(alternation(wordsOf("个人消费")));

interface Found {
  at: number;
  phrase: string;
  kind: ExcludedKind;
}

/** The earliest repayment of a loan in a compact clause. */
function repayment(flat: string): Found | undefined {
  let best: Found | undefined;
  const consider = (f: Found) => {
    if (!best || f.at < best.at) best = f;
  };
  const self = SELF_CONTAINED.exec(flat);
  if (self)
    consider({ at: self.index, phrase: self[0], kind: "偿还其他银行贷款" });
  const reversed = OBJECT_THEN_VERB.exec(flat);
  if (reversed)
    consider({
      at: reversed.index,
      phrase: reversed[0],
      kind: "偿还其他银行贷款",
    });
  for (const verb of flat.matchAll(VERB)) {
    const after = flat.slice(verb.index + verb[0].length);
    const shareholder = after.startsWith("股东") || after.includes("股东");
    const object = OBJECT.exec(after);
    const objectAt = Math.min(
      object?.index ?? Infinity,
      shareholder
        ? (SHAREHOLDER_OBJECT.exec(after)?.index ?? Infinity)
        : Infinity,
    );
    if (objectAt === Infinity || objectAt > MAX_BETWEEN) continue;
    const between = after.slice(0, objectAt);
    if (OTHER_ACTION.test(between)) continue;
    const objectText =
      object?.index === objectAt
        ? object[0]
        : SHAREHOLDER_OBJECT.exec(after)![0];
    consider({
      at: verb.index,
      phrase: `${verb[0]}${between}${objectText}`,
      kind: between.includes("股东") ? "偿还股东借款" : "偿还其他银行贷款",
    });
    break;
  }
  return best;
}

/**
 * The excluded purpose in a compact clause: the earliest one, except that 过桥 wins over the repayment it serves
 * (续贷过桥资金 is 过桥资金, "为偿还银行贷款借用的过桥资金").
 */
function findExcluded(flat: string): Found | undefined {
  const bridge = BRIDGE.exec(flat);
  let best: Found | undefined = bridge
    ? { at: bridge.index, phrase: bridge[0], kind: "过桥资金" }
    : repayment(flat);
  for (const [re, kind] of [
    [INVESTMENT, "金融投资"],
    [PERSONAL, "个人消费"],
  ] as const) {
    const m = re.exec(flat);
    if (m && (!best || m.index < best.at))
      best = { at: m.index, phrase: m[0], kind };
  }
  return best;
}

/**
 * The excluded purpose a 用途 text names, clause by clause (a mention without negation wins over a negated one), or
 * undefined when it names none. White space and full-width forms are ignored. Remembered per text (purposes repeat).
 * @example excludedLoanPurpose("偿还工商银行到期流动资金贷款") → {kind:"偿还其他银行贷款", phrase:"偿还工商银行到期流动资金贷款", …}
 * @example excludedLoanPurpose("偿还设备款") → undefined; excludedLoanPurpose("不得用于理财") → {kind:"金融投资", negation:"不得", …}
 */
export const excludedLoanPurpose = rememberText(
  (text: string): ExcludedPurpose | undefined =>
    firstMention(text, findExcluded),
);

/** The notice's excluded kinds, in its order, as one text for messages. */
export const EXCLUDED_KINDS_TEXT = EXCLUDED_LOAN_PURPOSES.map(
  (p) => p.label,
).join("、");
