/**
 * Rules of T2 保险增信补贴明细表 (`insurance-credit`). Seed: 附件1 六(二); 附件2 三(二)5(2), 四(四)6(2).
 * Codes, severities and readings: ../shared/spec/tables.md, T2. A record may span continuation rows (several
 * policies or invoices of one loan): amounts add up per record or per policy, invoices are checked per row.
 * Amounts in 万元, 保险费率 in percent.
 */
import type { TableId } from "../catalog/types";
import { placeOutsideShanxi } from "../meaning/places";
import { compareDates, formatDate, round } from "../parse";
import type { DateRange } from "../parse";
import { periodCheck, yearCheck } from "./ranges";
import {
  firstNum,
  invoiceCheck,
  itemsOf,
  ownSum,
  recordsOf,
  rowWithNum,
} from "./records";
import { dateOf, rangeOf, text, type RuleDef } from "./types";

const INSURANCE: readonly TableId[] = ["insurance-credit"];
/** A policy longer than this may be paid in instalments (INS-PREMIUM-CALC reading). */
const INSTALMENT_MONTHS = 13;

/** True when `range` runs longer than `months` calendar months (2024-03-05—2025-04-06 is longer than 13). */
export function longerThanMonths(range: DateRange, months: number): boolean {
  const { start, end } = range;
  const whole = (end.y - start.y) * 12 + (end.m - start.m);
  return whole > months || (whole === months && end.d > start.d);
}

export const INSURANCE_RULES: RuleDef[] = [
  {
    code: "INS-DRAW-YEAR",
    severity: "错误",
    source: "附件1 六(二)",
    tables: INSURANCE,
    row: yearCheck("INS-DRAW-YEAR", "drawdownDate"),
  },
  {
    code: "INS-SIGN-YEAR",
    severity: "错误",
    source: "附件2 三(二)5(2)",
    tables: INSURANCE,
    row: yearCheck("INS-SIGN-YEAR", "signDate"),
  },
  {
    code: "INS-PERIOD",
    severity: "警告",
    source: "附件2 三(二)5(2)",
    tables: INSURANCE,
    row: periodCheck("INS-PERIOD", "policyPeriod"),
  },
  {
    code: "INS-COVERS-DRAW",
    severity: "警告",
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
              rule: "INS-COVERS-DRAW",
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
  },
  {
    code: "INS-SHANXI",
    severity: "警告",
    source: "附件1 六(二)",
    tables: INSURANCE,
    row(row, _table, emit) {
      if (row.merged.projectName) return;
      const project = text(row, "projectName");
      const place = project ? placeOutsideShanxi(project) : undefined;
      if (place)
        emit({
          rule: "INS-SHANXI",
          row: row.row,
          col: "projectName",
          params: { project, place: place.place, province: place.province },
        });
    },
  },
  {
    code: "INS-PREMIUM-CALC",
    severity: "警告",
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
            rule: "INS-PREMIUM-CALC",
            row: at.row,
            col: "premium",
            ...(long ? { severity: "提示" as const } : {}),
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
  },
  {
    code: "INS-PREMIUM-PAID",
    severity: "警告",
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
          rule: "INS-PREMIUM-PAID",
          row: record[0]!.row,
          col: "premium",
          params: { value: paid },
        });
      }
    },
  },
  {
    code: "INS-INVOICE",
    severity: "错误",
    source: "附件2 四(四)6(2)",
    tables: INSURANCE,
    row: invoiceCheck("INS-INVOICE", "premium"),
  },
  {
    code: "INS-MULTIPLE",
    severity: "警告",
    source: "附件2 三(二)5(2)",
    tables: INSURANCE,
    table(table, emit) {
      for (const record of recordsOf(table)) {
        const multiple = firstNum(record, "multiple");
        const first = rowWithNum(record, "multiple");
        if (multiple !== undefined && multiple <= 0) {
          emit({
            rule: "INS-MULTIPLE",
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
          rule: "INS-MULTIPLE",
          row: first.row,
          col: "multiple",
          severity: "提示",
          params: { kind: "ratio", multiple, ratio, insured, loan },
        });
      }
    },
  },
];
