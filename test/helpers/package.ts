/** A 情况表 row of the enterprise of `loanRow` (test/helpers/sheet.ts), for package and settle tests. */
import type { CellInput } from "./sheet";

/** The enterprise of `loanRow`. */
export const NAME = "阳泉市东方新材料有限公司";

/** A clean 情况表 row of {@link NAME} (阳泉市平定县) applying for `direction`, with overrides. */
export function info(
  direction: string,
  projectName: string,
  over: Record<string, CellInput> = {},
): Record<string, CellInput> {
  return {
    seq: 1,
    city: "阳泉市",
    county: "平定县",
    enterpriseName: NAME,
    special: "企业增量提质专项",
    direction,
    projectName,
    nature: "民营企业",
    category: "战略性新兴产业",
    industry: "新材料",
    contact: "王工 13835610011",
    ...over,
  };
}
