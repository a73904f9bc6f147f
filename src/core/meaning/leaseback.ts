/**
 * Sale-and-leaseback by meaning (附件1 六(三) "融资租赁形式须为直租形式"; tables.md T3 LEASE-FORM): 售后回租, 回租, 租回,
 * and a sale followed by leasing back in any word order (将设备出售给租赁公司后再租回, 先卖后租, 转让后承租), English
 * "leaseback". A 资产转让协议 alone is no evidence: the notice asks for it (附件2 四(四)6(3)).
 */
import { compact } from "../parse";
import { rememberText } from "../util/remember";
import { firstMention, type Mention } from "./clause";

/** Words that name a leaseback on their own. */
const WORDS =
  /售后回租|售后租回|回租|租回|先卖后租|卖后租|售后再租|lease-?back/i;
/** A sale, then (within the clause) a leasing back: 出售…租回, 转让给…后承租. */
const SALE_THEN_LEASE =
  /(出售|卖出|卖给|售予|售给|转让|出让)(?!协议|合同)([^]{0,16}?)(后|再|并|又)(租回|回租|承租|租赁使用|租用)/;
/** A direct lease named in the same clause (直租（非售后回租）: allowed). */
const DIRECT = /直租|直接租赁/;

/** A leaseback found in a text. */
export interface LeasebackMention extends Mention {
  /** The clause also names a direct lease (直租). */
  direct: boolean;
}

function find(
  flat: string,
): { at: number; phrase: string; direct: boolean } | undefined {
  const a = WORDS.exec(flat);
  const b = SALE_THEN_LEASE.exec(flat);
  const m = a && (!b || a.index <= b.index) ? a : b;
  return m
    ? { at: m.index, phrase: m[0], direct: DIRECT.test(flat) }
    : undefined;
}

/**
 * The leaseback a text describes, clause by clause (a mention without negation wins), or undefined.
 * @example leasebackOf("售后回租") → {phrase:"售后回租", …}; leasebackOf("直租（非售后回租）") → {negation:"非", direct:true, …}
 * @example leasebackOf("资产转让协议") → undefined
 */
export const leasebackOf = rememberText(
  (text: string): LeasebackMention | undefined => firstMention(text, find),
);

/**
 * How LEASE-FORM judges a text: `leaseback` (错误), `negated` (a negated mention: 警告), or `direct` (no finding: a
 * direct lease that says it is not a leaseback, 直租（非售后回租）), or undefined when nothing is said.
 */
export function leaseFormVerdict(
  text: string,
):
  | { verdict: "leaseback" | "negated" | "direct"; mention: LeasebackMention }
  | undefined {
  const mention = leasebackOf(text);
  if (!mention) return undefined;
  if (mention.negation === undefined) return { verdict: "leaseback", mention };
  // 直租 may stand in another clause of the text (直租，不是回租).
  const direct = mention.direct || DIRECT.test(compact(text));
  return { verdict: direct ? "direct" : "negated", mention };
}
