/**
 * 在表格中标记 / 清除标记: finding cells are marked with conditional formats of ours — a custom rule
 * that is always true, with a fill by severity — so no cell's value or format changes, and clearing removes exactly
 * our rules. Ours are recognised by their formula ({@link MARK_FORMULA}, which names the tool), which survives saving
 * and reopening the file; the user's own conditional formats are never touched.
 */
import {
  SEVERITIES,
  type Finding,
  type Severity,
} from "../../core/model/finding";

/** The rule of our marks: always true; the text in it is how we recognise them. */
export const MARK_FORMULA = '=LEN("技改填报助手标记")>0';
const MARK_TAG = "技改填报助手标记";

/** Fill colour of a mark by severity: 错误 red, 警告 amber, 提示 blue (Excel's light styles). */
export const MARK_COLORS: Readonly<Record<Severity, string>> = {
  error: "#FFC7CE",
  warning: "#FFEB9C",
  info: "#DDEBF7",
};

/** Longest address list given to one `getRanges` call, in characters. */
const MAX_AREAS_CHARS = 2000;

/**
 * Queues the deletion of our marks in every sheet: 2 syncs to find them (their types, then the formulas of the
 * custom ones), the deletions are left queued for the caller's sync.
 * @returns how many marks were found
 */
async function queueClear(context: Excel.RequestContext): Promise<number> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const collections = sheets.items.map((ws) => {
    const cfs = ws.getRange().conditionalFormats;
    cfs.load("items/type");
    return cfs;
  });
  await context.sync();
  const custom = collections.flatMap((cfs) =>
    cfs.items.filter((cf) => cf.type === "Custom"),
  );
  if (custom.length === 0) return 0;
  const rules = custom.map((cf) => {
    const rule = cf.custom.rule;
    rule.load("formula");
    return { cf, rule };
  });
  await context.sync();
  const ours = rules.filter(({ rule }) => rule.formula.includes(MARK_TAG));
  for (const { cf } of ours) cf.delete();
  return ours.length;
}

/** Comma-joined address lists of at most {@link MAX_AREAS_CHARS} characters. */
function addressLists(cells: readonly string[]): string[] {
  const lists: string[] = [];
  let current = "";
  for (const cell of cells) {
    if (current && current.length + cell.length + 1 > MAX_AREAS_CHARS) {
      lists.push(current);
      current = "";
    }
    current = current ? `${current},${cell}` : cell;
  }
  if (current) lists.push(current);
  return lists;
}

/**
 * Marks the cells of the findings (replacing our earlier marks): one rule per sheet, severity and block of
 * addresses; a cell with several findings gets the colour of the most severe. Findings without a cell, or on a
 * sheet that no longer exists, are skipped. 4 syncs in all.
 */
export async function markFindings(
  findings: readonly Finding[],
): Promise<void> {
  await Excel.run(async (context) => {
    await queueClear(context);
    const names = new Set(context.workbook.worksheets.items.map((s) => s.name));
    const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
    const worst = new Map<string, Map<string, Severity>>();
    for (const f of findings) {
      if (!f.cell || !names.has(f.sheet)) continue;
      const cells = worst.get(f.sheet) ?? new Map<string, Severity>();
      const had = cells.get(f.cell);
      if (!had || rank[f.severity] < rank[had]) cells.set(f.cell, f.severity);
      worst.set(f.sheet, cells);
    }
    for (const [sheet, cells] of worst) {
      const ws = context.workbook.worksheets.getItem(sheet);
      for (const severity of SEVERITIES) {
        const list = [...cells]
          .filter(([, s]) => s === severity)
          .map(([cell]) => cell);
        for (const addresses of addressLists(list)) {
          const cf = ws.getRanges(addresses).conditionalFormats.add("Custom");
          cf.custom.rule.formula = MARK_FORMULA;
          cf.custom.format.fill.color = MARK_COLORS[severity];
        }
      }
    }
    await context.sync();
  });
}

/** 清除标记: removes our marks from every sheet, nothing else. At most 4 syncs. */
export async function clearMarks(): Promise<void> {
  await Excel.run(async (context) => {
    if ((await queueClear(context)) > 0) await context.sync();
  });
}
