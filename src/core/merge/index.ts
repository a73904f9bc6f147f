export * from "./types";
export { compareRows, type RowOrderKey } from "./order";
export { mergeFiles, MERGE_SHEET_NAMES, REVIEWER_LABEL } from "./merge";
export { mergeLogSheet } from "./log";
export { mergeStatsSheet, STATS_SHEET_NAME } from "./stats";
