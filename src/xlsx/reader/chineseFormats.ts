/**
 * Excel's built-in date and time formats as Chinese Excel shows them (内置日期格式). Files refer to these by id only
 * (no format code), and SheetJS would otherwise show them as US dates (`m/d/yy`) or not at all.
 */
export const CHINESE_BUILTIN_FORMATS: Readonly<Record<number, string>> = {
  14: "yyyy/m/d",
  22: "yyyy-m-d h:mm",
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: "m-d-yy",
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午h"时"mm"分"',
  35: '上午/下午h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午h"时"mm"分"',
  56: '上午/下午h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};
