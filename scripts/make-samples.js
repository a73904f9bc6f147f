#!/usr/bin/env node
// Writes the sample workbooks of the 审核工作台 (assets/samples/*.xlsx and index.json) from invented data, laid out the way
// people make them by hand from the notice's tables (title, a line, the header, a 合计 row with SUM formulas). Every
// name, number and contract code is invented. Run once after changing it: `node scripts/make-samples.js`; the files are
// committed (a user's machine has no ../shared/samples) and webpack copies assets/ into the build.
//
// What they show (test/taskpane/workbench/sampleFiles.test.ts checks it):
// - 示例-项目情况表-大同.xlsx: a clean 项目情况表;
// - 示例-项目情况表-长治.xlsx: a 项目情况表 whose 所在县 is not in its 所在市 and whose contact has no mobile number;
// - 示例-贷款明细表.xlsx: a 新增贷款明细表 with a loan drawn in 2023 and a loan used to repay another bank's loan.
const path = require("path");
const ExcelJS = require("exceljs");

const OUT = path.resolve(__dirname, "..", "assets", "samples");

const INFO_HEADER = [
  "序号",
  "所在市",
  "所在县",
  "所在开发区",
  "企业（单位）名称",
  "申报专项",
  "申报方向",
  "项目名称",
  "企业（单位）性质",
  "行业分类",
  "所属行业",
  "项目联系人及手机",
];

const LOAN_HEADER = [
  "序号",
  "企业名称",
  "所属省级重点产业链",
  "2024年度新增贷款金额",
  "借款银行名称",
  "借款合同编号",
  "贷款提款时间",
  "借款时限",
  "2024年借款起息日\n（以借款借据为准）",
  "2024年借款止息日\n（以借款借据为准）",
  "贷款利率（%）",
  "2024年实际付息天数",
  "2024年利息实际发生额",
  "对应付息流水或利息单所在页码",
  "2024年度新增贷款用途",
];

const thin = { style: "thin" };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };

/** Title row merged over the table, a line under it, the header row (bold, wrapped), bordered cells. */
function sheetWithHeader(wb, name, title, line, header, widths) {
  const ws = wb.addWorksheet(name);
  ws.columns = widths.map((width) => ({ width }));
  ws.mergeCells(1, 1, 1, header.length);
  ws.getCell(1, 1).value = title;
  ws.getCell(1, 1).font = { bold: true, size: 16 };
  ws.getCell(1, 1).alignment = { horizontal: "center" };
  ws.mergeCells(2, 1, 2, header.length);
  ws.getCell(2, 1).value = line;
  const row = ws.getRow(3);
  header.forEach((h, c) => {
    const cell = row.getCell(c + 1);
    cell.value = h;
    cell.font = { bold: true };
    cell.alignment = {
      wrapText: true,
      vertical: "middle",
      horizontal: "center",
    };
    cell.border = BORDER;
  });
  row.height = 45;
  return ws;
}

async function projectInfo(file, enterprise, values) {
  const wb = new ExcelJS.Workbook();
  const ws = sheetWithHeader(
    wb,
    "项目情况表",
    "山西省技术改造专项资金事项类项目情况表",
    `项目申报企业（单位）（公章）：${enterprise}`,
    INFO_HEADER,
    [6, 10, 10, 14, 28, 18, 22, 36, 12, 14, 14, 20],
  );
  values.forEach((v, c) => {
    const cell = ws.getCell(4, c + 1);
    cell.value = v;
    cell.border = BORDER;
  });
  await wb.xlsx.writeFile(path.join(OUT, file));
}

/** Date as Excel stores it (UTC midnight: ExcelJS writes Dates as UTC, toolchain.md trap 9). */
const day = (y, m, d) => new Date(Date.UTC(y, m - 1, d));

/** Days from start to end (算头不算尾) and the interest in 万元 (amount × rate% × days / 360), 4 decimals. */
function interest(amount, rate, start, end) {
  const days = Math.round((end - start) / 86400000);
  return {
    days,
    value: Math.round(((amount * rate) / 100) * (days / 360) * 10000) / 10000,
  };
}

async function loans() {
  const wb = new ExcelJS.Workbook();
  const ws = sheetWithHeader(
    wb,
    "新增贷款明细表",
    "省级重点产业链链上企业2024年度新增贷款明细表",
    "单位：万元",
    LOAN_HEADER,
    [6, 26, 18, 12, 30, 20, 14, 30, 14, 14, 10, 10, 12, 12, 28],
  );
  const enterprise = "大同市云冈新能源装备有限公司";
  const bank = "中国建设银行股份有限公司大同分行";
  const rows = [
    [
      1500,
      "JH-DT-2024-0316",
      day(2024, 3, 8),
      "2024年3月8日—2027年3月7日",
      day(2024, 3, 8),
      3.4,
      21,
      "风电齿轮箱生产线技术改造",
    ],
    [
      600,
      "JH-DT-2023-1207",
      day(2023, 12, 15),
      "2023年12月15日—2025年12月14日",
      day(2024, 1, 1),
      3.55,
      22,
      "购置数控加工设备",
    ],
    [
      900,
      "JH-DT-2024-0618",
      day(2024, 6, 20),
      "2024年6月20日—2025年6月19日",
      day(2024, 6, 20),
      3.3,
      23,
      "偿还其他银行贷款",
    ],
  ];
  const end = day(2024, 12, 21);
  const first = 5;
  rows.forEach(
    ([amount, contract, drawn, term, start, rate, page, purpose], i) => {
      const { days, value } = interest(amount, rate, start, end);
      const values = [
        i + 1,
        enterprise,
        "风电装备产业链",
        amount,
        bank,
        contract,
        drawn,
        term,
        start,
        end,
        rate,
        days,
        value,
        page,
        purpose,
      ];
      values.forEach((v, c) => {
        const cell = ws.getCell(first + i, c + 1);
        cell.value = v;
        cell.border = BORDER;
        if (v instanceof Date) cell.numFmt = "yyyy-mm-dd";
      });
    },
  );
  // 合计 above the rows, with SUM formulas and their cached results, as many hand-made sheets have it.
  const last = first + rows.length - 1;
  ws.getCell(4, 1).value = "合计";
  for (const c of [4, 13]) {
    const col = String.fromCharCode(64 + c);
    let result = 0;
    for (let r = first; r <= last; r++) result += ws.getCell(r, c).value;
    ws.getCell(4, c).value = {
      formula: `SUM(${col}${first}:${col}${last})`,
      result: Math.round(result * 10000) / 10000,
    };
  }
  for (let c = 1; c <= LOAN_HEADER.length; c++)
    ws.getCell(4, c).border = BORDER;
  await wb.xlsx.writeFile(path.join(OUT, "示例-贷款明细表.xlsx"));
}

async function main() {
  const files = [
    "示例-项目情况表-大同.xlsx",
    "示例-项目情况表-长治.xlsx",
    "示例-贷款明细表.xlsx",
  ];
  await projectInfo(files[0], "大同市云冈新能源装备有限公司", [
    1,
    "大同市",
    "云冈区",
    "",
    "大同市云冈新能源装备有限公司",
    "企业增量提质专项",
    "链上企业协作配套奖励",
    "链上企业协作配套奖励（风电装备产业链）",
    "民营企业",
    "战略性新兴产业",
    "高端装备制造",
    "赵工 13903520101",
  ]);
  await projectInfo(files[1], "长治市潞安精工机械有限公司", [
    1,
    "长治市",
    "泽州县",
    "",
    "长治市潞安精工机械有限公司",
    "企业增量提质专项",
    "制造业营收进档奖励",
    "制造业营收进档奖励（传统装备制造）",
    "民营企业",
    "传统优势产业",
    "传统装备制造",
    "钱会计 0355-2021234",
  ]);
  await loans();
  require("fs").writeFileSync(
    path.join(OUT, "index.json"),
    `${JSON.stringify({ files }, null, 2)}\n`,
  );
  console.log(`已写入 ${files.length} 个示例文件：${OUT}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
