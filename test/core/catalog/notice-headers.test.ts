/**
 * The catalog's header texts are the notice's: each official table's header row is read from the notice itself
 * (../shared/seed, tab-separated rows of the PDF's tables), with the PDF's stray spaces removed.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { TABLES, getTable } from "../../../src/core/catalog";
import type { TableId } from "../../../src/core/catalog";

const SEED = path.resolve(
  __dirname,
  "../../../../shared/seed/000_bf875482438a076a.txt",
);
const lines = fs.readFileSync(SEED, "utf8").split("\n");

/** The notice's stray PDF spaces removed. */
const clean = (s: string) => s.replace(/\s+/g, "");

/** The header row of the table whose title line is `title`: the first line starting with 序号 after it. */
function noticeHeader(title: string, offset = 0): string[] {
  const at = lines.findIndex((l) => clean(l) === clean(title));
  expect(at).toBeGreaterThanOrEqual(0);
  const header = lines.findIndex((l, i) => i > at && l.startsWith("序号"));
  return lines[header + offset]!.split("\t")
    .map(clean)
    .filter((c) => c !== "");
}

/** Header texts of a table as a one-row header (group texts once, in place of their sub-columns). */
function topRow(id: TableId): string[] {
  const out: string[] = [];
  for (const c of getTable(id).columns) {
    const text = c.group ?? c.header;
    if (!c.group || out.at(-1) !== c.group) out.push(text);
  }
  return out;
}

test.each([
  ["loan-interest", "省级重点产业链链上企业 2024 年度新增贷款明细表"],
  ["insurance-credit", "保险增信补贴明细表"],
  ["finance-lease", "融资租赁补贴明细表"],
  ["leader-suppliers", "“链主”企业____年度协作配套企业清单"],
  ["member-transactions", "链上企业____年度围绕“链主”企业协作配套交易明细表"],
  ["project-info", "山西省技术改造专项资金事项类项目情况表"],
  ["application-summary", "山西省技术改造专项资金事项类项目申报汇总表"],
] as const)("%s: every header equals the notice's (%s)", (id, title) => {
  expect(topRow(id)).toEqual(noticeHeader(title));
});

test("exempt-summary (附件4): both header rows equal the notice's", () => {
  const title = "山西省技术改造专项资金事项类项目（“免申即享”）申报汇总表";
  expect(topRow("exempt-summary")).toEqual(noticeHeader(title));
  // The notice leaves a third, blank sub-column under each group for more entries; the catalog names it 试点示范3.
  const sub = getTable("exempt-summary")
    .columns.filter((c) => c.group && !c.header.startsWith("试点示范3"))
    .map((c) => c.header);
  expect(sub).toEqual(noticeHeader(title, 1));
});

test("titles and lines are the notice's", () => {
  const text = clean(lines.join("\n"));
  for (const t of TABLES.filter((x) => !x.ourLayout)) {
    expect(text).toContain(clean(t.title));
    for (const line of t.lines) expect(text).toContain(clean(line));
  }
});

test("the catalog is the only place in src/ where the notice's header texts are written", () => {
  const src = path.resolve(__dirname, "../../../src");
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (
        /\.tsx?$/.test(e.name) &&
        !p.includes(`${path.sep}catalog${path.sep}`)
      )
        files.push(p);
    }
  };
  walk(src);
  // Headers distinctive enough that writing them elsewhere means a copy of the catalog (short ones like 序号 are
  // ordinary words in messages).
  const distinctive = [
    ...new Set(TABLES.flatMap((t) => t.columns.map((c) => c.header))),
  ].filter((h) => h.length >= 9);
  const copies = files.flatMap((f) => {
    const body = fs.readFileSync(f, "utf8");
    return distinctive
      .filter((h) => body.includes(`"${h}"`))
      .map((h) => `${path.relative(src, f)}: ${h}`);
  });
  expect(copies).toEqual([]);
});
