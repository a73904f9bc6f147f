/**
 * Every reason and note code of the parsers: a value that gives it, and the exact Chinese the catalog (messages/parse.ts)
 * words it in. The tables are typed by the codes, so a new code without a case here is a compiler error.
 */
import type { Cell } from "../../../src/core/model/grid";
import {
  noteText,
  PARSE_NOTES_ZH,
  PARSE_REASONS_ZH,
  reasonText,
} from "../../../src/core/messages/parse";
import {
  type NoteCode,
  type Parsed,
  parseDateRangeText,
  parseDateText,
  type ReasonCode,
  readDate,
  readDateRange,
  readInteger,
  readNumber,
  readOrgCode,
  readPercent,
} from "../../../src/core/parse";

const cell = (v: Cell["v"], extra: Partial<Cell> = {}): Cell => ({
  v,
  ...extra,
});

/** Per reason code: a parse that fails with it, and the words users read. */
const REASONS: Record<ReasonCode, [Parsed<unknown>, string]> = {
  "CELL-EMPTY": [readNumber(cell("  ")), "单元格为空"],
  "CELL-ERROR": [
    readDate(cell(null, { e: "#REF!" }), false),
    "单元格显示错误值#REF!",
  ],
  "CELL-LOGICAL": [
    readDateRange(cell(true), false),
    "单元格是逻辑值TRUE，不是起止日期",
  ],
  "NUMBER-TEXT": [readNumber(cell("约12")), "“约12”不是数字"],
  "NUMBER-GROUPING": [
    readNumber(cell("12 34")),
    "“12 34”中的千分位分隔符位置不对，无法确定数值",
  ],
  "NUMBER-UNIT": [
    readNumber(cell("3.5元")),
    "“3.5元”的单位是“元”，本栏单位为万元，请换算为万元后只填数字",
  ],
  "INTEGER-FRACTION": [readInteger(cell(340.5)), "应为整数，填写的是340.5"],
  "PERCENT-TEXT": [readPercent(cell("百分之三")), "“百分之三”不是百分数"],
  "DATE-TEXT": [
    parseDateText("长期"),
    "“长期”不是可识别的日期，请填写如2024年3月5日",
  ],
  "DATE-MONTH": [
    parseDateText("2024.13.1"),
    "“2024.13.1”不是有效日期：没有13月",
  ],
  "DATE-DAY": [parseDateText("2024.3.0"), "“2024.3.0”不是有效日期：没有0日"],
  "DATE-MONTH-DAYS": [
    parseDateText("2023年2月29日"),
    "“2023年2月29日”不是有效日期：2023年2月只有28天",
  ],
  "DATE-NUMBER": [
    readDate(cell(0), false),
    "数字0不是日期，请填写如2024年3月5日",
  ],
  "DATE-1900-02-29": [
    readDate(cell(60), false),
    "日期序列号60对应不存在的1900年2月29日，不是有效日期",
  ],
  "RANGE-TEXT": [
    parseDateRangeText("三年"),
    "“三年”不是可识别的起止日期，请写成如2024年3月5日—2025年3月4日",
  ],
  // No text found splits two ways (a search over dates, 至, hyphens, spaces and times found none): the words alone.
  "RANGE-AMBIGUOUS": [
    {
      ok: false,
      reason: { code: "RANGE-AMBIGUOUS", text: "2024-3-5-2025-3-4" },
    },
    "“2024-3-5-2025-3-4”可以按多种方式拆成两个日期，请写成如2024年3月5日—2025年3月4日",
  ],
  "RANGE-SINGLE": [
    readDateRange(cell(45356), false),
    "单元格只有一个日期（2024年3月5日），应填写起止日期，如2024年3月5日—2025年3月4日",
  ],
  "RANGE-NUMBER": [
    readDateRange(cell(-5), false),
    "数字-5不是起止日期，请填写如2024年3月5日—2025年3月4日",
  ],
  "CODE-DIGITS-LOST": [
    readOrgCode(cell(914403001922038000)),
    "18位代码以数字存储，末尾数位已丢失（Excel只保留15位有效数字），请将单元格设为文本后重新录入",
  ],
  "CODE-NUMBER": [readOrgCode(cell(1.5)), "数字1.5不是代码"],
  "CODE-LENGTH": [
    readOrgCode(cell("9144030070846113")),
    "代码应为18位统一社会信用代码或9位组织机构代码，填写的“9144030070846113”是16位",
  ],
  "CODE-LENGTH-NUMBER": [
    readOrgCode(cell(12345678)),
    "代码应为18位统一社会信用代码或9位组织机构代码，填写的“12345678”是8位；代码以数字存储，开头的0可能已丢失，请将单元格设为文本后重新录入",
  ],
  "CODE-REGISTRATION": [
    readOrgCode(cell("440301103456789")),
    "代码应为18位统一社会信用代码或9位组织机构代码，填写的“440301103456789”是15位（15位的是原工商注册号），请填写18位统一社会信用代码",
  ],
  "USC-CHAR": [
    readOrgCode(cell("9144030070846113IT")),
    "统一社会信用代码9144030070846113IT的第17位“I”不是允许的字符（不使用I、O、Z、S、V）",
  ],
  "USC-CHECK": [
    readOrgCode(cell("914403007084611367")),
    "统一社会信用代码914403007084611367校验不通过：按前17位，第18位应为“T”，填写的是“7”",
  ],
  "ORG-CHAR": [
    readOrgCode(cell("70846113Y")),
    "组织机构代码70846113Y的第9位“Y”不是允许的字符",
  ],
  "ORG-CHECK": [
    readOrgCode(cell("70846113-5")),
    "组织机构代码708461135校验不通过：按前8位，第9位（校验码）应为“6”，填写的是“5”",
  ],
};

/** Per note code: a parse that reads with it, and the words users read. */
const NOTES: Record<NoteCode, [Parsed<unknown>, string]> = {
  "NUMBER-FROM-TEXT": [
    readNumber(cell("1,234.56")),
    "文本“1,234.56”按数字1234.56读取",
  ],
  "NUMBER-UNIT-DROPPED": [
    readNumber(cell("12.5 万")),
    "已去掉单位“万”，按12.5万元读取",
  ],
  "PERCENT-FROM-FORMAT": [
    readPercent(cell(0.0345, { z: "0.00%" })),
    "单元格为百分比格式，按3.45%读取",
  ],
  "DATE-TIME-IGNORED": [
    parseDateText("2024-03-05 08:30:00"),
    "已忽略时间部分08:30:00",
  ],
  "DATE-FROM-DIGITS": [
    readDate(cell(20240305), false),
    "数字20240305按2024年3月5日读取",
  ],
  "DATE-FROM-SERIAL": [
    readDate(cell(45356), false),
    "按日期序列号45356读作2024年3月5日",
  ],
  "RANGE-PARTS": [
    parseDateRangeText("2024-03-05 08:00至2025-03-04 17:30"),
    "已忽略时间部分08:00；已忽略时间部分17:30",
  ],
  "CODE-NORMALISED": [
    readOrgCode(cell("91440300708461136t")),
    "“91440300708461136t”按91440300708461136T读取",
  ],
};

describe("parser reasons", () => {
  it.each(Object.entries(REASONS))("%s", (code, [parsed, words]) => {
    if (parsed.ok) throw new Error(`${code}: read as ${String(parsed.value)}`);
    expect(parsed.reason.code).toBe(code);
    expect(reasonText(parsed.reason)).toBe(words);
  });

  it("every code of the catalog has a case above", () => {
    expect(Object.keys(REASONS).sort()).toEqual(
      Object.keys(PARSE_REASONS_ZH).sort(),
    );
  });
});

describe("parser notes", () => {
  it.each(Object.entries(NOTES))("%s", (code, [parsed, words]) => {
    if (!parsed.ok) throw new Error(`${code}: ${reasonText(parsed.reason)}`);
    expect(parsed.note?.code).toBe(code);
    expect(noteText(parsed.note!)).toBe(words);
  });

  it("every code of the catalog has a case above", () => {
    expect(Object.keys(NOTES).sort()).toEqual(
      Object.keys(PARSE_NOTES_ZH).sort(),
    );
  });
});
