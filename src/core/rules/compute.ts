/**
 * Rules of 人工智能—算力服务 (../shared/spec/tables.md T9): the 算力服务项目明细表 (`compute-services`) and the
 * 关联方清单 (`related-parties`), both layouts of this product (the notice gives none). Seed: 附件1 三(七)
 * ("算力需求方与算力供给方不得存在关联关系"), 附件2 四(四)3(7) ("服务合同和结算凭证编号应与明细表对应").
 */
import { enumKey } from "../catalog";
import { isBlank } from "../model/grid";
import { sharedTradeName } from "../meaning/tradeName";
import { companyKey, orgCodeKey } from "../names/company";
import { compact, readOrgCode, sumExact } from "../parse";
import type { ParseReason } from "../parse/reasons";
import { defineRule } from "./types";
import { num, text, type DataRow, type WorkbookContext } from "../model/table";

const SERVICES = ["compute-services"] as const;

/** A party the supplier must not be: a row of the 关联方清单, or the applicant itself. */
interface Party {
  name: string;
  /** 关联关系; undefined for the applicant itself. */
  relation?: string;
  nameKey: string;
  codeKey?: string;
}

/** The applicant (企业名称 lines of the 算力 tables, 企业（单位）名称 of the 情况表) and the rows of its 关联方清单. */
function partiesOf(workbook: WorkbookContext): Party[] {
  const parties: Party[] = [];
  const self = new Set<string>();
  for (const t of workbook.tables) {
    const names =
      t.table.id === "project-info"
        ? t.rows.map((r) => text(r, "enterpriseName"))
        : t.table.id === "compute-services" || t.table.id === "related-parties"
          ? [t.enterprise ?? ""]
          : [];
    for (const name of names) {
      const nameKey = companyKey(name);
      if (nameKey && !self.has(nameKey)) {
        self.add(nameKey);
        parties.push({ name, nameKey });
      }
    }
    if (t.table.id !== "related-parties") continue;
    for (const r of t.rows) {
      const code = readOrgCode(r.cells.code);
      parties.push({
        name: text(r, "name"),
        relation: text(r, "relation") || "关联方",
        nameKey: companyKey(text(r, "name")),
        ...(code.ok ? { codeKey: orgCodeKey(code.value) } : {}),
      });
    }
  }
  return parties;
}

/** The party a supplier row is (by code first, then by normalised name), with the column that shows it. */
function relatedMatch(
  row: DataRow,
  parties: readonly Party[],
): { party: Party; col: string } | undefined {
  const code = readOrgCode(row.cells.supplierCode);
  if (code.ok) {
    const key = orgCodeKey(code.value);
    const party = parties.find((p) => p.codeKey === key);
    if (party) return { party, col: "supplierCode" };
  }
  const nameKey = companyKey(text(row, "supplierName"));
  const party = nameKey
    ? parties.find((p) => p.nameKey === nameKey)
    : undefined;
  return party ? { party, col: "supplierName" } : undefined;
}

/** The 算力服务项目明细表 rows of the workbook with their tables. */
function serviceRows(workbook: WorkbookContext) {
  return workbook.tables
    .filter((t) => t.table.id === "compute-services")
    .flatMap((table) => table.rows.map((row) => ({ table, row })));
}

/** A document number as compared: half-width, no spaces, upper-case. */
function docKey(value: string): string {
  return compact(value).toUpperCase();
}

/** Params naming the party: its name and 关联关系 (or 申报企业本身). */
export interface PartyParams {
  party: string;
  relation: string;
}

/** The {@link PartyParams} of a party. */
function partyParams(p: Party): PartyParams {
  return { party: p.name, relation: p.relation ?? "申报企业本身" };
}

export const COMPUTE_RULES = [
  defineRule<PartyParams>()({
    code: "COMPUTE-RELATED",
    severity: "error",
    source: "附件1 三(七)",
    tables: SERVICES,
    workbook(workbook, emit) {
      const parties = partiesOf(workbook);
      for (const { table, row } of serviceRows(workbook)) {
        const match = relatedMatch(row, parties);
        if (match)
          emit(table, {
            row: row.row,
            col: match.col,
            params: partyParams(match.party),
          });
      }
    },
  }),
  defineRule<PartyParams & { trade: string; partyTrade: string }>()({
    code: "COMPUTE-RELATED-NAME",
    severity: "warning",
    source: "附件1 三(七)",
    tables: SERVICES,
    workbook(workbook, emit) {
      const parties = partiesOf(workbook);
      for (const { table, row } of serviceRows(workbook)) {
        const supplier = text(row, "supplierName");
        if (!supplier || relatedMatch(row, parties)) continue;
        for (const party of parties) {
          const shared = sharedTradeName(supplier, party.name);
          if (!shared) continue;
          emit(table, {
            row: row.row,
            col: "supplierName",
            params: {
              ...partyParams(party),
              trade: shared.a,
              partyTrade: shared.b,
            },
          });
          break;
        }
      }
    },
  }),
  defineRule()({
    code: "COMPUTE-RELATED-LIST",
    severity: "info",
    source: "附件1 三(七)",
    tables: SERVICES,
    workbook(workbook, emit) {
      const services = workbook.tables.find(
        (t) => t.table.id === "compute-services",
      );
      if (
        services &&
        !workbook.tables.some((t) => t.table.id === "related-parties")
      )
        emit(services, {});
    },
  }),
  defineRule<
    { kind?: undefined; reason: ParseReason } | { kind: "org"; code: string }
  >()({
    code: "COMPUTE-CODE",
    severity: "error",
    source: "附件1 三(七)；GB 32100",
    tables: ["compute-services", "related-parties"],
    row(row, table, emit) {
      const col =
        table.table.id === "compute-services" ? "supplierCode" : "code";
      const cell = row.cells[col];
      // empty: ROW-REQUIRED; error value: FORMULA-ERROR; a merged copy: reported on the area's first cell
      if (isBlank(cell) || cell?.e || row.merged[col]) return;
      const read = readOrgCode(cell);
      if (!read.ok)
        emit({
          row: row.row,
          col,
          params: { reason: read.reason },
        });
      else if (read.value.kind === "org")
        emit({
          row: row.row,
          col,
          params: { kind: "org", code: read.value.code },
        });
    },
  }),
  defineRule<{ settled: number; contract: number; count: number }>()({
    code: "COMPUTE-SETTLE-OVER",
    severity: "warning",
    source: "附件2 四(四)3(7)",
    tables: SERVICES,
    table(table, emit) {
      // One contract may have several settlements: rows with the same 服务合同编号 add up against its 合同金额.
      const groups = new Map<string, DataRow[]>();
      for (const row of table.rows) {
        const key = docKey(text(row, "contractNo")) || `#${row.row}`;
        const rows = groups.get(key);
        if (rows) rows.push(row);
        else groups.set(key, [row]);
      }
      for (const rows of groups.values()) {
        const contract = rows
          .map((r) => num(r, "contractAmount"))
          .find((n) => n !== undefined);
        if (contract === undefined) continue;
        const settled: number[] = [];
        for (const row of rows) {
          const n = row.merged.settledAmount
            ? undefined
            : num(row, "settledAmount");
          if (n === undefined) continue;
          settled.push(n);
          const sum = sumExact(settled);
          if (sum > contract) {
            emit({
              row: row.row,
              col: "settledAmount",
              params: { settled: sum, contract, count: settled.length },
            });
            break;
          }
        }
      }
    },
  }),
  defineRule<
    | { kind: "contractNo" | "settlementNo" }
    | { kind: "dup"; value: string; firstRow: number }
  >()({
    code: "COMPUTE-DOC-NUMBERS",
    severity: "error",
    source: "附件2 四(四)3(7)",
    tables: SERVICES,
    table(table, emit) {
      const seen = new Map<string, number>();
      for (const row of table.rows) {
        for (const col of ["contractNo", "settlementNo"] as const)
          if (!text(row, col))
            emit({
              row: row.row,
              col,
              params: { kind: col },
            });
        const settlement = text(row, "settlementNo");
        if (!settlement || row.merged.settlementNo) continue; // a merged copy is the same voucher, not a second one
        const first = seen.get(docKey(settlement));
        if (first === undefined) seen.set(docKey(settlement), row.row);
        else
          emit({
            row: row.row,
            col: "settlementNo",
            severity: "warning",
            params: { kind: "dup", value: settlement, firstRow: first + 1 },
          });
      }
    },
  }),
  defineRule<{ kind: "general" | "type" | "use"; value: string }>()({
    code: "COMPUTE-TYPE",
    severity: "warning",
    source: "附件1 三(七)",
    tables: SERVICES,
    row(row, _table, emit) {
      const type = text(row, "computeType");
      const typeKey = enumKey(type);
      if (typeKey && typeKey !== "智能算力" && !row.merged.computeType)
        emit({
          row: row.row,
          col: "computeType",
          params: {
            kind: typeKey === "通用算力" ? "general" : "type",
            value: type,
          },
        });
      const use = text(row, "use");
      if (use && !/训练|推理/.test(use) && !row.merged.use)
        emit({
          row: row.row,
          col: "use",
          params: { kind: "use", value: use },
        });
    },
  }),
] as const;
