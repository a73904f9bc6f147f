/** 申报日期 as the cover prints it (附件2 一 "二〇XX年X月"): `chineseYearMonth(2026, 2)` → `二〇二六年二月`. */
export function chineseYearMonth(year: number, month: number): string {
  const digits = "〇一二三四五六七八九";
  const y = [...String(year)].map((d) => digits[Number(d)]).join("");
  const m =
    [
      "",
      "一",
      "二",
      "三",
      "四",
      "五",
      "六",
      "七",
      "八",
      "九",
      "十",
      "十一",
      "十二",
    ][month] ?? "";
  return `${y}年${m}月`;
}
