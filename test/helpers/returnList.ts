/** The header row of a 差错清单 (one per enterprise, written by check --return and the 审核工作台), as written by hand. */
export const RETURN_LIST_HEADER = [
  "序号",
  "文件",
  "工作表",
  "单元格",
  "列名",
  "级别",
  "问题",
  "通知依据",
  "企业答复",
];
