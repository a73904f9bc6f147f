import * as path from "node:path";
import { checkWorkbook } from "../../../src/core/check/engine";
import { loadWorkbook, tableSheet, workbookOf } from "../../helpers/sheet";

test("without a 企业名称 line, a table of one application names the enterprise its rows give", async () => {
  const wb = await loadWorkbook(
    path.resolve(__dirname, "../../../../shared/samples/loan-handmade.xlsx"),
  );
  expect(checkWorkbook(wb).tables[0]!.enterprise).toBe(
    "阳泉市东方新材料有限公司",
  );
});

test("an 申报汇总表 lists many enterprises: none is taken as the applicant", () => {
  const row = (seq: number, enterpriseName: string) => ({
    seq,
    city: "太原市",
    enterpriseName,
  });
  const s = tableSheet("application-summary", [
    row(1, "甲公司"),
    row(2, "甲公司"),
    row(3, "乙公司"),
  ]);
  expect(checkWorkbook(workbookOf([s])).tables[0]!.enterprise).toBeUndefined();
});
