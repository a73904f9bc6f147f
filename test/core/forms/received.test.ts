/**
 * Forms filled from a received 项目情况表: the row read from the samples, the fields it cannot fill, the
 * “免申即享”申报表's row, and the 资格自检 answers a workbook gives (所属行业, the 明细表's 2024 interest, the chain).
 */
import {
  chainOfProject,
  eligibilityFromInfo,
  exemptApplicationFromInfo,
  gapsText,
  receivedInfo,
  reportFormsGaps,
  type ReceivedInfo,
} from "../../../src/core/forms/received";
import type { Workbook } from "../../../src/core/model/grid";
import { readWorkbookFile } from "../../../src/xlsx/node";
import { loanRow, tableSheet, workbookOf } from "../../helpers/sheet";
import { infoRow } from "../../taskpane/workbench/fakes";

const SAMPLES = `${__dirname}/../../../../shared/samples`;

async function sample(name: string): Promise<Workbook> {
  const read = await readWorkbookFile(`${SAMPLES}/${name}`);
  if (!read.ok) throw new Error(read.error.message);
  return read.workbook;
}

function infoOf(wb: Workbook): ReceivedInfo {
  const r = receivedInfo(wb);
  if (!r.ok) throw new Error(r.reason);
  return r.info;
}

describe("receivedInfo", () => {
  it("reads the first row of the samples' 情况表 (project-info-3 is a LibreOffice .xls)", async () => {
    const info = infoOf(await sample("project-info-3.xls"));
    expect(info).toMatchObject({ sheet: "项目情况表", row: 3, moreRows: 0 });
    expect(info.values).toEqual({
      seq: "1",
      city: "太原市",
      county: "万柏林区",
      enterpriseName: "山西晋阳现代医药有限公司",
      special: "技术创新牵引专项",
      direction: "新药研发和产业化（仿制药）",
      projectName: "盐酸二甲双胍缓释片",
      nature: "省属国企",
      category: "战略性新兴产业",
      industry: "现代医药",
      contact: "褚经理 13613510013",
    });
    expect(info.cells).toMatchObject({ direction: "G4", contact: "L4" });
  });

  it("says why a workbook gives nothing: no 情况表 (a loan 明细表 only), or a 情况表 without a filled row", async () => {
    expect(receivedInfo(await sample("loan-handmade.xlsx"))).toEqual({
      ok: false,
      reason: "noTable",
    });
    const empty = workbookOf([tableSheet("project-info", [])]);
    expect(receivedInfo(empty)).toEqual({
      ok: false,
      reason: "noRow",
      sheet: "项目情况表",
      row: 4,
    });
  });

  it("counts the projects after the first", () => {
    const wb = workbookOf([
      tableSheet("project-info", [
        infoRow(),
        infoRow({ seq: 2, projectName: "产业链贷款贴息（光伏产业链）" }),
      ]),
    ]);
    expect(infoOf(wb).moreRows).toBe(1);
  });
});

describe("what the 情况表 cannot fill", () => {
  it("a complete row leaves only what the 情况表 does not hold: 申报日期, 项目实施目标, the 绩效目标表's figures", async () => {
    const gaps = reportFormsGaps(infoOf(await sample("project-info-1.xlsx")));
    expect(gaps.map((g) => `${g.form}:${g.field}:${g.reason.kind}`)).toEqual([
      "封面:申报日期:notInInfo",
      "承诺书:项目实施目标:notInInfo",
      "绩效目标表:资金情况（万元）:notInInfo",
      "绩效目标表:总体目标:notInInfo",
      "绩效目标表:绩效指标:notInInfo",
    ]);
    expect(gapsText(gaps.filter((g) => g.form === "绩效目标表"))).toBe(
      "资金情况（万元）、总体目标、绩效指标（情况表中没有这些项）",
    );
  });

  it("an empty 项目名称 and a contact without a mobile are named with their cell", () => {
    const wb = workbookOf([
      tableSheet("project-info", [
        infoRow({ projectName: null, contact: "王明" }),
      ]),
    ]);
    const gaps = reportFormsGaps(infoOf(wb));
    expect(gapsText(gaps.filter((g) => g.form === "封面"))).toBe(
      "项目名称（情况表 H4“项目名称”为空）；联系手机（情况表 L4“项目联系人及手机”中没有11位手机号）；申报日期（情况表中没有此项）",
    );
    expect(gapsText(gaps.filter((g) => g.form === "现场核查表"))).toBe(
      "项目名称（情况表 H4“项目名称”为空）",
    );
  });

  it("the “免申即享”申报表 takes the enterprise's columns of the 情况表 and leaves the 试点示范 to the enterprise", async () => {
    const { values, gaps } = exemptApplicationFromInfo(
      infoOf(await sample("project-info-2.xlsx")),
    );
    expect(values).toEqual({
      city: "忻州市",
      county: "定襄县",
      enterpriseName: "忻州市定襄法兰制造有限公司",
      nature: "民营企业",
      industry: "传统装备制造",
      contact: "陈会计 13994010012",
    });
    expect(gaps.map((g) => g.field)).toEqual([
      "申报奖励的2024年度国家级试点示范名称",
      "企业2024年度获批的国家级试点示范名称“试点示范1”",
      "企业截至2024年度累计获批的国家级试点示范数量（个）",
      "企业截至2024年度累计获批的国家级试点示范名称“试点示范1（试点示范名称+获批年度）”",
    ]);
  });
});

describe("the 资格自检 answers of a received workbook", () => {
  it("制造业营收进档奖励: 所属行业 from the 情况表 (K4); the revenues stay to be typed", async () => {
    const wb = await sample("project-info-2.xlsx");
    const e = eligibilityFromInfo("制造业营收进档奖励", infoOf(wb), wb);
    expect(e.answers).toEqual({ industry: { v: "传统装备制造" } });
    expect(e.filled).toEqual([
      { label: "所属行业", text: "传统装备制造", source: "项目情况表 K4" },
    ]);
    expect(e.blank).toContain("2023年营业收入");
    expect(e.blank).toContain("2024年营业收入");
    expect(e.blank).not.toContain("所属行业");
    expect(e.chain).toBeUndefined();
  });

  it("产业链贷款贴息: the 2024 interest of the 明细表 (2 × 32.5833 = 65.1666 万元) and the chain of the 项目名称", () => {
    const wb = workbookOf([
      tableSheet("project-info", [infoRow()]),
      tableSheet("loan-interest", [loanRow(1), loanRow(2)]),
    ]);
    const e = eligibilityFromInfo("产业链贷款贴息", infoOf(wb), wb);
    expect(e.answers).toEqual({ interest2024: { v: 65.1666 } });
    expect(e.filled).toEqual([
      {
        label: "2024年度全部新增贷款产生的利息",
        text: "65.1666 万元",
        source: "新增贷款明细表",
      },
    ]);
    expect(e.chain).toBe("特钢材料产业链");
  });

  it("without a 明细表 the interest stays blank", () => {
    const wb = workbookOf([tableSheet("project-info", [infoRow()])]);
    const e = eligibilityFromInfo("产业链贷款贴息", infoOf(wb), wb);
    expect(e.answers).toEqual({});
    expect(e.blank).toContain("2024年度全部新增贷款产生的利息");
  });

  it("reads the chain from the 项目名称's last brackets, with or without 产业链", () => {
    expect(chainOfProject("链上企业协作配套奖励（高端装备制造产业链）")).toBe(
      "高端装备制造产业链",
    );
    expect(chainOfProject("产业链贷款贴息(光伏)")).toBe("光伏产业链");
    expect(
      chainOfProject("制造业营收进档奖励（传统装备制造）"),
    ).toBeUndefined();
    expect(chainOfProject("盐酸二甲双胍缓释片")).toBeUndefined();
  });
});
