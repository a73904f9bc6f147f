/**
 * Rules of 项目情况表 (附件2 二(一)) and 申报汇总表 (附件3): the enumerated columns and their dependencies, and the
 * form of 项目名称. INFO-CITY/COUNTY/NATURE/CONTACT also apply to the “免申即享”申报汇总表 (附件4).
 */
import { suggestListValue } from "../meaning/suggest";
import {
  CATEGORIES,
  CHAINS,
  CITIES,
  COUNTIES_BY_CITY,
  DIRECTIONS_BY_SPECIAL,
  ENUMS,
  INDUSTRIES_BY_CATEGORY,
  NATURES,
  REFORM_ZONE,
  SPECIALS,
  enumKey,
  matchEnum,
} from "../catalog";
import { findMobile } from "../parse";
import { defineRule } from "./types";
import { text, type DataRow } from "../model/table";

const PROJECT_TABLES = ["project-info", "application-summary"] as const;
const PERSON_TABLES = [
  "project-info",
  "application-summary",
  "exempt-summary",
] as const;

/** Every 申报方向 and 所属行业 of the notice: the catalog's lists (one array each, so matchEnum keys them once). */
const ALL_DIRECTIONS = ENUMS.direction.values;
const ALL_INDUSTRIES = ENUMS.industry.values;

/** Directions the notice names but that are not applied for through 附件3 (正文 二(三)). */
const NOT_APPLIED = [
  "试点示范奖励",
  "“链主”“链核”企业奖励",
  "“链主”“链核”认定奖励",
  "“链主”评价奖励",
];

/**
 * The slash forms of the notice typed verbatim, e.g. `专业镇品牌价值提升（区域公共品牌宣传奖励/中国消费名品区域品牌奖励）`:
 * the alternatives it stands for.
 */
function slashAlternatives(value: string): string[] | undefined {
  const m = /^(.*)\(([^()]*\/[^()]*)\)$/.exec(enumKey(value));
  if (!m) return undefined;
  return m[2]!.split("/").map((alt) => `${m[1]}(${alt})`);
}

/** 所在市 as typed → the official city name (accepts the name without 市). */
export function cityOf(value: string): string | undefined {
  return (
    matchEnum(value, CITIES) ??
    CITIES.find((c) => enumKey(c) === `${enumKey(value)}市`)
  );
}

function officialSpecial(row: DataRow): string | undefined {
  return matchEnum(text(row, "special"), SPECIALS);
}

function officialDirection(row: DataRow): string | undefined {
  return matchEnum(text(row, "direction"), ALL_DIRECTIONS);
}

function officialCategory(row: DataRow): string | undefined {
  return matchEnum(text(row, "category"), CATEGORIES);
}

/** `{ suggest }` when a typed value is close to one list value (民营 → 民营企业), for the message; else nothing. */
function suggestion(
  value: string,
  values: readonly string[],
): { suggest?: string } {
  const near = suggestListValue(value, values);
  return near !== undefined ? { suggest: near } : {};
}

/** Checks only typed cells: an empty required cell is ROW-REQUIRED's finding. */
function typed(row: DataRow, key: string): string | undefined {
  const v = text(row, key);
  return v === "" ? undefined : v;
}

/** Params of a list value not in the list, with the nearest list value when one is near ({@link suggestion}). */
interface ListParams {
  value: string;
  suggest?: string;
}

const special = defineRule<ListParams>()({
  code: "INFO-SPECIAL",
  severity: "error",
  source: "附件2 一(一)；附件3 填表说明1",
  tables: PROJECT_TABLES,
  row(row, _t, emit) {
    const v = typed(row, "special");
    if (v !== undefined && !officialSpecial(row))
      emit({
        row: row.row,
        col: "special",
        params: { value: v, ...suggestion(v, SPECIALS) },
      });
  },
});

const direction = defineRule<
  | { case: "notApplied"; value: string }
  | { case: "slash"; value: string }
  | {
      case: "other" | "unknown";
      value: string;
      special: string;
      belongsTo: string;
      suggest?: string;
    }
>()({
  code: "INFO-DIRECTION",
  severity: "error",
  source: "附件2 一(二)；附件3 填表说明2",
  tables: PROJECT_TABLES,
  row(row, _t, emit) {
    const v = typed(row, "direction");
    const sp = officialSpecial(row);
    if (v === undefined) return;
    const at = { row: row.row, col: "direction" as const };
    if (matchEnum(v, NOT_APPLIED)) {
      emit({ ...at, params: { value: v, case: "notApplied" } });
      return;
    }
    const allowed = sp ? DIRECTIONS_BY_SPECIAL[sp]! : ALL_DIRECTIONS;
    if (matchEnum(v, allowed)) return;
    const alternatives = slashAlternatives(v);
    if (alternatives && alternatives.every((a) => matchEnum(a, allowed))) {
      emit({ ...at, severity: "warning", params: { value: v, case: "slash" } });
      return;
    }
    const elsewhere = SPECIALS.find((s) =>
      matchEnum(v, DIRECTIONS_BY_SPECIAL[s]!),
    );
    emit({
      ...at,
      params: {
        value: v,
        special: sp ?? "",
        belongsTo: elsewhere ?? "",
        case: elsewhere ? "other" : "unknown",
        ...(elsewhere ? {} : suggestion(v, allowed)),
      },
    });
  },
});

const nature = defineRule<ListParams>()({
  code: "INFO-NATURE",
  severity: "error",
  source: "附件2 二(一) 填表说明4；附件3 填表说明4",
  tables: PERSON_TABLES,
  row(row, _t, emit) {
    const v = typed(row, "nature");
    if (v !== undefined && !matchEnum(v, NATURES))
      emit({
        row: row.row,
        col: "nature",
        params: { value: v, ...suggestion(v, NATURES) },
      });
  },
});

const category = defineRule<ListParams>()({
  code: "INFO-CATEGORY",
  severity: "error",
  source: "附件2 二(一) 填表说明5；附件3 填表说明5",
  tables: PROJECT_TABLES,
  row(row, _t, emit) {
    const v = typed(row, "category");
    if (v !== undefined && !officialCategory(row))
      emit({
        row: row.row,
        col: "category",
        params: { value: v, ...suggestion(v, CATEGORIES) },
      });
  },
});

const industry = defineRule<
  ListParams & {
    category: string;
    belongsTo: string;
  }
>()({
  code: "INFO-INDUSTRY",
  severity: "error",
  source: "附件2 一(四)；附件3 填表说明6",
  tables: PERSON_TABLES,
  row(row, _t, emit) {
    const v = typed(row, "industry");
    if (v === undefined) return;
    const cat = officialCategory(row);
    const allowed = cat ? INDUSTRIES_BY_CATEGORY[cat]! : ALL_INDUSTRIES;
    if (matchEnum(v, allowed)) return;
    const belongsTo = CATEGORIES.find((c) =>
      matchEnum(v, INDUSTRIES_BY_CATEGORY[c]!),
    );
    emit({
      row: row.row,
      col: "industry",
      params: {
        value: v,
        category: cat ?? "",
        belongsTo: belongsTo ?? "",
        ...(belongsTo ? {} : suggestion(v, allowed)),
      },
    });
  },
});

const city = defineRule<{ value: string; suggest?: string; kind?: "short" }>()({
  code: "INFO-CITY",
  severity: "error",
  source: "正文 一(一)",
  tables: PERSON_TABLES,
  row(row, _t, emit) {
    const v = typed(row, "city");
    if (v === undefined || matchEnum(v, CITIES)) return;
    const short = cityOf(v);
    if (short) {
      // 太原 for 太原市: the city is clear; the official name is asked for (汇总表 rows are merged as typed).
      emit({
        row: row.row,
        col: "city",
        severity: "warning",
        params: { value: v, suggest: short, kind: "short" },
      });
      return;
    }
    const zone = enumKey(v).includes(enumKey(REFORM_ZONE).replace(/山西/, ""));
    emit({
      row: row.row,
      col: "city",
      params: { value: v },
      ...(zone ? { severity: "warning" } : {}),
    });
  },
});

const county = defineRule<ListParams & { city: string }>()({
  code: "INFO-COUNTY",
  severity: "warning",
  source: "附件2 二(一)；附件3",
  tables: PERSON_TABLES,
  row(row, _t, emit) {
    const v = typed(row, "county");
    const c = cityOf(text(row, "city"));
    if (v === undefined || !c) return;
    const counties = COUNTIES_BY_CITY[c] ?? [];
    if (matchEnum(v, counties)) return;
    // 清徐 for 清徐县: the county without 县/区/市 gets the official name suggested.
    emit({
      row: row.row,
      col: "county",
      params: { value: v, city: c, ...suggestion(v, counties) },
    });
  },
});

const contact = defineRule<{ value: string }>()({
  code: "INFO-CONTACT",
  severity: "warning",
  source: "附件2 二(一)；附件3",
  tables: PERSON_TABLES,
  row(row, _t, emit) {
    const v = typed(row, "contact");
    if (v !== undefined && !findMobile(v))
      emit({
        row: row.row,
        col: "contact",
        params: { value: v },
      });
  },
});

/** What 项目名称 must look like for a 申报方向 (附件2 一(三)): the accepted names, or a test, and how to say it. */
interface NameForm {
  expected: string;
  accepts(name: string): boolean;
}

function bracketed(
  prefix: string,
  options: readonly string[],
  label: string,
): NameForm {
  const keys = options.map((o) => enumKey(`${prefix}(${o})`));
  const bare = options.map((o) =>
    enumKey(`${prefix}(${o.replace(/产业链$/, "")})`),
  );
  return {
    expected: `${prefix}（${label}）`,
    accepts: (name) =>
      keys.includes(enumKey(name)) || bare.includes(enumKey(name)),
  };
}

function literal(...names: string[]): NameForm {
  return {
    expected: names.join("”或“"),
    accepts: (name) => names.some((n) => enumKey(n) === enumKey(name)),
  };
}

const ALL_INDUSTRY_NAMES = [...ALL_INDUSTRIES, "电子信息制造业"];
const DIGITAL_CORE = [
  "电子信息制造业",
  "软件和信息技术服务业",
  "通信业",
  "互联网和相关服务业",
];

/** 项目名称 forms by 申报方向 (附件2 一(三)); directions absent here take a free name. */
const NAME_FORMS: Readonly<Record<string, NameForm>> = {
  两化融合管理体系贯标: literal(
    "两化融合管理体系贯标评定（A级）",
    "两化融合管理体系贯标评定（AA级）",
    "两化融合管理体系贯标评定（AAA级）",
  ),
  "人工智能（工业高质量数据集）": literal(
    "“工业高质量数据集”",
    "工业高质量数据集",
  ),
  "人工智能（算力服务）": literal("“算力服务”", "算力服务"),
  重点企业年度能效水平奖励: literal("重点企业年度能效水平奖励"),
  二氧化碳排放管理水平奖励: literal("二氧化碳排放管理水平奖励"),
  用水强度奖励: literal("用水强度奖励"),
  资源综合利用量奖励: literal("资源综合利用量奖励"),
  产业链贷款贴息: bracketed("产业链贷款贴息", CHAINS, "省级重点产业链名称"),
  保险增信补贴: literal("保险增信补贴"),
  融资租赁补贴: literal("融资租赁补贴"),
  制造业营收进档奖励: bracketed(
    "制造业营收进档奖励",
    ALL_INDUSTRY_NAMES,
    "行业",
  ),
  消费品工业营收进档奖励: bracketed(
    "消费品工业营收进档奖励",
    ALL_INDUSTRY_NAMES,
    "行业",
  ),
  数字核心产业营收进档奖励: bracketed(
    "数字核心产业营收进档奖励",
    DIGITAL_CORE,
    "电子信息制造业/软件和信息技术服务业/通信业/互联网和相关服务业",
  ),
  兼并重组奖励: bracketed("兼并重组奖励", ALL_INDUSTRY_NAMES, "行业"),
  "“链主”企业新增协作配套奖励": bracketed(
    "“链主”企业新增协作配套奖励",
    CHAINS,
    "省级重点产业链名称",
  ),
  "“链主”企业存量协作配套提升奖励": bracketed(
    "“链主”企业存量协作配套提升奖励",
    CHAINS,
    "省级重点产业链名称",
  ),
  链上企业协作配套奖励: bracketed(
    "链上企业协作配套奖励",
    CHAINS,
    "省级重点产业链名称",
  ),
  产业链人才培养奖励: bracketed(
    "产业链人才培养奖励",
    CHAINS,
    "省级重点产业链名称",
  ),
};

const projectName = defineRule<{
  value: string;
  direction: string;
  expected: string;
  case: "slash" | "form";
}>()({
  code: "INFO-PROJECT-NAME",
  severity: "warning",
  source: "附件2 一(三)；附件3 填表说明3",
  tables: PROJECT_TABLES,
  row(row, _t, emit) {
    const name = typed(row, "projectName");
    const dir = officialDirection(row);
    if (name === undefined || !dir) return;
    const form = NAME_FORMS[dir];
    if (!form || form.accepts(name)) return;
    const slash = /\/|A\/AA/.test(enumKey(name));
    emit({
      row: row.row,
      col: "projectName",
      params: {
        value: name,
        direction: dir,
        expected: form.expected,
        case: slash ? "slash" : "form",
      },
    });
  },
});

/** 消费品工业 (附件1 六(五) "含食品、轻纺、现代医药产业") and 数字核心产业 (六(六)) industries. */
const CONSUMER = ["食品", "轻工", "纺织", "现代医药"];
const DIGITAL = [
  "电子信息",
  "软件和信息技术服务业",
  "通信业",
  "互联网和相关服务业",
];

/** 营收进档 directions and the industries each admits (附件1 六(四)–(六)). */
const REVENUE_INDUSTRIES: Readonly<
  Record<string, (industry: string) => boolean>
> = {
  制造业营收进档奖励: (i) => !CONSUMER.includes(i) && !DIGITAL.includes(i),
  消费品工业营收进档奖励: (i) => CONSUMER.includes(i),
  数字核心产业营收进档奖励: (i) => DIGITAL.includes(i),
};

const revenueIndustry = defineRule<{ value: string; direction: string }>()({
  code: "INFO-REVENUE-INDUSTRY",
  severity: "error",
  source: "附件1 六(四)、六(五)、六(六)",
  tables: PROJECT_TABLES,
  row(row, _t, emit) {
    const dir = officialDirection(row);
    const ind = matchEnum(text(row, "industry"), ALL_INDUSTRIES);
    const admits = dir ? REVENUE_INDUSTRIES[dir] : undefined;
    if (!dir || !ind || !admits || admits(ind)) return;
    emit({
      row: row.row,
      col: "industry",
      params: { value: ind, direction: dir },
    });
  },
});

/** Directions for 制造业 enterprises only (附件1 六(二)(三)(八), 四(一), 五(四)). */
const MANUFACTURING_ONLY = [
  "保险增信补贴",
  "融资租赁补贴",
  "兼并重组奖励",
  "两化融合管理体系贯标",
  "资源综合利用量奖励",
];
const NOT_MANUFACTURING = [
  "软件和信息技术服务业",
  "通信业",
  "互联网和相关服务业",
];

const manufacturing = defineRule<{ value: string; direction: string }>()({
  code: "INFO-MANUFACTURING",
  severity: "warning",
  source: "附件1 六(二)、六(三)、六(八)、四(一)、五(四)",
  tables: PROJECT_TABLES,
  row(row, _t, emit) {
    const dir = officialDirection(row);
    const ind = matchEnum(text(row, "industry"), ALL_INDUSTRIES);
    if (
      dir &&
      ind &&
      MANUFACTURING_ONLY.includes(dir) &&
      NOT_MANUFACTURING.includes(ind)
    )
      emit({
        row: row.row,
        col: "industry",
        params: { value: ind, direction: dir },
      });
  },
});

export const INFO_RULES = [
  special,
  direction,
  nature,
  category,
  industry,
  city,
  county,
  contact,
  projectName,
  revenueIndustry,
  manufacturing,
] as const;

/** The official 申报方向 of a row, for rules of other families (merge, loan chain). */
export function directionOf(row: DataRow): string | undefined {
  return officialDirection(row);
}
