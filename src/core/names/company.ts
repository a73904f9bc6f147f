/**
 * Company names and codes as keys: matching one enterprise typed differently on several rows or sheets (T4/T5 year
 * analysis, 附件1 六(十)(十一)) and comparing trade names (字号) of 算力 suppliers and related parties (附件1 三(七)).
 */
import { enumKey } from "../catalog/match";
import type { OrgCode } from "../parse";
import { stripRegionPrefix } from "./place";

/**
 * The comparable form of a 企业名称: half-width, no white space, no quotes, lower-case Latin letters, and
 * `有限责任公司` written `有限公司` (the two forms people use for one company).
 * @example companyKey("山西 某某有限责任公司") === companyKey("山西某某有限公司")
 */
export function companyKey(name: string): string {
  return enumKey(name)
    .toLowerCase()
    .replace(/有限责任公司/g, "有限公司");
}

/**
 * The 组织机构代码 part of a code: a 统一社会信用代码 (GB 32100) holds the 9-character 组织机构代码 (GB 11714) at
 * positions 9–17, so an enterprise typed with its old code on one sheet and its credit code on another matches.
 */
export function orgCodeKey(code: OrgCode): string {
  return code.kind === "usc" ? code.code.slice(8, 17) : code.code;
}

/** Company forms (组织形式) at the end of a name, longest first. */
const FORMS = [
  "股份有限公司",
  "有限责任公司",
  "有限公司",
  "股份公司",
  "分公司",
  "总公司",
  "公司",
  "集团",
  "合伙企业",
  "个人独资企业",
  "研究院",
  "研究所",
  "中心",
  "厂",
];

/**
 * Industry words (行业或经营特点) that follow a 字号 in a name, including those common among 算力 suppliers and the
 * notice's industries. Kept as data: add words here when a real name is mis-read.
 */
export const INDUSTRY_WORDS: readonly string[] = [
  "人工智能",
  "信息技术",
  "信息科技",
  "云计算",
  "大数据",
  "数据",
  "计算",
  "算力",
  "智算",
  "智能",
  "科技",
  "技术",
  "信息",
  "网络",
  "通信",
  "电信",
  "软件",
  "电子",
  "数字",
  "数码",
  "云",
  "实业",
  "发展",
  "投资",
  "控股",
  "新能源",
  "能源",
  "电力",
  "煤业",
  "煤电",
  "不锈钢",
  "特钢",
  "钢铁",
  "新材料",
  "材料",
  "化工",
  "工业",
  "重工",
  "机械",
  "装备",
  "制造",
  "贸易",
  "商贸",
  "服务",
  "咨询",
  "管理",
  "建设",
  "工程",
  "产业",
  "国际",
  "股份",
].sort((a, b) => b.length - a.length);

/** `s` without the industry words it ends with, keeping at least one character. */
function stripIndustry(s: string): string {
  let out = s;
  for (let found = true; found;) {
    found = false;
    for (const w of INDUSTRY_WORDS) {
      if (out.endsWith(w) && out.length > w.length) {
        out = out.slice(0, -w.length);
        found = true;
        break;
      }
    }
  }
  return out;
}

/**
 * 字号 (trade name) of a 企业名称, by the naming pattern 行政区划 + 字号 + 行业或经营特点 + 组织形式:
 * 1. {@link companyKey}, then drop bracketed parts (`（北京）`, `（有限合伙）`), and the company forms and region names
 *    at the end (`集团山西有限公司`);
 * 2. drop the region names at the start (provinces, cities, counties, 中国);
 * 3. drop the industry words at the end.
 * When step 3 would leave a lone industry word (`太原重工` → `重工`), the region is part of the trade name and the name
 * after step 1 is returned (`太原重工`).
 * @returns the 字号, or undefined when fewer than 2 characters remain.
 * @example tradeName("山西太钢不锈钢股份有限公司") === "太钢"; tradeName("太钢云计算（北京）有限公司") === "太钢"
 */
export function tradeName(name: string): string | undefined {
  let base = companyKey(name).replace(/\([^()]*\)/g, "");
  for (let found = true; found;) {
    const form = FORMS.find((f) => base.endsWith(f) && base.length > f.length);
    const before = base;
    base = stripRegionPrefix(form ? base.slice(0, -form.length) : base, "end");
    found = base !== before;
  }
  const core = stripIndustry(stripRegionPrefix(base));
  const result = core.length < 2 || INDUSTRY_WORDS.includes(core) ? base : core;
  return result.length >= 2 ? result : undefined;
}
