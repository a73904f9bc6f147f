/**
 * A 项目情况表 workbook (written with SheetJS) whose two rows name a 所在县 outside their 所在市 (泽州县 under 太原市:
 * INFO-COUNTY 警告 on C4 and C5), for the tests of the enterprises' explanations (the worker's and the 审核工作台's).
 */
import * as XLSX from "@e965/xlsx";

/**
 * The workbook, with our explanation sheet (techfund_说明) holding `explanations` when there are any.
 * @param enterprise 企业（单位）名称 of both rows and of the line under the title
 * @param explanations rows of techfund_说明: [工作表, 单元格, 规则, 说明, 时间]
 */
export function countyWarningsBook(
  enterprise: string,
  explanations: string[][] = [],
): XLSX.WorkBook {
  const row = (seq: number) => [
    seq,
    "太原市",
    "泽州县",
    "",
    enterprise,
    "企业增量提质专项",
    "制造业营收进档奖励",
    "制造业营收进档奖励（传统装备制造）",
    "民营企业",
    "传统优势产业",
    "传统装备制造",
    "周工 13912345678",
  ];
  const header =
    "序号,所在市,所在县,所在开发区,企业（单位）名称,申报专项,申报方向,项目名称,企业（单位）性质,行业分类,所属行业,项目联系人及手机".split(
      ",",
    );
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(
    book,
    XLSX.utils.aoa_to_sheet([
      ["山西省技术改造专项资金事项类项目情况表"],
      [`项目申报企业（单位）（公章）：${enterprise}`],
      header,
      row(1),
      row(2),
    ]),
    "项目情况表",
  );
  if (explanations.length > 0)
    XLSX.utils.book_append_sheet(
      book,
      XLSX.utils.aoa_to_sheet([
        ["工作表", "单元格", "规则", "说明", "时间"],
        ...explanations,
      ]),
      "techfund_说明",
    );
  return book;
}
