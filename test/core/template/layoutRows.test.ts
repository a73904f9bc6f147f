/** layoutTemplate's `dataRows` option (the merged 申报汇总表 has one data row per merged row). */
import { getTable } from "../../../src/core/catalog/tables";
import { DATA_ROW_COUNT, layoutTemplate } from "../../../src/core/template";

test("dataRows sets the number of data rows; validations and the last row follow; default 20", () => {
  const table = getTable("application-summary");
  const three = layoutTemplate(table, { dataRows: 3 });
  expect(three.dataRows).toEqual({ first: 3, last: 5 });
  expect(three.lastRow).toBe(5);
  expect(
    new Set(three.validations.map((v) => `${v.range.s.r}-${v.range.e.r}`)),
  ).toEqual(new Set(["3-5"]));
  expect(three.cells.filter((c) => c.style === "data")).toHaveLength(
    3 * table.columns.length,
  );
  expect(layoutTemplate(table).dataRows).toEqual({
    first: 3,
    last: 2 + DATA_ROW_COUNT,
  });
});

test("dataRows below 1 or not an integer is a RangeError", () => {
  const table = getTable("project-info");
  expect(() => layoutTemplate(table, { dataRows: 0 })).toThrow(RangeError);
  expect(() => layoutTemplate(table, { dataRows: 1.5 })).toThrow(
    "数据行数须为正整数：1.5",
  );
});
