/** List-value suggestions (tables.md "All tables", Enumerations): typed values close to one of the notice's values. */
import {
  CHAINS,
  CITIES,
  COOP_TYPES,
  COUNTIES_BY_CITY,
  NATURES,
} from "../../../src/core/catalog";
import { suggestListValue } from "../../../src/core/meaning";

const CASES: [string, readonly string[], string | null][] = [
  ["民营", NATURES, "民营企业"],
  ["民营 企业", NATURES, null], // the value itself: no suggestion
  ["太原", CITIES, "太原市"],
  ["吕梁", CITIES, "吕梁市"],
  ["清徐", COUNTIES_BY_CITY["太原市"]!, "清徐县"],
  ["小店", COUNTIES_BY_CITY["太原市"]!, "小店区"],
  ["光伏", CHAINS, "光伏产业链"],
  ["消钠配套", COOP_TYPES, "消纳配套"],
  ["省属", NATURES, "省属国企"],
  ["国企", NATURES, null], // 省属国企 or 地方国企: no single suggestion
  ["外资企业", NATURES, null],
  ["北京市", CITIES, null],
  ["新能源", CHAINS, "新能源汽车产业链"],
  ["山西", CITIES, null],
  ["晋", CITIES, null],
];

describe("suggestListValue", () => {
  it.each(CASES.map(([t, v, e]) => [t, e, v] as const))(
    "%s → %s",
    (typed, expected, values) => {
      expect(suggestListValue(typed, values) ?? null).toBe(expected);
    },
  );
});
