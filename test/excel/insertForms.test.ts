/**
 * Inserting the notice's forms, the 资格自检 sheet and the “免申即享”申报表 on the strict fake of Excel (checkFake.ts):
 * the texts, merges and formulas the notice prints (附件2 一, 二(二), 二(三), 四(三)), a fixed number of syncs, never
 * overwriting a sheet of the same name, and a refused insert leaving the workbook as it was.
 */
import { readWorkbookFile } from "../../src/xlsx/node";
import { loanRow, tableSheet, workbookOf } from "../helpers/sheet";
import { infoRow } from "../taskpane/workbench/fakes";
import { createFormOperations } from "../../src/excel/formOperations";
import { FakeExcel, installCheckFake, uninstallCheckFake } from "./checkFake";

afterEach(uninstallCheckFake);

const SAMPLES = `${__dirname}/../../../shared/samples`;

/** The operations with the clock at February 2026 (the cover's 申报日期). */
const ops = () => createFormOperations(() => new Date(2026, 1, 3));

/** What a cell holds as written: its formula, else its value. */
function at(fake: FakeExcel, sheet: string, address: string): unknown {
  const cell = fake.cell(sheet, address);
  return cell?.formula ?? cell?.value;
}

/** Syncs and `Excel.run`s an action takes. */
async function counted<T>(
  fake: FakeExcel,
  action: () => Promise<T>,
): Promise<{ result: T; syncs: number; runs: number }> {
  const syncs = fake.syncs;
  const runs = fake.runs;
  const result = await action();
  return { result, syncs: fake.syncs - syncs, runs: fake.runs - runs };
}

const SUPPORT = (d: string) =>
  `=IF(TRIM(${d})="","",IF(TRIM(${d})="产业链贷款贴息","贴息",IF(OR(TRIM(${d})="保险增信补贴",TRIM(${d})="融资租赁补贴"),"风险补偿","奖励")))`;

describe("申请报告表样 in a workbook without a 情况表", () => {
  let fake: FakeExcel;
  let run: { result: string[]; syncs: number; runs: number };
  beforeEach(async () => {
    fake = installCheckFake(new FakeExcel());
    fake.addSheet("Sheet1", [["用户的数据"]]);
    run = await counted(fake, () => ops().reportForms());
  });

  it("adds our 情况表 and the four forms in one Excel.run of 5 syncs (3 reads, 1 write, 1 to turn our events back on), the 情况表 active", () => {
    expect(run).toEqual({
      result: ["项目情况表", "封面", "承诺书", "现场核查表", "绩效目标表"],
      syncs: 5,
      runs: 1,
    });
    expect(fake.sheets.map((s) => s.name)).toEqual([
      "Sheet1",
      "techfund_lists",
      "项目情况表",
      "封面",
      "承诺书",
      "现场核查表",
      "绩效目标表",
    ]);
    expect(fake.active).toBe("项目情况表");
    expect(at(fake, "Sheet1", "A1")).toBe("用户的数据");
  });

  it("封面 (附件2 一): the notice's lines, each value a formula on row 4 of the 情况表, 支持方式 derived (附件2 一(五))", () => {
    const s = "'项目情况表'!";
    expect(
      ["A2", "A3", "B5", "D5", "B6", "B7", "B8", "B9", "B10", "B11", "B12"].map(
        (a) => at(fake, "封面", a),
      ),
    ).toEqual([
      "山西省技术改造专项资金事项类项目",
      "申 请 报 告",
      "项目单位名称：",
      "（单位公章）",
      "申 报 专 项：",
      "申 报 方 向：",
      "项 目 名 称：",
      "所 属 行 业：",
      "支 持 方 式：",
      "联 系 人：",
      "联 系 手 机：",
    ]);
    expect(
      ["C5", "C6", "C7", "C8", "C9"].map((a) => at(fake, "封面", a)),
    ).toEqual([
      `=${s}$E$4&""`,
      `=${s}$F$4&""`,
      `=${s}$G$4&""`,
      `=${s}$H$4&""`,
      `=${s}$K$4&""`,
    ]);
    expect(at(fake, "封面", "C10")).toBe(SUPPORT(`${s}$G$4`));
    // 联系人 and 联系手机 split 项目联系人及手机 (L4): the name before an 11-digit mobile, the mobile itself.
    expect(at(fake, "封面", "C11")).toMatch(
      /^=IF\(AND\(LEN\(TRIM\(SUBSTITUTE\(/,
    );
    expect(at(fake, "封面", "C11")).toContain(`${s}$L$4&""`);
    expect(at(fake, "封面", "C12")).toMatch(/,RIGHT\(TRIM\(.*\),11\),""\)$/);
    expect(at(fake, "封面", "A14")).toBe("二〇二六年二月");
    expect(fake.sheet("封面").merged).toEqual([
      "A2:E2",
      "A3:E3",
      "C6:D6",
      "C7:D7",
      "C8:D8",
      "C9:D9",
      "C10:D10",
      "C11:D11",
      "C12:D12",
      "A14:E14",
    ]);
    // The value lines are underlined, as the notice's blanks.
    expect(fake.cell("封面", "C6")?.formats?.["borders.EdgeBottom.style"]).toBe(
      "Continuous",
    );
  });

  it("承诺书 (附件2 二(二)): the boxed fields, the four promises, item 4 following the 申报方向 (附件2 三(二)3)", () => {
    const s = "'项目情况表'!";
    expect(
      ["A1", "A2", "B2", "A3", "B3", "A4", "B4", "A5", "B5", "A6", "B6"].map(
        (a) => at(fake, "承诺书", a),
      ),
    ).toEqual([
      "承 诺 书",
      "项目申报企业（单位）",
      `=${s}$E$4&""`,
      "申报专项",
      `=${s}$F$4&""`,
      "申报方向",
      `=${s}$G$4&""`,
      "项目名称",
      `=${s}$H$4&""`,
      "项目实施目标",
      "",
    ]);
    expect(at(fake, "承诺书", "A7")).toBe("项目申报企业（单位）承诺：");
    expect(at(fake, "承诺书", "A8")).toBe(
      "1.所有申报资料均真实无误，且项目未获取其他省级财政资金支持，企业不在“信用中国（山西）”网站失信黑名单，“国家企业信用信息公示系统”严重违法失信企业名单，知识产权清晰无争议，项目申报企业（单位）2024年度未发生较大及以上生产安全事故，如有虚假，愿意承担相关责任。",
    );
    expect(at(fake, "承诺书", "A11")).toBe(
      "4.其他须承诺事项。（根据事项类项目申报要求填报承诺事项）",
    );
    const d = `TRIM(${s}$G$4)`;
    expect(at(fake, "承诺书", "A12")).toBe(
      `=IF(OR(${d}="新药研发和产业化（仿制药）",${d}="新药研发和产业化（医疗器械）"),"对于仿制药、医疗器械获得奖励的品种，自取得注册批件（或通过一致性评价）之日起5年内，不得以任何形式转让给非本省注册企业，否则全额退回奖励资金。",IF(OR(${d}="新药研发和产业化（创新药）",${d}="新药研发和产业化（改良型新药）"),"对于创新药、改良型新药获得奖励的品种，承诺在本省进行产业化且5年内不得转让给非本省注册企业，否则全额退回奖励资金。",""))`,
    );
    expect(
      ["A14", "A15", "A16", "A17", "A18", "A20", "A21"].map((a) =>
        at(fake, "承诺书", a),
      ),
    ).toEqual([
      "单位法人代表（签名）（单位公章）",
      "项目负责人（签名）联系电话：",
      "年 月 日",
      "市工信局（山西转型综改示范区管委会）审核意见：",
      "该项目经资料审核和现场核查，申报资料和建设项目的真实性、完整性、合规性、一致性符合政策规定和申报要求。如存在不符合的情况，愿意承担相关责任。",
      "（单位公章）",
      "年 月 日",
    ]);
    expect(fake.sheet("承诺书").merged).toEqual([
      "A1:B1",
      ...Array.from({ length: 15 }, (_, i) => `A${i + 7}:B${i + 7}`),
    ]);
  });

  it("现场核查表 (附件2 二(三)): titled as the notice titles it (no 专项), the city's rows left to the city", () => {
    expect(
      Array.from({ length: 11 }, (_, i) => [
        at(fake, "现场核查表", `A${i + 1}`),
        at(fake, "现场核查表", `B${i + 1}`),
      ]),
    ).toEqual([
      ["山西省技术改造资金事项类项目现场核查表", ""],
      ["项目申报企业（单位）", `='项目情况表'!$E$4&""`],
      ["申报专项", `='项目情况表'!$F$4&""`],
      ["申报方向", `='项目情况表'!$G$4&""`],
      ["项目名称", `='项目情况表'!$H$4&""`],
      [
        "申报资料和建设项目的真实性、完整性、合规性、一致性是否符合政策规定和申报要求",
        "是□ 否□",
      ],
      [
        "申报资料和建设项目的真实性、完整性、合规性、一致性符合政策规定和申报要求情况描述（200字内）",
        "",
      ],
      ["项目申报企业（单位）2024年度是否发生较大及以上生产安全事故", "是□ 否□"],
      [
        "现场核查人员",
        "核查组组长：（市工信局或山西转型综改示范区管委会分管领导担任）\n核查组成员：",
      ],
      ["市工信局（山西转型综改示范区管委会）", "负责人签字：\n盖章\n年 月 日"],
      ["注：现场核查工作应保留影像资料备查。", ""],
    ]);
    expect(fake.sheet("现场核查表").merged).toEqual(["A1:B1", "A11:B11"]);
  });

  it("绩效目标表 (附件2 四(三)): 专项名称 and 省级主管部门 filled, the 资金情况 and 绩效指标 blocks merged as printed", () => {
    const t = (a: string) => at(fake, "绩效目标表", a);
    expect(
      ["A1", "A2", "B2", "A3", "B3", "A4", "B4", "B5", "B9", "A10", "B10"].map(
        t,
      ),
    ).toEqual([
      "省级专项转移支付项目绩效目标表",
      "专项名称",
      "山西省技术改造专项资金",
      "省级主管部门",
      "山西省工业和信息化厅",
      "资金情况（万元）",
      "年度金额：",
      "其中：中央补助",
      "其他资金",
      "总体目标",
      "目标1：\n目标2：",
    ]);
    expect(["A11", "B11", "C11", "D11", "E11"].map(t)).toEqual([
      "绩效指标",
      "一级指标",
      "二级指标",
      "三级指标",
      "指标值",
    ]);
    // 一级指标 rows: 产出 12–19 (4 × 2 lines), 效益 20–28 (2+2+2+3), 满意度 29–30.
    expect(
      ["B12", "C12", "D12", "D13", "C14", "B20", "C26", "B29", "C29"].map(t),
    ).toEqual([
      "产出指标",
      "数量指标",
      "指标1：",
      "",
      "质量指标",
      "效益指标",
      "可持续影响指标",
      "满意度指标",
      "服务对象满意度指标",
    ]);
    expect(fake.sheet("绩效目标表").merged).toEqual([
      "A1:E1",
      "B2:E2",
      "B3:E3",
      "A4:A9",
      ...[4, 5, 6, 7, 8, 9].map((r) => `C${r}:E${r}`),
      "B10:E10",
      "A11:A30",
      "B12:B19",
      "C12:C13",
      "C14:C15",
      "C16:C17",
      "C18:C19",
      "B20:B28",
      "C20:C21",
      "C22:C23",
      "C24:C25",
      "C26:C28",
      "B29:B30",
      "C29:C30",
      "A31:E31",
    ]);
  });

  it("each form prints on one A4 page, portrait, centred", () => {
    for (const name of ["封面", "承诺书", "现场核查表", "绩效目标表"]) {
      const page = fake.sheet(name).page;
      expect([
        page.orientation,
        page.paperSize,
        page.centerHorizontally,
        page.zoom,
      ]).toEqual([
        "Portrait",
        "A4",
        true,
        { horizontalFitToPages: 1, verticalFitToPages: 1 },
      ]);
    }
  });

  it("a second insert refers to the 情况表 now there and adds no second one; the forms get new names", async () => {
    const again = await counted(fake, () => ops().reportForms());
    expect(again.result).toEqual([
      "封面(2)",
      "承诺书(2)",
      "现场核查表(2)",
      "绩效目标表(2)",
    ]);
    expect(again.syncs).toBe(5);
    expect(at(fake, "封面(2)", "C5")).toBe(`='项目情况表'!$E$4&""`);
    expect(fake.sheets.filter((s) => s.name === "techfund_lists")).toHaveLength(
      1,
    );
  });
});

describe("申请报告表样 in a workbook holding a received 情况表 (project-info-2.xlsx)", () => {
  it("refers to that sheet's row, inserts no 情况表 of its own, and leaves the user's sheet named 封面 untouched", async () => {
    const read = await readWorkbookFile(`${SAMPLES}/project-info-2.xlsx`);
    if (!read.ok) throw new Error(read.error.message);
    const fake = installCheckFake(FakeExcel.of(read.workbook));
    fake.sheet("项目情况表").name = "忻州 情况表";
    fake.active = "忻州 情况表";
    fake.addSheet("封面", [["企业自己做的封面"]]);
    const before = fake.snapshot();
    const run = await counted(fake, () => ops().reportForms());
    expect(run).toEqual({
      result: ["封面(2)", "承诺书", "现场核查表", "绩效目标表"],
      syncs: 5,
      runs: 1,
    });
    // Everything that was there is unchanged: the new sheets come after it.
    const after = JSON.parse(fake.snapshot()) as { name: string }[];
    expect(JSON.stringify(after.slice(0, 2))).toBe(before);
    expect(at(fake, "封面", "A1")).toBe("企业自己做的封面");
    expect(fake.active).toBe("封面(2)");
    const s = "'忻州 情况表'!";
    expect(at(fake, "封面(2)", "C5")).toBe(`=${s}$E$4&""`);
    expect(at(fake, "封面(2)", "C10")).toBe(SUPPORT(`${s}$G$4`));
    expect(at(fake, "承诺书", "B5")).toBe(`=${s}$H$4&""`);
    expect(at(fake, "现场核查表", "B4")).toBe(`=${s}$G$4&""`);
  });
});

describe("a refused insert leaves the workbook as it was", () => {
  it("申请报告表样: Excel refuses the third form's sheet; no sheet, list sheet or name stays; the next try works", async () => {
    const fake = installCheckFake(new FakeExcel());
    fake.addSheet("Sheet1", [["用户的数据"]]);
    const before = fake.snapshot();
    fake.failNext = {
      code: "ItemAlreadyExists",
      when: (op) => op === "worksheets.add:现场核查表",
    };
    await expect(ops().reportForms()).rejects.toMatchObject({
      name: "OperationError",
      code: "ItemAlreadyExists",
      message: "插入申请报告表样失败：同名的工作表或名称已存在。",
    });
    expect(fake.snapshot()).toBe(before);
    expect(fake.names).toEqual([]);
    expect(await ops().reportForms()).toEqual([
      "项目情况表",
      "封面",
      "承诺书",
      "现场核查表",
      "绩效目标表",
    ]);
  });

  it("资格自检表 and “免申即享”申报表: a refused dropdown undoes the whole insert", async () => {
    const fake = installCheckFake(new FakeExcel());
    fake.addSheet("Sheet1");
    const before = fake.snapshot();
    for (const insert of [
      () => ops().eligibility("制造业营收进档奖励", {}),
      () => ops().exemptApplication(),
    ]) {
      fake.failNext = {
        code: "InvalidArgument",
        when: (op) => op === "dataValidation.rule",
      };
      await expect(insert()).rejects.toMatchObject({
        code: "InvalidArgument",
        message: expect.stringMatching(
          /^插入(资格自检表|“免申即享”申报表)失败：Excel 不接受本次写入的参数/,
        ),
      });
      expect(fake.snapshot()).toBe(before);
      expect(fake.names).toEqual([]);
    }
  });
});

describe("资格自检表 and “免申即享”申报表", () => {
  it("资格自检 of 制造业营收进档奖励: 3 syncs (read, write, events back on); the typed revenue a number, verdicts as formulas with the notice's words", async () => {
    const fake = installCheckFake(new FakeExcel());
    fake.addSheet("资格自检", [["旧的自检"]]);
    const run = await counted(fake, () =>
      ops().eligibility("制造业营收进档奖励", {
        revenue2023: "100000",
        revenue2024: "130000",
      }),
    );
    expect(run).toEqual({ result: ["资格自检(2)"], syncs: 3, runs: 1 });
    expect(at(fake, "资格自检", "A1")).toBe("旧的自检");
    const t = (a: string) => at(fake, "资格自检(2)", a);
    expect(["A1", "B2", "B3", "A12", "B12", "A13", "B13"].map(t)).toEqual([
      "山西省技术改造专项资金事项类项目资格自检表",
      "制造业营收进档奖励",
      "企业增量提质专项",
      "2023年营业收入",
      100000,
      "2024年营业收入",
      130000,
    ]);
    expect(["A23", "B23", "C23", "D23"].map(t)).toEqual([
      "营收增量",
      '=IF(AND(ISNUMBER(B13),ISNUMBER(B12)),IF((B13-B12)>=30000,"符合","不符合"),"待核实")',
      "2024 年度营收增量 3 亿元以上",
      "附件1 六(四)",
    ]);
    expect(t("B26")).toBe(
      '=IF(COUNTIF(B17:B25,"不符合")>0,"不符合",IF(COUNTIF(B17:B25,"待核实")>0,"待核实","符合"))',
    );
    const v = fake.sheet("资格自检(2)").validations;
    expect(v.find((x) => x.address === "B11")?.rule).toEqual({
      list: { inCellDropDown: true, source: "=TFLIST_industry" },
    });
    expect(v.find((x) => x.address === "B6")?.rule).toEqual({
      list: { inCellDropDown: true, source: "是,否" },
    });
  });

  it("“免申即享”申报表: 3 syncs, the 附件4 header without 序号, the 试点示范 list of 附件1 六(七) as a dropdown, the mark", async () => {
    const fake = installCheckFake(new FakeExcel());
    fake.addSheet("Sheet1");
    const run = await counted(fake, () => ops().exemptApplication());
    expect(run).toEqual({ result: ["免申即享申报表"], syncs: 3, runs: 1 });
    const t = (a: string) => at(fake, "免申即享申报表", a);
    expect(["A1", "A2", "A3", "D3", "E3", "F3", "F4", "O3"].map(t)).toEqual([
      "山西省技术改造专项资金事项类项目（“免申即享”）申报表",
      "项目申报企业（单位）（公章）：",
      "所在市",
      "企业（单位）名称",
      "申报奖励的2024年度国家级试点示范名称",
      "企业2024年度获批的国家级试点示范名称",
      "试点示范1",
      "项目联系人及手机",
    ]);
    expect(fake.sheet("免申即享申报表").merged).toContain("F3:H3");
    const source = (
      fake.sheet("免申即享申报表").validations.find((x) => x.address === "E5")
        ?.rule as { list: { source: string } }
    ).list.source;
    expect(source.split(",")).toHaveLength(15);
    expect(source.split(",").slice(0, 2)).toEqual([
      "企业技术中心",
      "制造业中试平台",
    ]);
    expect(fake.sheet("免申即享申报表").names.map((n) => n.name)).toEqual([
      "TECHFUND_exempt_summary_V1",
    ]);
  });
});

describe("资格自检 answers read from the open workbook", () => {
  const book = () =>
    FakeExcel.of(
      workbookOf([
        tableSheet("project-info", [infoRow()]),
        tableSheet("loan-interest", [loanRow(1), loanRow(2)]),
      ]),
    );

  it("the 情况表's direction and chain, the 明细表's 2024 interest (2 × 32.5833 = 65.1666 万元); nothing written", async () => {
    const fake = installCheckFake(book());
    const before = fake.snapshot();
    expect(await ops().eligibilityFromWorkbook!()).toEqual({
      direction: "产业链贷款贴息",
      answers: { interest2024: "65.1666" },
      chain: "特钢材料产业链",
      filled: [
        "2024年度全部新增贷款产生的利息“65.1666 万元”（新增贷款明细表）",
        "所属省级重点产业链“特钢材料产业链”（项目名称）",
      ],
    });
    expect(fake.snapshot()).toBe(before);
  });

  it("a direction chosen in the pane wins; a workbook without a 情况表 and no choice gives nothing", async () => {
    installCheckFake(book());
    const chosen = await ops().eligibilityFromWorkbook!("制造业营收进档奖励");
    expect(chosen).toMatchObject({
      direction: "制造业营收进档奖励",
      answers: { industry: "钢铁" },
    });
    uninstallCheckFake();
    const fake = installCheckFake(new FakeExcel());
    fake.addSheet("Sheet1", [["用户的数据"]]);
    expect(await ops().eligibilityFromWorkbook!()).toBeUndefined();
  });
});
