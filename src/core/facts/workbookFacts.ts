/**
 * Facts of a whole workbook: what workbook rules and the report read across its tables. The engine makes them once
 * per check (and once per live re-check, from the tables' facts the edited rows updated) and hands the same object to
 * the rules (`WorkbookContext.facts`) and to the report.
 */
import type { TableContext } from "../model/table";
import { coopYearAnalysis, type CoopAnalysis } from "./coop";

/** The facts of one workbook. */
export interface WorkbookFacts {
  /** The 协作配套 year analysis of its T4/T5 lists (empty when it has none). */
  coop: CoopAnalysis;
}

/** The facts of the workbook whose recognised tables are `tables`, from their current rows. */
export function workbookFacts(tables: readonly TableContext[]): WorkbookFacts {
  return { coop: coopYearAnalysis(tables) };
}
