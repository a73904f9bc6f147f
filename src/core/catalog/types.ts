import type { EnumId } from "./enums";

/** Stable product ids of the official tables (../shared/spec/tables.md). */
export type TableId =
  | "loan-interest"
  | "insurance-credit"
  | "finance-lease"
  | "lease-equipment"
  | "leader-suppliers"
  | "member-transactions"
  | "project-info"
  | "application-summary"
  | "exempt-summary"
  | "compute-services"
  | "related-parties";

/**
 * How a column's cells are read and written.
 * - `seq` 序号 (integer 1..n) · `text` · `amount` 万元 · `date` a calendar date · `dateRange` `X年X月X日—X年X月X日`
 * - `percent` a percent number (3.45 means 3.45 %) · `integer` · `number` · `enum` one of a list
 * - `code` 组织机构代码 / 统一社会信用代码 · `contact` a name and an 11-digit mobile number · `pages` 页码
 */
export type ColumnType =
  | "seq"
  | "text"
  | "amount"
  | "date"
  | "dateRange"
  | "percent"
  | "integer"
  | "number"
  | "enum"
  | "code"
  | "contact"
  | "pages";

/**
 * Required level of a column:
 * - `notice`: the notice names it (an empty cell on a row with data is a 错误, ROW-REQUIRED);
 * - `expected`: part of the table (empty → 警告);
 * - `optional`: may stay empty.
 */
export type Requirement = "notice" | "expected" | "optional";

/** One column of an official table; `K` is its key as a literal type (the catalog's `as const` definitions). */
export interface ColumnDef<K extends string = string> {
  /** English identifier used in code (e.g. `drawdownDate` — 贷款提款时间). */
  key: K;
  /** Official header text, exactly as in the notice (PDF stray spaces removed). */
  header: string;
  /** Group header above it (two-row headers: T8). */
  group?: string;
  type: ColumnType;
  /** Excel number format for the data cells. */
  numFmt?: string;
  /** Column width in Excel character units. */
  width: number;
  required: Requirement;
  /** The list for `enum` columns. */
  enum?: EnumId;
  /** For a list that depends on another column (申报方向 on 申报专项): that column's key. */
  dependsOn?: string;
  /** The 合计 row sums this column. */
  sum?: boolean;
  /** The notice demands a date in this year (data validation warns outside it). */
  year?: number;
  /** Other header texts people type for this column (recognition), besides the spacing/bracket variants. */
  aliases?: readonly string[];
  /** A note shown in the template's first data row of the notice ("填写单笔放款本金金额"). */
  hint?: string;
}

/** Where the 合计 row stands. */
export type TotalPlacement = "above" | "below" | "none";

/** One official table: drives templates, dropdowns, recognition, validation and reports; `K` its column keys. */
export interface TableDef<K extends string = string> {
  id: TableId;
  /** Official title; `____` marks the year blank of T4/T5. */
  title: string;
  /** The title holds a year blank filled per sheet (T4/T5). */
  yearInTitle: boolean;
  /** Lines between title and header, left to right in one row each (`单位：万元`, `企业名称：（公章）`). */
  lines: readonly string[];
  columns: readonly ColumnDef<K>[];
  /** 合计 row: above the numbered rows (T1–T3) or below them (T4/T5). */
  total: TotalPlacement;
  /** Label text of the 合计 row as the notice prints it (`合计` or `合 计`). */
  totalLabel: string;
  /** Column whose 合计 cell holds a dash in the notice (T4 "—", T5 "——"). */
  totalDash?: { key: K; text: string };
  /** Seed section(s) the table comes from. */
  source: string;
  /** 申报专项 the table belongs to (gallery group). */
  special: string;
  /** One line, in Chinese, of what the table is for. */
  purpose: string;
  /** Sheet name for the inserted template (≤ 31 characters, no []:*?/\). */
  sheetName: string;
  /** Records may span continuation rows with an empty 序号 (T2, T3). */
  continuationRows: boolean;
  /** The notice gives no layout; this product defines it (reading). */
  ourLayout?: boolean;
}
