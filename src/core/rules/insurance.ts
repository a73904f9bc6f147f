/**
 * Rules of T2 保险增信补贴明细表 (`insurance-credit`). Seed: 附件1 六(二); 附件2 三(二)5(2), 四(四)6(2).
 * Codes, severities and readings: ../shared/spec/tables.md, T2. A record may span continuation rows (several
 * policies or invoices of one loan): amounts add up per record or per policy, invoices are checked per row.
 * Amounts in 万元, 保险费率 in percent.
 */
import { placeOutsideShanxi } from "../meaning/places";
import { compareDates, formatDate, round } from "../parse";
import type { DateRange } from "../parse";
import {
  periodCheck,
  yearCheck,
  type PeriodParams,
  type YearParams,
} from "./ranges";
import {
  firstNum,
  invoiceCheck,
  itemsOf,
  ownSum,
  recordsOf,
  rowWithNum,
} from "./records";
import { defineRule } from "./types";
import { dateOf, rangeOf, text } from "../model/table";

const INSURANCE = ["insurance-credit"] as const;
/** A policy longer than this may be paid in instalments (INS-PREMIUM-CALC reading). */
const INSTALMENT_MONTHS = 13;

/** True when `range` runs longer than `months` calendar months (2024-03-05—2025-04-06 is longer than 13). */
export function longerThanMonths(range: DateRange, months: number): boolean {
  const { start, end } = range;
  const whole = (end.y - start.y) * 12 + (end.m - start.m);
  return whole > months || (whole === months && end.d > start.d);
}

export const INSURANCE_RULES = [
  defineRule<YearParams>()({
    code: "INS-DRAW-YEAR",
    severity: "error",
    source: "附件1 六(二)",
    tables: INSURANCE,
    row: yearCheck("drawdownDate"),
  }),
  defineRule<YearParams>()({
    code: "INS-SIGN-YEAR",
    severity: "error",
    source: "附件2 三(二)5(2)",
    tables: INSURANCE,
    row: yearCheck("signDate"),
  }),
  defineRule<PeriodParams<never>>()({
    code: "INS-PERIOD",
    severity: "warning",
    source: "附件2 三(二)5(2)",
    tables: INSURANCE,
    row: periodCheck("policyPeriod"),
  }),
  defineRule<{
    kind: "before" | "after";
    draw: string;
    start: string;
    end: string;
  }>()({
    code: "INS-COVERS-DRAW",
    severity: "warning",
    source: "附件1 六(二)",
    tables: INSURANCE,
    table(table, emit) {
      // Each policy's period (its first readable 保单起止时间) against the 贷款提款时间 of its rows.
      for (const record of recordsOf(table)) {
        for (const policy of itemsOf(record, "policyNo")) {
          const period = policy
            .map((r) => rangeOf(r, "policyPeriod"))
            .find((p) => p !== undefined);
          if (!period || compareDates(period.end, period.start) <= 0) continue;
          for (const row of policy) {
            const draw = dateOf(row, "drawdownDate");
            if (!draw || row.merged.drawdownDate) continue;
            const before = compareDates(draw, period.start) < 0;
            if (!before && compareDates(draw, period.end) <= 0) continue;
            emit({
              row: row.row,
              col: "drawdownDate",
              params: {
                kind: before ? "before" : "after",
                draw: formatDate(draw),
                start: formatDate(period.start),
                end: formatDate(period.end),
              },
            });
          }
        }
      }
    },
  }),
  defineRule<{ project: string; place: string; province: string }>()({
    code: "INS-SHANXI",
    severity: "warning",
    source: "附件1 六(二)",
    tables: INSURANCE,
    row(row, _table, emit) {
      if (row.merged.projectName) return;
      const project = text(row, "projectName");
      const place = project ? placeOutsideShanxi(project) : undefined;
      if (place)
        emit({
          row: row.row,
          col: "projectName",
          params: { project, place: place.place, province: place.province },
        });
    },
  }),
  defineRule<{
    paid: number;
    insured: number;
    rate: number;
    expected: number;
    start?: string;
    end?: string;
  }>()({
    code: "INS-PREMIUM-CALC",
    severity: "warning",
    source: "附件2 三(二)5(2)",
    tables: INSURANCE,
    table(table, emit) {
      for (const record of recordsOf(table)) {
        for (const policy of itemsOf(record, "policyNo")) {
          const insured = firstNum(policy, "insuredAmount");
          const rate = firstNum(policy, "premiumRate");
          const paid = ownSum(policy, "premium");
          if (insured === undefined || rate === undefined || paid === undefined)
            continue;
          const expected = (insured * rate) / 100;
          if (Math.abs(paid - expected) <= 0.01 * expected + 1e-9) continue;
          const period = policy
            .map((r) => rangeOf(r, "policyPeriod"))
            .find((p) => p !== undefined);
          const long =
            period !== undefined && longerThanMonths(period, INSTALMENT_MONTHS);
          const at = rowWithNum(policy, "premium");
          emit({
            row: at.row,
            col: "premium",
            ...(long ? { severity: "info" as const } : {}),
            params: {
              paid,
              insured,
              rate,
              expected: round(expected, 4),
              ...(long && period
                ? {
                    start: formatDate(period.start),
                    end: formatDate(period.end),
                  }
                : {}),
            },
          });
        }
      }
    },
  }),
  defineRule<{ value: number | undefined }>()({
    code: "INS-PREMIUM-PAID",
    severity: "warning",
    source: "附件1 六(二)；附件2 三(二)5(2)",
    tables: INSURANCE,
    table(table, emit) {
      for (const record of recordsOf(table)) {
        const paid = ownSum(record, "premium");
        if (paid !== undefined && paid > 0) continue;
        // An unreadable amount is CELL-TYPE's finding.
        if (
          paid === undefined &&
          record.some(
            (r) => r.unreadable.premium !== undefined || r.cells.premium?.e,
          )
        )
          continue;
        emit({
          row: record[0]!.row,
          col: "premium",
          params: { value: paid },
        });
      }
    },
  }),
  defineRule<{ premium: number }>()({
    code: "INS-INVOICE",
    severity: "error",
    source: "附件2 四(四)6(2)",
    tables: INSURANCE,
    row: invoiceCheck("premium"),
  }),
  defineRule<
    | { kind: "nonPositive"; multiple: number }
    | {
        kind: "ratio";
        multiple: number | undefined;
        ratio: number;
        insured: number;
        loan: number;
      }
  >()({
    code: "INS-MULTIPLE",
    severity: "warning",
    source: "附件2 三(二)5(2)",
    tables: INSURANCE,
    table(table, emit) {
      for (const record of recordsOf(table)) {
        const multiple = firstNum(record, "multiple");
        const first = rowWithNum(record, "multiple");
        if (multiple !== undefined && multiple <= 0) {
          emit({
            row: first.row,
            col: "multiple",
            params: { kind: "nonPositive", multiple },
          });
          continue;
        }
        const insured = firstNum(record, "insuredAmount");
        const loan = firstNum(record, "loanAmount");
        if (
          insured === undefined ||
          loan === undefined ||
          insured <= 0 ||
          loan <= 0
        )
          continue;
        const ratio = round(insured / loan, 2);
        if (
          multiple !== undefined &&
          Math.abs(multiple - insured / loan) <= 0.01 * (insured / loan)
        )
          continue;
        emit({
          row: first.row,
          col: "multiple",
          severity: "info",
          params: { kind: "ratio", multiple, ratio, insured, loan },
        });
      }
    },
  }),
] as const;
