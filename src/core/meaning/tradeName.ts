/**
 * Related parties by trade name (附件1 三(七) "算力需求方与算力供给方不得存在关联关系"; tables.md T9
 * COMPUTE-RELATED-NAME): two enterprises whose 字号 are equal, or where one 字号 of at least 2 characters begins the
 * other (华晋 and 华晋智算), are likely related and need a look.
 */
import { tradeName } from "../names/company";

/** Shortest 字号 that may begin another one. */
const MIN_PREFIX = 2;

/**
 * The two 字号 when the names share one (equal, or the shorter, of at least 2 characters, begins the longer), else
 * undefined. Names without a readable 字号 share none.
 * @example sharedTradeName("山西华晋智算科技有限公司", "华晋集团有限公司") → {a:"华晋", b:"华晋"}
 * @example sharedTradeName("北京智谱华章科技有限公司", "山西华晋集团有限公司") → undefined
 */
export function sharedTradeName(
  nameA: string,
  nameB: string,
): { a: string; b: string } | undefined {
  const a = tradeName(nameA);
  const b = tradeName(nameB);
  if (a === undefined || b === undefined) return undefined;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= MIN_PREFIX && long.startsWith(short)
    ? { a, b }
    : undefined;
}
