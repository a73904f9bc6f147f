/** Our own templates (src/core/template layout) are recognised as their table, with or without the mark. */
import { TABLES } from "../../../src/core/catalog/tables";
import type { Cell, Sheet } from "../../../src/core/model/grid";
import { recognizeSheet } from "../../../src/core/recognize";
import { checkWorkbook } from "../../../src/core/check/engine";
import { layoutTemplate } from "../../../src/core/template/layout";
import { workbookOf } from "../../helpers/sheet";

function templateSheet(tableId: string, marked: boolean): Sheet {
  const table = TABLES.find((t) => t.id === tableId)!;
  const layout = layoutTemplate(table, table.yearInTitle ? { year: 2024 } : {});
  const rows: (Cell | undefined)[][] = [];
  for (const c of layout.cells) {
    if (c.value === undefined && c.formula === undefined) continue;
    (rows[c.r] ??= [])[c.c] =
      c.formula !== undefined ? { v: 0, f: c.formula } : { v: c.value! };
  }
  for (let r = 0; r <= layout.lastRow; r++) rows[r] ??= [];
  return {
    name: layout.sheetName,
    rows,
    merges: layout.merges,
    ...(marked ? { mark: { tableId: table.id, version: 1 } } : {}),
  };
}

describe.each(TABLES.map((t) => [t.id]))("template of %s", (id) => {
  test.each([true, false])(
    "recognised as its table (marked: %s), every column found, no data rows",
    (marked) => {
      const sheet = templateSheet(id, marked);
      const r = recognizeSheet(sheet, false);
      if (!r.ok) throw new Error(JSON.stringify(r.findings));
      expect(r.tables.map((t) => t.table.id)).toEqual([id]);
      const t = r.table;
      expect(
        t.table.columns
          .filter((c) => t.columns[c.key] === undefined)
          .map((c) => c.key),
      ).toEqual([]);
      expect(t.extraColumns).toEqual([]);
      expect(t.rows).toEqual([]);
      if (t.table.yearInTitle) expect(t.year).toBe(2024);
      // An empty template has nothing wrong, except that one year sheet of T4/T5 alone lacks the other years.
      const report = checkWorkbook(workbookOf([sheet]));
      const errors = report.tables
        .flatMap((x) => x.findings)
        .filter((f) => f.severity === "error" && f.rule !== "COOP-YEARS");
      expect(errors).toEqual([]);
    },
  );
});
