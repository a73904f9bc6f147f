/**
 * Each problem said once, the worst first (../shared/spec/tables.md, "All tables", Repeats): the same rule with the
 * same message on many rows of one table is ONE finding for its cell range, and every output lists findings by
 * severity (错误, 警告, 提示), then sheet, then cell. Pure: works on located findings of any source.
 */
import { SEVERITIES, type Finding } from "../model/finding";
import { a1, parseA1 } from "../model/grid";

/** `（共25行：G6:G30）`: what a settled repeat adds to its message. */
export function repeatSuffix(rows: number, range: string): string {
  return `（共${rows}行：${range}）`;
}

/** The identity of a problem: same file, sheet, rule, severity, column and message. */
function problemKey(f: Finding): string {
  return [
    f.file ?? "",
    f.sheet,
    f.rule,
    f.severity,
    f.column ?? "",
    f.message,
  ].join("\u0000");
}

/**
 * Settles repeats: findings with a cell that share file, sheet, rule, severity, column and message become one
 * finding at the first of their cells (smallest row, then column), with `range` from the top-left to the
 * bottom-right of their cells, `rows` the number of distinct rows, and the message followed by
 * {@link repeatSuffix}. A problem found on one row only, and findings without a cell, are kept as they are.
 * @param findings located findings (engine `finalize` or a merge); an already settled finding is never merged again
 * @returns the findings in the given order, each settled repeat at the place of its first member
 */
export function settleRepeats(findings: readonly Finding[]): Finding[] {
  const groups = new Map<string, Finding[]>();
  const keys = findings.map((f) =>
    f.cell === undefined || f.range !== undefined ? undefined : problemKey(f),
  );
  findings.forEach((f, i) => {
    const key = keys[i];
    if (key === undefined) return;
    const g = groups.get(key);
    if (g) g.push(f);
    else groups.set(key, [f]);
  });
  const out: Finding[] = [];
  for (const [i, f] of findings.entries()) {
    const key = keys[i];
    if (key === undefined) {
      out.push(f);
      continue;
    }
    const g = groups.get(key)!;
    if (g.length === 1) out.push(f);
    else if (g[0] === f) out.push(settled(g));
  }
  return out;
}

/** One finding for a group of at least two findings with cells. */
function settled(group: readonly Finding[]): Finding {
  const at = group.map((f) => ({ f, ...parseA1(f.cell!) }));
  const first = at.reduce((a, b) =>
    b.r < a.r || (b.r === a.r && b.c < a.c) ? b : a,
  );
  const top = Math.min(...at.map((x) => x.r));
  const bottom = Math.max(...at.map((x) => x.r));
  const left = Math.min(...at.map((x) => x.c));
  const right = Math.max(...at.map((x) => x.c));
  const range = `${a1(top, left)}:${a1(bottom, right)}`;
  const rows = new Set(at.map((x) => x.r)).size;
  return {
    ...first.f,
    range,
    rows,
    message: `${first.f.message}${repeatSuffix(rows, range)}`,
  };
}

/** True when `cell` (A1, no sheet) is the finding's cell or inside its settled range. */
export function findingCovers(
  f: Pick<Finding, "cell" | "range">,
  cell: string,
): boolean {
  if (f.cell === cell) return true;
  if (f.range === undefined || !/^[A-Z]+[1-9]\d*$/.test(cell)) return false;
  const [from, to] = f.range.split(":") as [string, string];
  const a = parseA1(from);
  const b = parseA1(to);
  const x = parseA1(cell);
  return x.r >= a.r && x.r <= b.r && x.c >= a.c && x.c <= b.c;
}

/** Rank of a severity: 错误 0, 警告 1, 提示 2. */
export function severityRank(f: Pick<Finding, "severity">): number {
  return SEVERITIES.indexOf(f.severity);
}

/**
 * Findings in reading order for a reviewer: by severity (错误, 警告, 提示), then sheet, then cell (row, then
 * column; findings without a cell first within their sheet). Stable: equals keep their order.
 * @param sheetOrder sheet names in workbook order; a sheet not listed comes after the listed ones, in order of first
 *   appearance in `findings` (file-level findings have sheet '' and come first when '' is listed first)
 */
export function sortFindings<F extends Finding>(
  findings: readonly F[],
  sheetOrder: readonly string[] = [],
): F[] {
  const sheetRank = new Map<string, number>();
  sheetOrder.forEach((s, i) => {
    if (!sheetRank.has(s)) sheetRank.set(s, i);
  });
  for (const f of findings)
    if (!sheetRank.has(f.sheet))
      sheetRank.set(f.sheet, sheetRank.size + sheetOrder.length);
  const place = (f: Finding) => {
    if (f.cell === undefined) return { r: (f.row ?? 0) - 1, c: -1 };
    return parseA1(f.cell);
  };
  return findings
    .map((f, i) => ({ f, i, p: place(f) }))
    .sort(
      (a, b) =>
        severityRank(a.f) - severityRank(b.f) ||
        sheetRank.get(a.f.sheet)! - sheetRank.get(b.f.sheet)! ||
        a.p.r - b.p.r ||
        a.p.c - b.p.c ||
        a.i - b.i,
    )
    .map((x) => x.f);
}
