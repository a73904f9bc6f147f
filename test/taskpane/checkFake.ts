/**
 * A fake CheckOperations for the 检查 tab's tests (no Office): every method is a jest mock recording its calls in
 * `calls` (method names, in order). checkWorkbook and startLiveCheck answer with `report`.
 */
import { countFindings, type Finding } from "../../src/core/model/finding";
import type {
  CheckOperations,
  FillPlan,
  TableReport,
  WorkbookReport,
} from "../../src/ports";
import type { LoanTotals } from "../../src/core/totals/loan";

export type FakeOperations = {
  [K in keyof CheckOperations]: jest.Mock & CheckOperations[K];
} & {
  calls: string[];
  stop: jest.Mock<Promise<void>, []>;
};

/** Fake operations; `overrides` replace single methods (their calls are recorded too). */
export function fakeOperations(
  report: WorkbookReport,
  overrides: Partial<CheckOperations> = {},
): FakeOperations {
  const calls: string[] = [];
  const stop = jest.fn(() => {
    calls.push("stop");
    return Promise.resolve();
  });
  const base: CheckOperations = {
    checkWorkbook: () => Promise.resolve(report),
    startLiveCheck: (onUpdate) => {
      onUpdate(report);
      return Promise.resolve(stop);
    },
    selectCell: () => Promise.resolve(),
    markFindings: () => Promise.resolve(),
    clearMarks: () => Promise.resolve(),
    listExplanations: () => Promise.resolve([]),
    saveExplanation: () => Promise.resolve(),
    removeExplanation: () => Promise.resolve(),
    planInterestFill: (sheet) =>
      Promise.resolve({ sheet, kind: "interest", changes: [], notes: [] }),
    planRenumber: (sheet) =>
      Promise.resolve({ sheet, kind: "renumber", changes: [], notes: [] }),
    applyFill: (plan: FillPlan) => Promise.resolve(plan.changes),
    writeReviewSheet: () => Promise.resolve("审核结果"),
    ...overrides,
  };
  const fake = { calls, stop } as unknown as FakeOperations;
  for (const [name, fn] of Object.entries(base) as [
    keyof CheckOperations,
    (...a: unknown[]) => unknown,
  ][]) {
    (fake as unknown as Record<string, jest.Mock>)[name] = jest.fn(
      (...args: unknown[]) => {
        calls.push(name);
        return fn(...args);
      },
    );
  }
  return fake;
}

const LOAN_TITLE = "省级重点产业链链上企业2024年度新增贷款明细表";

function finding(
  f: Partial<Finding> &
    Pick<Finding, "sheet" | "severity" | "rule" | "message">,
): Finding {
  return { source: "附件1 六(一)", ...f };
}

/** A T1 report: findings G6 LOAN-DRAW-YEAR 错误, O7 LOAN-PURPOSE-EXCLUDED 错误, L8 LOAN-DAYS 警告; interest as given. */
export function loanTable(
  interest2024: number,
  findings?: Finding[],
): TableReport {
  const sheet = "新增贷款明细表";
  const extra: LoanTotals = {
    interest2024,
    interestWithoutExcluded: interest2024,
    minimum: 10,
    reachesMinimum: interest2024 >= 10,
    notIn2024Rows: [],
    excludedRows: [],
  };
  return {
    sheet,
    table: "loan-interest",
    title: LOAN_TITLE,
    headerRow: 4,
    rows: 5,
    records: 5,
    totals: {
      "2024年度新增贷款金额": 3800,
      "2024年利息实际发生额": interest2024,
    },
    findings: findings ?? [
      finding({
        sheet,
        cell: "G6",
        row: 6,
        column: "贷款提款时间",
        severity: "error",
        rule: "LOAN-DRAW-YEAR",
        message: "提款时间2023-12-20不在2024年，不属于2024年新增贷款。",
        quote: "新增贷款须于2024年当年提款并付息",
      }),
      finding({
        sheet,
        cell: "O7",
        row: 7,
        column: "贷款用途",
        severity: "error",
        rule: "LOAN-PURPOSE-EXCLUDED",
        message: "贷款用途“偿还银行贷款”属于不予贴息的用途。",
      }),
      finding({
        sheet,
        cell: "L8",
        row: 8,
        column: "2024年实际付息天数",
        severity: "warning",
        rule: "LOAN-DAYS",
        message: "实际付息天数200与起息日至止息日的181天不符。",
        source: "附件2 三(二)5(1)",
      }),
    ],
    extra,
  };
}

/** An insurance table with one 警告 (K5 INS-PERIOD). */
export function insuranceTable(): TableReport {
  const sheet = "保险增信补贴明细表";
  return {
    sheet,
    table: "insurance-credit",
    title: "保险增信补贴明细表",
    headerRow: 4,
    rows: 2,
    records: 2,
    totals: {
      通过保险增信方式获得固定资产贷款额度: 500,
      保险金额: 600,
      "2024年度支付保费金额": 12.5,
    },
    findings: [
      finding({
        sheet,
        cell: "K5",
        row: 5,
        column: "保单起止时间",
        severity: "warning",
        rule: "INS-PERIOD",
        message: "保单起止时间未覆盖贷款提款时间。",
        source: "附件2 三(二)5(2)",
      }),
    ],
  };
}

/** A workbook report of the tables, with an unrecognised sheet “Sheet3” (TABLE-COLUMNS 提示) unless `clean`. */
export function workbookReport(
  tables: TableReport[],
  clean = false,
): WorkbookReport {
  const findings: Finding[] = clean
    ? []
    : [
        {
          sheet: "Sheet3",
          severity: "info",
          rule: "TABLE-COLUMNS",
          message: "未识别为通知中的表格（未找到与通知表格相符的表头）。",
          source: "附件2",
        },
      ];
  return {
    file: "申报.xlsx",
    tables,
    findings,
    counts: countFindings([...findings, ...tables.flatMap((t) => t.findings)]),
  };
}
