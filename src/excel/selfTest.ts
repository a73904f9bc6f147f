/**
 * 加载项自检: tells one person with Excel, in five minutes, whether the add-in works in their Excel — the host, each
 * ExcelApi requirement set the add-in uses (requirements.ts: required ones, without which 插入/检查/合并 are refused,
 * and optional ones, with what changes without them), then the real operations tried on scratch sheets of the open
 * workbook: insert the 新增贷款明细表 template, type one row with a 2023 提款时间, 检查 it (LOAN-DRAW-YEAR must be found
 * at that cell), and remove what the self-test added (the sheets, and the list sheet and its names when they were
 * new). Office.js cannot run on a second workbook, so the scratch sheets live in the open one for a few seconds.
 */
import { getTable } from "../core/catalog/tables";
import { a1 } from "../core/model/grid";
import { layoutTemplate, LIST_SHEET_NAME } from "../core/template";
import {
  OperationError,
  type SelfTestItem,
  type SelfTestReport,
} from "../ports";
import { createCheckOperations } from "./check/operations";
import { insertTemplate } from "./insertTemplate";
import { removeSheets } from "./newSheets";
import { asOperationError } from "./officeErrors";
import {
  EXCEL_API_FEATURES,
  isExcelApiSupported,
  OPTIONAL_EXCEL_API_FEATURES,
  REQUIRED_EXCEL_API,
} from "./requirements";

/** Office's platform names in Chinese (Office.PlatformType). */
const PLATFORMS: Readonly<Record<string, string>> = {
  PC: "Windows 桌面版",
  Mac: "Mac 桌面版",
  OfficeOnline: "网页版",
  iOS: "iPad 版",
  Android: "Android 版",
  Universal: "Windows 通用版",
};

/** The host line: Excel (platform, version), or why not. */
function hostItem(): SelfTestItem {
  if (typeof Office === "undefined" || !Office.context?.requirements)
    return {
      name: "运行环境",
      status: "failed",
      text: "未在 Excel 中运行：请在 Excel（桌面版或网页版）中打开本加载项后再自检。",
    };
  const d = Office.context.diagnostics as unknown as
    { host?: string; platform?: string; version?: string } | undefined;
  if (d?.host !== undefined && d.host !== "Excel")
    return {
      name: "运行环境",
      status: "failed",
      text: `当前宿主是 ${d.host}，不是 Excel：本加载项只能在 Excel 中使用。`,
    };
  const where = [
    d?.platform ? (PLATFORMS[d.platform] ?? d.platform) : undefined,
    d?.version ? `版本 ${d.version}` : undefined,
  ].filter((x) => x !== undefined);
  return {
    name: "运行环境",
    status: "passed",
    text: `Excel${where.length ? `（${where.join("，")}）` : ""}`,
  };
}

/** One line per requirement set the add-in uses, lowest version first. */
function requirementItems(): SelfTestItem[] {
  const byVersion = (a: { version: string }, b: { version: string }) =>
    Number(a.version.split(".")[1]) - Number(b.version.split(".")[1]);
  const item = (version: string, feature: string, missing: string) => {
    const ok = isExcelApiSupported(version);
    return {
      name: `ExcelApi ${version}`,
      status: ok ? "passed" : "missing",
      text: ok
        ? `支持：${feature}`
        : `本 Excel 不支持 ExcelApi ${version}：${missing}`,
    } satisfies SelfTestItem;
  };
  const required = [...EXCEL_API_FEATURES]
    .sort(byVersion)
    .map((f) =>
      item(
        f.version,
        f.feature,
        `${f.feature}不可用，插入表格、检查和合并汇总都无法使用（需要 ExcelApi ${REQUIRED_EXCEL_API}）。`,
      ),
    );
  const optional = OPTIONAL_EXCEL_API_FEATURES.map((f) =>
    item(f.version, f.feature, f.missing),
  );
  return [...required, ...optional];
}

/** Runs a step: passed with what `run` says, or failed with the error's code and Chinese text. */
async function step(
  name: string,
  run: () => Promise<string>,
): Promise<SelfTestItem> {
  try {
    return { name, status: "passed", text: await run() };
  } catch (err) {
    const e = asOperationError(name, err);
    return { name, status: "failed", code: e.code, text: e.message };
  }
}

/** The workbook's sheet names and workbook-scoped names (1 sync). */
function workbookNames(): Promise<{ sheets: string[]; names: string[] }> {
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    const names = context.workbook.names;
    names.load("items/name");
    await context.sync();
    return {
      sheets: sheets.items.map((s) => s.name),
      names: names.items.map((n) => n.name),
    };
  });
}

/** The scratch steps: insert, type a row, check, clean up. Later steps are skipped once one fails. */
async function operationSteps(): Promise<SelfTestItem[]> {
  const table = getTable("loan-interest");
  const layout = layoutTemplate(table);
  const before = await workbookNames();
  const steps: SelfTestItem[] = [];
  let sheet: string | undefined;
  const col = table.columns.findIndex((c) => c.key === "drawdownDate");
  const cell = a1(layout.dataRows.first, col);
  steps.push(
    await step(`插入表样《${table.title}》`, async () => {
      sheet = (await insertTemplate("loan-interest"))[0]!;
      return `已插入临时工作表“${sheet}”（含下拉列表、合计公式和打印设置）。`;
    }),
  );
  if (sheet !== undefined) {
    const at = sheet;
    steps.push(
      await step("填写一行数据", () =>
        Excel.run(async (context) => {
          const range = context.workbook.worksheets.getItem(at).getRange(cell);
          range.values = [["2023年3月5日"]];
          await context.sync();
          return `已在 ${cell} 填入贷款提款时间“2023年3月5日”。`;
        }),
      ),
    );
  }
  if (!steps.every((s) => s.status === "passed"))
    steps.push({
      name: "检查",
      status: "skipped",
      text: "未执行：上一步未通过。",
    });
  else
    steps.push(
      await step("检查", async () => {
        const report = await createCheckOperations().checkWorkbook();
        const found = report.tables
          .flatMap((t) => t.findings)
          .some(
            (f) =>
              f.sheet === sheet &&
              f.cell === cell &&
              f.rule === "LOAN-DRAW-YEAR",
          );
        if (!found)
          throw new OperationError(
            "SelfTestMismatch",
            `检查未在 ${cell} 发现“提款时间不在2024年”的错误：检查结果与预期不符，请报告此问题。`,
          );
        return `识别出临时表格，并在 ${cell} 发现“提款时间不在2024年”的错误（LOAN-DRAW-YEAR），检查正常。`;
      }),
    );
  const added = (await workbookNames().catch(() => before)).sheets.filter(
    (n) => !before.sheets.includes(n),
  );
  steps.push(
    await step("删除临时工作表", async () => {
      if (added.length === 0) return "没有需要删除的临时工作表。";
      await removeSheets(added, before.names);
      const left = (await workbookNames()).sheets.filter((n) =>
        added.includes(n),
      );
      if (left.length > 0)
        throw new OperationError(
          "SelfTestCleanup",
          `未能删除临时工作表：${left.join("、")}，请手动删除。`,
        );
      const lists = added.includes(LIST_SHEET_NAME)
        ? "（含本次新建的下拉列表数据表及其名称）"
        : "";
      return `已删除 ${added.filter((n) => n !== LIST_SHEET_NAME).join("、")}${lists}，工作簿恢复原样。`;
    }),
  );
  return steps;
}

/**
 * Runs the self-test in the user's Excel.
 * @returns the host, one item per requirement set (lowest first; `missing` with what that means), and the scratch
 *   steps (`skipped` when not in Excel or ExcelApi {@link REQUIRED_EXCEL_API} is missing). Never rejects: every
 *   failure is an item with its error code.
 */
export async function runSelfTest(): Promise<SelfTestReport> {
  const host = hostItem();
  if (host.status !== "passed") return { host, requirements: [], steps: [] };
  const requirements = requirementItems();
  if (!isExcelApiSupported(REQUIRED_EXCEL_API))
    return {
      host,
      requirements,
      steps: [
        {
          name: "插入、检查、删除临时工作表",
          status: "skipped",
          text: `未执行：本 Excel 不支持 ExcelApi ${REQUIRED_EXCEL_API}。请使用 Microsoft 365、Excel 2021 及以上版本或 Excel 网页版。`,
        },
      ],
    };
  let steps: SelfTestItem[];
  try {
    steps = await operationSteps();
  } catch (err) {
    const e = asOperationError("自检", err);
    steps = [
      { name: "读取工作簿", status: "failed", code: e.code, text: e.message },
    ];
  }
  return { host, requirements, steps };
}
