/**
 * The 协作配套 year analysis a workbook report carries (`WorkbookReport.coop`, issue 4 part 4): so that the task pane,
 * which receives only the report, shows each partner's annual 交易额 of 2022/2023/2024 and the tier it reaches.
 */
import type { TableId } from "../catalog/types";
import type { TableContext } from "../model/table";
import { coopYearAnalysis, summarizeCoop, type CoopListSummary } from "./coop";

/** The analysis as plain data: T4 (`leader`, “链主”企业____年度协作配套企业清单) and T5 (`member`) when present. */
export interface CoopSummary {
  leader?: CoopListSummary;
  member?: CoopListSummary;
}

const COOP_LISTS: readonly TableId[] = [
  "leader-suppliers",
  "member-transactions",
];

/**
 * The year analysis of the 协作配套 lists among a workbook's recognised tables (附件1 六(十)(十一)); amounts in 万元.
 * @param tables every recognised table of the workbook (the 情况表 gives T5 the applicant's chain)
 * @returns undefined when no sheet is a T4 or T5 list
 */
export function coopSummary(
  tables: readonly TableContext[],
): CoopSummary | undefined {
  if (!tables.some((t) => COOP_LISTS.includes(t.table.id))) return undefined;
  return summarizeCoop(coopYearAnalysis(tables));
}
