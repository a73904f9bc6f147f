/**
 * What the parsers say about a cell, as codes with params and no words: why it could not be read (a
 * {@link ParseReason}) and how a non-obvious reading was made (a {@link ParseNote}). One catalog (messages/parse.ts)
 * words them in Chinese; its type covers every code here, so a code without words is a compiler error.
 */
import type { CalendarDate } from "./types";

/** What a parser expected where it found a logical value (`单元格是逻辑值TRUE，不是日期`). */
export type Expected = "number" | "date" | "dateRange" | "code";

/**
 * Params of each reason code: what the message names. `code` is the reason's own code, so an organisation code read
 * is `value`.
 */
export interface ReasonParams {
  /** Empty or spaces only. */
  "CELL-EMPTY": Record<never, never>;
  /** An error value such as `#REF!`. */
  "CELL-ERROR": { error: string };
  /** TRUE or FALSE where a number, date or code was expected. */
  "CELL-LOGICAL": { value: boolean; expected: Expected };
  /** Text that is no number (`约12`, `(3)`). */
  "NUMBER-TEXT": { text: string };
  /** Thousands separators in the wrong places (`12 34`, `1,2`). */
  "NUMBER-GROUPING": { text: string };
  /** A unit other than 万元 (`3.5元`, `1亿元`): reading it as 万元 would be a guess. */
  "NUMBER-UNIT": { text: string; unit: string };
  /** A fraction where a whole number is expected. */
  "INTEGER-FRACTION": { value: number };
  /** Text that is no percent. */
  "PERCENT-TEXT": { text: string };
  /** Text that is no date in any known form. */
  "DATE-TEXT": { text: string };
  /** A month outside 1–12 (`2024.13.1`). */
  "DATE-MONTH": { text: string; month: number };
  /** Day 0 (`2024.3.0`). */
  "DATE-DAY": { text: string; day: number };
  /** A day after the month's last (`2024-02-30`). */
  "DATE-MONTH-DAYS": { text: string; y: number; m: number; days: number };
  /** A number outside the workbook's date serials. */
  "DATE-NUMBER": { value: number };
  /** Serial 60 of the 1900 system: the 1900-02-29 that never was. */
  "DATE-1900-02-29": { serial: number };
  /** Text that is no date range. */
  "RANGE-TEXT": { text: string };
  /** Text that splits into two dates in more than one way. */
  "RANGE-AMBIGUOUS": { text: string };
  /** One date where a range is expected. */
  "RANGE-SINGLE": { date: CalendarDate };
  /** A number (or a date cell not read as a date) where a range is expected. */
  "RANGE-NUMBER": { value: number | string };
  /** A code stored as a number of 16+ digits: its last digits are gone. */
  "CODE-DIGITS-LOST": Record<never, never>;
  /** A negative or fractional number in a code cell. */
  "CODE-NUMBER": { value: number };
  /** A code neither 18 nor 9 characters long. */
  "CODE-LENGTH": { value: string };
  /** A code of the wrong length stored as a number (a leading 0 may be lost). */
  "CODE-LENGTH-NUMBER": { value: string };
  /** 15 digits: the former 工商注册号. */
  "CODE-REGISTRATION": { value: string };
  /** A 统一社会信用代码 character outside GB 32100's set (1-based `position`). */
  "USC-CHAR": { value: string; position: number; char: string };
  /** A 统一社会信用代码 whose check character is not `expected`. */
  "USC-CHECK": { value: string; expected: string };
  /** A 组织机构代码 character outside GB 11714's set (1-based `position`). */
  "ORG-CHAR": { value: string; position: number; char: string };
  /** A 组织机构代码 whose check character is not `expected`. */
  "ORG-CHECK": { value: string; expected: string };
}

/** Params of each note code. */
export interface NoteParams {
  /** Text read as a number (`1,234.56`, full-width digits, spaces). */
  "NUMBER-FROM-TEXT": { text: string; value: number };
  /** A `万元`/`万` unit dropped. */
  "NUMBER-UNIT-DROPPED": { unit: string; value: number };
  /** A number in a percent format read as a number of percent. */
  "PERCENT-FROM-FORMAT": { value: number };
  /** A time of day after the date, not midnight, ignored. */
  "DATE-TIME-IGNORED": { time: string };
  /** An 8-digit number (`20240305`) read as a date. */
  "DATE-FROM-DIGITS": { value: number; date: CalendarDate };
  /** A number without a date format read as a date serial. */
  "DATE-FROM-SERIAL": { serial: number; date: CalendarDate };
  /** The notes of a range's start and end dates. */
  "RANGE-PARTS": { parts: readonly ParseNote[] };
  /** A code read without spaces, full-width forms or lower-case letters. */
  "CODE-NORMALISED": { typed: string; value: string };
}

export type ReasonCode = keyof ReasonParams;
export type NoteCode = keyof NoteParams;

/** Why a cell could not be read: `{ code: "CELL-ERROR", error: "#REF!" }`. */
export type ParseReason = {
  [C in ReasonCode]: { code: C } & ReasonParams[C];
}[ReasonCode];

/** How a non-obvious reading was made: `{ code: "PERCENT-FROM-FORMAT", value: 3.45 }`. */
export type ParseNote = {
  [C in NoteCode]: { code: C } & NoteParams[C];
}[NoteCode];
