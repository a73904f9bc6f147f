/** Amounts as messages and reports write them: 万元 as people write it, and the notice's tiers. */

/** An amount in 万元 as people write it: up to 4 decimals, no trailing zeros (`2100万元`, `480.5万元`). */
export function wan(n: string | number | undefined): string {
  return `${Number(Number(n ?? 0).toFixed(4))}万元`;
}

/** A tier as the notice writes it: `500万元` … `5000万元`, `1亿元`, `3亿元`, `5亿元`. */
export function tierLabel(t: string | number | undefined): string {
  const n = Number(t);
  return n >= 10000 ? `${n / 10000}亿元` : `${n}万元`;
}
