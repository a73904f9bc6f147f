/**
 * The Chinese words of the parsers' reasons and notes (parse/reasons.ts): why a cell could not be read (CELL-TYPE,
 * COOP-CODE and COMPUTE-CODE findings, 资格自检) and how a non-obvious reading was made. The catalogs' types cover
 * every code, each entry typed by its code's params.
 */
import { formatDate } from "../parse/date";
import type {
  Expected,
  NoteCode,
  NoteParams,
  ParseNote,
  ParseReason,
  ReasonCode,
  ReasonParams,
} from "../parse/reasons";

/** What a parser expected, in the words of `单元格是逻辑值TRUE，不是日期`. */
const EXPECTED_ZH: Record<Expected, string> = {
  number: "数字",
  date: "日期",
  dateRange: "起止日期",
  code: "代码",
};

const DATE_EXAMPLE = "2024年3月5日";
const RANGE_EXAMPLE = "2024年3月5日—2025年3月4日";

/** `代码应为18位…，填写的“…”是N位`: the start of every wrong-length reason. */
function lengthText(value: string): string {
  return `代码应为18位统一社会信用代码或9位组织机构代码，填写的“${value}”是${value.length}位`;
}

export const PARSE_REASONS_ZH: {
  readonly [C in ReasonCode]: (p: ReasonParams[C]) => string;
} = {
  "CELL-EMPTY": () => "单元格为空",
  "CELL-ERROR": (p) => `单元格显示错误值${p.error}`,
  "CELL-LOGICAL": (p) =>
    `单元格是逻辑值${p.value ? "TRUE" : "FALSE"}，不是${EXPECTED_ZH[p.expected]}`,
  "NUMBER-TEXT": (p) => `“${p.text}”不是数字`,
  "NUMBER-GROUPING": (p) => `“${p.text}”中的千分位分隔符位置不对，无法确定数值`,
  "NUMBER-UNIT": (p) =>
    `“${p.text}”的单位是“${p.unit}”，本栏单位为万元，请换算为万元后只填数字`,
  "INTEGER-FRACTION": (p) => `应为整数，填写的是${p.value}`,
  "PERCENT-TEXT": (p) => `“${p.text}”不是百分数`,
  "DATE-TEXT": (p) => `“${p.text}”不是可识别的日期，请填写如${DATE_EXAMPLE}`,
  "DATE-MONTH": (p) => `“${p.text}”不是有效日期：没有${p.month}月`,
  "DATE-DAY": (p) => `“${p.text}”不是有效日期：没有${p.day}日`,
  "DATE-MONTH-DAYS": (p) =>
    `“${p.text}”不是有效日期：${p.y}年${p.m}月只有${p.days}天`,
  "DATE-NUMBER": (p) => `数字${p.value}不是日期，请填写如${DATE_EXAMPLE}`,
  "DATE-1900-02-29": (p) =>
    `日期序列号${p.serial}对应不存在的1900年2月29日，不是有效日期`,
  "RANGE-TEXT": (p) =>
    `“${p.text}”不是可识别的起止日期，请写成如${RANGE_EXAMPLE}`,
  "RANGE-AMBIGUOUS": (p) =>
    `“${p.text}”可以按多种方式拆成两个日期，请写成如${RANGE_EXAMPLE}`,
  "RANGE-SINGLE": (p) =>
    `单元格只有一个日期（${formatDate(p.date)}），应填写起止日期，如${RANGE_EXAMPLE}`,
  "RANGE-NUMBER": (p) => `数字${p.value}不是起止日期，请填写如${RANGE_EXAMPLE}`,
  "CODE-DIGITS-LOST": () =>
    "18位代码以数字存储，末尾数位已丢失（Excel只保留15位有效数字），请将单元格设为文本后重新录入",
  "CODE-NUMBER": (p) => `数字${p.value}不是代码`,
  "CODE-LENGTH": (p) => lengthText(p.value),
  "CODE-LENGTH-NUMBER": (p) =>
    `${lengthText(p.value)}；代码以数字存储，开头的0可能已丢失，请将单元格设为文本后重新录入`,
  "CODE-REGISTRATION": (p) =>
    `${lengthText(p.value)}（15位的是原工商注册号），请填写18位统一社会信用代码`,
  "USC-CHAR": (p) =>
    `统一社会信用代码${p.value}的第${p.position}位“${p.char}”不是允许的字符（不使用I、O、Z、S、V）`,
  "USC-CHECK": (p) =>
    `统一社会信用代码${p.value}校验不通过：按前17位，第18位应为“${p.expected}”，填写的是“${p.value[17]}”`,
  "ORG-CHAR": (p) =>
    `组织机构代码${p.value}的第${p.position}位“${p.char}”不是允许的字符`,
  "ORG-CHECK": (p) =>
    `组织机构代码${p.value}校验不通过：按前8位，第9位（校验码）应为“${p.expected}”，填写的是“${p.value[8]}”`,
};

export const PARSE_NOTES_ZH: {
  readonly [C in NoteCode]: (p: NoteParams[C]) => string;
} = {
  "NUMBER-FROM-TEXT": (p) => `文本“${p.text}”按数字${p.value}读取`,
  "NUMBER-UNIT-DROPPED": (p) => `已去掉单位“${p.unit}”，按${p.value}万元读取`,
  "PERCENT-FROM-FORMAT": (p) => `单元格为百分比格式，按${p.value}%读取`,
  "DATE-TIME-IGNORED": (p) => `已忽略时间部分${p.time}`,
  "DATE-FROM-DIGITS": (p) => `数字${p.value}按${formatDate(p.date)}读取`,
  "DATE-FROM-SERIAL": (p) => `按日期序列号${p.serial}读作${formatDate(p.date)}`,
  "RANGE-PARTS": (p) => p.parts.map(noteText).join("；"),
  "CODE-NORMALISED": (p) => `“${p.typed}”按${p.value}读取`,
};

/** Why a cell could not be read, in Chinese: `单元格显示错误值#REF!`, `“约12”不是数字`. */
export function reasonText(reason: ParseReason): string {
  return (PARSE_REASONS_ZH[reason.code] as (p: ParseReason) => string)(reason);
}

/** How a cell was read, in Chinese: `按日期序列号45356读作2024年3月5日`. */
export function noteText(note: ParseNote): string {
  return (PARSE_NOTES_ZH[note.code] as (p: ParseNote) => string)(note);
}
