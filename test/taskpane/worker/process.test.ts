import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import * as XLSX from "@e965/xlsx";
import type { Severity } from "../../../src/core/model/finding";
import { runJob } from "../../../src/taskpane/worker/process";
import type {
  JobEvent,
  JobOutputs,
  MergeOutcome,
} from "../../../src/taskpane/worker/protocol";
import { countyWarningsBook } from "../../helpers/countyWarnings";
import { RETURN_LIST_HEADER } from "../../helpers/returnList";

const SAMPLES = path.resolve(__dirname, "../../../../shared/samples");

function sample(name: string): File {
  return new File([fs.readFileSync(path.join(SAMPLES, name))], name);
}

async function run<K extends keyof JobOutputs>(
  job: Parameters<typeof runJob>[0] & { op: K },
) {
  const events: JobEvent[] = [];
  const done = await runJob(job, (e) => events.push(e));
  return {
    output: done.output as JobOutputs[K],
    transfer: done.transfer,
    events,
  };
}

function rowsOf(bytes: Uint8Array, sheet: string): unknown[][] {
  const book = XLSX.read(bytes, { type: "array" });
  return XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[sheet]!, {
    header: 1,
    defval: "",
  });
}

/** A 项目情况表 as CSV (a received file): title, enterprise line, header, one row with the given cells. */
function infoCsv(name: string, overrides: Record<number, string>): File {
  const row = [
    "1",
    "太原市",
    "小店区",
    "",
    "山西测试科技有限公司",
    "企业增量提质专项",
    "制造业营收进档奖励",
  ];
  row.push(
    "制造业营收进档奖励（传统装备制造）",
    "民营企业",
    "传统优势产业",
    "传统装备制造",
    "周工 13912345678",
  );
  for (const [i, v] of Object.entries(overrides)) row[Number(i)] = v;
  const header =
    "序号,所在市,所在县,所在开发区,企业（单位）名称,申报专项,申报方向,项目名称,企业（单位）性质,行业分类,所属行业,项目联系人及手机";
  const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;
  const text = [
    "山西省技术改造专项资金事项类项目情况表",
    "项目申报企业（单位）（公章）：山西测试科技有限公司",
    header,
    row.map(quote).join(","),
  ].join("\n");
  return new File([text], name);
}

const ALL: Severity[] = ["error", "warning", "info"];

/** Every finding of a checked file, from the findings jobs (pages of 100). */
async function allFindings(key: number, file: File, severities = ALL) {
  const first = (
    await run({ op: "findings", key, file, offset: 0, limit: 100, severities })
  ).output;
  const items = [...first.items];
  for (let offset = 100; offset < first.total; offset += 100)
    items.push(
      ...(
        await run({ op: "findings", key, file, offset, limit: 100, severities })
      ).output.items,
    );
  return { total: first.total, items };
}

/** A 项目情况表 workbook whose two rows name a 所在县 outside their 所在市 (INFO-COUNTY 警告), with our explanation sheet
 * (techfund_说明) holding `explanations` when given. */
function countyWarnings(explanations?: string[][]): File {
  const book = countyWarningsBook("山西测试科技有限公司", explanations);
  return new File(
    [
      new Uint8Array(
        XLSX.write(book, { type: "array", bookType: "xlsx" }) as ArrayBuffer,
      ),
    ],
    "情况表-说明.xlsx",
  );
}

describe("runJob check and findings", () => {
  it("checks loan-handmade.xlsx: reading → checking → done, a summary with totals, and its findings page by page", async () => {
    const file = sample("loan-handmade.xlsx");
    const { output, events } = await run({ op: "check", key: 1, file });
    expect(
      events.map((e) => (e.type === "progress" ? e.stage : e.type)),
    ).toEqual(["reading", "checking", "done"]);
    expect(output.status).toBe("有错误");
    expect(output.tables[0]?.totals).toEqual({
      "2024年度新增贷款金额": 3800,
      "2024年利息实际发生额": 113.3331,
    });
    const errors = await allFindings(1, file, ["error"]);
    expect(errors.total).toBe(output.counts.errors);
    expect(errors.items.map((f) => [f.cell, f.rule])).toEqual([
      ["G6", "LOAN-DRAW-YEAR"],
      ["O7", "LOAN-PURPOSE-EXCLUDED"],
    ]);
    const all = await allFindings(1, file);
    expect(all.total).toBe(
      output.counts.errors + output.counts.warnings + output.counts.infos,
    );
    // A page is `limit` findings from `offset`.
    const page = (
      await run({
        op: "findings",
        key: 1,
        file,
        offset: 1,
        limit: 1,
        severities: ["error"],
      })
    ).output;
    expect([page.total, page.items.map((f) => f.cell)]).toEqual([2, ["O7"]]);
  });

  it("a worker that does not hold a file (a new one after a crash) checks it again for its findings; forget drops it", async () => {
    const file = sample("loan-handmade.xlsx");
    const fresh = await allFindings(77, file, ["error"]);
    expect(fresh.items.map((f) => f.cell)).toEqual(["G6", "O7"]);
    await run({ op: "forget", keys: [77] });
    const again = await allFindings(77, file, ["error"]);
    expect(again.items.map((f) => f.cell)).toEqual(["G6", "O7"]);
  });

  it("shows each 警告's explanation from the workbook: a real one is 已说明, boilerplate (核实无误) is 未说明", async () => {
    const file = countyWarnings();
    await run({ op: "check", key: 2, file });
    const warnings = (await allFindings(2, file, ["warning"])).items;
    expect(warnings.length).toBeGreaterThanOrEqual(2);
    const [a, b] = warnings as [
      (typeof warnings)[number],
      (typeof warnings)[number],
    ];
    const explained = countyWarnings([
      [
        a.sheet,
        a.cell ?? "",
        a.rule,
        "依据借款合同第3条，提款日为合同签订当日",
        "2025-03-01T09:30:00.000Z",
      ],
      [b.sheet, b.cell ?? "", b.rule, "核实无误", "2025-03-01T09:31:00.000Z"],
    ]);
    const { output } = await run({ op: "check", key: 3, file: explained });
    expect(output.explained).toEqual({
      yes: 1,
      no: output.counts.warnings - 1,
    });
    const shown = (await allFindings(3, explained, ["warning"])).items;
    const of = (f: typeof a) =>
      shown.find(
        (s) => s.sheet === f.sheet && s.cell === f.cell && s.rule === f.rule,
      );
    expect(of(a)?.explanation).toMatchObject({
      text: "依据借款合同第3条，提款日为合同签订当日",
      state: "已说明",
    });
    expect(of(b)?.explanation).toMatchObject({
      text: "核实无误",
      state: "未说明",
    });
  });

  it("a file that is not a workbook, an empty one and one whose bytes cannot be read are 无法读取 with the reason", async () => {
    const gone = new File(["x"], "已删除.xlsx");
    Object.defineProperty(gone, "arrayBuffer", {
      value: () => Promise.reject(new Error("NotReadableError")),
    });
    const files = [
      new File(["PK\u0003\u0004broken"], "坏.xlsx"),
      new File([], "空.xlsx"),
      gone,
    ];
    const out = [];
    for (const [i, file] of files.entries())
      out.push((await run({ op: "check", key: 10 + i, file })).output);
    expect(out.map((s) => [s.file, s.status, s.error])).toEqual([
      ["坏.xlsx", "无法读取", expect.stringContaining("文件已损坏：坏.xlsx")],
      ["空.xlsx", "无法读取", "文件为空：空.xlsx"],
      [
        "已删除.xlsx",
        "无法读取",
        "无法读取文件：已删除.xlsx（文件可能已被移动、删除或正被其他程序占用）",
      ],
    ]);
  });

  it("names the enterprise and the 申报方向 of a 项目情况表", async () => {
    const { output } = await run({
      op: "check",
      key: 20,
      file: sample("project-info-1.xlsx"),
    });
    expect(output.enterprises).toEqual(["晋城市丹河精密机械有限公司"]);
    expect(output.directions).toHaveLength(1);
  });
});

describe("runJob merge", () => {
  const names = [
    "project-info-1.xlsx",
    "project-info-2.xlsx",
    "project-info-3.xls",
  ];

  it("merges the three samples into 3 rows 序号 1..3, logs a broken and an empty file as 无法读取, writes the workbook", async () => {
    const files = [
      ...names.map(sample),
      new File(["not a workbook"], "坏.xlsx"),
      new File([], "空.xlsx"),
    ];
    const { output, events, transfer } = await run({
      op: "merge",
      files,
      unit: "测试审核单位",
      workbook: true,
    });
    const { result, workbook } = output as MergeOutcome;
    expect(events.at(-1)).toEqual({ type: "merging" });
    expect(
      events
        .filter((e) => e.type === "progress" && e.stage === "done")
        .map((e) => "index" in e && e.index),
    ).toEqual([0, 1, 2, 3, 4]);
    expect(result.summary.rows.map((r) => [r.seq, r.source.file])).toEqual([
      [1, "project-info-3.xls"],
      [2, "project-info-1.xlsx"],
      [3, "project-info-2.xlsx"],
    ]);
    expect(result.log.map((e) => [e.file, e.status])).toEqual([
      ["project-info-1.xlsx", "已合并"],
      ["project-info-2.xlsx", "已合并"],
      ["project-info-3.xls", "已合并"],
      ["坏.xlsx", "无法读取"],
      ["空.xlsx", "无法读取"],
    ]);
    for (const [i, name] of names.entries()) {
      const bytes = fs.readFileSync(path.join(SAMPLES, name));
      expect(result.log[i]).toMatchObject({
        size: bytes.length,
        sha256: createHash("sha256").update(bytes).digest("hex"),
      });
    }
    expect(result.log[4]?.reason).toBe("文件为空：空.xlsx");

    expect(workbook).toBeInstanceOf(Uint8Array);
    expect(transfer).toEqual([workbook!.buffer]);
    const rows = rowsOf(workbook!, "申报汇总表");
    expect(rows[1]?.[0]).toBe("审核单位（公章）：测试审核单位");
    const header = rows.findIndex((r) => r[0] === "序号");
    expect(rows.slice(header + 1, header + 4).map((r) => [r[0], r[4]])).toEqual(
      [
        [1, "山西晋阳现代医药有限公司"],
        [2, "晋城市丹河精密机械有限公司"],
        [3, "忻州市定襄法兰制造有限公司"],
      ],
    );
  });

  it("keeps received formula-like text as text in the merged workbook (no formula is created)", async () => {
    const payloads = {
      7: '=HYPERLINK("http://example.com","点击")',
      11: "+cmd|' /C calc'!A0",
      3: "@SUM(1)",
    };
    const { output } = await run({
      op: "merge",
      files: [infoCsv("注入.csv", payloads)],
      workbook: true,
    });
    const book = XLSX.read(output.workbook!, {
      type: "array",
      cellFormula: true,
    });
    const sheet = book.Sheets["申报汇总表"]!;
    const header = XLSX.utils
      .sheet_to_json<unknown[]>(sheet, { header: 1 })
      .findIndex((r) => r[0] === "序号");
    for (const [col, text] of Object.entries(payloads)) {
      const cell = sheet[
        XLSX.utils.encode_cell({ r: header + 1, c: Number(col) })
      ] as XLSX.CellObject;
      expect([col, cell.t, cell.v, cell.f]).toEqual([
        col,
        "s",
        text,
        undefined,
      ]);
    }
  });

  it("logs a file that stopped the worker when checked with that reason, by size and SHA-256, without reading it", async () => {
    const reason =
      "文件过大或已损坏：读取卡死.xls（处理超过 60 秒，已停止，其他文件不受影响）";
    // Not a workbook at all: reading it would log 不是受支持的表格文件, not the reason given.
    const bytes = new TextEncoder().encode("这不是表格");
    const { output } = await run({
      op: "merge",
      files: [sample(names[0]!), new File([bytes], "读取卡死.xls")],
      stopped: [{ index: 1, reason }],
      workbook: false,
    });
    expect(output.result.summary.rows).toHaveLength(1);
    expect(output.result.log[1]).toMatchObject({
      file: "读取卡死.xls",
      status: "无法读取",
      reason,
      size: bytes.length,
      sha256: createHash("sha256").update(bytes).digest("hex"),
    });
  });

  it("without `workbook` gives the merge only (the Excel tab writes the sheets itself)", async () => {
    const { output, transfer } = await run({
      op: "merge",
      files: [sample(names[0]!)],
      workbook: false,
    });
    expect(output.workbook).toBeUndefined();
    expect(output.result.summary.rows).toHaveLength(1);
    expect(transfer).toEqual([]);
  });
});

describe("runJob review and templates", () => {
  it("writes the 审核结果 workbook of a check", async () => {
    const file = sample("loan-handmade.xlsx");
    await run({ op: "check", key: 30, file });
    const { output } = await run({ op: "review", files: [{ key: 30, file }] });
    const findings = rowsOf(output, "审核结果");
    expect(
      findings.filter((r) => r[4] === "错误").map((r) => [r[0], r[2], r[5]]),
    ).toEqual([
      ["loan-handmade.xlsx", "G6", "LOAN-DRAW-YEAR"],
      ["loan-handmade.xlsx", "O7", "LOAN-PURPOSE-EXCLUDED"],
    ]);
  });

  it("writes one 差错清单 per enterprise with something to fix: its 错误 with sheet, cell, notice section and an empty 企业答复", async () => {
    const loan = sample("loan-handmade.xlsx");
    const info = sample("project-info-1.xlsx");
    const a = (await run({ op: "check", key: 40, file: loan })).output;
    await run({ op: "check", key: 41, file: info });
    const { output } = await run({
      op: "returns",
      files: [
        { key: 40, file: loan },
        { key: 41, file: info },
      ],
      unit: "测试审核单位",
    });
    // project-info-1 has nothing to fix: no list for its enterprise.
    expect(output.map((l) => l.fileName)).toEqual([
      `差错清单_${a.enterprises[0]}.xlsx`,
    ]);
    const rows = rowsOf(output[0]!.bytes, "差错清单");
    expect(rows.some((r) => String(r[0]).includes("测试审核单位"))).toBe(true);
    const header = rows.findIndex((r) => r[0] === "序号");
    expect(rows[header]).toEqual(RETURN_LIST_HEADER);
    const items = rows.slice(header + 1);
    expect(items.map((r) => [r[0], r[1], r[3], r[5], r[8]])).toEqual([
      [1, "loan-handmade.xlsx", "G6", "错误", ""],
      [2, "loan-handmade.xlsx", "O7", "错误", ""],
    ]);
  });

  it("returnItems: reads back the 差错清单 it wrote (what the 检查 tab lists); another workbook gives the reason", async () => {
    const loan = sample("loan-handmade.xlsx");
    await run({ op: "check", key: 50, file: loan });
    const lists = (
      await run({ op: "returns", files: [{ key: 50, file: loan }] })
    ).output;
    const list = new File(
      [lists[0]!.bytes as Uint8Array<ArrayBuffer>],
      lists[0]!.fileName,
    );
    const { output } = await run({ op: "returnItems", file: list });
    if ("error" in output) throw new Error(output.error);
    expect(
      output.items.map((i) => [i.seq, i.sheet, i.cell, i.place, i.severity]),
    ).toEqual([
      [1, "新增贷款明细表", "G6", "G6", "错误"],
      [2, "新增贷款明细表", "O7", "O7", "错误"],
    ]);
    expect(output.items[0]!.message).toContain(
      "贷款提款时间为2023年11月30日，不在2024年",
    );

    const other = await run({ op: "returnItems", file: loan });
    expect(other.output).toEqual({
      error:
        "“loan-handmade.xlsx”不是差错清单：其中没有标题为“差错清单”、含“序号、文件、工作表、单元格、列名、级别、问题、通知依据、企业答复”栏目的工作表。",
    });
    const broken = await run({
      op: "returnItems",
      file: new File(["PK\u0003\u0004broken"], "坏.xlsx"),
    });
    expect(broken.output).toEqual({
      error: expect.stringContaining("坏.xlsx"),
    });
  });

  it("writes one template under its official title, or every table under one name", async () => {
    const one = await run({ op: "templates", tables: ["loan-interest"] });
    expect(one.output.fileName).toBe(
      "省级重点产业链链上企业2024年度新增贷款明细表.xlsx",
    );
    expect(rowsOf(one.output.bytes, "新增贷款明细表")[0]?.[0]).toBe(
      "省级重点产业链链上企业2024年度新增贷款明细表",
    );
    const all = await run({
      op: "templates",
      tables: ["loan-interest", "project-info"],
    });
    expect(all.output.fileName).toBe("技改专项申报表样.xlsx");
    expect(
      XLSX.read(all.output.bytes, { type: "array" }).SheetNames.slice(0, 2),
    ).toEqual(["新增贷款明细表", "项目情况表"]);
  });
});
