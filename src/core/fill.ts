/**
 * Fill helpers for fillers (issue 4 part 7): plans of the cells to write, shown to the user before anything is
 * written. Pure: the adapter writes a plan in one batch.
 */

/** One cell a fill plan writes. */
export interface FillChange {
  sheet: string;
  /** A1 address without the sheet name (`L6`). */
  cell: string;
  /** 0-based grid row and column. */
  row: number;
  col: number;
  /** Value now in the cell (null when empty). */
  before: string | number | boolean | null;
  /** Value the plan writes. */
  after: string | number;
}

/** A plan: what will be written where; `notes` say which rows were left alone and why (Chinese). */
export interface FillPlan {
  sheet: string;
  kind: "interest" | "renumber";
  changes: FillChange[];
  notes: string[];
}
