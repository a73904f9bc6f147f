/** mergeLogSheet: one row per input, then the totals; sizes and counts as numbers. */
import { mergeFiles, mergeLogSheet } from "../../../src/core/merge";
import { tableSheet, workbookOf } from "../../helpers/sheet";

const row = {
  seq: 1,
  city: "忻州市",
  county: "定襄县",
  enterpriseName: "忻州市定襄法兰制造有限公司",
  special: "企业增量提质专项",
  direction: "制造业营收进档奖励",
  projectName: "制造业营收进档奖励（传统装备制造）",
  nature: "民营企业",
  category: "传统优势产业",
  industry: "传统装备制造",
  contact: "陈会计 13994010012",
};

test("合并日志: file, size, SHA-256, status, rows, counts and what was taken or why not; then 合计", () => {
  const result = mergeFiles([
    {
      fileName: "定襄.xlsx",
      size: 7282,
      sha256: "4d".repeat(32),
      read: {
        ok: true,
        workbook: workbookOf([tableSheet("project-info", [row])]),
      },
    },
    {
      fileName: "不存在.xlsx",
      read: {
        ok: false,
        error: { message: "无法读取文件：不存在.xlsx（找不到文件或目录）" },
      },
    },
  ]);
  const sheet = mergeLogSheet(result);
  expect(sheet.name).toBe("合并日志");
  expect(sheet.columns.map((c) => c.header)).toEqual([
    "文件",
    "大小（字节）",
    "SHA-256",
    "状态",
    "取用行数",
    "错误",
    "警告",
    "提示",
    "说明",
  ]);
  expect(sheet.rows).toEqual([
    {
      cells: [
        "定襄.xlsx",
        7282,
        "4d".repeat(32),
        "已合并",
        1,
        0,
        0,
        0,
        "申报汇总表 1 行（工作表：项目情况表）",
      ],
    },
    {
      cells: [
        "不存在.xlsx",
        "",
        "",
        "无法读取",
        0,
        0,
        0,
        0,
        "无法读取文件：不存在.xlsx（找不到文件或目录）",
      ],
      severity: "error",
    },
    { cells: ["合计：2 个文件", "", "", "", 1, 0, 0, 0, "申报汇总表 1 行"] },
  ]);
});
